// Every dashboard figure of one scope (docs/rules.md §9): one module per indicator, run side by side.
import type { Stats } from '../../contracts/stats.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { formatStatsScope, type StatsScope } from '../../domain/stats/scope.ts';
import type { Db } from '../db/client.ts';
import { accreditationFigures } from './accreditation.ts';
import { controlFigures } from './controls.ts';
import { hiresPerMonth } from './hires-per-month.ts';
import { passesEndingSoon } from './passes-ending-soon.ts';
import { peopleInParcours } from './people-in-parcours.ts';
import { departementsOf, scopeLabel } from './scope.ts';
import { selfPrescription } from './self-prescription.ts';

export async function computeStats(db: Db, scope: StatsScope, today: IsoDate): Promise<Stats> {
  const departements = departementsOf(scope);
  const [people, hires, ending, accreditation, self, controls] = await Promise.all([
    peopleInParcours(db, departements, today),
    hiresPerMonth(db, departements, today),
    passesEndingSoon(db, departements, today),
    accreditationFigures(db, departements),
    selfPrescription(db, departements, today),
    controlFigures(db, departements),
  ]);
  return {
    scope: formatStatsScope(scope),
    scopeLabel: scopeLabel(scope),
    computedOn: today,
    peopleInParcours: people,
    hiresPerMonth: hires,
    passesEndingSoon: ending,
    accreditation,
    selfPrescription: self,
    controls,
  };
}
