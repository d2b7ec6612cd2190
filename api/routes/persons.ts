// Persons and eligibility diagnoses (docs/rules.md §4, §13).
import { z } from 'zod';
import {
  diagnosisSchema,
  personListSchema,
  personSchema,
  type Person,
  type PersonDiagnosis,
} from '../../contracts/persons.ts';
import { today } from '../../domain/clock.ts';
import { compareDates } from '../../domain/dates.ts';
import {
  ADMINISTRATIVE_CRITERIA,
  canSelfDiagnose,
  checkCriteria,
  diagnosisExpiry,
  evaluateSelfPrescription,
} from '../../domain/eligibility.ts';
import { throwIfRefused } from '../../domain/errors.ts';
import { nirBirthProblem, nirProblem, normalizeNir } from '../../domain/nir.ts';
import { isAuthorizedPrescriber } from '../../domain/organizations.ts';
import { personIdentityKey } from '../../domain/persons.ts';
import type { Diagnosis, Person as PersonRow } from '../../generated/prisma/client.ts';
import { writeAudit } from '../../server/audit.ts';
import { readerWorksOnCase } from '../../server/rules/case-access.ts';
import { listPersons } from '../../server/worklists/persons.ts';
import { PERSON_SORTS } from '../../contracts/worklists.ts';
import { selfPrescriptionStanding } from '../../server/rules/self-prescription.ts';
import { auditRead } from '../audit-read.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { refuseDuplicate } from '../persons/duplicates.ts';
import { defineRoute, type Deps } from '../route.ts';
import { emailAddress, idParams, isoDate, nonEmptyText, pageQuery, text, uuid } from '../schemas.ts';

const createPerson = z
  .strictObject({
    firstName: nonEmptyText(100),
    lastName: nonEmptyText(100),
    birthDate: isoDate,
    nir: text(30)
      .optional()
      .superRefine((value, ctx) => {
        const problem = value === undefined ? null : nirProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
      })
      .meta({ description: 'Numéro de sécurité sociale (15 caractères, clé comprise)' }),
    franceTravailId: text(20).trim().optional(),
    email: emailAddress.optional(),
    phone: z
      .string()
      .regex(/^[0-9 +().-]{6,20}$/, { message: 'numéro de téléphone invalide' })
      .optional(),
    communeCode: z
      .string()
      .regex(/^\d[0-9AB]\d{3}$/, { message: 'code commune INSEE invalide' })
      .optional(),
  })
  // A NIR that contradicts the birth date is refused on the NIR (docs/rules.md §4).
  .superRefine((body, ctx) => {
    const problem = body.nir === undefined ? null : nirBirthProblem(body.nir, body.birthDate);
    if (problem) ctx.addIssue({ code: 'custom', path: ['nir'], message: problem.message });
  });

