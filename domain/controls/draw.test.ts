import { describe, expect, it } from 'vitest';
import {
  DRAW_ALGORITHM,
  DRAW_VERSION,
  deriveSeed,
  drawIds,
  drawSample,
  drawSiaes,
  isReplayOf,
  mulberry32,
  uniformBelow,
} from './draw.ts';

const ids = (n: number, prefix = 'siae-') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** The reference mulberry32 as published (float output), to check ours independently. */
function referenceMulberry32(a: number) {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('matches the published reference for several seeds', () => {
    for (const seed of [0, 1, 42, 0x7fffffff, 0xffffffff]) {
      const ours = mulberry32(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i += 1) expect(ours() / 4294967296).toBe(reference());
    }
  });

  it('golden: the first outputs of seed 42 never change', () => {
    const next = mulberry32(42);
    expect([next(), next(), next(), next()]).toEqual(GOLDEN_MULBERRY32_42);
  });

  it('refuses a seed that is not an unsigned 32-bit integer', () => {
    for (const seed of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => mulberry32(seed)).toThrow(RangeError);
  });
});

describe('uniformBelow', () => {
  it('redraws values in the uneven tail instead of folding them (no modulo bias)', () => {
    const values = [0xffffffff, 0xfffffffe, 7];
    const next = () => values.shift()!;
    // bound 3: 2^32 mod 3 = 1, so the limit is 2^32 − 1 and 0xffffffff is redrawn; 0xfffffffe mod 3 = 2.
    expect(uniformBelow(next, 3)).toBe(2);
    expect(uniformBelow(next, 3)).toBe(1);
  });

  it('stays within its bound', () => {
    const next = mulberry32(7);
    for (let i = 0; i < 2000; i += 1) {
      const value = uniformBelow(next, 7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
    }
  });
});

describe('drawIds (docs/rules.md §8: seeded, recorded, reproducible)', () => {
  it('records its algorithm, version and seed', () => {
    const result = drawIds(ids(10), 3, 123);
    expect(result.algorithm).toBe('mulberry32+fisher-yates');
    expect(result.version).toBe(1);
    expect(result.seed).toBe(123);
    expect(result.selectedIds).toHaveLength(3);
    expect(new Set(result.selectedIds).size).toBe(3);
  });

  it('the same seed on the same list gives the same selection, run after run', () => {
    expect(drawIds(ids(50), 15, 2026)).toEqual(drawIds(ids(50), 15, 2026));
  });

  it('the input order does not matter: the list is read ordered by id', () => {
    expect(drawIds(ids(50).reverse(), 15, 2026)).toEqual(drawIds(ids(50), 15, 2026));
  });

  it('a different seed gives a different selection', () => {
    expect(drawIds(ids(50), 15, 2026).selectedIds).not.toEqual(drawIds(ids(50), 15, 2027).selectedIds);
  });

  it('golden: fixed seed, fixed list, fixed result — a change of algorithm must be a new version', () => {
    expect(drawIds(ids(20), 5, 20250101)).toEqual({
      algorithm: DRAW_ALGORITHM,
      version: DRAW_VERSION,
      seed: 20250101,
      selectedIds: GOLDEN_DRAW_20_OF_5,
    });
    expect(drawIds(ids(7), 2, 0).selectedIds).toEqual(GOLDEN_DRAW_7_OF_2);
  });

  it('drawing everything or nothing', () => {
    expect(drawIds(ids(4), 0, 1).selectedIds).toEqual([]);
    expect([...drawIds(ids(4), 4, 1).selectedIds].sort()).toEqual(ids(4));
    expect(drawIds([], 0, 1).selectedIds).toEqual([]);
  });

  it('refuses duplicate ids and impossible counts', () => {
    expect(() => drawIds(['a', 'b', 'a'], 1, 1)).toThrow(RangeError);
    expect(() => drawIds(ids(3), 4, 1)).toThrow(RangeError);
    expect(() => drawIds(ids(3), -1, 1)).toThrow(RangeError);
    expect(() => drawIds(ids(3), 1, -1)).toThrow(RangeError);
  });

  it('every id can be drawn: over many seeds each of 10 ids comes first at least once', () => {
    const first = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) first.add(drawIds(ids(10), 1, seed).selectedIds[0]!);
    expect(first.size).toBe(10);
  });

  it('a recorded draw replays; a tampered one does not', () => {
    const recorded = drawIds(ids(30), 9, 99);
    expect(isReplayOf(recorded, ids(30))).toBe(true);
    expect(isReplayOf({ ...recorded, seed: 100 }, ids(30))).toBe(false);
    expect(isReplayOf({ ...recorded, selectedIds: [...recorded.selectedIds].reverse() }, ids(30))).toBe(false);
  });
});

describe('campaign draws', () => {
  const eligible = ids(7).map((siaeId) => ({ siaeId, hireIds: ids(57, `${siaeId}-hire-`) }));

  it('7 eligible SIAE at 30 % → 2 drawn', () => {
    expect(drawSiaes(eligible, 30, 5).selectedIds).toHaveLength(2);
  });

  it('no eligible SIAE → nothing drawn', () => {
    expect(drawSiaes([], 30, 5).selectedIds).toEqual([]);
  });

  it('a sample of 57 hires → 11, certified → 5, each from a seed derived from the campaign seed and SIAE id', () => {
    const siae = eligible[0]!;
    const standard = drawSample({ ...siae, certified: false }, 5);
    expect(standard.selectedIds).toHaveLength(11);
    expect(standard.seed).toBe(deriveSeed(5, siae.siaeId));
    expect(drawSample({ ...siae, certified: true }, 5).selectedIds).toHaveLength(5);
    expect(standard.selectedIds.every((id) => siae.hireIds.includes(id))).toBe(true);
  });

  it('golden: derived seeds never change', () => {
    expect(deriveSeed(0, '')).toBe(GOLDEN_DERIVED_0_EMPTY);
    expect(deriveSeed(5, 'siae-000')).toBe(GOLDEN_DERIVED_5_SIAE_000);
  });

  it('different SIAE get different seeds', () => {
    expect(deriveSeed(5, 'siae-000')).not.toBe(deriveSeed(5, 'siae-001'));
    expect(deriveSeed(5, 'siae-000')).not.toBe(deriveSeed(6, 'siae-000'));
  });
});

// Golden values, computed once with version 1 and frozen: never edit them to make a test pass.
// mulberry32(42)'s first float is the well-known 0.6011037519201636 = 2581720956 / 2^32.
const GOLDEN_MULBERRY32_42 = [2581720956, 1925393290, 3661312704, 2876485805];
const GOLDEN_DRAW_20_OF_5 = ['siae-002', 'siae-004', 'siae-008', 'siae-014', 'siae-019'];
const GOLDEN_DRAW_7_OF_2 = ['siae-003', 'siae-002'];
// 32-bit FNV-1a of '0:' and '5:siae-000', checked against an independent implementation.
const GOLDEN_DERIVED_0_EMPTY = 401433231;
const GOLDEN_DERIVED_5_SIAE_000 = 1641888449;
