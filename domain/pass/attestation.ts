// What a PASS IAE attestation says (docs/rules.md §5): the number, the holder, the dates with
// their suspensions and prolongations, the issuing service and the day it is established. One
// wording for the printable page and the PDF, so that both always say the same.
import { frenchDate, type IsoDate } from '../dates.ts';
import { PROLONGATION_RULES, type ProlongationReason } from './prolongations.ts';
import { PASS_STATUS_LABELS, type PassStatus } from './status.ts';
import { SUSPENSION_REASON_LABELS, type SuspensionReason } from './suspensions.ts';

export const ATTESTATION_ISSUER = "Plateforme de l'inclusion";

export interface AttestationInput {
  passNumber: string;
  status: PassStatus;
  start: IsoDate;
  /** The end date, suspensions and prolongations included. */
  end: IsoDate;
  holder: { firstName: string; lastName: string; birthDate: IsoDate };
  /** The day the PASS was issued. */
  issuedOn: IsoDate;
  /** The employer of the latest hire, by name. */
  employerName: string | null;
  suspensions: readonly { start: IsoDate; end: IsoDate; reason: SuspensionReason }[];
  prolongations: readonly { start: IsoDate; end: IsoDate; reason: ProlongationReason }[];
  /** The day the attestation is established (the platform's today). */
  today: IsoDate;
}

export interface Attestation {
  title: string;
  statement: string;
  /** Label and value, in reading order. */
  rows: { label: string; value: string }[];
  suspensions: string[];
  prolongations: string[];
  footer: string;
}

export const holderName = (holder: { firstName: string; lastName: string }) =>
  `${holder.firstName} ${holder.lastName.toUpperCase()}`;

export function passAttestation(input: AttestationInput): Attestation {
  const name = holderName(input.holder);
  return {
    title: `Attestation de PASS IAE n° ${input.passNumber}`,
    statement:
      `La ${ATTESTATION_ISSUER} atteste que ${name}, né(e) le ${frenchDate(input.holder.birthDate)}, ` +
      `est titulaire du PASS IAE n° ${input.passNumber}, valable du ${frenchDate(input.start)} ` +
      `au ${frenchDate(input.end)} inclus, pour un parcours d'insertion par l'activité économique.`,
    rows: [
      { label: 'Numéro du PASS IAE', value: input.passNumber },
      { label: 'Titulaire', value: name },
      { label: 'Date de naissance', value: frenchDate(input.holder.birthDate) },
      { label: 'Date de début', value: frenchDate(input.start) },
      { label: 'Date de fin', value: `${frenchDate(input.end)} (suspensions et prolongations comprises)` },
      { label: 'État', value: PASS_STATUS_LABELS[input.status] },
      ...(input.employerName ? [{ label: 'Employeur actuel', value: input.employerName }] : []),
      { label: 'Délivré par', value: ATTESTATION_ISSUER },
      { label: 'Date de délivrance du PASS IAE', value: frenchDate(input.issuedOn) },
    ],
    suspensions: input.suspensions.map(
      (s) => `Du ${frenchDate(s.start)} au ${frenchDate(s.end)} : ${SUSPENSION_REASON_LABELS[s.reason]}`,
    ),
    prolongations: input.prolongations.map(
      (p) => `Du ${frenchDate(p.start)} au ${frenchDate(p.end)} : ${PROLONGATION_RULES[p.reason].label}`,
    ),
    footer: `Attestation établie le ${frenchDate(input.today)} par la ${ATTESTATION_ISSUER}.`,
  };
}

/** The day a PASS was issued: its "issued" event, else its start. */
export function passIssuedOn(view: { start: IsoDate; events: readonly { on: IsoDate; kind: string }[] }): IsoDate {
  return view.events.find((event) => event.kind === 'issued')?.on ?? view.start;
}

/** The attestation of a PASS as the API answers it (contracts/passes.ts PassDetail), its holder known. */
export function attestationOfPass(
  pass: Omit<AttestationInput, 'holder' | 'issuedOn' | 'employerName'> & {
    holdingEmployerId: string;
    events: readonly { on: IsoDate; kind: string }[];
    organizations: readonly { id: string; name: string }[];
  },
  holder: AttestationInput['holder'],
): Attestation {
  return passAttestation({
    ...pass,
    holder,
    issuedOn: passIssuedOn(pass),
    employerName: pass.organizations.find((o) => o.id === pass.holdingEmployerId)?.name ?? null,
  });
}

/** The file name of the PDF. */
export const attestationFileName = (passNumber: string) => `attestation-pass-iae-${passNumber}.pdf`;
