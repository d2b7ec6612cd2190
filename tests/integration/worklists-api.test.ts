// The caseworker's lists and « Mon espace » counts through the API on PostgreSQL (docs/rules.md
// §2, §4, §5, §9, §11): pages, search, filters, and scope — an organization never sees another's
// rows. The read models are written directly: the lists read only them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { personIdentityKey } from '../../domain/persons.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const clock = fixedClock('2027-03-15T10:00:00Z');
const TODAY = '2027-03-15';
let platform: TestPlatform;
let api: ApiClient;
type Org = { id: string; token: string };
let prescriberA: Org;
let prescriberB: Org;
let employerE: Org;
let employerF: Org;
const personsOfA: string[] = [];
let dupont: string;

async function member(body: Record<string, unknown>, label: string, admin: string): Promise<Org> {
  const organization = await createOrganization(api, admin, body);
  return { id: organization.id, token: (await createMember(api, admin, organization.id, label)).token };
}

/** Names hold letters only: « Nomaa », « Nomab »… (digits are not part of a name). */
const suffix = (n: number) => String.fromCharCode(97 + Math.floor(n / 26), 97 + (n % 26));

async function person(firstName: string, lastName: string, createdBy: string, n: number) {
  const birthDate = `19${String(60 + (n % 40)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`;
  const row = await platform.db.person.create({
    data: {
      firstName,
      lastName,
      birthDate,
      identityKey: personIdentityKey({ firstName, lastName, birthDate }),
      createdByOrganizationId: createdBy,
      createdAt: new Date(Date.UTC(2027, 0, 1, 0, n)),
    },
  });
  return row.id;
}

async function application(personId: string, sender: Org, employer: Org, state: string, minute: number) {
  await platform.db.application.create({
    data: {
      id: randomUUID(),
      personId,
      employerId: employer.id,
      senderOrganizationId: sender.id,
      senderUserId: randomUUID(),
      senderKind: 'AUTHORIZED_PRESCRIBER',
      state: state as 'new',
      lastUpdatedOn: TODAY,
      createdAt: new Date(Date.UTC(2027, 2, 1, 0, minute)),
    },
  });
}

async function pass(number: string, personId: string, employer: Org, start: string, end: string) {
  await platform.db.pass.create({
    data: {
      number,
      personId,
      employerId: employer.id,
      startDate: start,
      endDate: end,
      snapshot: { hires: [{ employerId: employer.id, employerKind: 'ACI', start }], suspensions: [] },
      version: 1,
    },
  });
}

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  api = apiClient(platform.baseUrl);
  const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const prescriber = (name: string) => ({
    type: 'PRESCRIBER',
    name,
    departement: '93',
    prescriberKind: 'FRANCE_TRAVAIL',
  });
  const employer = (name: string) => ({
    type: 'EMPLOYER',
    name,
    departement: '93',
    employerKind: 'ACI',
    siret: newSiret(),
  });
  prescriberA = await member(prescriber('France Travail A'), 'a', admin);
  prescriberB = await member(prescriber('France Travail B'), 'b', admin);
  employerE = await member(employer('ACI E'), 'e', admin);
  employerF = await member(employer('ACI F'), 'f', admin);
  // 50 persons followed by A, 3 by B.
  for (let n = 0; n < 49; n++) personsOfA.push(await person(`Prénom${n}`, `Nom${suffix(n)}`, prescriberA.id, n));
  dupont = await person('Éloïse', 'Dupont-Martin', prescriberA.id, 49);
  personsOfA.push(dupont);
  for (let n = 0; n < 3; n++) await person(`Autre${suffix(n)}`, `Dupont${suffix(n)}`, prescriberB.id, 60 + n);
  // A sent five applications to E, one per state; B one to F.
  const states = ['new', 'processing', 'postponed', 'accepted', 'refused'];
  for (const [i, state] of states.entries()) await application(personsOfA[i]!, prescriberA, employerE, state, i);
  await application(dupont, prescriberA, employerE, 'new', 10);
  // E holds three PASS: ending in 10, 60 and 200 days; F one ending in 5 days.
  await pass('999990000001', personsOfA[3]!, employerE, '2025-03-26', '2027-03-25');
  await pass('999990000002', personsOfA[4]!, employerE, '2025-05-15', '2027-05-14');
  await pass('999990000003', dupont, employerE, '2025-10-01', '2027-10-01');
  const ofB = await platform.db.person.findFirstOrThrow({ where: { createdByOrganizationId: prescriberB.id } });
  await pass('999990000004', ofB.id, employerF, '2025-03-21', '2027-03-20');
});
afterAll(() => platform?.stop());

