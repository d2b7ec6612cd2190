// One workflow per accreditation request (docs/rules.md §7). Thin: the rules live in
// domain/accreditation*.ts, the writes in activities; this file orders them in time.
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  nextAccreditationState,
  type AccreditationAction,
  type AccreditationState,
} from '../../domain/accreditation.ts';
import { nextAccreditationDeadline, type AccreditationDeadline } from '../../domain/accreditation-deadlines.ts';
import type { ActedBy } from '../contract.ts';
import { attempt, sleepUntilDeadlineOrChange, workflowToday } from '../support.ts';
import type { AccreditationActivities } from './activities.ts';
import {
  accreditationStateQuery,
  accreditationSyncUpdate,
  approveUpdate,
  rejectUpdate,
  requestInformationUpdate,
  respondUpdate,
  withdrawUpdate,
  type AccreditationInput,
  type AccreditationView,
} from './contract.ts';

const { projectAccreditation } = proxyActivities<AccreditationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

const FINAL_STATES: readonly AccreditationState[] = ['REJECTED', 'ABANDONED', 'WITHDRAWN', 'EXPIRED'];

export async function accreditation(input: AccreditationInput): Promise<AccreditationView> {
  const view: AccreditationView = {
    requestId: input.requestId,
    organizationId: input.organizationId,
    departement: input.departement,
    justification: input.justification,
    reference: input.reference,
    state: 'SUBMITTED',
    submittedOn: workflowToday(),
    decidedOn: null,
    endDate: null,
    informationRequestedOn: null,
    prefectureReminded: false,
    overdue: false,
    renewalReminded: false,
    version: 1,
    events: [{ on: workflowToday(), action: 'submit', state: 'SUBMITTED' }],
  };
  let projectedVersion = 0;

  async function project(action: string, actedBy: ActedBy | null): Promise<AccreditationView> {
    const snapshot = JSON.parse(JSON.stringify(view)) as AccreditationView;
    await projectAccreditation({
      view: snapshot,
      actedBy,
      action: `accreditation.${action}`,
      at: new Date(Date.now()).toISOString(),
    });
    projectedVersion = Math.max(projectedVersion, snapshot.version);
    return snapshot;
  }

  function transition(
    action: AccreditationAction,
    actedBy: ActedBy | null,
    details: { message?: string; endDate?: string | null } = {},
  ): Promise<AccreditationView> {
    view.state = attempt(() => nextAccreditationState(view.state, action));
    const today = workflowToday();
    view.version += 1;
    view.events.push({
      on: today,
      action,
      state: view.state,
      ...(details.message ? { message: details.message } : {}),
    });
    view.informationRequestedOn = view.state === 'INFORMATION_REQUESTED' ? today : null;
    if (action === 'approve' || action === 'reject') view.decidedOn = today;
    if (action === 'approve') view.endDate = details.endDate ?? null;
    return project(action, actedBy);
  }

  /** A deadline that is not a state change: a flag and a notification. */
  function mark(deadline: AccreditationDeadline): Promise<AccreditationView> {
    if (deadline.kind === 'prefectureReminder') view.prefectureReminded = true;
    if (deadline.kind === 'overdue') view.overdue = true;
    if (deadline.kind === 'renewalReminder') view.renewalReminded = true;
    view.version += 1;
    view.events.push({ on: workflowToday(), action: deadline.kind, state: view.state });
    return project(deadline.kind, null);
  }

  const validate = (action: AccreditationAction) => (_args: unknown) =>
    void attempt(() => nextAccreditationState(view.state, action));

  setHandler(accreditationStateQuery, () => view);
  setHandler(accreditationSyncUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return view;
  });
  setHandler(requestInformationUpdate, (args) => transition('requestInformation', args, { message: args.message }), {
    validator: validate('requestInformation'),
  });
  setHandler(respondUpdate, (args) => transition('respond', args, { message: args.message }), {
    validator: validate('respond'),
  });
  setHandler(approveUpdate, (args) => transition('approve', args, { endDate: args.endDate ?? null }), {
    validator: validate('approve'),
  });
  setHandler(rejectUpdate, (args) => transition('reject', args, { message: args.reason }), {
    validator: validate('reject'),
  });
  setHandler(withdrawUpdate, (args) => transition('withdraw', args, { message: args.reason }), {
    validator: validate('withdraw'),
  });

  await project('submit', { userId: input.submittedByUserId, organizationId: input.organizationId });

  // Sleep until the next deadline; any change to the request re-computes it (durable timers move with the dates).
  while (!FINAL_STATES.includes(view.state)) {
    const deadline = nextAccreditationDeadline(view);
    const versionBefore = view.version;
    const changed = await sleepUntilDeadlineOrChange(deadline?.on, () => view.version !== versionBefore);
    if (changed || !deadline) continue;
    if (deadline.kind === 'abandon' || deadline.kind === 'expire') await transition(deadline.kind, null);
    else await mark(deadline);
  }
  await condition(allHandlersFinished);
  return view;
}
