// The notification e-mails (docs/rules.md §9): subject, link to the page of the notified thing,
// footer with the reason and the preference, DSFR colours, HTML escaped.
import { describe, expect, it } from 'vitest';
import { INBOX_PATH, NOTIFICATION_KINDS, type NotificationAbout, type NotificationKind, pagePath } from './links.ts';
import {
  PERSON_NOTICE_KINDS,
  PERSON_TOLD_OF_PARCOURS,
  personApplicationNotice,
  personParcoursNotice,
  type PersonNoticeKind,
} from '../../domain/person-notices.ts';
import {
  BLEU_FRANCE,
  renderDigestEmail,
  renderNotificationEmail,
  renderPersonEmail,
  ROUGE_MARIANNE,
} from './templates.ts';

const CONTEXT = { publicUrl: 'https://inclusion.example.gouv.fr/', organizationName: 'Atelier du Canal' };

/** One example per kind, with the page a user expects to land on. */
const EXAMPLES: Record<NotificationKind, { about: NotificationAbout; subject: string; link: string }[]> = {
  application: [
    {
      about: { kind: 'application', applicationId: 'c0ffee' },
      subject: 'Candidature acceptée',
      link: 'https://inclusion.example.gouv.fr/candidatures/c0ffee',
    },
  ],
  pass: [
    {
      about: { kind: 'pass', passNumber: '999990000001' },
      subject: 'Demande de prolongation',
      link: 'https://inclusion.example.gouv.fr/passes/999990000001',
    },
  ],
  jobDescription: [
    {
      about: { kind: 'jobDescription', jobDescriptionId: 'jd-1' },
      subject: 'Fiche de poste désactivée',
      link: 'https://inclusion.example.gouv.fr/structure/fiches-de-poste/jd-1',
    },
  ],
  control: [
    {
      about: { kind: 'control', controlId: 'c-1', audience: 'siae' },
      subject: 'Contrôle a posteriori : justificatifs attendus',
      link: 'https://inclusion.example.gouv.fr/structure/controles/c-1',
    },
    {
      about: { kind: 'control', controlId: 'c-1', audience: 'ddets' },
      subject: 'Contrôle a posteriori : justificatifs à examiner',
      link: 'https://inclusion.example.gouv.fr/ddets/controles/c-1',
    },
  ],
  controlCampaign: [
    {
      about: { kind: 'controlCampaign', campaignId: 'k-1' },
      subject: 'Campagne de contrôle : tirage effectué',
      link: 'https://inclusion.example.gouv.fr/ddets/campagnes/k-1',
    },
  ],
  selfPrescriptionRight: [
    {
      about: { kind: 'selfPrescriptionRight' },
      subject: "Retrait du droit d'auto-prescription",
      link: 'https://inclusion.example.gouv.fr/structure',
    },
  ],
  accreditationRequest: [
    {
      about: { kind: 'accreditationRequest', requestId: 'r-1', audience: 'organization' },
      subject: 'Habilitation accordée',
      link: 'https://inclusion.example.gouv.fr/habilitation/r-1',
    },
    {
      about: { kind: 'accreditationRequest', requestId: 'r-1', audience: 'prefecture' },
      subject: "Nouvelle demande d'habilitation",
      link: 'https://inclusion.example.gouv.fr/prefecture/habilitations/r-1',
    },
  ],
};

