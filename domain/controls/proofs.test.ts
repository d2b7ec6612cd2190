import { describe, expect, it } from 'vitest';
import { PROOF_MAX_BYTES, checkChosenCriteria, checkProofFile, proofTypeOf } from './proofs.ts';

describe('criteria an SIAE justifies (docs/rules.md §8 with the §4 rule)', () => {
  it('one level-1 criterion suffices for every kind', () => {
    for (const siaeKind of ['ACI', 'AI', 'EI', 'EITI', 'ETTI'] as const) {
      expect(checkChosenCriteria({ siaeKind, chosen: ['RSA'], recordedAtHire: ['RSA', 'QPV'] })).toEqual([]);
    }
  });

  it('ACI/EI/EITI need 3 level-2 criteria; AI/ETTI need 2', () => {
    const recordedAtHire = ['QPV', 'ZRR', 'TH'] as const;
    expect(checkChosenCriteria({ siaeKind: 'ACI', chosen: ['QPV', 'ZRR', 'TH'], recordedAtHire })).toEqual([]);
    expect(checkChosenCriteria({ siaeKind: 'ACI', chosen: ['QPV', 'ZRR'], recordedAtHire })[0]?.code).toBe(
      'criteria_insufficient',
    );
    expect(checkChosenCriteria({ siaeKind: 'AI', chosen: ['QPV', 'ZRR'], recordedAtHire })).toEqual([]);
    expect(checkChosenCriteria({ siaeKind: 'ETTI', chosen: ['QPV'], recordedAtHire })[0]?.message).toContain(
      'Il manque 1 critère de niveau 2',
    );
  });

  it('a criterion chosen twice counts once and is refused', () => {
    const refusals = checkChosenCriteria({ siaeKind: 'AI', chosen: ['QPV', 'QPV'], recordedAtHire: ['QPV', 'ZRR'] });
    expect(refusals.map((r) => r.code)).toEqual(['criterion_duplicate', 'criteria_insufficient']);
  });

  it('only criteria of the hire’s diagnosis, and known ones', () => {
    const refusals = checkChosenCriteria({ siaeKind: 'AI', chosen: ['RSA', 'XYZ'], recordedAtHire: ['QPV'] });
    expect(refusals.map((r) => r.code)).toEqual([
      'criterion_not_recorded_at_hire',
      'criterion_unknown',
      'criteria_insufficient',
    ]);
  });

  it('nothing chosen is insufficient', () => {
    expect(checkChosenCriteria({ siaeKind: 'ACI', chosen: [], recordedAtHire: ['RSA'] })[0]?.code).toBe(
      'criteria_insufficient',
    );
  });
});

describe('proof files: PDF, JPEG or PNG by content, at most 5 MB', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('reads the type from the first bytes', () => {
    expect(proofTypeOf(pdf)).toBe('application/pdf');
    expect(proofTypeOf(jpeg)).toBe('image/jpeg');
    expect(proofTypeOf(png)).toBe('image/png');
    expect(proofTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(proofTypeOf(new Uint8Array([0x25, 0x50]))).toBeNull();
  });

  it('5 MB exactly passes, one byte more does not', () => {
    expect(checkProofFile({ head: pdf, size: PROOF_MAX_BYTES })).toEqual([]);
    expect(checkProofFile({ head: pdf, size: PROOF_MAX_BYTES + 1 })).toEqual([
      { code: 'proof_too_large', message: 'Le justificatif ne doit pas dépasser 5 Mo.' },
    ]);
  });

  it('refuses an empty file and any other type', () => {
    expect(checkProofFile({ head: new Uint8Array(), size: 0 })[0]?.code).toBe('proof_empty');
    expect(checkProofFile({ head: new TextEncoder().encode('<html>'), size: 6 })).toEqual([
      { code: 'proof_type_not_allowed', message: 'Le justificatif doit être un fichier PDF, JPEG ou PNG.' },
    ]);
  });
});
