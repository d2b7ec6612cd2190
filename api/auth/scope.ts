// Département-scoped roles see and act only in their département (docs/rules.md §2).
import { forbidden } from '../errors.ts';
import type { Actor } from './actor.ts';

export function isInScope(actor: Actor, departement: string): boolean {
  if (actor.role === 'ADMIN') return true;
  return actor.organization.departement === departement;
}

export function assertDepartementScope(actor: Actor, departement: string): void {
  if (!isInScope(actor, departement)) throw forbidden("Cette ressource relève d'un autre département que le vôtre.");
}
