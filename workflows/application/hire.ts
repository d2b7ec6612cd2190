// The hire, orchestrated from the application workflow (docs/rules.md §4): the checks on the
// data of the day, then the PASS IAE issued or reused through the parcours workflow, then
// "accepted"; and what a cancelled or postponed hire does to that parcours. Each step is an
// idempotent activity, so a retried or double-clicked accept joins the same hire and a worker
// restart resumes it where it stopped.
import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { nextApplicationState } from '../../domain/applications.ts';
import { isSameHire } from '../../domain/hiring.ts';
import type { ActedBy } from '../contract.ts';
import { attempt, workflowToday } from '../support.ts';
import { actorOf, activities, refuse, type ApplicationCase } from './case.ts';
import {
  applicationWorkflowId,
  obsoleteSignal,
  type AcceptArgs,
  type ApplicationView,
  type PostponeHireArgs,
} from './contract.ts';

/** A repeated accept of the same hire (retry, double click) answers the same outcome. */
const sameHire = (app: ApplicationCase, args: AcceptArgs) => isSameHire(app.view, args);

export function checkHire(app: ApplicationCase, args: AcceptArgs): void {
  if (!sameHire(app, args)) attempt(() => nextApplicationState(app.view.state, 'accept', 'EMPLOYER'));
}

export async function hire(app: ApplicationCase, args: AcceptArgs): Promise<ApplicationView> {
  if (sameHire(app, args)) return app.view;
  attempt(() => nextApplicationState(app.view.state, 'accept', 'EMPLOYER'));
  const { view } = app;
  const planned = await activities.planHire({
    today: workflowToday(),
    applicationId: view.applicationId,
    personId: view.personId,
    employerId: view.employerId,
    senderKind: view.senderKind,
    hiringStartDate: args.hiringStartDate,
    hiringEndDate: args.hiringEndDate,
  });
  if (!planned.ok) return refuse(planned);
  const hire = app.hireOn(args.hiringStartDate);
  if (planned.plan.pass === 'new') {
    await activities.openParcoursForHire({
      passNumber: planned.passNumber!,
      personId: view.personId,
      hire,
      diagnosisId: planned.plan.diagnosisId,
    });
  } else if (planned.plan.pass === 'reuse') {
    const hired = await activities.hireIntoParcours({
      applicationId: view.applicationId,
      passNumber: planned.plan.number,
      hire,
      actedBy: actorOf(args),
    });
    if (!hired.ok) return refuse(hired);
  }
  const accepted = await app.commit('accept', args, {
    state: 'accepted',
    hiringStartDate: args.hiringStartDate,
    hiringEndDate: args.hiringEndDate,
    firstHiringStartDate: args.hiringStartDate,
    passPlan: planned.plan.pass,
    passNumber: planned.passNumber,
    refusalReason: null,
    refusalMessage: null,
  });
  await makeOthersObsolete(app);
  return accepted;
}

/** The person's other pending applications are now obsolete (docs/rules.md §4). */
async function makeOthersObsolete(app: ApplicationCase): Promise<void> {
  const others = await activities.pendingApplicationsOfPerson({
    personId: app.view.personId,
    exceptApplicationId: app.view.applicationId,
  });
  for (const id of others) {
    try {
      await getExternalWorkflowHandle(applicationWorkflowId(id)).signal(obsoleteSignal, {
        hiredThroughApplicationId: app.view.applicationId,
      });
    } catch {
      // Already closed: nothing pending there any more.
    }
  }
}

/** Before an accepted hire is cancelled: the PASS it opened is cancelled, or its place on a reused one dropped. */
export async function cancelHireInParcours(app: ApplicationCase, actedBy: ActedBy): Promise<void> {
  const { view } = app;
  if (!view.passNumber || !view.hiringStartDate) return;
  const cancelled = await activities.cancelHireInParcours({
    applicationId: view.applicationId,
    passNumber: view.passNumber,
    hire: app.hireOn(view.hiringStartDate),
    actedBy: actorOf(actedBy),
  });
  if (!cancelled.ok) refuse(cancelled);
}

/** Moves the start of an accepted hire, in the parcours first (by 30 days at most, before it starts). */
export async function postponeHire(app: ApplicationCase, args: PostponeHireArgs): Promise<ApplicationView> {
  app.checkPostponement(args.hiringStartDate);
  const { view } = app;
  const hire = app.hireOn(view.hiringStartDate!);
  if (view.passNumber) {
    const moved = await activities.postponeHireInParcours({
      applicationId: view.applicationId,
      passNumber: view.passNumber,
      hire,
      newStart: args.hiringStartDate,
      actedBy: actorOf(args),
    });
    if (!moved.ok) refuse(moved);
  }
  return app.commit(
    'postponeHire',
    args,
    { hiringStartDate: args.hiringStartDate, firstHiringStartDate: app.view.firstHiringStartDate ?? hire.start },
    args.hiringStartDate,
  );
}
