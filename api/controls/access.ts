// Who may see and act on a control (docs/rules.md §2, §8): the DDETS of its département (other
// département → 403), the staff of the controlled SIAE, an administrator for reads.
import type { Actor } from '../auth/actor.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Deps } from '../route.ts';

export async function visibleControl(deps: Deps, actor: Actor, controlId: string) {
  const row = await deps.db.siaeControl.findUnique({ where: { id: controlId } });
  if (!row) throw notFound('Contrôle introuvable.');
  if (actor.role === 'LABOUR_INSPECTOR') assertDepartementScope(actor, row.departement);
  else if (actor.role === 'EMPLOYER_STAFF') {
    if (actor.organization.id !== row.employerId) throw forbidden('Ce contrôle concerne une autre structure.');
  } else if (actor.role !== 'ADMIN') throw forbidden();
  return row;
}

/** The SIAE's own actions (criteria, proofs, submission): its staff only. */
export async function controlOfSiae(deps: Deps, actor: Actor, controlId: string) {
  const row = await visibleControl(deps, actor, controlId);
  if (actor.role !== 'EMPLOYER_STAFF')
    throw forbidden('Seule la structure contrôlée peut transmettre ses justificatifs.');
  return row;
}

/** The DDETS's actions (review, decision): the DDETS of the département, or an administrator. */
export async function controlOfDdets(deps: Deps, actor: Actor, controlId: string) {
  const row = await visibleControl(deps, actor, controlId);
  if (actor.role === 'EMPLOYER_STAFF') throw forbidden('Seule la DDETS examine les justificatifs et décide.');
  return row;
}

/** A proof is read by the controlled SIAE's staff and the DDETS of its département only (docs/rules.md §8, §11). */
export async function controlForProofRead(deps: Deps, actor: Actor, controlId: string) {
  const row = await visibleControl(deps, actor, controlId);
  if (actor.role === 'ADMIN') throw forbidden('Un justificatif ne peut être lu que par la structure et sa DDETS.');
  return row;
}

export async function visibleCampaign(deps: Deps, actor: Actor, campaignId: string) {
  const row = await deps.db.controlCampaign.findUnique({ where: { id: campaignId } });
  if (!row) throw notFound('Campagne introuvable.');
  assertDepartementScope(actor, row.departement);
  return row;
}

export const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });
