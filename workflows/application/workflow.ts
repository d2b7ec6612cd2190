// One workflow per job application (docs/rules.md §4). It applies the transition table of
// domain/applications.ts, sleeps until the next deadline (automatic refusal at 60 days,
// archiving at 180 days without update; any update moves it), and runs the hire: checks,
// then the PASS IAE issued or reused through the parcours workflow, then "accepted". Because
// the hire is one durable update, the application and the PASS never disagree: a retried or
// double-clicked accept joins the same hire, and a worker restart resumes it where it stopped.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ApplicationActivities } from '../../activities/application-contract.ts';
import {
  checkCancellation,
  checkRefusalReason,
  nextApplicationDeadline,
  nextApplicationState,
  PENDING_APPLICATION_STATES,
} from '../../domain/applications.ts';
import { startOfParisDay } from '../../domain/dates.ts';
import { checkHirePostponement, isSameHire } from '../../domain/hiring.ts';
import { attempt, workflowToday } from '../support.ts';
import {
  acceptUpdate,
  applicationQuery,
  applicationSyncUpdate,
  applicationWorkflowId,
  obsoleteSignal,
  postponeHireUpdate,
  transitionUpdate,
  type AcceptArgs,
  type ActedBy,
  type ApplicationHistoryEntry,
  type ApplicationInput,
  type ApplicationView,
  type TransitionArgs,
} from './contract.ts';

const activities = proxyActivities<ApplicationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

const refuse = (refusal: { code: string; message: string }): never => {
  throw ApplicationFailure.nonRetryable(refusal.message, refusal.code);
};

