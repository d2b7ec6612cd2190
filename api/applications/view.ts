// What the API shows of an application, who may see or decide it, and how a decision is
// asked of the application workflow (which alone judges it while it runs).
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { BusinessRuleError } from '../../domain/errors.ts';
import type { Application, Prisma } from '../../generated/prisma/client.ts';
import { applicationWorkflowId, type ApplicationView } from '../../workflows/application/contract.ts';
import type { Actor } from '../auth/actor.ts';
import { forbidden, notFound, refusal as apiRefusal } from '../errors.ts';
import { writeAudit } from '../../server/audit.ts';
import type { Deps } from '../route.ts';
import { executeUpdate } from '../workflow-calls.ts';

export { applicationSchema } from '../../contracts/applications.ts';

export const include = {
  transitions: { orderBy: { occurredAt: 'asc' } },
} satisfies Prisma.ApplicationInclude;
export type ApplicationRow = Application & Prisma.ApplicationGetPayload<{ include: typeof include }>;

/**
 * Applications as the API shows them: names of those involved, the PASS as projected. Loads
 * what the rows refer to in four queries, however many rows.
 */
export async function applicationViews(deps: Deps, rows: readonly ApplicationRow[]) {
  const ids = <T>(pick: (row: ApplicationRow) => T | null) =>
    [...new Set(rows.map(pick).filter((v): v is T => v !== null))] as T[];
  const [persons, organizations, jobDescriptions, passes] = await Promise.all([
    deps.db.person.findMany({ where: { id: { in: ids((r) => r.personId) } } }),
    deps.db.organization.findMany({
      where: { id: { in: ids((r) => r.employerId).concat(ids((r) => r.senderOrganizationId)) } },
    }),
    deps.db.jobDescription.findMany({ where: { id: { in: ids((r) => r.jobDescriptionId) } } }),
    deps.db.pass.findMany({ where: { number: { in: ids((r) => r.passNumber) } } }),
  ]);
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const [personById, organizationById, jobById] = [byId(persons), byId(organizations), byId(jobDescriptions)];
  const passByNumber = new Map(passes.map((pass) => [pass.number, pass]));
  return rows.map((row) => {
    const person = personById.get(row.personId)!;
    const employer = organizationById.get(row.employerId);
    const sender = organizationById.get(row.senderOrganizationId);
    const jobDescription = row.jobDescriptionId ? jobById.get(row.jobDescriptionId) : undefined;
    const pass = row.passNumber ? passByNumber.get(row.passNumber) : undefined;
    return {
      id: row.id,
      state: row.state,
      person: { id: person.id, firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate },
      employer: { id: row.employerId, name: employer?.name ?? '', kind: employer?.employerKind ?? null },
      sender: { organizationId: row.senderOrganizationId, organizationName: sender?.name ?? '', kind: row.senderKind },
      jobDescription: jobDescription
        ? { id: jobDescription.id, title: jobDescription.title, romeCode: jobDescription.romeCode }
        : null,
      message: row.message,
      refusalReason: row.refusalReason,
      refusalMessage: row.refusalMessage,
      hiringStartDate: row.hiringStartDate,
      hiringEndDate: row.hiringEndDate,
      pass: pass ? { number: pass.number, startDate: pass.startDate, endDate: pass.endDate } : null,
      createdAt: row.createdAt.toISOString(),
      lastUpdatedOn: row.lastUpdatedOn,
      history: row.transitions.map((t) => ({
        transition: t.transition,
        fromState: t.fromState,
        toState: t.toState,
        reason: t.reason,
        actorOrganizationId: t.actorOrganizationId,
        occurredAt: t.occurredAt.toISOString(),
      })),
    };
  });
}

export async function applicationView(deps: Deps, row: ApplicationRow) {
  const [view] = await applicationViews(deps, [row]);
  return view!;
}

/** Applications show personal data (name, birth date): every read is audited (docs/rules.md §9). */
export async function auditApplicationRead(
  deps: Deps,
  actor: Actor,
  applicationIds: readonly string[],
  personIds: readonly string[],
) {
  if (applicationIds.length === 0) return;
  const now = deps.clock.now();
  await writeAudit(deps.db, {
    key: `application.read:${actor.sessionId}:${now.getTime()}:${applicationIds[0]}:${applicationIds.length}`,
    action: 'application.read',
    entityType: applicationIds.length === 1 ? 'Application' : 'ApplicationList',
    entityId: applicationIds.length === 1 ? applicationIds[0]! : `${applicationIds.length}`,
    actorUserId: actor.userId,
    actorOrganizationId: actor.organization.id,
    occurredAt: now,
    details: { applicationIds: [...applicationIds], personIds: [...new Set(personIds)] },
  });
}

/** The sender and the employer see an application; administrators see all. */
export async function visibleApplication(deps: Deps, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await deps.db.application.findUnique({ where: { id }, include });
  if (!row) throw notFound('Candidature introuvable.');
  const mine = [row.employerId, row.senderOrganizationId].includes(actor.organization.id);
  if (actor.role !== 'ADMIN' && !mine) throw forbidden('Cette candidature ne concerne pas votre organisation.');
  return row;
}

/** Only the employer the application was sent to decides on it (administrators too). */
export async function applicationToDecide(deps: Deps, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await visibleApplication(deps, actor, id);
  if (actor.role !== 'ADMIN' && actor.organization.id !== row.employerId) {
    throw forbidden("Seul l'employeur destinataire de la candidature peut la traiter.");
  }
  return row;
}

/**
 * Asks the application workflow, which judges the request (its update validators and
 * handlers: docs/rules.md §4). Once the workflow has closed — archived, or hired and the
 * contract started — its last state is the row's, and `judgeClosed` applies the same domain
 * rule to it: a refusal becomes a 422; no refusal means the request is already satisfied.
 */
export async function askApplicationWorkflow<Arg>(
  deps: Deps,
  row: Application,
  update: UpdateDefinition<ApplicationView, [Arg]>,
  arg: Arg,
  judgeClosed: () => void,
  updateId?: string,
): Promise<void> {
  try {
    await executeUpdate(handleOf(deps, row.id), update, arg, updateId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    try {
      judgeClosed();
    } catch (refusal) {
      if (refusal instanceof BusinessRuleError) throw apiRefusal(refusal.code, refusal.message);
      throw refusal;
    }
  }
}

export const handleOf = (deps: Deps, id: string) => deps.temporal.workflow.getHandle(applicationWorkflowId(id));
export const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });
