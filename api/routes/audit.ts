// The audit log, readable (docs/rules.md §9): administrators read every entry, a prefecture or
// a DDETS the entries of its département (server/audit-log.ts); paginated on the server, also as
// CSV. Every read of the log is itself audited.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { auditPageSchema } from '../../contracts/audit.ts';
import { today } from '../../domain/clock.ts';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, auditWhere, readAuditEntries } from '../../server/audit-log.ts';
import { auditRead } from '../audit-read.ts';
import type { Actor } from '../auth/actor.ts';
import { defineRoute, type Deps } from '../route.ts';
import { isoDate, text, uuid } from '../schemas.ts';

const AUDIT_ROLES = ['PREFECTURE_AGENT', 'LABOUR_INSPECTOR'] as const;

const filters = {
  actor: uuid.optional().meta({ description: "Identifiant de l'utilisateur auteur" }),
  organization: uuid.optional().meta({ description: "Identifiant de l'organisation pour laquelle il agissait" }),
  entityType: text(100).optional().meta({ example: 'AccreditationRequest' }),
  entityId: text(200).optional(),
  from: isoDate.optional().meta({ description: 'Premier jour inclus (heure de Paris)' }),
  to: isoDate.optional().meta({ description: 'Dernier jour inclus (heure de Paris)' }),
};
/** Empty form fields (a filter left blank) mean "no filter". */
const blankless = (query: unknown) =>
  Object.fromEntries(Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== ''));
const listQuery = z.preprocess(
  blankless,
  z.strictObject({ ...filters, page: z.coerce.number().int().min(1, { message: 'page ≥ 1' }).max(10_000).default(1) }),
);
const exportQuery = z.preprocess(blankless, z.strictObject(filters));

/** Administrators: every entry; others: their département's. */
const departementOf = (actor: Actor) => (actor.role === 'ADMIN' ? null : actor.organization.departement);
const scopeOf = (actor: Actor) =>
  actor.role === 'ADMIN' ? 'national' : `departement:${actor.organization.departement}`;

async function auditTheRead(deps: Deps, actor: Actor, format: 'page' | 'csv', details: Record<string, unknown>) {
  await auditRead(deps, actor, {
    action: 'audit.read',
    entityType: 'AuditLog',
    entityId: scopeOf(actor),
    details: { format, ...JSON.parse(JSON.stringify(details)) },
  });
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    tag: 'Journal',
    summary:
      "Lire le journal d'audit (administrateur : tout ; préfecture et DDETS : leur département), 50 entrées par page",
    access: AUDIT_ROLES,
    query: listQuery,
    responses: { 200: { description: 'Une page du journal', schema: auditPageSchema } },
    handle: async ({ deps, actor, query }) => {
      const { page, ...rest } = query;
      const where = await auditWhere(deps.db, rest, departementOf(actor));
      const [total, items] = await Promise.all([
        deps.db.auditEntry.count({ where }),
        readAuditEntries(deps.db, where, (page - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE),
      ]);
      await auditTheRead(deps, actor, 'page', { ...rest, page });
      return {
        status: 200,
        body: {
          items,
          page,
          pageSize: AUDIT_PAGE_SIZE,
          total,
          pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
          scope: scopeOf(actor),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit.csv',
    tag: 'Journal',
    summary: `Le journal d'audit filtré en CSV (les ${AUDIT_EXPORT_MAX} entrées les plus récentes au plus)`,
    access: AUDIT_ROLES,
    query: exportQuery,
    responses: { 200: { description: 'Fichier CSV' } },
    handle: async ({ deps, actor, query }) => {
      const where = await auditWhere(deps.db, query, departementOf(actor));
      const items = await readAuditEntries(deps.db, where, 0, AUDIT_EXPORT_MAX);
      await auditTheRead(deps, actor, 'csv', { ...query, count: items.length });
      const content = stringify(
        items.map((entry) => [
          entry.occurredAt,
          entry.action,
          entry.entityType,
          entry.entityId,
          entry.actor?.name ?? '',
          entry.actor?.email ?? '',
          entry.organization?.name ?? '',
          JSON.stringify(entry.details),
        ]),
        {
          header: true,
          columns: [
            'Date',
            'Action',
            "Type d'objet",
            "Identifiant de l'objet",
            'Auteur',
            'E-mail',
            'Organisation',
            'Détails',
          ],
          record_delimiter: 'unix',
        },
      );
      return {
        status: 200,
        file: {
          contentType: 'text/csv; charset=utf-8',
          filename: `journal-${scopeOf(actor).replace(':', '-')}-${today(deps.clock)}.csv`,
          content,
        },
      };
    },
  }),
];