export async function application(input: ApplicationInput): Promise<ApplicationView> {
  const { resumed, ...fields } = input;
  let view: ApplicationView = resumed?.view ?? {
    ...fields,
    state: 'new',
    refusalReason: null,
    refusalMessage: null,
    hiringStartDate: null,
    hiringEndDate: null,
    passPlan: null,
    passNumber: null,
    lastUpdatedOn: workflowToday(),
    version: 0,
    history: [],
  };
  let projectedVersion = resumed ? view.version : -1;

  // Updates and timers change the application one at a time: a hire awaits activities, and a
  // second accept (double click) or a deadline must see its outcome, not interleave with it.
  let busy = false;
  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    // Several waiters may wake in the same activation: each checks again before taking it.
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  }

  async function commit(
    transition: ApplicationHistoryEntry['transition'],
    actedBy: ActedBy | null,
    changes: Partial<ApplicationView>,
    reason: string | null = null,
  ): Promise<ApplicationView> {
    const from = view.version === 0 ? null : view.state;
    const next = { ...view, ...changes };
    const entry = {
      at: new Date(Date.now()).toISOString(),
      transition,
      from,
      to: next.state,
      actorUserId: actedBy?.userId ?? null,
      actorOrganizationId: actedBy?.organizationId ?? null,
      reason,
    };
    view = { ...next, lastUpdatedOn: workflowToday(), version: view.version + 1, history: [...view.history, entry] };
    const snapshot = view;
    await activities.projectApplication({ view: snapshot, entry });
    projectedVersion = Math.max(projectedVersion, snapshot.version);
    return snapshot;
  }

  /** The checks of a user's transition, on the current state; throws the French refusal. */
  function checkTransition(args: TransitionArgs): void {
    attempt(() => {
      nextApplicationState(view.state, args.transition, 'EMPLOYER');
      if (args.transition === 'refuse') checkRefusalReason(args.reason, 'EMPLOYER');
      if (args.transition === 'cancel' && view.hiringStartDate)
        checkCancellation(view.hiringStartDate, workflowToday());
    });
  }

  const sameHire = (args: AcceptArgs) => isSameHire(view, args);

  setHandler(applicationQuery, () => view);
  setHandler(applicationSyncUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return view;
  });

  setHandler(
    transitionUpdate,
    (args) =>
      exclusively(async () => {
        checkTransition(args);
        const hire = view.hiringStartDate
          ? { employerId: view.employerId, employerKind: view.employerKind, start: view.hiringStartDate }
          : null;
        if (args.transition === 'cancel' && view.passNumber && hire) {
          const cancelled = await activities.cancelHireInParcours({
            applicationId: view.applicationId,
            passNumber: view.passNumber,
            hire,
            actedBy: { userId: args.userId, organizationId: args.organizationId },
          });
          if (!cancelled.ok) refuse(cancelled);
        }
        const to = nextApplicationState(view.state, args.transition, 'EMPLOYER');
        const refusal =
          args.transition === 'refuse'
            ? { refusalReason: checkRefusalReason(args.reason, 'EMPLOYER'), refusalMessage: args.message ?? null }
            : {};
        return commit(args.transition, args, { state: to, ...refusal }, args.reason ?? null);
      }),
    { validator: checkTransition },
  );

  setHandler(
    acceptUpdate,
    (args) =>
      exclusively(async () => {
        // A repeated accept of the same hire (retry, double click) answers the same outcome.
        if (sameHire(args)) return view;
        attempt(() => nextApplicationState(view.state, 'accept', 'EMPLOYER'));
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
        const hire = { employerId: view.employerId, employerKind: view.employerKind, start: args.hiringStartDate };
        const actedBy = { userId: args.userId, organizationId: args.organizationId };
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
            actedBy,
          });
          if (!hired.ok) return refuse(hired);
        }
        const accepted = await commit('accept', args, {
          state: 'accepted',
          hiringStartDate: args.hiringStartDate,
          hiringEndDate: args.hiringEndDate,
          firstHiringStartDate: args.hiringStartDate,
          passPlan: planned.plan.pass,
          passNumber: planned.passNumber,
          refusalReason: null,
          refusalMessage: null,
        });
        // The person's other pending applications are now obsolete (docs/rules.md §4).
        const others = await activities.pendingApplicationsOfPerson({
          personId: view.personId,
          exceptApplicationId: view.applicationId,
        });
        for (const id of others) {
          try {
            await getExternalWorkflowHandle(applicationWorkflowId(id)).signal(obsoleteSignal, {
              hiredThroughApplicationId: view.applicationId,
            });
          } catch {
            // Already closed: nothing pending there any more.
          }
        }
        return accepted;
      }),
    {
      validator: (args) => {
        if (!sameHire(args)) attempt(() => nextApplicationState(view.state, 'accept', 'EMPLOYER'));
      },
    },
  );

  const checkPostponement = (hiringStartDate: string) =>
    attempt(() =>
      checkHirePostponement(
        { ...view, firstHiringStartDate: view.firstHiringStartDate ?? view.hiringStartDate },
        hiringStartDate,
        workflowToday(),
      ),
    );
  setHandler(
    postponeHireUpdate,
    (args) =>
      exclusively(async () => {
        checkPostponement(args.hiringStartDate);
        const hire = { employerId: view.employerId, employerKind: view.employerKind, start: view.hiringStartDate! };
        if (view.passNumber) {
          const moved = await activities.postponeHireInParcours({
            applicationId: view.applicationId,
            passNumber: view.passNumber,
            hire,
            newStart: args.hiringStartDate,
            actedBy: { userId: args.userId, organizationId: args.organizationId },
          });
          if (!moved.ok) refuse(moved);
        }
        return commit(
          'postponeHire',
          args,
          { hiringStartDate: args.hiringStartDate, firstHiringStartDate: view.firstHiringStartDate ?? hire.start },
          args.hiringStartDate,
        );
      }),
    { validator: (args) => checkPostponement(args.hiringStartDate) },
  );

  setHandler(obsoleteSignal, ({ hiredThroughApplicationId }) =>
    exclusively(async () => {
      if (!PENDING_APPLICATION_STATES.includes(view.state)) return;
      await commit('obsolete', null, { state: 'obsolete' }, hiredThroughApplicationId);
    }),
  );

  if (!resumed) await commit('send', { userId: input.senderUserId, organizationId: input.senderOrganizationId }, {});

  for (;;) {
    const versionBefore = view.version;
    const deadline = nextApplicationDeadline(view.state, view.lastUpdatedOn);
    // Once the contract has started, an accepted application can no longer change.
    const until = deadline?.on ?? (view.state === 'accepted' ? view.hiringStartDate : null);
    if (view.state === 'archived' || until === null) {
      if (view.state === 'archived' || view.state === 'accepted') break;
      await condition(() => view.version !== versionBefore);
    } else {
      const changed = await condition(
        () => view.version !== versionBefore,
        Math.max(startOfParisDay(until) - Date.now(), 1),
      );
      if (!changed) {
        if (!deadline) break;
        await exclusively(async () => {
          if (view.version !== versionBefore) return;
          if (deadline.transition === 'refuse') {
            await commit('refuse', null, { state: 'refused', refusalReason: 'automatic' }, 'automatic');
          } else {
            await commit('archive', null, { state: 'archived' });
          }
        });
      }
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !busy && allHandlersFinished());
      await continueAsNew<typeof application>({ ...fields, resumed: { view } });
    }
  }
  await condition(allHandlersFinished);
  return view;
}
