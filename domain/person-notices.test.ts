// What persons are told by e-mail (docs/rules.md §9, §11): their own PASS and applications, in
// words meant for them, with whom to ask and no link to a staff page.
import { describe, expect, it } from 'vitest';
import {
  PERSON_NOTICE_KINDS,
  PERSON_TOLD_OF_PARCOURS,
  personApplicationNotice,
  personParcoursNotice,
  type PersonNoticeKind,
  type PersonParcoursFacts,
} from './person-notices.ts';

const FACTS: PersonParcoursFacts = {
  passNumber: '999990000042',
  start: '2026-05-04',
  end: '2028-05-03',
  today: '2026-05-04',
  employerName: 'Atelier du Canal',
  lastSuspension: { start: '2026-09-01', end: '2026-09-30' },
};

describe('personParcoursNotice', () => {
  it('the PASS issued: « Votre PASS IAE », its number, its dates, the employer to ask', () => {
    expect(personParcoursNotice('issued', FACTS)).toEqual({
      kind: 'passIssued',
      subject: 'Votre PASS IAE est délivré',
      body: 'Votre PASS IAE n° 999990000042 est délivré pour votre embauche chez Atelier du Canal. Il est valable du 04/05/2026 au 03/05/2028. Pour toute question, adressez-vous à votre employeur, Atelier du Canal.',
    });
  });

  it('suspended: the suspension dates and the new end', () => {
    const notice = personParcoursNotice('suspended', { ...FACTS, end: '2028-06-02' });
    expect(notice?.subject).toBe('Votre PASS IAE est suspendu');
    expect(notice?.body).toContain('suspendu du 01/09/2026 au 30/09/2026');
    expect(notice?.body).toContain("jusqu'au 02/06/2028");
  });

  it('prolonged, declared by the employer or granted by the prescriber: the new end', () => {
    for (const event of ['prolonged', 'prolongationGranted'] as const) {
      const notice = personParcoursNotice(event, { ...FACTS, end: '2029-05-03' });
      expect(notice).toMatchObject({ kind: 'passProlonged', subject: 'Votre PASS IAE est prolongé' });
      expect(notice?.body).toContain("jusqu'au 03/05/2029");
    }
  });

  it('prolongation denied: the end stays, no motive given', () => {
    const notice = personParcoursNotice('prolongationDenied', FACTS);
    expect(notice?.subject).toBe("La prolongation de votre PASS IAE n'est pas accordée");
    expect(notice?.body).toContain("Il reste valable jusqu'au 03/05/2028");
    expect(notice?.body).not.toMatch(/motif/i);
  });

  it('ending: the days left counted from today', () => {
    expect(personParcoursNotice('endReminder', { ...FACTS, today: '2028-04-03' })?.subject).toBe(
      'Votre PASS IAE prend fin dans 30 jours',
    );
  });

  it('expired: whom to ask for what comes next', () => {
    const notice = personParcoursNotice('expired', FACTS);
    expect(notice?.subject).toBe('Votre PASS IAE a pris fin');
    expect(notice?.body).toContain('votre conseiller ou à Atelier du Canal');
  });

  it('the person is told of nothing else (requests, reminders to staff, hires on the same PASS)', () => {
    for (const event of [
      'prolongationRequested',
      'prolongationRequestReminder',
      'hired',
      'waitingPeriodEnded',
    ] as const) {
      expect(personParcoursNotice(event, FACTS)).toBeNull();
    }
    for (const event of PERSON_TOLD_OF_PARCOURS) expect(personParcoursNotice(event, FACTS)).not.toBeNull();
  });
});

describe('personApplicationNotice', () => {
  const facts = {
    employerName: 'Atelier du Canal',
    senderName: 'France Travail Bobigny',
    hiringStartDate: '2026-05-04',
  };

  it('accepted: the employer and the start date', () => {
    expect(personApplicationNotice('accept', facts)).toEqual({
      kind: 'applicationAccepted',
      subject: 'Votre candidature est acceptée',
      body: 'Atelier du Canal a accepté votre candidature. Votre embauche commence le 04/05/2026. Pour toute question, adressez-vous à votre employeur, Atelier du Canal.',
    });
  });

  it('refused: no motive, the sender to ask; the employer when it applied for the person itself', () => {
    const refused = personApplicationNotice('refuse', facts);
    expect(refused?.subject).toBe("Votre candidature n'a pas été retenue");
    expect(refused?.body).toContain('adressez-vous à France Travail Bobigny, qui a envoyé votre candidature');
    expect(refused?.body).not.toMatch(/motif/i);
    expect(personApplicationNotice('refuse', { ...facts, senderName: null })?.body).toContain(
      'Pour en savoir plus, adressez-vous à Atelier du Canal.',
    );
  });

  it('the person is not told of the employer’s own steps', () => {
    for (const transition of ['send', 'process', 'postpone', 'cancel', 'archive', 'obsolete']) {
      expect(personApplicationNotice(transition, facts)).toBeNull();
    }
  });
});

it('every person kind is produced by one of the two functions', () => {
  const produced = new Set<PersonNoticeKind>();
  for (const event of PERSON_TOLD_OF_PARCOURS) produced.add(personParcoursNotice(event, FACTS)!.kind);
  for (const t of ['accept', 'refuse']) {
    produced.add(personApplicationNotice(t, { employerName: 'E', senderName: null, hiringStartDate: null })!.kind);
  }
  expect([...produced].sort()).toEqual([...PERSON_NOTICE_KINDS].sort());
});
