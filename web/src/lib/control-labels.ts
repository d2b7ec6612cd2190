// French labels of the controls a posteriori (docs/rules.md §8).
export { CAMPAIGN_STATE_LABELS, CONTROL_STAGE_LABELS, CONTROL_STATE_LABELS } from '$domain/controls/labels.ts';

export const DDETS_ONLY = 'Cette page est réservée aux agents de la DDETS.';

export const CONTROL_SIAE_ONLY = 'Cette page est réservée aux salariés de la structure contrôlée.';
