import { describe, expect, it } from 'vitest';
import { departementsOfSameRegion, findCommune, findDepartement, searchCommunes } from './territories.ts';

describe('reference territories', () => {
  it('knows current communes with their département, Corsica included', () => {
    expect(findCommune('2A004')).toMatchObject({ nom: 'Ajaccio', departement: '2A' });
    expect(findCommune('93066')).toMatchObject({ nom: 'Saint-Denis', departement: '93' });
    expect(findCommune('99999')).toBeUndefined();
  });

  it('finds communes by name regardless of accents, case and hyphens, the most populated first', () => {
    const found = searchCommunes('saint denis', 2).map((c) => c.code);
    expect(found).toEqual(['97411', '93066']);
    expect(searchCommunes('Évry').some((c) => c.nom.startsWith('Évry'))).toBe(true);
  });

  it('finds a commune by postal code or INSEE code, and nothing for blank text', () => {
    expect(searchCommunes('67000').map((c) => c.nom)).toEqual(['Strasbourg']);
    expect(searchCommunes('13055').map((c) => c.nom)).toEqual(['Marseille']);
    expect(searchCommunes('  ')).toEqual([]);
  });

  it('groups départements by région', () => {
    expect(findDepartement('67')?.nom).toBe('Bas-Rhin');
    expect(departementsOfSameRegion('67')).toEqual(expect.arrayContaining(['67', '68', '57']));
  });
});
