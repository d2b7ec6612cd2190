// The SIAE's notice for each change of its self-prescription right (docs/rules.md §8, §9), in French.
import type { RightAction, RightState } from './right.ts';
import { frenchDate } from '../dates.ts';

export interface RightNotice {
  subject: string;
  body: string;
}

const STILL_WORKS =
  "Les embauches sur le diagnostic d'un prescripteur habilité et celles sur un PASS IAE en cours restent possibles.";

export function rightNotice(action: RightAction, state: RightState): RightNotice {
  switch (action) {
    case 'schedule': {
      const scheduled = state.status === 'active' ? state.scheduled : null;
      const from = scheduled ? frenchDate(scheduled.from) : '';
      return {
        subject: "Retrait de votre droit d'auto-prescription",
        body: scheduled?.until
          ? `À la suite du contrôle a posteriori, votre droit d'auto-prescription sera retiré du ${from} au ${frenchDate(scheduled.until)} inclus. ${STILL_WORKS}`
          : `À la suite du contrôle a posteriori, votre droit d'auto-prescription sera retiré définitivement à partir du ${from}. Seule la préfecture de votre département peut le rétablir. ${STILL_WORKS}`,
      };
    }
    case 'start': {
      const what =
        "votre structure ne peut plus réaliser de diagnostic d'éligibilité ni embaucher sur son propre diagnostic";
      if (state.status === 'revoked_until') {
        return {
          subject: "Votre droit d'auto-prescription est retiré",
          body: `Du ${frenchDate(state.from)} au ${frenchDate(state.until)} inclus, ${what}. ${STILL_WORKS}`,
        };
      }
      const from = state.status === 'revoked_permanently' ? ` Depuis le ${frenchDate(state.from)},` : '';
      return {
        subject: "Votre droit d'auto-prescription est retiré",
        body: `${from} ${what}, jusqu'à ce que la préfecture de votre département rétablisse ce droit. ${STILL_WORKS}`.trim(),
      };
    }
    case 'restore':
      return {
        subject: "Votre droit d'auto-prescription est rétabli",
        body: "Le retrait temporaire a pris fin : votre structure peut de nouveau réaliser des diagnostics d'éligibilité.",
      };
    case 'lift':
      return {
        subject: "Votre droit d'auto-prescription est rétabli",
        body: "La préfecture a levé le retrait définitif : votre structure peut de nouveau réaliser des diagnostics d'éligibilité.",
      };
  }
}
