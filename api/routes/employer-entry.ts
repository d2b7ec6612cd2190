// An employer manages its own registry entry (docs/rules.md §2, §3): description, contact, address and
// whether it receives applications. Every change is audited with the old and new values.
import { z } from 'zod';
import { employerEntrySchema } from '../../contracts/registry.ts';
import { writeAudit } from '../../server/audit.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Organization } from '../../generated/prisma/client.ts';
import type { Actor } from '../auth/actor.ts';
import { defineRoute, type Deps } from '../route.ts';
import { idParams, nonEmptyText, text } from '../schemas.ts';

const entryChanges = z
  .strictObject({
    name: nonEmptyText(200).optional(),
    address: nonEmptyText(300).optional(),
    description: text(3000).trim().optional(),
    contactEmail: z.email({ message: 'adresse e-mail invalide' }).max(254).optional(),
    applicationsOpen: z.boolean({ message: 'oui ou non attendu' }).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'aucune modification indiquée' });

async function ownEntry(deps: Deps, actor: Actor, id: string) {
  if (actor.role !== 'ADMIN' && actor.organization.id !== id) {
    throw forbidden('Vous ne pouvez modifier que la fiche de votre propre structure.');
  }
  const employer = await deps.db.organization.findUnique({ where: { id } });
  if (!employer || employer.type !== 'EMPLOYER') throw notFound('Employeur introuvable.');
  return employer;
}

const entryView = (employer: Organization) => ({
  id: employer.id,
  name: employer.name,
  address: employer.address,
  description: employer.description,
  contactEmail: employer.contactEmail,
  applicationsOpen: employer.applicationsOpen,
});

export const employerEntryRoutes = [
  defineRoute({
    method: 'get',
    path: '/employers/{id}/entry',
    tag: 'Registre',
    summary: 'Sa fiche employeur telle qu’on peut la modifier (contact compris)',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    responses: {
      200: { description: 'Fiche', schema: employerEntrySchema },
      403: { description: "Pas membre de l'employeur" },
    },
    handle: async ({ deps, actor, params }) => ({
      status: 200,
      body: entryView(await ownEntry(deps, actor, params.id)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/employers/{id}',
    tag: 'Registre',
    summary: 'Modifier sa fiche employeur : présentation, contact, candidatures ouvertes ou bloquées',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: entryChanges,
    responses: {
      200: { description: 'Fiche modifiée', schema: employerEntrySchema },
      403: { description: "Pas membre de l'employeur" },
      404: { description: 'Employeur introuvable' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const { db, clock } = deps;
      const before = await ownEntry(deps, actor, params.id);
      const after = await db.organization.update({ where: { id: params.id }, data: body });
      const now = clock.now();
      await writeAudit(db, {
        key: `employer.update:${params.id}:${now.getTime()}:${actor.sessionId}`,
        action: 'employer.update',
        entityType: 'Organization',
        entityId: params.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: now,
        details: Object.fromEntries(
          Object.keys(body).map((field) => [
            field,
            { from: before[field as keyof typeof body] ?? null, to: after[field as keyof typeof body] ?? null },
          ]),
        ),
      });
      return { status: 200, body: entryView(after) };
    },
  }),
];
