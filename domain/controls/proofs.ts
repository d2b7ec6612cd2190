// What an SIAE justifies for a sampled hire (docs/rules.md §8, phase 1): a subset of the
// criteria the hire was made on that still satisfies the kind's combination rule of §4
// (reused from domain/eligibility.ts), and one proof file per chosen criterion.
import {
  CRITERIA_MESSAGES,
  CRITERION_LABELS,
  evaluateSelfPrescription,
  isAdministrativeCriterion,
  type AdministrativeCriterion,
} from '../eligibility.ts';
import type { EmployerKind } from '../organizations.ts';
import type { Refusal } from '../errors.ts';

/**
 * Every reason the chosen criteria cannot be justified (empty when they can): each must be
 * a known criterion, chosen once, among those recorded on the hire's diagnosis, and together
 * they must meet the kind's rule (1 level-1, or 3 level-2 for ACI/EI/EITI, 2 for AI/ETTI).
 */
export function checkChosenCriteria(input: {
  siaeKind: EmployerKind;
  chosen: readonly string[];
  /** The criteria of the diagnosis the hire relied on. */
  recordedAtHire: readonly AdministrativeCriterion[];
}): Refusal[] {
  const refusals: Refusal[] = [];
  const distinct: AdministrativeCriterion[] = [];
  for (const value of input.chosen) {
    if (!isAdministrativeCriterion(value)) {
      refusals.push({ code: 'criterion_unknown', message: CRITERIA_MESSAGES.unknown(value) });
    } else if (distinct.includes(value)) {
      refusals.push({ code: 'criterion_duplicate', message: CRITERIA_MESSAGES.duplicate(value) });
    } else if (!input.recordedAtHire.includes(value)) {
      refusals.push({
        code: 'criterion_not_recorded_at_hire',
        message: `Le critère « ${CRITERION_LABELS[value]} » ne figure pas dans le diagnostic d'éligibilité de cette embauche.`,
      });
    } else {
      distinct.push(value);
    }
  }
  const evaluation = evaluateSelfPrescription(input.siaeKind, distinct);
  if (!evaluation.sufficient) {
    refusals.push({
      code: 'criteria_insufficient',
      message: `Les critères choisis ne suffisent pas à justifier l'embauche. ${evaluation.explanation}`,
    });
  }
  return refusals;
}

// ---------------------------------------------------------------------------------------
// Proof files

export const PROOF_MAX_BYTES = 5 * 1024 * 1024;
export const PROOF_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ProofType = (typeof PROOF_TYPES)[number];

/** Magic numbers: the type is read from the content, never from the name or the declared type. */
const SIGNATURES: readonly { type: ProofType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The proof type its first bytes announce, or null. */
export function proofTypeOf(head: Uint8Array): ProofType | null {
  const match = SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte));
  return match ? match.type : null;
}

/** Every reason a proof file is refused (docs/rules.md §8): PDF, JPEG or PNG by content, 1 byte to 5 MB. */
export function checkProofFile(file: { head: Uint8Array; size: number }): Refusal[] {
  const refusals: Refusal[] = [];
  if (file.size <= 0) refusals.push({ code: 'proof_empty', message: 'Le justificatif est vide.' });
  if (file.size > PROOF_MAX_BYTES) {
    refusals.push({ code: 'proof_too_large', message: 'Le justificatif ne doit pas dépasser 5 Mo.' });
  }
  if (file.size > 0 && proofTypeOf(file.head) === null) {
    refusals.push({
      code: 'proof_type_not_allowed',
      message: 'Le justificatif doit être un fichier PDF, JPEG ou PNG.',
    });
  }
  return refusals;
}
