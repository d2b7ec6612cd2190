// One job application inside its workflow: its view, and the two things every handler does
// with it: change it one step at a time (a hire awaits activities: a second accept or a deadline
// must see its outcome, not interleave with it), and commit each step (history entry, version,
// projection into the read model).
import { ApplicationFailure, condition, proxyActivities } from '@temporalio/workflow';
import { checkCancellation, checkRefusalReason, nextApplicationState } from '../../domain/applications.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Refusal } from '../../domain/errors.ts';
import { checkHirePostponement } from '../../domain/hiring.ts';
import type { ParcoursHire } from '../../domain/pass/parcours.ts';
import type { ActedBy } from '../contract.ts';
import { attempt, workflowToday } from '../support.ts';
import type { ApplicationActivities } from './activities.ts';
import type { ApplicationHistoryEntry, ApplicationInput, ApplicationView, TransitionArgs } from './contract.ts';

export const activities = proxyActivities<ApplicationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

/** A refusal an activity returned (a rule checked on the data of the day) fails the update, in French. */
export const refuse = (refusal: Refusal): never => {
  throw ApplicationFailure.nonRetryable(refusal.message, refusal.code);
};

export class ApplicationCase {
  view: ApplicationView;
  /** The newest version the read model holds; -1 before the first projection. */
  projectedVersion: number;
  busy = false;

  constructor(input: ApplicationInput) {
    const { resumed, ...fields } = input;
    this.view = resumed?.view ?? {
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
    this.projectedVersion = resumed ? this.view.version : -1;
  }

  /** Runs one change at a time: updates, the signal and the deadlines queue here. */
  async exclusively<T>(run: () => Promise<T>): Promise<T> {
    // Several waiters may wake in the same activation: each checks again before taking it.
    while (this.busy) await condition(() => !this.busy);
    this.busy = true;
    try {
      return await run();
    } finally {
      this.busy = false;
    }
  }

  async commit(
    transition: ApplicationHistoryEntry['transition'],
    actedBy: ActedBy | null,
    changes: Partial<ApplicationView>,
    reason: string | null = null,
  ): Promise<ApplicationView> {
    const view = this.view;
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
    this.view = {
      ...next,
      lastUpdatedOn: workflowToday(),
      version: view.version + 1,
      history: [...view.history, entry],
    };
    const snapshot = this.view;
    await activities.projectApplication({ view: snapshot, entry });
    this.projectedVersion = Math.max(this.projectedVersion, snapshot.version);
    return snapshot;
  }

  /** The hire as the parcours knows it, starting on `start`. */
  hireOn(start: IsoDate): ParcoursHire {
    return { employerId: this.view.employerId, employerKind: this.view.employerKind, start };
  }

  /** The checks of an employer's transition, on the current state; throws the French refusal. */
  checkTransition(args: TransitionArgs): void {
    attempt(() => {
      nextApplicationState(this.view.state, args.transition, 'EMPLOYER');
      if (args.transition === 'refuse') checkRefusalReason(args.reason, 'EMPLOYER');
      if (args.transition === 'cancel' && this.view.hiringStartDate)
        checkCancellation(this.view.hiringStartDate, workflowToday());
    });
  }

  checkPostponement(hiringStartDate: IsoDate): void {
    attempt(() =>
      checkHirePostponement(
        { ...this.view, firstHiringStartDate: this.view.firstHiringStartDate ?? this.view.hiringStartDate },
        hiringStartDate,
        workflowToday(),
      ),
    );
  }
}

/** Who acted, without the rest of the update's arguments. */
export const actorOf = (args: ActedBy): ActedBy => ({ userId: args.userId, organizationId: args.organizationId });
