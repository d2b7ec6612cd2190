// French labels of the controls a posteriori (docs/rules.md §8): pages, dashboards and CSV.
export const CAMPAIGN_STATE_LABELS: Record<string, string> = {
  open: 'Ouverte (choix du taux)',
  selecting: 'Tirage en cours',
  running: 'Contrôles en cours',
  closed: 'Clôturée',
  OPEN: 'Ouverte (choix du taux)',
  SELECTING: 'Tirage en cours',
  RUNNING: 'Contrôles en cours',
  CLOSED: 'Clôturée',
};

export const CONTROL_STAGE_LABELS: Record<string, string> = {
  proofs: 'Transmission des justificatifs',
  adversarial: 'Phase contradictoire',
  awaiting_decision: 'Décision à prendre',
  decided: 'Décidé',
};

export const CONTROL_STATE_LABELS: Record<string, string> = {
  pending: 'En attente',
  uploaded: 'Justificatif déposé',
  submitted: 'Transmis',
  refused_2: 'Problème constaté (x2)',
  refused: 'Problème constaté',
  accepted: 'Validé',
};

/** The label of a key, or the key itself when the table has none (own properties only). */
export function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}
