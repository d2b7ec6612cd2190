// The e-mail outbox end to end (docs/rules.md §9; docs/decisions/019-email-outbox.md): notifications
// written in a transaction, delivered over real SMTP to the mail catcher, never lost, never doubled.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { dailyTasks, digestKey, purgeSentMail } from '../../server/notifications/daily.ts';
import { startMailCatcher, type MailCatcher } from '../../server/notifications/mail-catcher.ts';
import { messageIdOf } from '../../server/notifications/message-id.ts';
import { MAX_ATTEMPTS, retryDelayMs, sendDueEmails } from '../../server/notifications/sender.ts';
import { smtpTransport, type MailTransport } from '../../server/notifications/transport.ts';
import { markHandled, type Notice, writeNotifications } from '../../server/notifications/write.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const MAIL = { publicUrl: 'https://inclusion.example.gouv.fr' };
let database: TestDatabase;
let db: Db;
let catcher: MailCatcher;
let smtp: MailTransport;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  catcher = await startMailCatcher({ db, port: 0 });
  smtp = smtpTransport({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: catcher.port,
    SMTP_SECURE: false,
    SMTP_USER: undefined,
    SMTP_PASSWORD: undefined,
    MAIL_FROM: "Plateforme de l'inclusion <ne-pas-repondre@inclusion.localhost>",
  });
});
afterAll(async () => {
  smtp?.close();
  await catcher?.close();
  await db?.$disconnect();
  await database?.drop();
});
beforeEach(async () => {
  // Rows of an earlier test are sent or failed; only this test's rows are pending.
  await db.emailOutbox.updateMany({ where: { state: 'pending' }, data: { state: 'failed' } });
});

async function employerWithMembers(
  members: { role?: 'EMPLOYER_STAFF' | 'ADMIN'; preference?: 'immediate' | 'daily_digest' | 'none' }[],
) {
  const organization = await db.organization.create({
    data: { type: 'EMPLOYER', name: 'Atelier du Canal', departement: '93', employerKind: 'ACI', createdAt: new Date() },
  });
  const users = [];
  for (const member of members) {
    const user = await db.user.create({
      data: {
        email: `${randomUUID()}@example.org`,
        passwordHash: 'x',
        firstName: 'Lina',
        lastName: 'Martin',
        emailNotifications: member.preference ?? 'immediate',
        memberships: { create: { organizationId: organization.id, role: member.role ?? 'EMPLOYER_STAFF' } },
      },
    });
    users.push(user);
  }
  return { organization, users };
}

function notice(organizationId: string, overrides: Partial<Notice> = {}): Notice {
  return {
    key: `test:${randomUUID()}`,
    createdAt: new Date(),
    organizationId,
    subject: 'Nouvelle candidature',
    body: 'Une nouvelle candidature vous a été envoyée : consultez-la dans vos candidatures.',
    about: { kind: 'application', applicationId: 'a1b2' },
    ...overrides,
  };
}

const write = (notices: Notice[]) => db.$transaction((tx) => writeNotifications(tx, notices, MAIL));

it('writes the inbox row and one outbox row per member who wants e-mails at once, then delivers over SMTP', async () => {
  const { organization, users } = await employerWithMembers([
    {},
    { preference: 'daily_digest' },
    { preference: 'none' },
  ]);
  const n = notice(organization.id);
  await write([n]);
  await write([n]); // a retried projection writes nothing twice

  expect(await db.notification.count({ where: { key: n.key } })).toBe(1);
  const rows = await db.emailOutbox.findMany({ where: { to: { in: users.map((u) => u.email) } } });
  expect(rows.map((r) => r.to)).toEqual([users[0]!.email]);
  expect(rows[0]).toMatchObject({ state: 'pending', attempts: 0, subject: 'Nouvelle candidature' });
  expect(rows[0]!.text).toContain('https://inclusion.example.gouv.fr/candidatures/a1b2');

  expect(await sendDueEmails(db, smtp)).toEqual({ sent: 1, retried: 0, failed: 0 });
  const received = await db.receivedMail.findUniqueOrThrow({ where: { messageId: messageIdOf(rows[0]!.key) } });
  expect(received).toMatchObject({ subject: 'Nouvelle candidature', to: users[0]!.email });
  expect(received.from).toContain('ne-pas-repondre@inclusion.localhost');
  expect(received.html).toContain('#000091');
  expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({
    state: 'sent',
    attempts: 1,
  });
});

it('a role on the notice reaches only the members with that role', async () => {
  const { organization, users } = await employerWithMembers([{ role: 'EMPLOYER_STAFF' }, { role: 'ADMIN' }]);
  await write([notice(organization.id, { role: 'ADMIN' })]);
  const rows = await db.emailOutbox.findMany({ where: { to: { in: users.map((u) => u.email) } } });
  expect(rows.map((r) => r.to)).toEqual([users[1]!.email]);
});

