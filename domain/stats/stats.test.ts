import { describe, expect, it } from 'vitest';
import { fillMonths, frenchMonth, lastMonths, median, percentage } from './figures.ts';
import { defaultStatsScope, mayViewStatsScope, parseStatsScope } from './scope.ts';

describe('dashboard figures (docs/rules.md §9)', () => {
  it('median of odd and even counts, null when empty', () => {
    expect(median([30, 4, 10])).toBe(10);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('the 12 months ending with the current one, across a year', () => {
    expect(lastMonths('2027-03-31')).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(fillMonths(['2027-01', '2027-02'], [{ month: '2027-02', count: 3 }])).toEqual([
      { month: '2027-01', count: 0 },
      { month: '2027-02', count: 3 },
    ]);
    expect(frenchMonth('2026-08')).toBe('août 2026');
  });
  it('percentage with one decimal', () => {
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(0, 0)).toBeNull();
  });
});

describe('dashboard scopes (docs/rules.md §2, §9)', () => {
  const regionOf = (code: string) => (['75', '93'].includes(code) ? '11' : '93');
  const ddets = { role: 'LABOUR_INSPECTOR' as const, departement: '93', region: null };
  const dreets = { role: 'REGIONAL_OFFICER' as const, departement: '75', region: '11' };
  it('parses the three shapes only', () => {
    expect(parseStatsScope('national')).toEqual({ kind: 'national' });
    expect(parseStatsScope('region:11')).toEqual({ kind: 'region', code: '11' });
    expect(parseStatsScope('departement:2A')).toEqual({ kind: 'departement', code: '2A' });
    expect(parseStatsScope('commune:93008')).toBeNull();
  });
  it('locks each role to its own scope', () => {
    expect(defaultStatsScope(ddets)).toEqual({ kind: 'departement', code: '93' });
    expect(defaultStatsScope(dreets)).toEqual({ kind: 'region', code: '11' });
    expect(defaultStatsScope({ role: 'PRESCRIBER', departement: '93', region: null })).toBeNull();
    expect(mayViewStatsScope(ddets, { kind: 'departement', code: '13' }, regionOf)).toBe(false);
    expect(mayViewStatsScope(dreets, { kind: 'departement', code: '93' }, regionOf)).toBe(true);
    expect(mayViewStatsScope(dreets, { kind: 'departement', code: '13' }, regionOf)).toBe(false);
    expect(mayViewStatsScope(dreets, { kind: 'national' }, regionOf)).toBe(false);
    expect(mayViewStatsScope({ role: 'ADMIN', departement: '75', region: null }, { kind: 'national' }, regionOf)).toBe(
      true,
    );
  });
});
