// The controlCampaign workflow's activities (docs/rules.md §8): the seed from crypto
// randomness, the eligible SIAE from the hires, and the projection (read model, audit, DDETS
// notifications). Idempotent: keys from workflow id + version; an older version never wins.
import { randomInt } from 'node:crypto';
import { frenchDate } from '../domain/dates.ts';
import { writeAudit } from '../server/audit.ts';
import { findEligibleSiaes } from '../server/controls/eligible-siaes.ts';
import type { Db } from '../server/db/client.ts';
import type {
  ControlCampaignActivities,
  ProjectControlCampaignInput,
} from '../workflows/control-campaign/activities.ts';
import { controlCampaignWorkflowId } from '../workflows/control-campaign/contract.ts';
import type { MailSettings } from '../server/notifications/write.ts';
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

export function controlCampaignActivities(db: Db, mail: MailSettings): ControlCampaignActivities {
  return {
    async drawSeed() {
      return randomInt(0, 0x1_0000_0000);
    },

    eligibleSiaes: (input) => findEligibleSiaes(db, input),

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
        if (notice) {
          const about = { kind: 'controlCampaign', campaignId: view.campaignId } as const;
          await notifyDdets(tx, { key, departement: view.departement, at: new Date(at), about, ...notice }, mail);
        }
      });
    },
  };
}