describe('renderNotificationEmail', () => {
  it.each(NOTIFICATION_KINDS.flatMap((kind) => EXAMPLES[kind].map((example) => [kind, example] as const)))(
    '%s: the subject is the notification’s, the link goes to its page',
    (_kind, { about, subject, link }) => {
      const email = renderNotificationEmail({ subject, body: 'Texte.', path: pagePath(about) }, CONTEXT);
      expect(email.subject).toBe(subject);
      expect(email.text).toContain(`Voir sur la plateforme : ${link}\n`);
      expect(email.html).toContain(`href="${link}"`);
    },
  );

  it('every kind the platform writes has an example', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('about nothing in particular: a link to the inbox', () => {
    const email = renderNotificationEmail({ subject: 'Info', body: 'Texte.', path: pagePath(undefined) }, CONTEXT);
    expect(email.text).toContain(`https://inclusion.example.gouv.fr${INBOX_PATH}`);
  });

  it('says why it is received and how to change the preference, in both parts', () => {
    const email = renderNotificationEmail({ subject: 'S', body: 'B', path: '/notifications' }, CONTEXT);
    for (const part of [email.text, email.html]) {
      expect(part).toContain('membre de « Atelier du Canal »');
      expect(part).toContain('récapitulatif quotidien');
      expect(part).toContain('https://inclusion.example.gouv.fr/compte/courriels');
    }
  });

  it('HTML in the DSFR colours, lang fr, with the text escaped', () => {
    const email = renderNotificationEmail(
      { subject: 'Fiche « <b>Agent</b> »', body: 'Tom & Jerry <script>', path: '/notifications' },
      CONTEXT,
    );
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain(BLEU_FRANCE);
    expect(email.html).toContain(ROUGE_MARIANNE);
    expect(email.html).toContain('Tom &amp; Jerry &lt;script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Tom & Jerry <script>');
  });
});

describe('renderDigestEmail', () => {
  it('one e-mail for the day, each notification with its link', () => {
    const email = renderDigestEmail(
      [
        { subject: 'Candidature acceptée', body: 'A.', path: '/candidatures/1' },
        { subject: 'Fiche de poste désactivée', body: 'B.', path: '/structure/fiches-de-poste/2' },
      ],
      '2026-11-29',
      CONTEXT,
    );
    expect(email.subject).toBe('Récapitulatif du 29/11/2026 : 2 notifications');
    expect(email.text).toContain('https://inclusion.example.gouv.fr/candidatures/1');
    expect(email.html).toContain('href="https://inclusion.example.gouv.fr/structure/fiches-de-poste/2"');
  });
});

/** One example per kind of e-mail to a person, with the subject the person reads. */
const PERSON_EXAMPLES: Record<PersonNoticeKind, { subject: string; says: string }> = {
  passIssued: { subject: 'Votre PASS IAE est délivré', says: 'est délivré pour votre embauche chez Atelier du Canal' },
  passSuspended: { subject: 'Votre PASS IAE est suspendu', says: 'est suspendu du 01/09/2026 au 30/09/2026' },
  passProlonged: { subject: 'Votre PASS IAE est prolongé', says: "désormais valable jusqu'au 03/05/2028" },
  prolongationDenied: {
    subject: "La prolongation de votre PASS IAE n'est pas accordée",
    says: "Il reste valable jusqu'au 03/05/2028",
  },
  passEnding: { subject: 'Votre PASS IAE prend fin dans 730 jours', says: "valable jusqu'au 03/05/2028" },
  passExpired: { subject: 'Votre PASS IAE a pris fin', says: 'a pris fin le 03/05/2028' },
  applicationAccepted: {
    subject: 'Votre candidature est acceptée',
    says: 'Atelier du Canal a accepté votre candidature',
  },
  applicationRefused: { subject: "Votre candidature n'a pas été retenue", says: 'adressez-vous à France Travail' },
};

function personNotices() {
  const facts = {
    passNumber: '999990000042',
    start: '2026-05-04',
    end: '2028-05-03',
    today: '2026-05-04',
    employerName: 'Atelier du Canal',
    lastSuspension: { start: '2026-09-01', end: '2026-09-30' },
  };
  const application = { employerName: 'Atelier du Canal', senderName: 'France Travail', hiringStartDate: '2026-05-04' };
  return [
    ...PERSON_TOLD_OF_PARCOURS.map((event) => personParcoursNotice(event, facts)!),
    personApplicationNotice('accept', application)!,
    personApplicationNotice('refuse', application)!,
  ];
}

describe('renderPersonEmail', () => {
  const byKind = new Map(personNotices().map((n) => [n.kind, n]));

  it.each(PERSON_NOTICE_KINDS.map((kind) => [kind] as const))(
    '%s: the subject and body the person reads, no link to the platform, no preference to change',
    (kind) => {
      const notice = byKind.get(kind)!;
      const email = renderPersonEmail(notice);
      expect(email.subject).toBe(PERSON_EXAMPLES[kind].subject);
      expect(email.text).toContain(PERSON_EXAMPLES[kind].says);
      expect(email.text).toContain(`Bonjour,\n\n${notice.body}`);
      expect(email.html).toContain(escapeForTest(PERSON_EXAMPLES[kind].says));
      for (const part of [email.text, email.html]) {
        expect(part).not.toMatch(/https?:\/\//);
        expect(part).not.toContain('/compte/courriels');
        expect(part).toContain("votre parcours d'insertion".replace("'", part === email.html ? '&#39;' : "'"));
      }
    },
  );

  it('every kind of person e-mail has an example', () => {
    expect(Object.keys(PERSON_EXAMPLES).sort()).toEqual([...PERSON_NOTICE_KINDS].sort());
  });
});

function escapeForTest(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
}

it('facts lines of a notification body are kept as lines in the HTML', () => {
  const email = renderNotificationEmail(
    { subject: 'S', body: 'Texte.\nPersonne : Camille D.', path: '/notifications' },
    CONTEXT,
  );
  expect(email.html).toContain('Texte.<br>\nPersonne : Camille D.');
});
