// Calls into workflows from the API: a business refusal inside the workflow (an
// ApplicationFailure raised by an update's validator or handler) becomes a 422 (403 for a
// permission refusal) with its French message; a case whose workflow has ended is a 422 too.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { ApiError, refusal } from './errors.ts';

export const caseClosed = () =>
  new ApiError(422, 'case_closed', 'Ce dossier est clos : aucune décision ne peut plus y être prise.');

export function businessRefusal(error: unknown): ApiError | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    return refusal(error.cause.type ?? 'business_rule', error.cause.message);
  }
  // Temporal answers "not found" for an update sent to a workflow that has completed.
  if (error instanceof WorkflowNotFoundError) return caseClosed();
  return null;
}

export async function executeUpdate<Ret, Arg>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  /** The same id for a repeated request (retry, double click): Temporal runs the update once and both get its outcome. */
  updateId?: string,
): Promise<Ret> {
  try {
    return await handle.executeUpdate(update, { args: [arg], ...(updateId ? { updateId } : {}) });
  } catch (error) {
    throw businessRefusal(error) ?? error;
  }
}
