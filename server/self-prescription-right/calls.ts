// Reaching an SIAE's selfPrescriptionRight workflow from outside it (docs/rules.md §8): the
// API's routes, and the SIAE control workflow once it decides a revocation (from an activity:
// `Context.current().client` and `info.taskQueue`). Business refusals come back as the
// workflow's ApplicationFailure (api/workflow-calls.ts turns them into 422).
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import {
  liftUpdate,
  scheduleRevocationUpdate,
  selfPrescriptionRightStateQuery,
  selfPrescriptionRightWorkflowId,
  SELF_PRESCRIPTION_RIGHT_WORKFLOW_TYPE,
  type LiftArgs,
  type ScheduleRevocationArgs,
  type SelfPrescriptionRightInput,
  type SelfPrescriptionRightView,
} from '../../workflows/self-prescription-right/contract.ts';

export interface RightTarget {
  client: Client;
  taskQueue: string;
  employer: { id: string; departement: string };
}

/** Starts the SIAE's workflow if it does not run yet (its first sanction), and schedules the revocation. */
export async function scheduleSelfPrescriptionRevocation(
  target: RightTarget,
  args: ScheduleRevocationArgs,
  /** The same id on a retry (e.g. `revocation-<controlId>`): Temporal runs the update once. */
  updateId?: string,
): Promise<SelfPrescriptionRightView> {
  const input: SelfPrescriptionRightInput = {
    employerId: target.employer.id,
    departement: target.employer.departement,
  };
  const startWorkflowOperation = new WithStartWorkflowOperation(SELF_PRESCRIPTION_RIGHT_WORKFLOW_TYPE, {
    workflowId: selfPrescriptionRightWorkflowId(target.employer.id),
    taskQueue: target.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return target.client.workflow.executeUpdateWithStart(scheduleRevocationUpdate, {
    startWorkflowOperation,
    args: [args],
    ...(updateId ? { updateId } : {}),
  });
}

/** Lifts a permanent revocation; the caller has checked who acts (checkLift). */
export function liftSelfPrescriptionRevocation(
  client: Client,
  employerId: string,
  args: LiftArgs,
): Promise<SelfPrescriptionRightView> {
  return client.workflow.getHandle(selfPrescriptionRightWorkflowId(employerId)).executeUpdate(liftUpdate, {
    args: [args],
  });
}

/** The workflow's live view (queries are not recorded: the API may ask at any time). */
export function selfPrescriptionRightState(client: Client, employerId: string): Promise<SelfPrescriptionRightView> {
  return client.workflow.getHandle(selfPrescriptionRightWorkflowId(employerId)).query(selfPrescriptionRightStateQuery);
}