it('a sender that dies after sending and before marking: the restart resends with the same Message-ID, stored once', async () => {
  const { organization } = await employerWithMembers([{}, {}, {}]);
  await write([notice(organization.id)]);
  const before = catcher.received();
  let crashes = 1;
  const crashingAfterSend: MailTransport = {
    async send(mail) {
      await smtp.send(mail);
      if (crashes-- > 0) throw new Error('processus arrêté après l’envoi');
    },
    close: () => {},
  };
  const now = new Date();
  const first = await sendDueEmails(db, crashingAfterSend, { now });
  expect(first).toEqual({ sent: 2, retried: 1, failed: 0 });
  // Nothing is taken again before its back-off…
  expect(await sendDueEmails(db, smtp, { now })).toEqual({ sent: 0, retried: 0, failed: 0 });
  // …then the interrupted row is sent again.
  const later = new Date(now.getTime() + retryDelayMs(1) + 1000);
  expect(await sendDueEmails(db, smtp, { now: later })).toEqual({ sent: 1, retried: 0, failed: 0 });

  const rows = await db.emailOutbox.findMany({ where: { createdAt: { gte: new Date(now.getTime() - 60_000) } } });
  const mine = rows.filter((r) => r.state === 'sent' && r.sentAt! >= now);
  expect(mine).toHaveLength(3);
  // At least once on the wire (4 deliveries), exactly once where Message-IDs are compared.
  expect(catcher.received() - before).toBe(4);
  const stored = await db.receivedMail.findMany({ where: { messageId: { in: mine.map((r) => messageIdOf(r.key)) } } });
  expect(stored).toHaveLength(3);
});

it('two senders at once never take the same row (FOR UPDATE SKIP LOCKED)', async () => {
  const { organization } = await employerWithMembers(Array.from({ length: 12 }, () => ({})));
  await write([notice(organization.id)]);
  const before = catcher.received();
  const second = createDb(database.url, 2);
  try {
    const reports = await Promise.all([
      sendDueEmails(db, smtp, { batchSize: 5 }),
      sendDueEmails(second, smtp, { batchSize: 5 }),
      sendDueEmails(db, smtp, { batchSize: 5 }),
    ]);
    const sent = reports.reduce((sum, r) => sum + r.sent, 0);
    expect(sent).toBe(12);
    expect(catcher.received() - before).toBe(12);
  } finally {
    await second.$disconnect();
  }
});

it('an SMTP server that refuses: retried with exponential back-off, failed after the last attempt', async () => {
  const { organization, users } = await employerWithMembers([{}]);
  await write([notice(organization.id)]);
  const refusing: MailTransport = {
    send: () => Promise.reject(new Error('421 service indisponible')),
    close: () => {},
  };
  let now = Date.now();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const report = await sendDueEmails(db, refusing, { now: new Date(now) });
    expect(report).toEqual(
      attempt < MAX_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 },
    );
    const row = await db.emailOutbox.findFirstOrThrow({ where: { to: users[0]!.email } });
    expect(row.attempts).toBe(attempt);
    expect(row.nextAttemptAt.getTime()).toBe(now + retryDelayMs(attempt));
    now += retryDelayMs(attempt);
  }
  expect(await db.emailOutbox.findFirstOrThrow({ where: { to: users[0]!.email } })).toMatchObject({
    state: 'failed',
    lastError: '421 service indisponible',
  });
});

