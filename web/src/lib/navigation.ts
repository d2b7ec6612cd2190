// The main navigation of the header, by role (docs/rules.md §2): the pages each role works in.
// Pure: the layout renders it, the tests read it.
import type { CurrentUser } from '$contracts/auth.ts';

export interface NavigationItem {
  href: string;
  label: string;
}

/** The main navigation of a signed-in user (the public sees the registry search only). */
export function mainNavigation(user: CurrentUser | null): NavigationItem[] {
  if (!user) return [{ href: '/recherche', label: 'Rechercher un employeur' }];
  const { role, organization } = user.membership;
  const home = { href: '/espace', label: 'Mon espace' };
  switch (role) {
    case 'PRESCRIBER':
      return [
        home,
        { href: '/personnes', label: 'Personnes' },
        { href: '/candidatures', label: 'Candidatures' },
        { href: '/passes', label: 'PASS IAE' },
        ...(organization.type === 'PRESCRIBER' && organization.authorizationStatus === 'VALIDATED'
          ? [{ href: '/prolongations', label: 'Prolongations' }]
          : []),
        { href: '/recherche', label: 'Recherche' },
      ];
    case 'EMPLOYER_STAFF':
      return [
        home,
        { href: '/candidatures', label: 'Candidatures reçues' },
        { href: '/personnes', label: 'Personnes' },
        { href: '/passes', label: 'PASS IAE' },
        { href: '/structure/fiches-de-poste', label: 'Fiches de poste' },
        { href: '/structure', label: 'Ma structure' },
      ];
    case 'PREFECTURE_AGENT':
      return [
        home,
        { href: '/prefecture/habilitations', label: 'Habilitations' },
        { href: '/prefecture/auto-prescription', label: 'Auto-prescription' },
        { href: '/tableaux-de-bord', label: 'Tableaux de bord' },
        { href: '/journal', label: "Journal d'audit" },
      ];
    case 'LABOUR_INSPECTOR':
      return [
        home,
        { href: '/ddets/campagnes', label: 'Contrôles a posteriori' },
        { href: '/tableaux-de-bord', label: 'Tableaux de bord' },
        { href: '/journal', label: "Journal d'audit" },
      ];
    case 'REGIONAL_OFFICER':
      return [home, { href: '/tableaux-de-bord', label: 'Tableaux de bord' }];
    case 'ADMIN':
      return [
        home,
        { href: '/admin/imports', label: 'Imports' },
        { href: '/admin/deploiement', label: 'Déploiement' },
        { href: '/admin/courriels', label: 'Courriels' },
        { href: '/tableaux-de-bord', label: 'Tableaux de bord' },
        { href: '/admin/journal', label: "Journal d'audit" },
      ];
    default:
      return [home];
  }
}

/** The item the page belongs to: the longest href that is the path or one of its parents. */
export function currentItem(items: readonly NavigationItem[], path: string): NavigationItem | null {
  let best: NavigationItem | null = null;
  for (const item of items) {
    const matches = path === item.href || path.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best;
}
