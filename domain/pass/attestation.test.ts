import { describe, expect, it } from 'vitest';
import { attestationOfPass, passAttestation, passIssuedOn } from './attestation.ts';

const base = {
  passNumber: '999990000123',
  status: 'valid' as const,
  start: '2026-03-02',
  end: '2028-03-21',
  holder: { firstName: 'Awa', lastName: 'Diallo', birthDate: '1990-04-12' },
  issuedOn: '2026-02-27',
  employerName: 'Jardins de Cocagne',
  suspensions: [{ start: '2026-05-01', end: '2026-05-20', reason: 'CONTRAT_ROMPU' as const }],
  prolongations: [],
  today: '2026-06-01',
};

describe('PASS IAE attestation (docs/rules.md §5)', () => {
  it('says the number, the holder, her birth date, the dates, the issuing service and the day of issue', () => {
    const attestation = passAttestation(base);
    expect(attestation.title).toBe('Attestation de PASS IAE n° 999990000123');
    expect(Object.fromEntries(attestation.rows.map((row) => [row.label, row.value]))).toEqual({
      'Numéro du PASS IAE': '999990000123',
      Titulaire: 'Awa DIALLO',
      'Date de naissance': '12/04/1990',
      'Date de début': '02/03/2026',
      'Date de fin': '21/03/2028 (suspensions et prolongations comprises)',
      État: 'Valide',
      'Employeur actuel': 'Jardins de Cocagne',
      'Délivré par': "Plateforme de l'inclusion",
      'Date de délivrance du PASS IAE': '27/02/2026',
    });
    expect(attestation.statement).toContain('valable du 02/03/2026 au 21/03/2028 inclus');
    expect(attestation.suspensions).toEqual(['Du 01/05/2026 au 20/05/2026 : Contrat de travail rompu']);
    expect(attestation.prolongations).toEqual([]);
    expect(attestation.footer).toBe("Attestation établie le 01/06/2026 par la Plateforme de l'inclusion.");
  });

  it('leaves the employer out when unknown', () => {
    expect(passAttestation({ ...base, employerName: null }).rows.map((row) => row.label)).not.toContain(
      'Employeur actuel',
    );
  });

  it('dates the issue from the "issued" event, else from the start; names the holding employer', () => {
    expect(passIssuedOn({ start: '2026-03-02', events: [{ on: '2026-02-27', kind: 'issued' }] })).toBe('2026-02-27');
    expect(passIssuedOn({ start: '2026-03-02', events: [] })).toBe('2026-03-02');
    const attestation = attestationOfPass(
      {
        ...base,
        holdingEmployerId: 'b',
        events: [],
        organizations: [
          { id: 'a', name: 'Autre' },
          { id: 'b', name: 'La Ressourcerie' },
        ],
      },
      base.holder,
    );
    expect(attestation.rows.find((row) => row.label === 'Employeur actuel')?.value).toBe('La Ressourcerie');
    expect(attestation.rows.find((row) => row.label === 'Date de délivrance du PASS IAE')?.value).toBe('02/03/2026');
  });
});
