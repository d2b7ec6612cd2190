// Accounts, tokens and sessions (docs/rules.md §11): hashed passwords, expiry, revocation, throttling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { MAX_FAILURES_PER_EMAIL } from '../../api/auth/throttle.ts';
import { createMember, createOrganization, PASSWORD } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const clock = fixedClock('2027-03-01T09:00:00Z');
let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let organizationId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  organizationId = (
    await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'PLIE 93',
      departement: '93',
      prescriberKind: 'PLIE',
    })
  ).id;
});
afterAll(() => platform?.stop());

describe('accounts and tokens', () => {
  it('passwords are stored as scrypt hashes, never in clear', async () => {
    const member = await createMember(api, admin, organizationId, 'hash');
    const user = await platform.db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(user.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it('a token identifies the user and the organization they act for', async () => {
    const member = await createMember(api, admin, organizationId, 'me');
    const me = await api.get('/me', member.token);
    expect(me.status).toBe(200);
    expect(me.body.membership).toEqual({
      role: 'PRESCRIBER',
      organization: {
        id: organizationId,
        name: 'PLIE 93',
        type: 'PRESCRIBER',
        departement: '93',
        region: null,
        authorizationStatus: 'NOT_SET',
      },
    });
  });

  it('a revoked token is refused', async () => {
    const member = await createMember(api, admin, organizationId, 'logout');
    expect((await api.post('/auth/logout', {}, member.token)).status).toBe(204);
    expect((await api.get('/me', member.token)).status).toBe(401);
  });

  it('a web session expires after SESSION_TTL_HOURS (12 h) and an API token after 30 days', async () => {
    const member = await createMember(api, admin, organizationId, 'expiry');
    const session = await api.post('/auth/session', { email: member.email, password: PASSWORD });
    expect(session.status).toBe(200);
    const start = clock.now();
    clock.set(new Date(start.getTime() + 11 * 3_600_000));
    expect((await api.get('/me', session.body.token)).status).toBe(200);
    clock.set(new Date(start.getTime() + 12 * 3_600_000 + 1000));
    expect((await api.get('/me', session.body.token)).status).toBe(401);
    expect((await api.get('/me', member.token)).status).toBe(200);
    clock.set(new Date(start.getTime() + 30 * 86_400_000 + 1000));
    expect((await api.get('/me', member.token)).status).toBe(401);
    clock.set(start);
  });

  it('a disabled account cannot sign in and its tokens stop working', async () => {
    const member = await createMember(api, admin, organizationId, 'disabled');
    await platform.db.user.update({ where: { id: member.id }, data: { isActive: false } });
    expect((await api.get('/me', member.token)).status).toBe(401);
    expect((await api.post('/auth/token', { email: member.email, password: PASSWORD })).status).toBe(401);
  });
});

describe('login throttling', () => {
  it(`after ${MAX_FAILURES_PER_EMAIL} failures for one e-mail in 15 minutes even the right password is refused with 429, other accounts are not`, async () => {
    const member = await createMember(api, admin, organizationId, 'throttle');
    const other = await createMember(api, admin, organizationId, 'untouched');
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const failure = await api.post('/auth/token', { email: member.email, password: 'mauvais-mot-de-passe' });
      expect(failure.status).toBe(401);
      expect(failure.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    }
    const throttled = await api.post('/auth/token', { email: member.email, password: PASSWORD });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toMatch(/Trop de tentatives de connexion/);
    expect((await api.post('/auth/token', { email: other.email, password: PASSWORD })).status).toBe(200);

    // Failures age out of the 15-minute window.
    clock.set(new Date(clock.now().getTime() + 16 * 60_000));
    expect((await api.post('/auth/token', { email: member.email, password: PASSWORD })).status).toBe(200);
  });

  it('an unknown e-mail gets the same answer as a wrong password', async () => {
    const response = await api.post('/auth/token', { email: 'personne@nulle-part.fr', password: 'peu-importe' });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });
});
