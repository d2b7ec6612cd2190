// What the API shows of an application, who may see or decide it, and the quick checks made
// on the read model before asking the application workflow (which checks again).
import { z } from 'zod';
import {
  APPLICATION_STATES,
  checkCancellation,
  nextApplicationState,
  type ApplicationTransitionName,
} from '../../domain/applications.ts';
import { BusinessRuleError } from '../../domain/errors.ts';
import type { Application, Prisma } from '../../generated/prisma/client.ts';
import { applicationWorkflowId } from '../../workflows/application/contract.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { Deps } from '../route.ts';

export const applicationSchema = z.object({
  id: z.string(),
  state: z.enum(APPLICATION_STATES),
  person: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  employer: z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() }),
  sender: z.object({ organizationId: z.string(), organizationName: z.string(), kind: z.string() }),
  jobDescription: z.object({ id: z.string(), title: z.string(), romeCode: z.string() }).nullable(),
  message: z.string().nullable(),
  refusalReason: z.string().nullable(),
  refusalMessage: z.string().nullable(),
  hiringStartDate: z.string().nullable(),
  hiringEndDate: z.string().nullable(),
  pass: z.object({ number: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  createdAt: z.string(),
  lastUpdatedOn: z.string(),
  history: z.array(
    z.object({
      transition: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      reason: z.string().nullable(),
      actorOrganizationId: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
});

export const include = {
  transitions: { orderBy: { occurredAt: 'asc' } },
} satisfies Prisma.ApplicationInclude;
export type ApplicationRow = Application & Prisma.ApplicationGetPayload<{ include: typeof include }>;

/** The application as the API shows it: names of those involved, the PASS as projected. */
export async function applicationView(deps: Deps, row: ApplicationRow) {
  const [person, organizations, jobDescription, pass] = await Promise.all([
    deps.db.person.findUniqueOrThrow({ where: { id: row.personId } }),
    deps.db.organization.findMany({ where: { id: { in: [row.employerId, row.senderOrganizationId] } } }),
    row.jobDescriptionId ? deps.db.jobDescription.findUnique({ where: { id: row.jobDescriptionId } }) : null,
    row.passNumber ? deps.db.pass.findUnique({ where: { number: row.passNumber } }) : null,
  ]);
  const employer = organizations.find((o) => o.id === row.employerId);
  const sender = organizations.find((o) => o.id === row.senderOrganizationId);
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

/** A quick answer from the read model before asking the workflow, which checks again. */
export function precheck(row: Application, transition: ApplicationTransitionName, on: string): void {
  try {
    nextApplicationState(row.state, transition, 'EMPLOYER');
    if (transition === 'cancel' && row.hiringStartDate) checkCancellation(row.hiringStartDate, on);
  } catch (error) {
    if (error instanceof BusinessRuleError) throw new ApiError(422, error.code, error.message);
    throw error;
  }
}

export const handleOf = (deps: Deps, id: string) => deps.temporal.workflow.getHandle(applicationWorkflowId(id));
export const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });
