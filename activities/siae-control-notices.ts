// What each step of a control tells the SIAE and the DDETS (docs/rules.md §8, §9), in French.
import { REFUSAL_REASON_LABELS } from '../domain/controls/states.ts';
import { SANCTION_LABELS } from '../domain/controls/sanctions.ts';
import { frenchDate } from '../domain/dates.ts';
import type { SiaeControlView } from '../workflows/siae-control/contract.ts';

export interface ControlNotice {
  to: 'SIAE' | 'DDETS';
  subject: string;
  body: string;
}

export function controlNotices(action: string, view: SiaeControlView): ControlNotice[] {
  const deadline = frenchDate(view.phaseDeadline);
  const siae = (subject: string, body: string): ControlNotice => ({ to: 'SIAE', subject, body });
  const ddets = (subject: string, body: string): ControlNotice => ({ to: 'DDETS', subject, body });
  switch (action) {
    case 'siaeControl.start':
      return [
        siae(
          'Votre structure fait l’objet d’un contrôle a posteriori',
          `Pour chaque embauche contrôlée, choisissez les critères à justifier et déposez les justificatifs avant le ${deadline} (inclus).`,
        ),
      ];
    case 'siaeControl.siaeReminder':
      return [
        siae(
          'Rappel : justificatifs du contrôle a posteriori',
          `Vos justificatifs n'ont pas encore été transmis. Date limite : ${frenchDate(view.phaseDeadline)}.`,
        ),
      ];
    case 'siaeControl.submit':
      return [
        ddets(
          'Justificatifs transmis',
          'Une structure contrôlée a transmis ses justificatifs : ils attendent votre examen.',
        ),
      ];
    case 'siaeControl.phaseDeadline':
      return [
        siae('Délai de transmission dépassé', 'Les justificatifs non transmis sont considérés comme refusés.'),
        ddets('Fin d’une phase de contrôle', 'Le délai de transmission d’une structure contrôlée est écoulé.'),
      ];
    case 'siaeControl.ddetsReminder':
      return [
        ddets('Rappel : justificatifs à examiner', 'Des justificatifs transmis attendent toujours votre examen.'),
      ];
    case 'siaeControl.adversarial':
      return [
        siae(
          'Phase contradictoire ouverte',
          `Des justificatifs ont été refusés. Vous pouvez déposer de nouveaux justificatifs pour les critères refusés avant le ${deadline} (inclus).`,
        ),
      ];
    case 'siaeControl.accept':
      return [siae('Contrôle a posteriori validé', 'Vos justificatifs ont été validés : le contrôle est clos.')];
    case 'siaeControl.refuse':
      return [ddets('Décision à prendre', 'Un contrôle est refusé : décidez des sanctions.')];
    case 'siaeControl.decide': {
      const reason = view.decision?.reason ? REFUSAL_REASON_LABELS[view.decision.reason] : '';
      const sanctions = (view.decision?.sanctions ?? []).map((s) => `- ${SANCTION_LABELS[s.kind]}`).join('\n');
      return [
        siae('Décision sur votre contrôle a posteriori', `Contrôle refusé (${reason}). Sanctions :\n${sanctions}`),
      ];
    }
    default:
      return [];
  }
}