describe('persons followed', () => {
  it('pages through the 50 persons of the organization, by name, and counts them all', async () => {
    const first = await api.get('/persons?pageSize=20', prescriberA.token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 20, total: 50, pageCount: 3 });
    expect(first.body.items.map((p: { lastName: string }) => p.lastName).slice(0, 3)).toEqual([
      'Dupont-Martin',
      'Nomaa',
      'Nomab',
    ]);
    const last = await api.get('/persons?pageSize=20&page=3', prescriberA.token);
    expect(last.body.items).toHaveLength(10);
    const all = [
      ...first.body.items,
      ...(await api.get('/persons?pageSize=20&page=2', prescriberA.token)).body.items,
      ...last.body.items,
    ];
    expect(new Set(all.map((p: { id: string }) => p.id))).toEqual(new Set(personsOfA));
  });

  it('finds a person by any word of the name, accents and case aside; never the persons of another organization', async () => {
    const found = await api.get(`/persons?q=${encodeURIComponent('eloise mart')}`, prescriberA.token);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([dupont]);
    const ofB = await api.get('/persons?q=dupont', prescriberB.token);
    expect(ofB.body.total).toBe(3);
    expect(ofB.body.items.map((p: { id: string }) => p.id)).not.toContain(dupont);
  });

  it('refuses an unbounded page in French (400)', async () => {
    const tooBig = await api.get('/persons?pageSize=101', prescriberA.token);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details[0].message).toBe('entre 1 et 100 lignes par page');
    expect((await api.get('/persons?page=0', prescriberA.token)).status).toBe(400);
  });
});

describe('applications', () => {
  it('the employer filters its received applications by several states; the sender sees them as sent', async () => {
    const toProcess = await api.get('/applications?state=new&state=processing', employerE.token);
    expect(toProcess.status).toBe(200);
    expect(toProcess.body.total).toBe(3);
    expect(toProcess.body.items.map((a: { state: string }) => a.state).sort()).toEqual(['new', 'new', 'processing']);
    const sent = await api.get('/applications?pageSize=2&sort=oldest', prescriberA.token);
    expect(sent.body).toMatchObject({ total: 6, pageCount: 3 });
    expect(sent.body.items.map((a: { state: string }) => a.state)).toEqual(['new', 'processing']);
  });

  it('searches by person name; another organization sees none of them', async () => {
    const byName = await api.get('/applications?q=dupont', employerE.token);
    expect(byName.body.items.map((a: { person: { id: string } }) => a.person.id)).toEqual([dupont]);
    expect((await api.get('/applications', employerF.token)).body.total).toBe(0);
    expect((await api.get('/applications', prescriberB.token)).body.total).toBe(0);
  });
});

