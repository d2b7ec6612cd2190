// Rollout by département (docs/rules.md §10): administrators switch the self-prescription route on or
// off per département; every change is audited with the old and the new value.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  departementSettingListSchema,
  departementSettingSchema,
  type DepartementSetting,
} from '../../contracts/departements.ts';
import { writeAudit } from '../../server/audit.ts';
import { findDepartement, listDepartements } from '../../server/territories.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';

const AUDIT_ACTION = 'departement.selfPrescription';

interface AuditDetails {
  previous: boolean;
  enabled: boolean;
}

export const departementSettingRoutes = [
  defineRoute({
    method: 'get',
    path: '/departements/settings',
    tag: 'Déploiement',
    summary: 'Ouverture de l’auto-prescription par département, et le dernier changement (administrateurs)',
    access: [],
    responses: { 200: { description: 'Tous les départements', schema: departementSettingListSchema } },
    handle: async ({ deps }) => {
      const [settings, changes] = await Promise.all([
        deps.db.departementSetting.findMany(),
        deps.db.auditEntry.findMany({
          where: { action: AUDIT_ACTION },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          distinct: ['entityId'],
        }),
      ]);
      const users = await deps.db.user.findMany({
        where: { id: { in: changes.flatMap((c) => (c.actorUserId ? [c.actorUserId] : [])) } },
        select: { id: true, firstName: true, lastName: true },
      });
      const enabled = new Map(settings.map((s) => [s.code, s.selfPrescriptionEnabled]));
      const lastChange = new Map(changes.map((c) => [c.entityId, c]));
      const names = new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
      const items = listDepartements().map((departement): DepartementSetting => {
        const change = lastChange.get(departement.code);
        const details = change?.details as AuditDetails | undefined;
        return {
          code: departement.code,
          name: departement.nom,
          selfPrescriptionEnabled: enabled.get(departement.code) ?? false,
          lastChange:
            change && details
              ? {
                  at: change.occurredAt.toISOString(),
                  enabled: details.enabled,
                  previous: details.previous,
                  by: (change.actorUserId && names.get(change.actorUserId)) || 'Inconnu',
                }
              : null,
        };
      });
      return { status: 200, body: { items } };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/departements/{code}/self-prescription',
    tag: 'Déploiement',
    summary: 'Ouvrir ou fermer l’auto-prescription dans un département (administrateurs, journalisé)',
    access: [],
    params: z.strictObject({
      code: z.string().regex(/^(\d{2}|2A|2B|97\d)$/, { message: 'code de département invalide (ex. 93, 2A, 974)' }),
    }),
    body: z.strictObject({ enabled: z.boolean() }),
    responses: {
      200: { description: 'Réglage du département', schema: departementSettingSchema },
      404: { description: 'Département inconnu' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const departement = findDepartement(params.code);
      if (!departement) throw notFound(`Département inconnu : « ${params.code} ».`);
      const now = deps.clock.now();
      const previous = await deps.db.$transaction(async (tx) => {
        // Row lock: two administrators switching at once each see the value the other left.
        await tx.departementSetting.upsert({
          where: { code: departement.code },
          create: { code: departement.code },
          update: {},
        });
        const [row] = await tx.$queryRaw<{ selfPrescriptionEnabled: boolean }[]>`
          SELECT "selfPrescriptionEnabled" FROM "DepartementSetting" WHERE code = ${departement.code} FOR UPDATE`;
        const old = row?.selfPrescriptionEnabled ?? false;
        await tx.departementSetting.update({
          where: { code: departement.code },
          data: { selfPrescriptionEnabled: body.enabled },
        });
        await writeAudit(tx, {
          key: `${AUDIT_ACTION}:${departement.code}:${randomUUID()}`,
          action: AUDIT_ACTION,
          entityType: 'Departement',
          entityId: departement.code,
          actorUserId: actor.userId,
          actorOrganizationId: actor.organization.id,
          occurredAt: now,
          details: { previous: old, enabled: body.enabled },
        });
        return old;
      });
      return {
        status: 200,
        body: {
          code: departement.code,
          name: departement.nom,
          selfPrescriptionEnabled: body.enabled,
          lastChange: {
            at: now.toISOString(),
            enabled: body.enabled,
            previous,
            by: `${actor.firstName} ${actor.lastName}`,
          },
        } satisfies DepartementSetting,
      };
    },
  }),
];
