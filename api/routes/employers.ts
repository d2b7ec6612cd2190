// The public registry (docs/rules.md §3, §13): search employers around a commune or in a département,
// fairly ordered, and read one employer. No account needed.
import { z } from 'zod';
import { employerDetailSchema, searchResultSchema } from '../../contracts/registry.ts';
import { EMPLOYER_KINDS, type EmployerKind } from '../../domain/organizations.ts';
import { PAGE_SIZE, RADIUS_KM, RECENT_APPLICATIONS_DAYS } from '../../domain/registry-search.ts';
import type { Db } from '../../server/db/client.ts';
import { searchEmployers } from '../../server/registry/employer-search.ts';
import { findCommune } from '../../server/territories.ts';
import { ApiError, notFound } from '../errors.ts';
import { communeName, publicJobDescription, roundedKm } from '../registry/views.ts';
import { defineRoute } from '../route.ts';
import { communeCode, departementCode, idParams } from '../schemas.ts';

const kind = z.enum(EMPLOYER_KINDS, { message: `type d'employeur inconnu (${EMPLOYER_KINDS.join(', ')})` });

const searchQuery = z
  .strictObject({
    commune: communeCode.optional(),
    radiusKm: z.coerce
      .number({ message: 'rayon invalide (nombre de kilomètres attendu)' })
      .min(RADIUS_KM.min, { message: `le rayon doit être compris entre ${RADIUS_KM.min} et ${RADIUS_KM.max} km` })
      .max(RADIUS_KM.max, { message: `le rayon doit être compris entre ${RADIUS_KM.min} et ${RADIUS_KM.max} km` })
      .optional()
      .meta({
        description: `Rayon en km autour de la commune (${RADIUS_KM.min} à ${RADIUS_KM.max}, ${RADIUS_KM.default} par défaut)`,
      }),
    departement: departementCode.optional(),
    kind: z
      .union([kind, z.array(kind)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional()
      .meta({ description: "Type d'employeur (paramètre répétable : kind=ACI&kind=EI)" }),
    rome: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]\d{4}$/, { message: 'code ROME invalide (une lettre et 4 chiffres, ex. N1105)' })
      .optional(),
    openOnly: z
      .enum(['true', 'false'], { message: 'valeur attendue : true ou false' })
      .transform((value) => value === 'true')
      .optional()
      .meta({ description: 'Seulement les employeurs qui recrutent (candidatures ouvertes et postes ouverts)' }),
    page: z.coerce.number({ message: 'numéro de page invalide' }).int().min(1).max(10_000).default(1),
    pageSize: z.coerce
      .number({ message: 'taille de page invalide' })
      .int()
      .min(1, { message: `entre 1 et ${PAGE_SIZE.max} résultats par page` })
      .max(PAGE_SIZE.max, { message: `entre 1 et ${PAGE_SIZE.max} résultats par page` })
      .default(PAGE_SIZE.default),
  })
  .refine((query) => query.radiusKm === undefined || query.commune !== undefined, {
    message: "le rayon ne s'utilise qu'avec une commune",
    path: ['radiusKm'],
  });

/** The centre of the commune searched from, or a French 422 saying why there is none. */
async function communeCentre(db: Db, code: string) {
  const commune = findCommune(code);
  if (!commune) throw new ApiError(422, 'unknown_commune', `Aucune commune ne porte le code INSEE ${code}.`);
  const centre = await db.communeCentre.findUnique({ where: { code } });
  if (!centre) {
    throw new ApiError(
      422,
      'commune_centre_unknown',
      `Coordonnées de cette commune inconnues (${commune.nom}) : la recherche par distance y est impossible, cherchez par département.`,
    );
  }
  return { latitude: centre.latitude, longitude: centre.longitude };
}

async function jobDescriptionsOf(db: Db, employerIds: string[], rome?: string) {
  return db.jobDescription.findMany({
    where: { employerId: { in: employerIds }, ...(rome ? { romeCode: rome } : {}) },
    select: {
      id: true,
      employerId: true,
      romeCode: true,
      title: true,
      contractType: true,
      openPositions: true,
      hoursPerWeek: true,
      recruitmentOpen: true,
      deactivatedOn: true,
    },
    orderBy: [{ recruitmentOpen: 'desc' }, { title: 'asc' }, { id: 'asc' }],
  });
}

export const employerRoutes = [
  defineRoute({
    method: 'get',
    path: '/employers',
    tag: 'Registre',
    summary: 'Rechercher des employeurs inclusifs (public)',
    access: 'public',
    query: searchQuery,
    responses: {
      200: {
        description: `Employeurs, ceux qui reçoivent le moins de candidatures (${RECENT_APPLICATIONS_DAYS} derniers jours) par poste ouvert d'abord`,
        schema: searchResultSchema,
      },
      422: { description: 'Commune inconnue ou sans coordonnées connues' },
    },
    handle: async ({ deps, query }) => {
      const { db, clock } = deps;
      const near = query.commune
        ? { centre: await communeCentre(db, query.commune), radiusKm: query.radiusKm ?? RADIUS_KM.default }
        : undefined;
      const { rows, total } = await searchEmployers(db, {
        near,
        departement: query.departement,
        kinds: query.kind as EmployerKind[] | undefined,
        rome: query.rome,
        openOnly: query.openOnly,
        page: query.page,
        pageSize: query.pageSize,
        now: clock.now(),
      });
      const jobs = await jobDescriptionsOf(
        db,
        rows.map((row) => row.id),
        query.rome,
      );
      const items = rows.map((row) => ({
        ...row,
        communeName: communeName(row.communeCode),
        distanceKm: roundedKm(row.distanceKm),
        jobDescriptions: jobs.filter((job) => job.employerId === row.id).map(publicJobDescription),
      }));
      return { status: 200, body: { items, page: query.page, pageSize: query.pageSize, total } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/employers/{id}',
    tag: 'Registre',
    summary: 'Consulter la fiche publique d’un employeur inclusif',
    access: 'public',
    params: idParams,
    responses: {
      200: { description: 'Employeur et ses fiches de poste', schema: employerDetailSchema },
      404: { description: 'Employeur introuvable' },
    },
    handle: async ({ deps, params }) => {
      const { db, clock } = deps;
      const employer = await db.organization.findFirst({ where: { id: params.id, type: 'EMPLOYER' } });
      if (!employer) throw notFound('Employeur introuvable.');
      const since = new Date(clock.now().getTime() - RECENT_APPLICATIONS_DAYS * 86_400_000);
      const [jobs, recentApplications] = await Promise.all([
        jobDescriptionsOf(db, [employer.id]),
        db.application.count({ where: { employerId: employer.id, createdAt: { gte: since } } }),
      ]);
      const jobDescriptions = jobs.map(publicJobDescription);
      return {
        status: 200,
        body: {
          id: employer.id,
          name: employer.name,
          kind: employer.employerKind ?? '',
          siret: employer.siret,
          address: employer.address,
          communeCode: employer.communeCode,
          communeName: communeName(employer.communeCode),
          departement: employer.departement,
          latitude: employer.latitude,
          longitude: employer.longitude,
          certified: employer.certified,
          applicationsOpen: employer.applicationsOpen,
          description: employer.description,
          openPositions: jobDescriptions
            .filter((job) => job.recruitmentOpen)
            .reduce((sum, job) => sum + job.openPositions, 0),
          recentApplications,
          jobDescriptions,
        },
      };
    },
  }),
];
