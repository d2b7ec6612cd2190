// Persons (docs/rules.md §4): duplicate detection and who may read personal data.

/** "Éloïse-Marie  DUPONT" and "eloise marie dupont" are the same name for duplicate detection. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The identity used to find a duplicate when no NIR is given: last name, first name, birth date. */
export function personIdentityKey(person: { lastName: string; firstName: string; birthDate: string }): string {
  return `${normalizeName(person.lastName)}|${normalizeName(person.firstName)}|${person.birthDate}`;
}

/**
 * Personal data is visible only to those who work the person's case (docs/rules.md §2, §11):
 * administrators, and the organizations linked to the case — the one that registered the
 * person, those that diagnosed them, sent or received one of their applications, or hired
 * them on a PASS IAE. server/rules/case-access.ts reads those links, in one query.
 */
export function worksOnCase(input: {
  actorRole: string;
  actorOrganizationId: string;
  organizationsOnCase: readonly string[];
}): boolean {
  return input.actorRole === 'ADMIN' || input.organizationsOnCase.includes(input.actorOrganizationId);
}
