// Who notifications reach and when they count as read (docs/rules.md §9, §11), on the real
// platform: the user's e-mail preference, the person hired told by e-mail through SMTP, every
// notice naming who and what, read when opened from the inbox and when the matter is handled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/clock.ts';
import { systemClock } from '../../server/clock.ts';
import { startMailCatcher, type MailCatcher } from '../../server/notifications/mail-catcher.ts';
import { sendDueEmails } from '../../server/notifications/sender.ts';
import { smtpTransport, type MailTransport } from '../../server/notifications/transport.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let catcher: MailCatcher;
let smtp: MailTransport;
interface Member {
  id: string;
  token: string;
  userId: string;
}
let prescriber: Member;
let aci: Member;
let ei: Member;

async function organization(body: Record<string, unknown>, label: string): Promise<Member> {
  const created = await createOrganization(api, admin, { departement: '93', ...body });
  const member = await createMember(api, admin, created.id, label);
  return { id: created.id, token: member.token, userId: member.id };
}

async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 75; i++) {
    const value = await read();
    if (until(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return read();
}

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  catcher = await startMailCatcher({ db: platform.db, port: 0 });
  smtp = smtpTransport({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: catcher.port,
    SMTP_SECURE: false,
    SMTP_USER: undefined,
    SMTP_PASSWORD: undefined,
    MAIL_FROM: "Plateforme de l'inclusion <ne-pas-repondre@inclusion.localhost>",
  });
  prescriber = await organization(
    { type: 'PRESCRIBER', name: 'France Travail Bobigny', prescriberKind: 'FRANCE_TRAVAIL' },
    'ft',
  );
  aci = await organization(
    { type: 'EMPLOYER', name: 'Atelier du Canal', employerKind: 'ACI', siret: newSiret() },
    'aci',
  );
  ei = await organization({ type: 'EMPLOYER', name: 'EI du Port', employerKind: 'EI', siret: newSiret() }, 'ei');
});
afterAll(async () => {
  smtp?.close();
  await catcher?.close();
  await platform?.stop();
});

