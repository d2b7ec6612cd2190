// Who works on a person's case, as the API decides it (docs/rules.md §2, §11): the rule is
// domain/persons.ts `worksOnCase`; this module gathers the organizations it needs.
import { worksOnCase } from '../../domain/persons.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../route.ts';

/** The registering organization, those that diagnosed the person, sent or received an application for them. */
export async function actorWorksOnCase(
  deps: Deps,
  actor: Actor,
  person: { id: string; createdByOrganizationId: string },
): Promise<boolean> {
  if (actor.role === 'ADMIN' || actor.organization.id === person.createdByOrganizationId) return true;
  const [diagnoses, applications] = await Promise.all([
    deps.db.diagnosis.findMany({ where: { personId: person.id }, select: { authorOrganizationId: true } }),
    deps.db.application.findMany({
      where: { personId: person.id },
      select: { employerId: true, senderOrganizationId: true },
    }),
  ]);
  return worksOnCase({
    actorRole: actor.role,
    actorOrganizationId: actor.organization.id,
    createdByOrganizationId: person.createdByOrganizationId,
    organizationsOnCase: [
      ...diagnoses.map((d) => d.authorOrganizationId),
      ...applications.flatMap((a) => [a.employerId, a.senderOrganizationId]),
    ],
  });
}
