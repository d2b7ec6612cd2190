// Activities are built by a factory that receives their dependencies (STYLE.md).
import type { Db } from '../server/db/client.ts';
import { accreditationActivities } from './accreditation.ts';
import type { Activities } from './contract.ts';
import { parcoursActivities } from './parcours.ts';

export function createActivities(deps: { db: Db }): Activities {
  return { ...accreditationActivities(deps.db), ...parcoursActivities(deps.db) };
}