describe('the user’s e-mail preference', () => {
  it('is « immediate » by default; changed, it is stored and audited with the old and new value', async () => {
    expect((await api.get('/me/email-notifications', ei.token)).body).toEqual({ emailNotifications: 'immediate' });
    const put = await api.call('PUT', '/me/email-notifications', {
      body: { emailNotifications: 'daily_digest' },
      token: ei.token,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({ emailNotifications: 'daily_digest' });
    expect((await api.get('/me/email-notifications', ei.token)).body).toEqual({ emailNotifications: 'daily_digest' });
    const user = await platform.db.user.findUniqueOrThrow({ where: { id: ei.userId } });
    expect(user.emailNotifications).toBe('daily_digest');
    const audit = await platform.db.auditEntry.findFirstOrThrow({
      where: { action: 'user.emailNotifications', entityId: ei.userId },
    });
    expect(audit).toMatchObject({ actorUserId: ei.userId, actorOrganizationId: ei.id });
    expect(audit.details).toEqual({ previous: 'immediate', emailNotifications: 'daily_digest' });
  });

  it('a value outside the three choices is refused in French and changes nothing', async () => {
    const put = await api.call('PUT', '/me/email-notifications', {
      body: { emailNotifications: 'weekly' },
      token: ei.token,
    });
    expect(put.status).toBe(400);
    expect(put.body.error.details[0].message).toMatch(/choisissez/);
    const extra = await api.call('PUT', '/me/email-notifications', {
      body: { emailNotifications: 'none', userId: prescriber.userId },
      token: ei.token,
    });
    expect(extra.status).toBe(400);
    expect((await platform.db.user.findUniqueOrThrow({ where: { id: ei.userId } })).emailNotifications).toBe(
      'daily_digest',
    );
    expect((await api.call('PUT', '/me/email-notifications', { body: { emailNotifications: 'none' } })).status).toBe(
      401,
    );
  });
});

describe('a hire', () => {
  it('the person with an e-mail receives « Votre PASS IAE … » and « Votre candidature est acceptée » over SMTP; notices name who and what; the employer’s « Nouvelle candidature » is handled; the sender opens its own', async () => {
    const email = `camille.${Date.now()}@example.org`;
    const person = await api.post(
      '/persons',
      { firstName: 'Camille', lastName: 'Durand', birthDate: '1988-02-03', email },
      prescriber.token,
    );
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    expect(
      (await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriber.token)).status,
    ).toBe(201);
    const application = await api.post(
      '/applications',
      { personId: person.body.id, employerId: aci.id, message: 'Motivée.' },
      prescriber.token,
    );
    expect(application.status, JSON.stringify(application.body)).toBe(201);
    const link = `/candidatures/${application.body.id}`;

    const received = await eventually(
      () => platform.db.notification.findMany({ where: { recipientOrganizationId: aci.id, link } }),
      (rows) => rows.length === 1,
    );
    expect(received[0]).toMatchObject({ subject: 'Nouvelle candidature', readAt: null });
    expect(received[0]!.body).toContain('Personne : Camille D.');
    expect(received[0]!.body).toContain('Envoyée par : France Travail Bobigny');
    expect(received[0]!.body).not.toContain('Durand');

    const accept = await api.post(
      `/applications/${application.body.id}/accept`,
      { hiringStartDate: today(systemClock) },
      aci.token,
    );
    expect(accept.status, JSON.stringify(accept.body)).toBe(200);

    const toPerson = await eventually(
      () => platform.db.emailOutbox.findMany({ where: { to: email } }),
      (rows) => rows.length === 2,
    );
    expect(toPerson.map((r) => r.subject).sort()).toEqual([
      'Votre PASS IAE est délivré',
      'Votre candidature est acceptée',
    ]);
    // Handled: accepting the application reads the employer's « Nouvelle candidature ».
    const handled = await platform.db.notification.findUniqueOrThrow({ where: { id: received[0]!.id } });
    expect(handled.readAt).not.toBeNull();

    await sendDueEmails(platform.db, smtp);
    const mails = await platform.db.receivedMail.findMany({ where: { to: email } });
    const pass = mails.find((m) => m.subject === 'Votre PASS IAE est délivré');
    expect(pass?.text).toMatch(/Votre PASS IAE n° \d{12} est délivré pour votre embauche chez Atelier du Canal/);
    expect(pass?.text).toContain('adressez-vous à votre employeur, Atelier du Canal');
    expect(pass?.text).not.toMatch(/https?:\/\//);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Votre PASS IAE est délivré',
      'Votre candidature est acceptée',
    ]);

    // The sender's « Candidature acceptée » names the person and the employer, and opens to the application.
    const accepted = await eventually(
      () => platform.db.notification.findMany({ where: { recipientOrganizationId: prescriber.id, link } }),
      (rows) => rows.length === 1,
    );
    expect(accepted[0]).toMatchObject({ subject: 'Candidature acceptée', readAt: null });
    expect(accepted[0]!.body).toContain('Personne : Camille D.\nEmployeur : Atelier du Canal');
    const inbox = await api.get('/notifications', prescriber.token);
    expect(inbox.body.items.find((n: { id: string }) => n.id === accepted[0]!.id)).toMatchObject({
      link,
      readAt: null,
    });
    expect((await api.post(`/notifications/${accepted[0]!.id}/open`, {}, aci.token)).status).toBe(404);
    const opened = await api.post(`/notifications/${accepted[0]!.id}/open`, {}, prescriber.token);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ link });
    expect(
      (await platform.db.notification.findUniqueOrThrow({ where: { id: accepted[0]!.id } })).readAt,
    ).not.toBeNull();
  });

  it('a person without an e-mail gets nothing, and nothing else changes', async () => {
    const person = await api.post(
      '/persons',
      { firstName: 'Noé', lastName: 'Sansmail', birthDate: '1990-03-04' },
      prescriber.token,
    );
    await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriber.token);
    const before = await platform.db.emailOutbox.count({ where: { userId: null } });
    const application = await api.post(
      '/applications',
      { personId: person.body.id, employerId: aci.id },
      prescriber.token,
    );
    const refuse = await api.post(`/applications/${application.body.id}/refuse`, { reason: 'no_position' }, aci.token);
    expect(refuse.status, JSON.stringify(refuse.body)).toBe(200);
    await eventually(
      () =>
        platform.db.notification.count({
          where: { link: `/candidatures/${application.body.id}`, subject: 'Candidature refusée' },
        }),
      (n) => n === 1,
    );
    expect(await platform.db.emailOutbox.count({ where: { userId: null } })).toBe(before);
  });
});
