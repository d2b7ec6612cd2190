// One workflow per parcours / PASS IAE (docs/rules.md §5). It holds the parcours state, applies the
// pure transitions of domain/pass/parcours.ts to updates and deadlines, and projects every
// change; timers sleep until the next deadline and move when the dates move.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { isIsoDate, type IsoDate } from '../../domain/dates.ts';
import { BusinessRuleError } from '../../domain/errors.ts';
import type { ActedBy } from '../contract.ts';
import { asFailure, attempt, sleepUntilDeadlineOrChange, workflowToday } from '../support.ts';
import type { ParcoursActivities } from './activities.ts';
import {
  applyDeadline,
  cancelHire,
  cancelParcours,
  declareProlongation,
  denyProlongation,
  endSuspension,
  grantProlongation,
  hire,
  holdingEmployer,
  nextParcoursDeadline,
  openParcours,
  parcoursEnd,
  parcoursRemainingDays,
  parcoursStatus,
  postponeHire,
  requestProlongation,
  suspend,
  type ParcoursChange,
  type ParcoursNotice,
  type ParcoursState,
} from '../../domain/pass/parcours.ts';
import { PROLONGATION_RULES } from '../../domain/pass/prolongations.ts';
import {
  cancelHireUpdate,
  cancelUpdate,
  decideProlongationUpdate,
  endSuspensionUpdate,
  hireUpdate,
  parcoursStateQuery,
  parcoursSyncUpdate,
  postponeHireUpdate,
  prolongUpdate,
  suspendUpdate,
  type DecideProlongationArgs,
  type ParcoursInput,
  type ProlongArgs,
  type ParcoursView,
} from './contract.ts';

const { projectParcours, anonymizePerson } = proxyActivities<ParcoursActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});
// The projection runs as a local activity (docs/decisions/026-production-topology.md): in the
// worker, inside the workflow task that made the change, recorded as a marker — no activity
// task through the server, no second workflow task before an update (the issuance among them)
// can answer. Idempotent like the activity (keys from the workflow id and version), so a task
// retried after a worker crash projects again harmlessly. Histories from before keep the activity.
const LOCAL_PROJECTION_PATCH = 'parcours-local-projection';
const { projectParcours: projectParcoursLocally } = proxyLocalActivities<ParcoursActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

