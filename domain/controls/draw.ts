// The seeded draw of controls a posteriori (docs/rules.md §8; docs/decisions/013-controls-domain.md).
// Random but reproducible: the same seed on the same list gives the same selection on any
// machine, forever. Only 32-bit integer arithmetic (Math.imul, >>>), no floating point.
//
// VERSION RULE: the output of a published version never changes. A different algorithm, a
// different seed derivation or a different reading order is a NEW version, added beside the
// old one, so every recorded draw can still be replayed and checked.
import { compareIds, sampleSize, siaeCountToSelect, type EligibleSiae } from './selection.ts';

export const DRAW_ALGORITHM = 'mulberry32+fisher-yates';
export const DRAW_VERSION = 1;

/** What a campaign records of each draw: enough to replay it. */
export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  version: typeof DRAW_VERSION;
  /** An unsigned 32-bit integer. */
  seed: number;
  /** In the order they were drawn. */
  selectedIds: string[];
}

export const MAX_SEED = 0xffff_ffff;

export function isDrawSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl sequence
 * (+0x6D2B79F5) and mixed. Returns a generator of unsigned 32-bit integers; the reference
 * divides by 2^32 for a float, which we do not need.
 */
export function mulberry32(seed: number): () => number {
  if (!isDrawSeed(seed)) throw new RangeError(`A seed is an unsigned 32-bit integer: ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_POW_32 = 0x1_0000_0000;

/** An integer in [0, bound), without modulo bias: draws that fall in the uneven tail are redrawn. */
export function uniformBelow(next: () => number, bound: number): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) throw new RangeError(`Bad bound: ${bound}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % bound);
  for (;;) {
    const value = next();
    if (value < limit) return value % bound;
  }
}

/**
 * Draws `count` ids out of `ids` (version 1): the ids are ordered by code unit, then a
 * partial Fisher–Yates shuffle picks position i among [i, n) for i = 0 … count − 1, with
 * mulberry32(seed) and uniformBelow. Duplicate ids are refused: the list must be a set.
 */
export function drawIds(ids: readonly string[], count: number, seed: number): DrawResult {
  const pool = [...ids].sort(compareIds);
  for (let i = 1; i < pool.length; i += 1) {
    if (pool[i] === pool[i - 1]) throw new RangeError(`Duplicate id in a draw: ${pool[i]}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > pool.length) {
    throw new RangeError(`Cannot draw ${count} out of ${pool.length}`);
  }
  const next = mulberry32(seed);
  for (let i = 0; i < count; i += 1) {
    const j = i + uniformBelow(next, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { algorithm: DRAW_ALGORITHM, version: DRAW_VERSION, seed, selectedIds: pool.slice(0, count) };
}

/** Whether a recorded draw is what its algorithm, version and seed give on this list. */
export function isReplayOf(recorded: DrawResult, ids: readonly string[]): boolean {
  if (recorded.algorithm !== DRAW_ALGORITHM || recorded.version !== DRAW_VERSION) return false;
  const again = drawIds(ids, recorded.selectedIds.length, recorded.seed);
  return again.selectedIds.join('\u0000') === recorded.selectedIds.join('\u0000');
}

/**
 * The seed of one SIAE's sample, derived from the campaign's seed (version 1): 32-bit FNV-1a
 * over the UTF-16 code units of `${campaignSeed}:${siaeId}`. Each SIAE gets its own stream,
 * so adding or removing another SIAE never changes its sample.
 */
export function deriveSeed(campaignSeed: number, label: string): number {
  if (!isDrawSeed(campaignSeed)) throw new RangeError(`A seed is an unsigned 32-bit integer: ${campaignSeed}`);
  let hash = 0x811c9dc5;
  for (const unit of `${campaignSeed}:${label}`.split('')) {
    hash = Math.imul(hash ^ unit.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash;
}

/** The SIAE a campaign controls (docs/rules.md §8): the count from the ratio, drawn among the eligible. */
export function drawSiaes(eligible: readonly EligibleSiae[], ratio: number, seed: number): DrawResult {
  return drawIds(
    eligible.map((siae) => siae.siaeId),
    siaeCountToSelect(eligible.length, ratio),
    seed,
  );
}

/** The hires controlled in one selected SIAE, from its own seed derived from the campaign's. */
export function drawSample(siae: EligibleSiae & { certified: boolean }, campaignSeed: number): DrawResult {
  return drawIds(siae.hireIds, sampleSize(siae.hireIds.length, siae.certified), deriveSeed(campaignSeed, siae.siaeId));
}
