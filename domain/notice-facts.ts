// Every notification names who and what it is about (docs/rules.md §9): the person, the
// organizations, the job. A person is named by first name and initial only (docs/rules.md §11): the
// notification may leave the platform by e-mail, and that is enough to recognise the case.

/** « Camille D. » */
export function noticeName(person: { firstName: string; lastName: string }): string {
  const initial = person.lastName.trim().charAt(0).toLocaleUpperCase('fr');
  return initial ? `${person.firstName.trim()} ${initial}.` : person.firstName.trim();
}

/** The body, then one « Label : valeur » line per known fact. */
export function withFacts(
  body: string,
  facts: readonly (readonly [label: string, value: string | null | undefined])[],
): string {
  const lines = facts.filter(([, value]) => value).map(([label, value]) => `${label} : ${value}`);
  return lines.length === 0 ? body : `${body}\n${lines.join('\n')}`;
}
