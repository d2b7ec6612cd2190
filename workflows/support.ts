// What every workflow needs, deterministic: "today" in workflow time, business refusals
// turned into failures that carry their French message to the caller, and the sleep until the
// next deadline or a change (docs/decisions/011-workflow-kit.md).
import { ApplicationFailure, condition } from '@temporalio/workflow';
import { parisDateOf, startOfParisDay, type IsoDate } from '../domain/dates.ts';
import { BusinessRuleError } from '../domain/errors.ts';

/** Workflow time is deterministic: "today" in a workflow is the Paris day of workflow time. */
export const workflowToday = (): IsoDate => parisDateOf(Date.now());

/** A business refusal becomes a non-retryable failure (an update rejected, not a workflow task failed). */
export function asFailure(error: unknown): never {
  if (error instanceof BusinessRuleError) throw ApplicationFailure.nonRetryable(error.message, error.code);
  throw error;
}

/** Runs a pure rule; its refusal becomes the failure above. */
export function attempt<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    asFailure(error);
  }
}

/**
 * Sleeps until the start of the Paris day `deadline` (a durable timer) or until `changed()`
 * holds, whichever comes first; resolves to true when it was the change. Without a deadline it
 * waits for the change alone. A workflow calls it in a loop and computes its next deadline
 * afresh after every change, so moved dates move the timer without bookkeeping.
 *
 * Not `async` on purpose: it returns the SDK's own promise, so a workflow that used to call
 * `condition` directly issues the same commands in the same order (its histories replay).
 */
export function sleepUntilDeadlineOrChange(
  deadline: IsoDate | null | undefined,
  changed: () => boolean,
): Promise<boolean> {
  if (!deadline) return condition(changed).then(() => true);
  return condition(changed, Math.max(startOfParisDay(deadline) - Date.now(), 1));
}