export async function parcours(input: ParcoursInput): Promise<ParcoursView> {
  // A taken-over PASS starts like a continued one: its state given, version 1 already projected.
  const carried = input.resumed ?? (input.takenOver ? { state: input.takenOver.state, version: 1 } : undefined);
  let state: ParcoursState =
    carried?.state ??
    openParcours({ passNumber: input.passNumber, personId: input.personId, hire: input.hire, today: workflowToday() });
  let version = carried?.version ?? 1;
  let projectedVersion = carried ? version : 0;

  const view = (today: IsoDate = workflowToday()): ParcoursView => {
    return {
      ...state,
      today,
      status: parcoursStatus(state, today),
      end: parcoursEnd(state),
      remainingDays: parcoursRemainingDays(state, today),
      holdingEmployerId: holdingEmployer(state).employerId,
      version,
    };
  };

  async function commit(action: string, actedBy: ActedBy | null, next: ParcoursState, notices: ParcoursNotice[] = []) {
    state = next;
    version += 1;
    const snapshot = view();
    const project = patched(LOCAL_PROJECTION_PATCH) ? projectParcoursLocally : projectParcours;
    await project({
      view: snapshot,
      action: `parcours.${action}`,
      actedBy,
      notices,
      at: new Date(Date.now()).toISOString(),
    });
    projectedVersion = Math.max(projectedVersion, snapshot.version);
    return snapshot;
  }

  const change = (run: () => ParcoursState | ParcoursChange): ParcoursChange => {
    const result = attempt(run);
    return 'notices' in result ? result : { state: result, notices: [] };
  };

  setHandler(parcoursStateQuery, (today?: IsoDate) => view(today && isIsoDate(today) ? today : undefined));
  setHandler(parcoursSyncUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return view();
  });

  setHandler(hireUpdate, (args) => commit('hire', args, change(() => hire(state, args.hire, workflowToday())).state), {
    validator: (args) => void attempt(() => hire(state, args.hire, workflowToday())),
  });

  setHandler(
    suspendUpdate,
    (args) => {
      const next = change(() => suspend(state, { ...args, id: uuid4() }, workflowToday()));
      return commit('suspend', args, next.state);
    },
    { validator: (args) => void attempt(() => suspend(state, { ...args, id: 'validation' }, workflowToday())) },
  );

  setHandler(
    endSuspensionUpdate,
    (args) => {
      const next = change(() => endSuspension(state, { ...args, id: args.suspensionId }, workflowToday()));
      return commit('endSuspension', args, next.state);
    },
    {
      validator: (args) =>
        void attempt(() => endSuspension(state, { ...args, id: args.suspensionId }, workflowToday())),
    },
  );

  /** Employer-declared reasons apply at once; the others become a request to the named prescriber. */
  const prolong = (args: ProlongArgs, id: string): ParcoursChange => {
    if (PROLONGATION_RULES[args.reason].validatedBy === 'EMPLOYER') {
      return change(() => declareProlongation(state, { ...args, id }, workflowToday()));
    }
    const prescriberOrganizationId = args.prescriberOrganizationId;
    if (!prescriberOrganizationId) {
      asFailure(
        new BusinessRuleError(
          'prescriber_required',
          'Indiquez le prescripteur habilité à qui adresser la demande de prolongation.',
        ),
      );
    }
    return change(() => requestProlongation(state, { ...args, id, prescriberOrganizationId }, workflowToday()));
  };
  setHandler(
    prolongUpdate,
    (args) => {
      const next = prolong(args, uuid4());
      return commit('prolong', args, next.state, next.notices);
    },
    { validator: (args) => void prolong(args, 'validation') },
  );

  const decide = (args: DecideProlongationArgs) =>
    args.decision === 'grant'
      ? change(() => grantProlongation(state, args, workflowToday()))
      : change(() => denyProlongation(state, { ...args, reason: args.reason ?? '' }, workflowToday()));
  setHandler(
    decideProlongationUpdate,
    (args) => {
      const next = decide(args);
      return commit(
        args.decision === 'grant' ? 'grantProlongation' : 'denyProlongation',
        args,
        next.state,
        next.notices,
      );
    },
    { validator: (args) => void decide(args) },
  );

  setHandler(
    cancelUpdate,
    (args) => commit('cancel', args, change(() => cancelParcours(state, workflowToday())).state),
    { validator: (_args: ActedBy) => void attempt(() => cancelParcours(state, workflowToday())) },
  );

  setHandler(
    cancelHireUpdate,
    (args) => commit('cancelHire', args, change(() => cancelHire(state, args.hire, workflowToday())).state),
    { validator: (args) => void attempt(() => cancelHire(state, args.hire, workflowToday())) },
  );

  setHandler(
    postponeHireUpdate,
    (args) =>
      commit('postponeHire', args, change(() => postponeHire(state, args.hire, args.newStart, workflowToday())).state),
    { validator: (args) => void attempt(() => postponeHire(state, args.hire, args.newStart, workflowToday())) },
  );

  if (!carried) await commit('issue', null, state);

  for (;;) {
    const deadline = nextParcoursDeadline(state, workflowToday());
    if (!deadline) break;
    const versionBefore = version;
    const changed = await sleepUntilDeadlineOrChange(deadline.on, () => version !== versionBefore);
    if (!changed) {
      if (deadline.kind === 'anonymization')
        await anonymizePerson({
          personId: state.personId,
          passNumber: state.passNumber,
          at: new Date(Date.now()).toISOString(),
        });
      const next = applyDeadline(state, deadline, workflowToday());
      await commit(deadline.kind, null, next.state, next.notices);
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof parcours>({ ...input, takenOver: undefined, resumed: { state, version } });
    }
  }
  await condition(allHandlersFinished);
  return view();
}
