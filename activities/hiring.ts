// The hire's activities (SPEC §4): the checks on the data of the day, then the parcours
// workflow of the PASS IAE told through the worker's client. Each is idempotent: a number is
// allocated once per application, the parcours is started with USE_EXISTING, and updates to
// an existing parcours carry an id Temporal deduplicates.
import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { compareDates } from '../domain/dates.ts';
import { isSelfPrescriptionRightActive } from '../domain/eligibility.ts';
import { BusinessRuleError } from '../domain/errors.ts';
import { decideHire, type CurrentPass } from '../domain/hiring.ts';
import { formatPassNumber } from '../domain/pass/number.ts';
import type { Db } from '../server/db/client.ts';
import {
  cancelHireUpdate,
  hireUpdate,
  parcoursSyncUpdate,
  parcoursWorkflowId,
  PARCOURS_WORKFLOW_TYPE,
  postponeHireUpdate,
  type ParcoursInput,
} from '../workflows/parcours/contract.ts';
import type { ApplicationActivities, PlanHireResult, Refusal } from '../workflows/application/activities.ts';

const refusal = (code: string, message: string): Refusal => ({ ok: false, code, message });

/** A parcours update refused by a business rule comes back as a value; anything else is retried. */
async function asRefusal(run: () => Promise<unknown>): Promise<{ ok: true } | Refusal> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return refusal(error.cause.type ?? 'business_rule', error.cause.message);
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
      const issuanceKey = `application:${input.applicationId}`;
      // One hire at a time per person: "at most one valid or future PASS" must hold when two
      // employers accept the same person at once.
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.personId}, 0))`;
        const [employer, passes, allocations, diagnoses] = await Promise.all([
          tx.organization.findUnique({ where: { id: input.employerId } }),
          tx.pass.findMany({ where: { personId: input.personId, cancelled: false } }),
          tx.passNumberAllocation.findMany({ where: { personId: input.personId } }),
          tx.diagnosis.findMany({ where: { personId: input.personId } }),
        ]);
        if (!employer?.employerKind)
          return refusal('unknown_employer', "L'employeur de cette candidature n'existe plus.");
        const ownAllocation = allocations.find((a) => a.issuanceKey === issuanceKey);
        const ownNumber = ownAllocation ? formatPassNumber(ownAllocation.sequence) : null;
        const underWay = allocations
          .map((a) => formatPassNumber(a.sequence))
          .find((n) => n !== ownNumber && !passes.some((p) => p.number === n));
        if (underWay) {
          return refusal(
            'pass_issuance_under_way',
            'Un PASS IAE est en cours de délivrance pour cette personne : réessayez dans quelques instants.',
          );
        }
        const others = passes.filter((p) => p.number !== ownNumber);
        const current = others.find((p) => !p.expired && compareDates(p.endDate, input.today) >= 0);
        const lastEnded = others
          .filter((p) => p !== current)
          .map((p) => p.endDate)
          .sort(compareDates)
          .at(-1);
        const passEnds = new Map(passes.map((p) => [p.number, p.endDate]));
        const setting = await tx.departementSetting.findUnique({ where: { code: employer.departement } });
        const rightActive = isSelfPrescriptionRightActive(
          { status: employer.selfPrescriptionStatus, revokedUntil: employer.selfPrescriptionRevokedUntil },
          input.hiringStartDate,
        );
        try {
          const plan = decideHire({
            today: input.today,
            hiringStartDate: input.hiringStartDate,
            hiringEndDate: input.hiringEndDate,
            employer: {
              id: employer.id,
              kind: employer.employerKind,
              selfPrescriptionAllowed: rightActive && (setting?.selfPrescriptionEnabled ?? false),
            },
            sentByAuthorizedPrescriber: input.senderKind === 'AUTHORIZED_PRESCRIBER',
            diagnoses: diagnoses.map((d) => ({
              id: d.id,
              author: d.author,
              employerId: d.author === 'EMPLOYER' ? d.authorOrganizationId : null,
              madeOn: d.madeOn,
              heldByPassUntil: d.passNumber ? (passEnds.get(d.passNumber) ?? null) : null,
            })),
            currentPass: current ? ({ number: current.number, end: current.endDate } satisfies CurrentPass) : null,
            lastEndedPassEnd: lastEnded ?? null,
          });
          if (plan.pass !== 'new') return { ok: true, plan, passNumber: plan.pass === 'reuse' ? plan.number : null };
          const allocation =
            ownAllocation ??
            (await tx.passNumberAllocation.create({ data: { issuanceKey, personId: input.personId } }));
          return { ok: true, plan, passNumber: formatPassNumber(allocation.sequence) };
        } catch (error) {
          if (error instanceof BusinessRuleError) return refusal(error.code, error.message);
          throw error;
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
      // The diagnosis that opened the PASS stays valid for its life (SPEC §4).
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
