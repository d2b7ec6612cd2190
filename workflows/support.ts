// What every workflow needs, deterministic: "today" in workflow time, and business refusals
// turned into failures that carry their French message to the caller.
import { ApplicationFailure } from '@temporalio/workflow';
import { parisDateOf, type IsoDate } from '../domain/dates.ts';
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