/** PATCH /persons/{id}: the fields to change, checked as on registration; null clears an optional one. */
const updatePerson = z
  .strictObject({
    firstName: createPerson.shape.firstName.optional(),
    lastName: createPerson.shape.lastName.optional(),
    birthDate: createPerson.shape.birthDate.optional(),
    nir: createPerson.shape.nir.nullable(),
    franceTravailId: createPerson.shape.franceTravailId.nullable(),
    email: createPerson.shape.email.nullable(),
    phone: createPerson.shape.phone.nullable(),
    communeCode: createPerson.shape.communeCode.nullable(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'indiquez au moins un champ à modifier' });

/** The names of the organizations that made these diagnoses ("who diagnosed", docs/rules.md §4). */
async function authorNames(db: Deps['db'], diagnoses: Diagnosis[]): Promise<Map<string, string>> {
  const ids = [...new Set(diagnoses.map((d) => d.authorOrganizationId))];
  if (ids.length === 0) return new Map();
  const rows = await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

function diagnosisView(d: Diagnosis, names: Map<string, string>): PersonDiagnosis {
  return {
    id: d.id,
    author: d.author,
    authorOrganizationId: d.authorOrganizationId,
    authorOrganizationName: names.get(d.authorOrganizationId) ?? '',
    criteria: d.criteria,
    madeOn: d.madeOn,
    expiresOn: d.expiresOn,
  };
}

/** An employer's diagnosis is visible only to that employer (docs/rules.md §4). */
function visibleDiagnoses(actor: Actor, diagnoses: Diagnosis[]) {
  return diagnoses.filter(
    (d) => d.author === 'PRESCRIBER' || actor.role === 'ADMIN' || d.authorOrganizationId === actor.organization.id,
  );
}

/** Loads the person if the actor works on their case; 404 / 403 otherwise. */
async function personOnCase(deps: Deps, actor: Actor, id: string) {
  const person = await deps.db.person.findUnique({ where: { id }, include: { diagnoses: true } });
  if (!person) throw notFound('Personne introuvable.');
  if (!(await readerWorksOnCase(deps.db, actor, id)))
    throw forbidden(
      'Vous ne travaillez pas sur le dossier de cette personne : ses données ne vous sont pas accessibles.',
    );
  return person;
}

async function personView(deps: Deps, actor: Actor, person: PersonRow & { diagnoses: Diagnosis[] }): Promise<Person> {
  const diagnoses = visibleDiagnoses(actor, person.diagnoses);
  const names = await authorNames(deps.db, diagnoses);
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    nir: person.nir,
    franceTravailId: person.franceTravailId,
    email: person.email,
    phone: person.phone,
    communeCode: person.communeCode,
    diagnoses: diagnoses.sort((a, b) => compareDates(b.madeOn, a.madeOn)).map((d) => diagnosisView(d, names)),
  };
}

export const personRoutes = [
  defineRoute({
    method: 'post',
    path: '/persons',
    tag: 'Personnes et diagnostics',
    summary: 'Inscrire une personne (un doublon possible est refusé, 409)',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    body: createPerson,
    responses: {
      201: { description: 'Personne inscrite', schema: personSchema },
      409: {
        description:
          'Doublon possible (NIR, ou nom, prénom et date de naissance) : details[0].existingId seulement si vous suivez le dossier de la personne',
      },
      429: { description: 'Trop de doublons signalés pour cet utilisateur en une heure' },
      422: { description: 'Date de naissance dans le futur' },
    },
    handle: async ({ deps, actor, body }) => {
      const { db, clock } = deps;
      if (compareDates(body.birthDate, today(clock)) >= 0) {
        const message = 'La date de naissance doit être antérieure à aujourd’hui.';
        throw new ApiError(422, 'birth_date_in_future', message, [{ path: 'body.birthDate', message }]);
      }
      const nir = body.nir ? normalizeNir(body.nir) : null;
      const identityKey = personIdentityKey(body);
      await refuseDuplicate(deps, actor, { identityKey, nir });
      const person = await db.person.create({
        data: { ...body, nir, identityKey, createdByOrganizationId: actor.organization.id, createdAt: clock.now() },
        include: { diagnoses: true },
      });
      await writeAudit(db, {
        key: `person.create:${person.id}`,
        action: 'person.create',
        entityType: 'Person',
        entityId: person.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: clock.now(),
      });
      return { status: 201, body: await personView(deps, actor, person) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/persons',
    tag: 'Personnes et diagnostics',
    summary: 'Les personnes dont votre organisation suit le dossier : recherche par nom, tri, pages',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    query: z.strictObject({
      q: z
        .string()
        .trim()
        .max(100)
        .optional()
        .meta({ description: 'Début du nom ou du prénom (plusieurs mots possibles)' }),
      sort: z.enum(PERSON_SORTS, { message: 'tri inconnu (name ou recent)' }).default('name'),
      ...pageQuery,
    }),
    responses: {
      200: { description: 'Une page de personnes (par nom, ou les plus récentes d’abord)', schema: personListSchema },
    },
    handle: async ({ deps, actor, query }) => {
      const page = await listPersons(deps.db, actor, query);
      // A list or a search is a read of every person it returns (docs/rules.md §9): one entry
      // naming the search and the ids returned, written even when nothing matched.
      await auditRead(deps, actor, {
        action: 'person.list',
        entityType: 'PersonList',
        entityId: String(page.items.length),
        details: {
          q: query.q ?? null,
          page: query.page,
          count: page.items.length,
          personIds: page.items.map((p) => p.id),
        },
      });
      return { status: 200, body: page };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/persons/{id}',
    tag: 'Personnes et diagnostics',
    summary: 'Consulter une personne et ses diagnostics (lecture journalisée)',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    params: idParams,
    responses: { 200: { description: 'Personne', schema: personSchema }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, actor, params }) => {
      const person = await personOnCase(deps, actor, params.id);
      // Every read of personal data is audited (docs/rules.md §9).
      await auditRead(deps, actor, { action: 'person.read', entityType: 'Person', entityId: person.id });
      return { status: 200, body: await personView(deps, actor, person) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/persons/{id}',
    tag: 'Personnes et diagnostics',
    summary:
      "Corriger l'identité ou les coordonnées d'une personne (journalisé avec l'ancienne et la nouvelle valeur ; null efface un champ facultatif)",
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    params: idParams,
    body: updatePerson,
    responses: {
      200: { description: 'Personne mise à jour', schema: personSchema },
      409: { description: 'Une autre personne porte déjà ce NIR, ou ces nom, prénom et date de naissance' },
      422: { description: 'Date de naissance dans le futur' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const { db, clock } = deps;
      const person = await personOnCase(deps, actor, params.id);
      if (body.birthDate && compareDates(body.birthDate, today(clock)) >= 0) {
        throw new ApiError(422, 'birth_date_in_future', 'La date de naissance doit être antérieure à aujourd’hui.', [
          { path: 'body.birthDate', message: 'la date de naissance doit être antérieure à aujourd’hui' },
        ]);
      }
      const next = {
        firstName: body.firstName ?? person.firstName,
        lastName: body.lastName ?? person.lastName,
        birthDate: body.birthDate ?? person.birthDate,
        nir: body.nir === undefined ? person.nir : body.nir === null ? null : normalizeNir(body.nir),
        franceTravailId: body.franceTravailId === undefined ? person.franceTravailId : body.franceTravailId,
        email: body.email === undefined ? person.email : body.email,
        phone: body.phone === undefined ? person.phone : body.phone,
        communeCode: body.communeCode === undefined ? person.communeCode : body.communeCode,
      };
      // The NIR and the birth date are checked together, whichever of them changes (docs/rules.md §4).
      const nirProblem =
        next.nir && (body.nir !== undefined || body.birthDate !== undefined)
          ? nirBirthProblem(next.nir, next.birthDate)
          : null;
      if (nirProblem) {
        throw new ApiError(422, 'nir_birth_mismatch', nirProblem.message, [
          { path: 'body.nir', message: nirProblem.message },
        ]);
      }
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => next[field] !== person[field]);
      if (changed.length === 0) return { status: 200, body: await personView(deps, actor, person) };
      const identityKey = personIdentityKey(next);
      if (identityKey !== person.identityKey || (next.nir && next.nir !== person.nir)) {
        await refuseDuplicate(deps, actor, { identityKey, nir: next.nir }, person.id);
      }
      const updated = await db.person.update({
        where: { id: person.id },
        data: { ...next, identityKey },
        include: { diagnoses: true },
      });
      // Every change of personal data is audited with its old and new values (docs/rules.md §9),
      // except the NIR's, which is never written outside its column (docs/rules.md §11).
      const changes = Object.fromEntries(
        changed.map((field) =>
          field === 'nir' ? [field, { changed: true }] : [field, { from: person[field], to: next[field] }],
        ),
      );
      const now = clock.now();
      await writeAudit(db, {
        key: `person.update:${person.id}:${now.getTime()}:${actor.sessionId}`,
        action: 'person.update',
        entityType: 'Person',
        entityId: person.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: now,
        details: { changes },
      });
      return { status: 200, body: await personView(deps, actor, updated) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/persons/{id}/diagnoses',
    tag: 'Personnes et diagnostics',
    summary:
      "Réaliser un diagnostic d'éligibilité : par un prescripteur habilité, ou par une SIAE pour sa propre embauche (employerId)",
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    params: idParams,
    body: z.strictObject({
      criteria: z.array(z.enum(ADMINISTRATIVE_CRITERIA)).max(20),
      employerId: uuid.optional().meta({ description: "Auto-prescription : l'identifiant de votre SIAE" }),
    }),
    responses: {
      201: { description: 'Diagnostic enregistré', schema: diagnosisSchema },
      403: { description: "Organisation non habilitée, ou pas membre de l'employeur" },
      422: { description: 'Critères incompatibles ou insuffisants, auto-prescription impossible' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const { db, clock } = deps;
      const person = await personOnCase(deps, actor, params.id);
      const on = today(clock);
      const problems = checkCriteria({ criteria: body.criteria, birthDate: person.birthDate, on });
      if (problems.length > 0) {
        throw new ApiError(
          422,
          'criteria_invalid',
          problems.map((p) => p.message).join(' '),
          problems.map((p) => ({ path: 'body.criteria', message: p.message, code: p.code })),
        );
      }

      let author: 'PRESCRIBER' | 'EMPLOYER';
      if (body.employerId === undefined) {
        // The organization's status is read fresh on every request: an approval or a
        // withdrawal takes effect at once (docs/rules.md §7).
        if (actor.role !== 'ADMIN' && !isAuthorizedPrescriber(actor)) {
          throw forbidden(
            actor.role === 'PRESCRIBER'
              ? "Votre organisation n'est pas habilitée : seul un prescripteur habilité peut réaliser un diagnostic d'éligibilité."
              : "Indiquez votre structure (employerId) pour réaliser un diagnostic d'auto-prescription.",
          );
        }
        author = 'PRESCRIBER';
      } else {
        if (actor.role !== 'ADMIN' && actor.organization.id !== body.employerId) {
          throw forbidden("Vous ne pouvez réaliser un diagnostic d'auto-prescription que pour votre propre structure.");
        }
        const employer = await db.organization.findUnique({ where: { id: body.employerId } });
        if (!employer || employer.type !== 'EMPLOYER' || !employer.employerKind)
          throw notFound('Employeur introuvable.');
        throwIfRefused(
          canSelfDiagnose(await selfPrescriptionStanding(db, { ...employer, employerKind: employer.employerKind }), on),
        );
        const evaluation = evaluateSelfPrescription(employer.employerKind, body.criteria);
        if (!evaluation.sufficient) throw new ApiError(422, 'criteria_insufficient', evaluation.explanation);
        author = 'EMPLOYER';
      }

      const diagnosis = await db.diagnosis.create({
        data: {
          personId: person.id,
          author,
          authorOrganizationId: body.employerId ?? actor.organization.id,
          authorUserId: actor.userId,
          criteria: body.criteria,
          madeOn: on,
          expiresOn: diagnosisExpiry(author, on),
          createdAt: clock.now(),
        },
      });
      await writeAudit(db, {
        key: `diagnosis.create:${diagnosis.id}`,
        action: 'diagnosis.create',
        entityType: 'Diagnosis',
        entityId: diagnosis.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: clock.now(),
        details: { personId: person.id, author },
      });
      return { status: 201, body: diagnosisView(diagnosis, await authorNames(db, [diagnosis])) };
    },
  }),
];