it('daily digest: once day D is over, a digest user gets one e-mail with D’s notifications, an immediate user one each; a second run doubles nothing', async () => {
  const { organization, users } = await employerWithMembers([{ preference: 'daily_digest' }, {}]);
  const [digestUser, immediateUser] = users as [(typeof users)[0], (typeof users)[0]];
  const onD = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00+01:00`);
  await write([
    notice(organization.id, { subject: 'Nouvelle candidature de Camille D.', createdAt: onD('00:05') }),
    notice(organization.id, {
      subject: 'Fiche de poste désactivée',
      createdAt: onD('23:55'),
      about: { kind: 'jobDescription', jobDescriptionId: 'jd-7' },
    }),
    // The day before and the day after: not in D's digest.
    notice(organization.id, { subject: 'Veille', createdAt: new Date('2026-03-09T23:59:00+01:00') }),
    notice(organization.id, { subject: 'Lendemain', createdAt: new Date('2026-03-11T00:00:00+01:00') }),
  ]);
  const clock = fixedClock('2026-03-10T23:30:00+01:00');
  // D is not over yet: the run handles D−1, when nothing was notified.
  expect(await dailyTasks({ db, clock, mail: MAIL }).run()).toMatchObject({ day: '2026-03-09', digests: 1 });
  clock.set('2026-03-11T06:00:00+01:00');
  const senderA = dailyTasks({ db, clock, mail: MAIL });
  const senderB = dailyTasks({ db, clock, mail: MAIL });
  expect(await senderA.run()).toMatchObject({ day: '2026-03-10', digests: 1 });
  expect(await senderA.run()).toBeNull(); // checked again at the next pass: already handled
  expect(await senderB.run()).toMatchObject({ day: '2026-03-10', digests: 0 }); // another sender

  await sendDueEmails(db, smtp);
  const toDigest = await db.receivedMail.findMany({ where: { to: digestUser.email }, orderBy: { subject: 'asc' } });
  expect(toDigest.map((m) => m.subject)).toEqual([
    'Récapitulatif du 09/03/2026 : 1 notification',
    'Récapitulatif du 10/03/2026 : 2 notifications',
  ]);
  const digest = toDigest[1]!;
  expect(digest.messageId).toBe(messageIdOf(digestKey(digestUser.id, '2026-03-10')));
  expect(digest.text).toContain('Nouvelle candidature de Camille D.');
  expect(digest.text).toContain('https://inclusion.example.gouv.fr/structure/fiches-de-poste/jd-7');
  expect(digest.text).not.toContain('Veille');
  expect(digest.text).not.toContain('Lendemain');
  const toImmediate = await db.receivedMail.findMany({ where: { to: immediateUser.email } });
  expect(toImmediate.map((m) => m.subject).sort()).toEqual(
    ['Fiche de poste désactivée', 'Lendemain', 'Nouvelle candidature de Camille D.', 'Veille'].sort(),
  );
});

it('retention: delivered e-mails and received mails older than 62 days are purged, the rest stay', async () => {
  const now = new Date('2026-06-01T10:00:00+02:00');
  const old = new Date('2026-03-30T09:00:00+02:00'); // before 2026-03-31, 62 days before
  const recent = new Date('2026-03-31T09:00:00+02:00');
  const rows = await db.emailOutbox.createManyAndReturn({
    data: [
      {
        key: `r:${randomUUID()}`,
        to: 'a@example.org',
        subject: 'vieux',
        text: '',
        html: '',
        state: 'sent',
        sentAt: old,
      },
      {
        key: `r:${randomUUID()}`,
        to: 'a@example.org',
        subject: 'récent',
        text: '',
        html: '',
        state: 'sent',
        sentAt: recent,
      },
      {
        key: `r:${randomUUID()}`,
        to: 'a@example.org',
        subject: 'échec',
        text: '',
        html: '',
        state: 'failed',
        createdAt: old,
      },
    ],
  });
  await db.receivedMail.createMany({
    data: [
      {
        messageId: `<${randomUUID()}@x>`,
        to: 'a@example.org',
        from: 'p',
        subject: 'reçu vieux',
        text: '',
        html: '',
        receivedAt: old,
      },
      {
        messageId: `<${randomUUID()}@x>`,
        to: 'a@example.org',
        from: 'p',
        subject: 'reçu récent',
        text: '',
        html: '',
        receivedAt: recent,
      },
    ],
  });
  const purged = await purgeSentMail(db, now);
  expect(purged.outbox).toBeGreaterThanOrEqual(1);
  const left = await db.emailOutbox.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  expect(left.map((r) => r.subject).sort()).toEqual(['récent', 'échec']);
  const received = await db.receivedMail.findMany({ where: { subject: { startsWith: 'reçu ' } } });
  expect(received.map((r) => r.subject)).toEqual(['reçu récent']);
});

it('handled: the organization’s earlier unread notices about the thing become read; its own new notice, other things and other organizations stay unread, also on a rerun', async () => {
  const { organization } = await employerWithMembers([{ preference: 'none' }]);
  const other = await employerWithMembers([{ preference: 'none' }]);
  const at = new Date('2026-04-02T10:00:00Z');
  const earlier = new Date('2026-04-01T10:00:00Z');
  const about = { kind: 'application', applicationId: 'handled-1' } as const;
  const before = notice(organization.id, { about, createdAt: earlier });
  const elsewhere = notice(organization.id, {
    about: { kind: 'application', applicationId: 'other' },
    createdAt: earlier,
  });
  const otherOrganization = notice(other.organization.id, { about, createdAt: earlier });
  const sameChange = notice(organization.id, { about, createdAt: at, subject: 'Candidature refusée automatiquement' });
  await write([before, elsewhere, otherOrganization]);
  const handle = () =>
    db.$transaction(async (tx) => {
      await markHandled(tx, { organizationIds: [organization.id], about, at });
      await writeNotifications(tx, [sameChange], MAIL);
    });
  await handle();
  await handle(); // a retried projection
  const readAt = async (key: string) => (await db.notification.findUniqueOrThrow({ where: { key } })).readAt;
  expect(await readAt(before.key)).toEqual(at);
  expect(await readAt(elsewhere.key)).toBeNull();
  expect(await readAt(otherOrganization.key)).toBeNull();
  expect(await readAt(sameChange.key)).toBeNull();
});
