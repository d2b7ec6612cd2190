// Organizations (docs/rules.md §2, §3, §13): created by administrators; authorization status shown.
import { z } from 'zod';
import { organizationSchema, type Organization } from '../../contracts/organizations.ts';
import { EMPLOYER_KINDS, initialAuthorizationStatus, PRESCRIBER_KINDS } from '../../domain/organizations.ts';
import { writeAudit } from '../../server/audit.ts';
import { seatDepartementOfRegion } from '../../server/territories.ts';
import { registerImportedCommuneCentre } from '../../server/registry/commune-centres.ts';
import type { Organization as OrganizationRow } from '../../generated/prisma/client.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { departementCode, emailAddress, regionCode, idParams, nonEmptyText, siret, text } from '../schemas.ts';

const common = { name: nonEmptyText(200), departement: departementCode };

const createOrganization = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('PRESCRIBER'),
    ...common,
    siret: siret.optional(),
    prescriberKind: z.enum(PRESCRIBER_KINDS),
  }),
  z.strictObject({
    type: z.literal('EMPLOYER'),
    ...common,
    siret,
    employerKind: z.enum(EMPLOYER_KINDS),
    communeCode: z
      .string()
      .regex(/^\d[0-9AB]\d{3}$/, { message: 'code commune INSEE invalide' })
      .optional(),
    address: nonEmptyText(300).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    certified: z.boolean().optional(),
    contactEmail: emailAddress.optional(),
    description: text(3000).trim().optional(),
  }),
  z.strictObject({ type: z.literal('PREFECTURE'), ...common }),
  z.strictObject({ type: z.literal('DDETS'), ...common }),
  z.strictObject({ type: z.literal('PLATFORM'), ...common }),
  // A DREETS covers a région; it is located in the région's seat département (docs/rules.md §9).
  z.strictObject({ type: z.literal('DREETS'), name: nonEmptyText(200), region: regionCode }),
]);

export function organizationView(organization: OrganizationRow): Organization {
  return {
    id: organization.id,
    type: organization.type,
    name: organization.name,
    siret: organization.siret,
    departement: organization.departement,
    prescriberKind: organization.prescriberKind,
    employerKind: organization.employerKind,
    authorizationStatus: organization.authorizationStatus,
    certified: organization.certified,
    createdAt: organization.createdAt.toISOString(),
  };
}

export const organizationRoutes = [
  defineRoute({
    method: 'post',
    path: '/organizations',
    tag: 'Organisations',
    summary: 'Créer une organisation (administrateurs)',
    access: [],
    body: createOrganization,
    responses: {
      201: { description: 'Organisation créée', schema: organizationSchema },
      409: { description: 'SIRET déjà enregistré' },
    },
    handle: async ({ deps, actor, body }) => {
      const { db, clock } = deps;
      if ('siret' in body && body.siret) {
        const kindFilter =
          body.type === 'EMPLOYER' ? { employerKind: body.employerKind } : { prescriberKind: body.prescriberKind };
        const existing = await db.organization.findFirst({
          where: { siret: body.siret, ...kindFilter },
          select: { id: true },
        });
        if (existing)
          throw conflict('Une organisation de ce type avec ce SIRET existe déjà.', [
            { message: 'doublon', existingId: existing.id },
          ]);
      }
      const organization = await db.organization.create({
        data: {
          ...(body.type === 'DREETS'
            ? { ...body, departement: seatDepartementOfRegion(body.region)! }
            : { ...body, region: null }),
          createdAt: clock.now(),
          authorizationStatus: body.type === 'PRESCRIBER' ? initialAuthorizationStatus(body.prescriberKind) : null,
        },
      });
      if (body.type === 'EMPLOYER' && body.communeCode && body.latitude !== undefined && body.longitude !== undefined) {
        await registerImportedCommuneCentre(db, {
          communeCode: body.communeCode,
          latitude: body.latitude,
          longitude: body.longitude,
        });
      }
      await writeAudit(db, {
        key: `organization.create:${organization.id}`,
        action: 'organization.create',
        entityType: 'Organization',
        entityId: organization.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: clock.now(),
        details: { type: organization.type, authorizationStatus: organization.authorizationStatus },
      });
      return { status: 201, body: organizationView(organization) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/organizations/{id}',
    tag: 'Organisations',
    summary: "Consulter une organisation et son statut d'habilitation",
    access: 'authenticated',
    params: idParams,
    responses: {
      200: { description: 'Organisation', schema: organizationSchema },
      404: { description: 'Introuvable' },
    },
    handle: async ({ deps, actor, params }) => {
      const organization = await deps.db.organization.findUnique({ where: { id: params.id } });
      if (!organization) throw notFound('Organisation introuvable.');
      const isMember = actor.organization.id === organization.id;
      const isDepartementAuthority = actor.role === 'PREFECTURE_AGENT' || actor.role === 'LABOUR_INSPECTOR';
      if (!isMember && actor.role !== 'ADMIN') {
        if (!isDepartementAuthority) throw forbidden();
        assertDepartementScope(actor, organization.departement);
      }
      return { status: 200, body: organizationView(organization) };
    },
  }),
];
