// The dashboard figures as CSV (docs/rules.md §9): one row per figure, headers in French.
import { stringify } from 'csv-stringify/sync';
import type { Stats } from '../../contracts/stats.ts';
import { ACCREDITATION_STATE_LABELS } from '../../domain/accreditation.ts';
import { frenchMonth } from '../../domain/stats/figures.ts';
import { CAMPAIGN_STATE_LABELS, CONTROL_STAGE_LABELS, labelOf } from '../../domain/controls/labels.ts';
import { SANCTION_LABELS } from '../../domain/controls/sanctions.ts';

type Row = [indicator: string, detail: string, value: number | string];

export function statsRows(stats: Stats): Row[] {
  const { accreditation, selfPrescription, controls } = stats;
  return [
    ['Personnes en parcours (PASS IAE valide)', stats.computedOn, stats.peopleInParcours],
    ...stats.hiresPerMonth.map((row): Row => ['Embauches par mois', frenchMonth(row.month), row.count]),
    ['PASS IAE se terminant dans les 90 jours', stats.computedOn, stats.passesEndingSoon],
    ...accreditation.byState.map((row): Row => [
      "Demandes d'habilitation par état",
      ACCREDITATION_STATE_LABELS[row.state],
      row.count,
    ]),
    ["Demandes d'habilitation", 'Délai médian de décision (jours)', accreditation.medianDecisionDays ?? ''],
    ["Demandes d'habilitation", 'En retard (sans décision après 30 jours)', accreditation.overdue],
    ['Embauches des 12 derniers mois', 'Total', selfPrescription.hires],
    ['Embauches des 12 derniers mois', 'Auto-prescrites', selfPrescription.selfPrescribed],
    ['Embauches des 12 derniers mois', 'Part auto-prescrite (%)', selfPrescription.sharePercent ?? ''],
    ...controls.campaignsByState.map((row): Row => [
      'Campagnes de contrôle par état',
      labelOf(CAMPAIGN_STATE_LABELS, row.state),
      row.count,
    ]),
    ...controls.controlsByStage.map((row): Row => [
      'Contrôles de SIAE par phase',
      labelOf(CONTROL_STAGE_LABELS, row.stage),
      row.count,
    ]),
    ...controls.sanctionsByKind.map((row): Row => [
      'Sanctions décidées',
      labelOf(SANCTION_LABELS, row.kind),
      row.count,
    ]),
  ];
}

export function statsCsv(stats: Stats): string {
  return stringify(
    statsRows(stats).map((row) => [stats.scopeLabel, ...row]),
    { header: true, columns: ['Périmètre', 'Indicateur', 'Détail', 'Valeur'], record_delimiter: 'unix' },
  );
}
