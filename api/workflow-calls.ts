// Calls into workflows from the API: a business refusal inside the workflow (an
// ApplicationFailure raised by an update's validator or handler) becomes a 422 with its French message.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { ApiError } from './errors.ts';

export function businessRefusal(error: unknown): ApiError | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    return new ApiError(422, error.cause.type ?? 'business_rule', error.cause.message);
  }
  return null;
}

export async function executeUpdate<Ret, Arg>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
): Promise<Ret> {
  try {
    return await handle.executeUpdate(update, { args: [arg] });
  } catch (error) {
    throw businessRefusal(error) ?? error;
  }
}
