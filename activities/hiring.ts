// The hire's activities (docs/rules.md §4): the checks on the data of the day, then the parcours
// workflow of the PASS IAE told through the worker's client. Each is idempotent: a number is
// allocated once per application, the parcours is started with USE_EXISTING, and updates to
// an existing parcours carry an id Temporal deduplicates.
import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isSelfPrescriptionAllowed } from '../domain/eligibility.ts';
import { refusalOf, refused, type Checked } from '../domain/errors.ts';
import { decideHire, type CurrentPass } from '../domain/hiring.ts';
import type { Db } from '../server/db/client.ts';
import { withPassIssuance } from '../server/rules/pass-issuance.ts';
import { selfPrescriptionStanding } from '../server/rules/self-prescription.ts';
import {
  cancelHireUpdate,
  hireUpdate,
  parcoursSyncUpdate,
  parcoursWorkflowId,
  PARCOURS_WORKFLOW_TYPE,
  postponeHireUpdate,
  type ParcoursInput,
} from '../workflows/parcours/contract.ts';
import type { ApplicationActivities, PlanHireResult } from '../workflows/application/activities.ts';

/** A parcours update refused by a business rule comes back as a value; anything else is retried. */
async function asRefusal(run: () => Promise<unknown>): Promise<Checked> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return refused({ code: error.cause.type ?? 'business_rule', message: error.cause.message });
    }
    throw error;
  }
}

export function hiringActivities(
  db: Db,
): Pick<
  ApplicationActivities,
  'planHire' | 'openParcoursForHire' | 'hireIntoParcours' | 'cancelHireInParcours' | 'postponeHireInParcours'
> {
  return {
    async planHire(input): Promise<PlanHireResult> {
      // One hire at a time per person: "at most one valid or future PASS" must hold when two
      // employers accept the same person at once.
      const request = { personId: input.personId, issuanceKey: `application:${input.applicationId}`, on: input.today };
      return withPassIssuance(db, request, async (issuance, tx) => {
        const [employer, diagnoses] = await Promise.all([
          tx.organization.findUnique({ where: { id: input.employerId } }),
          tx.diagnosis.findMany({ where: { personId: input.personId } }),
        ]);
        if (!employer?.employerKind)
          return refused({ code: 'unknown_employer', message: "L'employeur de cette candidature n'existe plus." });
        if (issuance.underWay) {
          return refused({
            code: 'pass_issuance_under_way',
            message: 'Un PASS IAE est en cours de délivrance pour cette personne : réessayez dans quelques instants.',
          });
        }
        const standing = await selfPrescriptionStanding(tx, { ...employer, employerKind: employer.employerKind });
        try {
          const plan = decideHire({
            today: input.today,
            hiringStartDate: input.hiringStartDate,
            hiringEndDate: input.hiringEndDate,
            employer: {
              id: employer.id,
              kind: employer.employerKind,
              selfPrescriptionAllowed: isSelfPrescriptionAllowed(standing, input.hiringStartDate),
            },
            sentByAuthorizedPrescriber: input.senderKind === 'AUTHORIZED_PRESCRIBER',
            diagnoses: diagnoses.map((d) => ({
              id: d.id,
              author: d.author,
              employerId: d.author === 'EMPLOYER' ? d.authorOrganizationId : null,
              madeOn: d.madeOn,
              heldByPassUntil: d.passNumber ? (issuance.passEnds.get(d.passNumber) ?? null) : null,
            })),
            currentPass: issuance.current satisfies CurrentPass | null,
            lastEndedPassEnd: issuance.lastEndedPassEnd,
          });
          if (plan.pass !== 'new') return { ok: true, plan, passNumber: plan.pass === 'reuse' ? plan.number : null };
          return { ok: true, plan, passNumber: await issuance.allocate() };
        } catch (error) {
          return refusalOf(error);
        }
      });
    },

    async openParcoursForHire({ passNumber, personId, hire, diagnosisId }) {
      const { client, info } = Context.current();
      const parcoursInput: ParcoursInput = { passNumber, personId, hire };
      const startWorkflowOperation = new WithStartWorkflowOperation(PARCOURS_WORKFLOW_TYPE, {
        workflowId: parcoursWorkflowId(passNumber),
        taskQueue: info.taskQueue,
        args: [parcoursInput],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await client.workflow.executeUpdateWithStart(parcoursSyncUpdate, { startWorkflowOperation });
      // The diagnosis that opened the PASS stays valid for its life (docs/rules.md §4).
      await db.diagnosis.updateMany({ where: { id: diagnosisId, passNumber: null }, data: { passNumber } });
    },

    async hireIntoParcours({ applicationId, passNumber, hire, actedBy }) {
      const handle = Context.current().client.workflow.getHandle(parcoursWorkflowId(passNumber));
      return asRefusal(() =>
        handle.executeUpdate(hireUpdate, {
          args: [{ ...actedBy, hire }],
          updateId: `hire:${applicationId}:${hire.start}`,
        }),
      );
    },

    async cancelHireInParcours({ applicationId, passNumber, hire, actedBy }) {
      const handle = Context.current().client.workflow.getHandle(parcoursWorkflowId(passNumber));
      return asRefusal(() =>
        handle.executeUpdate(cancelHireUpdate, {
          args: [{ ...actedBy, hire }],
          updateId: `cancel-hire:${applicationId}:${hire.start}`,
        }),
      );
    },

    async postponeHireInParcours({ applicationId, passNumber, hire, actedBy, newStart }) {
      const handle = Context.current().client.workflow.getHandle(parcoursWorkflowId(passNumber));
      return asRefusal(() =>
        handle.executeUpdate(postponeHireUpdate, {
          args: [{ ...actedBy, hire, newStart }],
          updateId: `postpone-hire:${applicationId}:${hire.start}:${newStart}`,
        }),
      );
    },
  };
}