describe('PASS IAE', () => {
  it('the employer lists the PASS it holds, ending within 30 or 90 days, with the days left', async () => {
    const all = await api.get('/passes', employerE.token);
    expect(all.body.items.map((p: { number: string }) => p.number)).toEqual([
      '999990000001',
      '999990000002',
      '999990000003',
    ]);
    expect(all.body.items[0]).toMatchObject({ endsInDays: 10, status: 'valid', employer: { name: 'ACI E' } });
    const within30 = await api.get('/passes?endingWithin=30', employerE.token);
    expect(within30.body.items.map((p: { number: string }) => p.number)).toEqual(['999990000001']);
    const within90 = await api.get('/passes?endingWithin=90', employerE.token);
    expect(within90.body.total).toBe(2);
    expect((await api.get('/passes?endingWithin=45', employerE.token)).status).toBe(400);
  });

  it('a prescriber sees the PASS of the persons it follows, never those of others', async () => {
    const ofA = await api.get('/passes', prescriberA.token);
    expect(ofA.body.total).toBe(3);
    const ofB = await api.get('/passes', prescriberB.token);
    expect(ofB.body.items.map((p: { number: string }) => p.number)).toEqual(['999990000004']);
    expect((await api.get(`/passes?personId=${dupont}`, prescriberB.token)).status).toBe(403);
    const onePerson = await api.get(`/passes?personId=${dupont}`, prescriberA.token);
    expect(onePerson.body.items.map((p: { number: string }) => p.number)).toEqual(['999990000003']);
  });
});

describe('« Mon espace »', () => {
  const counts = async (token: string) =>
    Object.fromEntries(
      (await api.get('/workspace', token)).body.counts.map((c: { key: string; count: number }) => [c.key, c.count]),
    );

  it('counts what each organization has to do, with the same rules as its lists', async () => {
    expect(await counts(employerE.token)).toEqual({
      applicationsToProcess: 3,
      passesEndingSoon: 1,
      prolongationRequestsAwaiting: 0,
      personsFollowed: 6,
      unreadNotifications: 0,
    });
    expect(await counts(prescriberA.token)).toEqual({
      applicationsAwaitingAnswer: 4,
      passesEndingSoon: 1,
      prolongationRequestsToDecide: 0,
      personsFollowed: 50,
      unreadNotifications: 0,
    });
    expect(await counts(employerF.token)).toMatchObject({ applicationsToProcess: 0, passesEndingSoon: 1 });
  });
});

describe('a person changed', () => {
  it('PATCH /persons/{id} changes the identity and audits the old and new values, NIR aside', async () => {
    const changed = await api.patch(
      `/persons/${dupont}`,
      { firstName: 'Héloïse', phone: '01 23 45 67 89' },
      prescriberA.token,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ firstName: 'Héloïse', phone: '01 23 45 67 89' });
    const entry = await platform.db.auditEntry.findFirstOrThrow({
      where: { action: 'person.update', entityId: dupont },
    });
    expect(entry.details).toEqual({
      changes: { firstName: { from: 'Éloïse', to: 'Héloïse' }, phone: { from: null, to: '01 23 45 67 89' } },
    });
    const invalid = await api.patch(`/persons/${dupont}`, { email: 'pas-une-adresse' }, prescriberA.token);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]).toMatchObject({ path: 'body.email', message: 'adresse e-mail invalide' });
    expect((await api.patch(`/persons/${dupont}`, { firstName: 'X' }, prescriberB.token)).status).toBe(403);
  });

  it('PATCH /persons/{id} checks the NIR against the birth date, whichever of the two changes', async () => {
    const nir = '2900575115042'; // born in May 1990
    const key = String(97 - Number(BigInt(nir) % 97n)).padStart(2, '0');
    const both = await api.patch(
      `/persons/${dupont}`,
      { birthDate: '1990-05-14', nir: `${nir}${key}` },
      prescriberA.token,
    );
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    const birthOnly = await api.patch(`/persons/${dupont}`, { birthDate: '1985-05-14' }, prescriberA.token);
    expect(birthOnly.status).toBe(422);
    expect(birthOnly.body.error.details[0].path).toBe('body.nir');
    const stored = await platform.db.person.findUniqueOrThrow({ where: { id: dupont } });
    expect(stored.birthDate).toBe('1990-05-14');
  });
});
