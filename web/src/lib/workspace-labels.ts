// « Mon espace »: each count as a sentence and the filtered list it opens (docs/rules.md §9).
import type { WorkspaceCountKey } from '$contracts/worklists.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const WORKSPACE_COUNTS: Record<WorkspaceCountKey, { href: string; text: (n: number) => string }> = {
  applicationsToProcess: {
    href: '/candidatures?etat=a-traiter',
    text: (n) => `${n} ${plural(n, 'candidature à traiter', 'candidatures à traiter')}`,
  },
  applicationsAwaitingAnswer: {
    href: '/candidatures?etat=en-attente',
    text: (n) => `${n} ${plural(n, 'candidature en attente de réponse', 'candidatures en attente de réponse')}`,
  },
  passesEndingSoon: {
    href: '/passes?fin=30',
    text: (n) => `${n} PASS IAE ${plural(n, 'se termine', 'se terminent')} dans 30 jours`,
  },
  prolongationRequestsToDecide: {
    href: '/prolongations',
    text: (n) => `${n} ${plural(n, 'demande de prolongation à valider', 'demandes de prolongation à valider')}`,
  },
  prolongationRequestsAwaiting: {
    href: '/prolongations?boite=envoyees',
    text: (n) =>
      `${n} ${plural(n, 'demande de prolongation en attente du prescripteur', 'demandes de prolongation en attente du prescripteur')}`,
  },
  personsFollowed: {
    href: '/personnes',
    text: (n) => `${n} ${plural(n, 'personne suivie', 'personnes suivies')}`,
  },
  accreditationRequestsToDecide: {
    href: '/prefecture/habilitations?etat=SUBMITTED',
    text: (n) => `${n} ${plural(n, "demande d'habilitation à décider", "demandes d'habilitation à décider")}`,
  },
  controlsToDecide: {
    href: '/ddets/campagnes',
    text: (n) => `${n} ${plural(n, 'contrôle en attente de votre décision', 'contrôles en attente de votre décision')}`,
  },
  unreadNotifications: {
    href: '/notifications',
    text: (n) => `${n} ${plural(n, 'notification non lue', 'notifications non lues')}`,
  },
};
