// The take-over file generator (scripts/generate/parcours-file.ts): every line it writes passes the
// import's check, the shares are realistic, and the deadline cohort falls on its day.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../domain/dates.ts';
import { checkParcoursLines, PARCOURS_IMPORT_COLUMNS } from '../../domain/parcours-import.ts';
import { nextParcoursDeadline } from '../../domain/pass/parcours.ts';
import { takeOverParcours } from '../../domain/pass/take-over.ts';
import { generateParcoursFile } from './parcours-file.ts';

const TODAY = '2026-11-30';

function check(csv: string, employers: { siret: string; kind: string }[]) {
  const known = new Map(employers.map((e) => [`${e.siret}:${e.kind}`, `id-${e.siret}`]));
  const lines = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((text, index) => ({
      line: index + 2,
      cells: Object.fromEntries(PARCOURS_IMPORT_COLUMNS.map((c, i) => [c, text.split(';')[i]])) as Record<
        (typeof PARCOURS_IMPORT_COLUMNS)[number],
        string
      >,
    }));
  return checkParcoursLines(lines, { today: TODAY, findEmployer: (s, k) => known.get(`${s}:${k}`) });
}

describe('the take-over file generator', () => {
  it('writes lines that all pass the check, ends over two years, ~15 % suspended and ~5 % prolonged', () => {
    const file = generateParcoursFile({ count: 4000, today: TODAY, seed: 3 });
    const { parcours, report } = check(file.csv, file.employers);
    expect(report).toEqual([]);
    expect(parcours).toHaveLength(4000);
    const left = parcours.map((p) => daysBetween(TODAY, p.end));
    expect(Math.min(...left)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...left)).toBeLessThanOrEqual(729);
    const suspended = parcours.filter((p) => p.suspensions.length > 0).length / 4000;
    const prolonged = parcours.filter((p) => p.prolongations.length > 0).length / 4000;
    expect(suspended).toBeGreaterThan(0.12);
    expect(suspended).toBeLessThan(0.18);
    expect(prolonged).toBeGreaterThan(0.03);
    expect(prolonged).toBeLessThan(0.07);
    // Same arguments, same file.
    expect(generateParcoursFile({ count: 4000, today: TODAY, seed: 3 }).csv).toBe(file.csv);
  });

  it('puts the deadline cohort on its day: expiry or a reminder at the start of that day', () => {
    const day = addDays(TODAY, 1);
    const file = generateParcoursFile({ count: 3000, today: TODAY, seed: 4, deadlineDay: day, deadlineCount: 2000 });
    expect(file.deadlines).toEqual({ expiry: 500, reminder90: 500, reminder30: 500, reminder7: 500 });
    const { parcours, report } = check(file.csv, file.employers);
    expect(report).toEqual([]);
    const due = parcours.filter((p) => {
      const state = takeOverParcours(p, {
        personId: 'p',
        employerId: p.employerId,
        employerKind: p.employerKind,
        today: TODAY,
      });
      return nextParcoursDeadline(state, TODAY)?.on === day;
    });
    expect(due.length).toBeGreaterThanOrEqual(2000);
  });
});
