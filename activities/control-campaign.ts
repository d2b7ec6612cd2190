// The controlCampaign workflow's activities (docs/rules.md §8): the seed from crypto
// randomness, the eligible SIAE from the hires, and the projection (read model, audit, DDETS
// notifications). Idempotent: keys from workflow id + version; an older version never wins.
import { randomInt } from 'node:crypto';
import { eligibleSiaes, type HireForControl } from '../domain/controls/selection.ts';
import { frenchDate } from '../domain/dates.ts';
import type { EmployerKind } from '../domain/organizations.ts';
import { writeAudit } from '../server/audit.ts';
import type { Db } from '../server/db/client.ts';
import type {
  ControlCampaignActivities,
  ProjectControlCampaignInput,
} from '../workflows/control-campaign/activities.ts';
import { controlCampaignWorkflowId } from '../workflows/control-campaign/contract.ts';
import { notifyDdets } from './control-notifications.ts';

const STATE = { open: 'OPEN', selecting: 'SELECTING', running: 'RUNNING', closed: 'CLOSED' } as const;

function campaignNotice({ view, action }: ProjectControlCampaignInput): { subject: string; body: string } | null {
  const period = `du ${frenchDate(view.period.start)} au ${frenchDate(view.period.end)}`;
  switch (action) {
    case 'controlCampaign.open':
      return {
        subject: 'Campagne de contrôle a posteriori ouverte',
        body: `La campagne portant sur les embauches ${period} est ouverte. Choisissez le taux de sélection (20 à 40 %) sous 4 semaines ; à défaut, 30 % s'appliquera.`,
      };
    case 'controlCampaign.defaultRatio':
      return {
        subject: 'Taux de sélection appliqué par défaut',
        body: `Faute de choix sous 4 semaines, le taux de 30 % s'applique à la campagne ${period}.`,
      };
    case 'controlCampaign.draw':
      return {
        subject: 'Structures sélectionnées pour le contrôle',
        body: `${view.controls.length} structure(s) sur ${view.eligibleCount ?? 0} éligible(s) ont été tirées au sort (graine ${view.draw?.seed ?? ''}).`,
      };
    case 'controlCampaign.close':
      return { subject: 'Campagne de contrôle clôturée', body: `Chaque contrôle de la campagne ${period} est décidé.` };
    default:
      return null;
  }
}

export function controlCampaignActivities(db: Db): ControlCampaignActivities {
  return {
    async drawSeed() {
      return randomInt(0, 0x1_0000_0000);
    },

    async eligibleSiaes({ departement, period }) {
      const rows = await db.application.findMany({
        where: {
          state: 'accepted',
          hiringStartDate: { gte: period.start, lte: period.end },
          passNumber: { not: null },
        },
        select: { id: true, employerId: true, hiringStartDate: true, passNumber: true, createdAt: true },
      });
      const employers = await db.organization.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.employerId))] }, departement, type: 'EMPLOYER' },
        select: { id: true, employerKind: true, departement: true, certified: true },
      });
      const passNumbers = [...new Set(rows.map((r) => r.passNumber!))];
      // The diagnosis that opened a PASS carries its number (docs/rules.md §4).
      const openers = await db.diagnosis.findMany({
        where: { passNumber: { in: passNumbers } },
        select: { passNumber: true, author: true, authorOrganizationId: true },
      });
      // A PASS is opened by its first hire; later hires on it reused it (docs/rules.md §8).
      const firstHire = await db.application.findMany({
        where: { passNumber: { in: passNumbers }, state: 'accepted' },
        orderBy: [{ hiringStartDate: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, passNumber: true },
      });
      const openedBy = new Map<string, string>();
      for (const a of firstHire) if (!openedBy.has(a.passNumber!)) openedBy.set(a.passNumber!, a.id);
      const byId = new Map(employers.map((e) => [e.id, e]));
      const hires: HireForControl[] = [];
      for (const row of rows) {
        const employer = byId.get(row.employerId);
        if (!employer?.employerKind) continue;
        const opener = openers.find((d) => d.passNumber === row.passNumber);
        hires.push({
          id: row.id,
          siaeId: row.employerId,
          siaeKind: employer.employerKind as EmployerKind,
          siaeDepartement: employer.departement,
          accepted: true,
          hiringStartDate: row.hiringStartDate!,
          diagnosisAuthor: opener?.author === 'EMPLOYER' ? 'EMPLOYER' : 'PRESCRIBER',
          diagnosisEmployerId: opener?.author === 'EMPLOYER' ? opener.authorOrganizationId : null,
          openedPass: openedBy.get(row.passNumber!) === row.id,
        });
      }
      return eligibleSiaes(hires, { departement, period }).map((siae) => ({
        ...siae,
        certified: byId.get(siae.siaeId)?.certified ?? false,
      }));
    },

    async projectControlCampaign(input) {
      const { view, actedBy, action, at } = input;
      const key = `${controlCampaignWorkflowId(view.departement, view.period)}:v${view.version}`;
      await db.$transaction(async (tx) => {
        const current = await tx.controlCampaign.findUnique({
          where: { id: view.campaignId },
          select: { version: true },
        });
        const row = {
          departement: view.departement,
          periodStart: view.period.start,
          periodEnd: view.period.end,
          openedOn: view.openedOn,
          state: STATE[view.state],
          ratio: view.ratio,
          ratioChosen: view.ratioChosen,
          drawAlgorithm: view.draw?.algorithm ?? null,
          drawVersion: view.draw?.version ?? null,
          drawSeed: view.draw ? BigInt(view.draw.seed) : null,
          selectedIds: view.draw?.selectedIds ?? [],
          eligibleCount: view.eligibleCount,
          closedOn: view.closedOn,
          version: view.version,
        };
        if (!current) await tx.controlCampaign.create({ data: { id: view.campaignId, ...row } });
        else if (current.version < view.version) {
          await tx.controlCampaign.update({ where: { id: view.campaignId }, data: row });
        }
        await writeAudit(tx, {
          key,
          action,
          entityType: 'ControlCampaign',
          entityId: view.campaignId,
          actorUserId: actedBy?.userId ?? null,
          actorOrganizationId: actedBy?.organizationId ?? null,
          details: { state: view.state, version: view.version, ratio: view.ratio, seed: view.draw?.seed ?? null },
          occurredAt: new Date(at),
        });
        const notice = campaignNotice(input);
        if (notice) await notifyDdets(tx, { key, departement: view.departement, at: new Date(at), ...notice });
      });
    },
  };
}
