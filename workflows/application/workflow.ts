// One workflow per job application (docs/rules.md §4). It applies the transition table of
// domain/applications.ts, sleeps until the next deadline (automatic refusal at 60 days,
// archiving at 180 days without update; any update moves it), and runs the hire (./hire.ts).
// Because the hire is one durable update, the application and the PASS never disagree.
// Here: the handlers, each a few lines, and the deadline loop; the case's state is ./case.ts.
import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  checkRefusalReason,
  nextApplicationDeadline,
  nextApplicationState,
  PENDING_APPLICATION_STATES,
} from '../../domain/applications.ts';
import { sleepUntilDeadlineOrChange } from '../support.ts';
import { ApplicationCase } from './case.ts';
import {
  acceptUpdate,
  applicationStateQuery,
  applicationSyncUpdate,
  obsoleteSignal,
  postponeHireUpdate,
  transitionUpdate,
  type ApplicationInput,
  type ApplicationView,
  type TransitionArgs,
} from './contract.ts';
import { cancelHireInParcours, checkHire, hire, postponeHire } from './hire.ts';

/** An employer's transition (process, postpone, refuse, cancel, archive…) from the table. */
async function transition(app: ApplicationCase, args: TransitionArgs): Promise<ApplicationView> {
  app.checkTransition(args);
  if (args.transition === 'cancel') await cancelHireInParcours(app, args);
  const to = nextApplicationState(app.view.state, args.transition, 'EMPLOYER');
  const refusal =
    args.transition === 'refuse'
      ? { refusalReason: checkRefusalReason(args.reason, 'EMPLOYER'), refusalMessage: args.message ?? null }
      : {};
  return app.commit(args.transition, args, { state: to, ...refusal }, args.reason ?? null);
}

/** The person was hired through another application: a pending one becomes obsolete. */
async function becomeObsolete(app: ApplicationCase, hiredThroughApplicationId: string): Promise<void> {
  if (!PENDING_APPLICATION_STATES.includes(app.view.state)) return;
  await app.commit('obsolete', null, { state: 'obsolete' }, hiredThroughApplicationId);
}

export async function application(input: ApplicationInput): Promise<ApplicationView> {
  const { resumed, ...fields } = input;
  const app = new ApplicationCase(input);

  setHandler(applicationStateQuery, () => app.view);
  setHandler(applicationSyncUpdate, async () => {
    await condition(() => app.projectedVersion >= 1);
    return app.view;
  });
  setHandler(transitionUpdate, (args) => app.exclusively(() => transition(app, args)), {
    validator: (args) => app.checkTransition(args),
  });
  setHandler(acceptUpdate, (args) => app.exclusively(() => hire(app, args)), {
    validator: (args) => checkHire(app, args),
  });
  setHandler(postponeHireUpdate, (args) => app.exclusively(() => postponeHire(app, args)), {
    validator: (args) => app.checkPostponement(args.hiringStartDate),
  });
  setHandler(obsoleteSignal, ({ hiredThroughApplicationId }) =>
    app.exclusively(() => becomeObsolete(app, hiredThroughApplicationId)),
  );

  if (!resumed)
    await app.commit('send', { userId: input.senderUserId, organizationId: input.senderOrganizationId }, {});

  for (;;) {
    const { state, version: versionBefore } = app.view;
    const deadline = nextApplicationDeadline(state, app.view.lastUpdatedOn);
    // Once the contract has started, an accepted application can no longer change.
    const until = deadline?.on ?? (state === 'accepted' ? app.view.hiringStartDate : null);
    if (state === 'archived' || (until === null && state === 'accepted')) break;
    const changed = await sleepUntilDeadlineOrChange(until, () => app.view.version !== versionBefore);
    if (!changed) {
      if (!deadline) break;
      await app.exclusively(async () => {
        if (app.view.version !== versionBefore) return;
        if (deadline.transition === 'refuse') {
          await app.commit('refuse', null, { state: 'refused', refusalReason: 'automatic' }, 'automatic');
        } else {
          await app.commit('archive', null, { state: 'archived' });
        }
      });
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !app.busy && allHandlersFinished());
      await continueAsNew<typeof application>({ ...fields, resumed: { view: app.view } });
    }
  }
  await condition(allHandlersFinished);
  return app.view;
}
