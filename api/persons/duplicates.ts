// Duplicate detection on registration (docs/rules.md §4) without leaking who is registered
// (docs/rules.md §11): only those who work the existing person's case learn its id; every
// hit is audited (docs/rules.md §9) and counted, and a user with too many hits in an hour
// is refused (429), so the check cannot be used to probe the register.
import { auditRead } from '../audit-read.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, conflict } from '../errors.ts';
import type { Deps } from '../route.ts';
import { readerWorksOnCase } from '../../server/rules/case-access.ts';

export const DUPLICATE_WINDOW_MINUTES = 60;
export const MAX_DUPLICATE_HITS_PER_USER = 10;
export const DUPLICATE_HIT_ACTION = 'person.duplicate_hit';

export const DUPLICATE_FOR_STRANGER =
  "Une personne avec ces informations est peut-être déjà inscrite : demandez aux organisations qui l'accompagnent.";
export const DUPLICATE_FOR_CASE_WORKER = 'Cette personne est déjà inscrite sur la plateforme.';
export const TOO_MANY_DUPLICATES = `Trop d'inscriptions refusées comme doublons : réessayez dans ${DUPLICATE_WINDOW_MINUTES} minutes.`;

async function throwIfThrottled(deps: Deps, actor: Actor): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - DUPLICATE_WINDOW_MINUTES * 60_000);
  const hits = await deps.db.auditEntry.count({
    where: { action: DUPLICATE_HIT_ACTION, actorUserId: actor.userId, occurredAt: { gte: since } },
  });
  if (hits >= MAX_DUPLICATE_HITS_PER_USER) throw new ApiError(429, 'too_many_duplicates', TOO_MANY_DUPLICATES);
}

/** Refuses the registration when the identity or the NIR is already registered; returns otherwise. */
export async function refuseDuplicate(
  deps: Deps,
  actor: Actor,
  identity: { identityKey: string; nir: string | null },
  /** On a change of identity: the person changed, who is not their own duplicate. */
  exceptId?: string,
): Promise<void> {
  await throwIfThrottled(deps, actor);
  const existing = await deps.db.person.findFirst({
    where: {
      OR: [{ identityKey: identity.identityKey }, ...(identity.nir ? [{ nir: identity.nir }] : [])],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true, createdByOrganizationId: true },
  });
  if (!existing) return;
  const onCase = await readerWorksOnCase(deps.db, actor, existing.id);
  // Each hit is its own audit entry: it counts towards the limit.
  await auditRead(deps, actor, {
    action: DUPLICATE_HIT_ACTION,
    entityType: 'Person',
    entityId: existing.id,
    details: { onCase },
  });
  if (onCase) throw conflict(DUPLICATE_FOR_CASE_WORKER, [{ message: 'doublon', existingId: existing.id }]);
  throw conflict(DUPLICATE_FOR_STRANGER, [{ message: 'doublon possible' }]);
}
