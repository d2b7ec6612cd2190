import { describe, expect, it } from 'vitest';
import {
  jobDescriptionDeadlineNotice,
  contractTypeLabel,
  jobDescriptionErrors,
  JOB_DESCRIPTION_INACTIVITY_DAYS,
  nextJobDescriptionDeadline,
} from './job-descriptions.ts';

const valid = {
  romeCode: 'K2204',
  title: 'Agent de nettoyage',
  contractType: 'CDDI',
  openPositions: 3,
  hoursPerWeek: 26,
};

describe('job description validation', () => {
  it('a complete, valid job description has no error', () => {
    expect(jobDescriptionErrors(valid)).toEqual([]);
  });

  it.each(['k2204', 'K220', 'K22044', '12204', 'Z1234', ''])('ROME code %j is refused', (romeCode) => {
    expect(jobDescriptionErrors({ ...valid, romeCode })).toEqual([
      { field: 'romeCode', message: expect.stringContaining('code ROME invalide') },
    ]);
  });

  it('hours per week go from 1 to 48, whole hours only', () => {
    expect(jobDescriptionErrors({ hoursPerWeek: 48 })).toEqual([]);
    expect(jobDescriptionErrors({ hoursPerWeek: 1 })).toEqual([]);
    for (const hoursPerWeek of [0, 49, 35.5, -3]) {
      expect(jobDescriptionErrors({ hoursPerWeek })[0]?.message).toMatch(/entre 1 et 48/);
    }
  });

  it('open positions may be zero but not negative nor fractional', () => {
    expect(jobDescriptionErrors({ openPositions: 0 })).toEqual([]);
    expect(jobDescriptionErrors({ openPositions: -1 })[0]?.field).toBe('openPositions');
    expect(jobDescriptionErrors({ openPositions: 1.5 })[0]?.field).toBe('openPositions');
  });

  it('a blank title and an unknown contract type are refused, in French', () => {
    const errors = jobDescriptionErrors({ ...valid, title: '   ', contractType: 'CDX' });
    expect(errors.map((e) => e.field)).toEqual(['title', 'contractType']);
    expect(errors[1]?.message).toMatch(/type de contrat inconnu/);
  });

  it('only the fields given are checked (partial updates)', () => {
    expect(jobDescriptionErrors({ title: 'Maraîcher' })).toEqual([]);
  });

  it('contract types have French labels; unknown stored values are shown as they are', () => {
    expect(contractTypeLabel('CDI_INCLUSION')).toBe('CDI inclusion');
    expect(contractTypeLabel('Mission d’intérim')).toBe('Mission d’intérim');
  });
});

describe('deactivation deadlines', () => {
  it('the notice comes 83 days after the last update, the deactivation after 90', () => {
    expect(JOB_DESCRIPTION_INACTIVITY_DAYS).toBe(90);
    expect(nextJobDescriptionDeadline('2027-01-01', { recruitmentOpen: true, noticeSentFor: null })).toEqual({
      kind: 'notice',
      on: '2027-03-25',
    });
    expect(nextJobDescriptionDeadline('2027-01-01', { recruitmentOpen: true, noticeSentFor: '2027-01-01' })).toEqual({
      kind: 'deactivation',
      on: '2027-04-01',
    });
  });

  it('a notice sent for an older update does not count: an update re-arms it', () => {
    expect(nextJobDescriptionDeadline('2027-03-02', { recruitmentOpen: true, noticeSentFor: '2027-01-01' })).toEqual({
      kind: 'notice',
      on: '2027-05-24',
    });
  });

  it('a closed job description has no deadline', () => {
    expect(nextJobDescriptionDeadline('2027-01-01', { recruitmentOpen: false, noticeSentFor: null })).toBeNull();
  });
});

describe('jobDescriptionDeadlineNotice (docs/rules.md §3)', () => {
  it('the notice names the last update and the day recruitment closes', () => {
    expect(
      jobDescriptionDeadlineNotice({ kind: 'notice', countedFrom: '2026-01-01', on: '2026-03-25' }, 'Agent de tri'),
    ).toEqual({
      subject: 'Fiche de poste bientôt désactivée',
      body: 'La fiche de poste « Agent de tri » n’a pas été mise à jour depuis le 01/01/2026. Sans mise à jour, le recrutement sera fermé le 01/04/2026.',
    });
  });

  it('the deactivation names the day recruitment closed', () => {
    expect(
      jobDescriptionDeadlineNotice(
        { kind: 'deactivation', countedFrom: '2026-01-01', on: '2026-04-01' },
        'Agent de tri',
      ),
    ).toEqual({
      subject: 'Fiche de poste désactivée',
      body: 'La fiche de poste « Agent de tri » n’a pas été mise à jour depuis 90 jours : le recrutement est fermé depuis le 01/04/2026. Vous pouvez la rouvrir à tout moment.',
    });
  });
});
