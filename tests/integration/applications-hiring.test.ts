// Applications and hiring through the API, on the real Temporal dev server and PostgreSQL
// (docs/rules.md §4, §5): the state machine and who may move it, the transition log, the 24-hour
// duplicate guard, every hiring check, the PASS issued or reused through the parcours
// workflow, other applications made obsolete, cancellation, and concurrent double submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/clock.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { systemClock } from '../../server/clock.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
const on = today(systemClock);

interface Member {
  id: string;
  token: string;
}
let prescriber: Member; // France Travail: authorized from creation
let orienteur: Member; // CCAS: not authorized
let aci: Member;
let ei: Member;
let geiq: Member;

async function organization(body: Record<string, unknown>, label: string): Promise<Member> {
  const created = await createOrganization(api, admin, { departement: '93', ...body });
  return { id: created.id, token: (await createMember(api, admin, created.id, label)).token };
}
const employer = (kind: string, departement = '93') =>
  organization(
    { type: 'EMPLOYER', name: `${kind} candidatures`, employerKind: kind, siret: newSiret(), departement },
    kind,
  );

/** Duplicate detection ignores digits in names: each person gets a name of letters of its own. */
const uniqueName = () =>
  Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
/** A person registered by the prescriber, with an authorized prescriber's diagnosis unless told otherwise. */
async function newPerson(options: { diagnosed?: boolean; by?: Member } = {}): Promise<string> {
  const by = options.by ?? prescriber;
  const response = await api.post(
    '/persons',
    { firstName: 'Camille', lastName: `Candidate ${uniqueName()}`, birthDate: '1988-02-03' },
    by.token,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  if (options.diagnosed ?? true) {
    const diagnosis = await api.post(`/persons/${response.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriber.token);
    expect(diagnosis.status, JSON.stringify(diagnosis.body)).toBe(201);
  }
  return response.body.id;
}

async function apply(personId: string, to: Member, by: Member = prescriber) {
  const response = await api.post('/applications', { personId, employerId: to.id, message: 'Motivée.' }, by.token);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; state: string; sender: { kind: string } };
}

const act = (id: string, transition: string, body: unknown, by: Member) =>
  api.post(`/applications/${id}/${transition}`, body, by.token);

async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 50; i++) {
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
  await platform.db.departementSetting.create({ data: { code: '93', selfPrescriptionEnabled: true } });
  prescriber = await organization(
    { type: 'PRESCRIBER', name: 'France Travail Bobigny', prescriberKind: 'FRANCE_TRAVAIL' },
    'ft',
  );
  orienteur = await organization({ type: 'PRESCRIBER', name: 'CCAS de Pantin', prescriberKind: 'CCAS' }, 'ccas');
  [aci, ei, geiq] = [await employer('ACI'), await employer('EI'), await employer('GEIQ')];
});
afterAll(() => platform?.stop());

describe('sending an application', () => {
  it('is recorded as new, by an authorized prescriber, logged, and notified to the employer', async () => {
    const personId = await newPerson();
    const application = await apply(personId, aci);
    expect(application).toMatchObject({ state: 'new', sender: { kind: 'AUTHORIZED_PRESCRIBER' } });
    const transitions = await platform.db.applicationTransition.findMany({ where: { applicationId: application.id } });
    expect(transitions).toMatchObject([{ transition: 'send', fromState: null, toState: 'new' }]);
    const notices = await platform.db.notification.findMany({ where: { recipientOrganizationId: aci.id } });
    expect(notices.map((n) => n.subject)).toContain('Nouvelle candidature');
    const received = await api.get('/applications?state=new', aci.token);
    expect(received.body.items.map((a: { id: string }) => a.id)).toContain(application.id);
  });

  it('the same person to the same employer within 24 hours is a duplicate: 409 with the existing id', async () => {
    const personId = await newPerson();
    const first = await apply(personId, aci);
    const again = await api.post('/applications', { personId, employerId: aci.id }, prescriber.token);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/moins de 24 heures/);
    expect(again.body.error.details[0].existingId).toBe(first.id);
    expect(await platform.db.application.count({ where: { personId, employerId: aci.id } })).toBe(1);
    // Another employer is fine.
    expect((await api.post('/applications', { personId, employerId: ei.id }, prescriber.token)).status).toBe(201);
  });

  it('two simultaneous sends of the same application make one application', async () => {
    const personId = await newPerson();
    const body = { personId, employerId: ei.id };
    const [a, b] = await Promise.all([
      api.post('/applications', body, prescriber.token),
      api.post('/applications', body, prescriber.token),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await platform.db.application.count({ where: { personId } })).toBe(1);
  });

  it("an orienteur's application is marked as such; an employer only applies for itself", async () => {
    const personId = await newPerson({ by: orienteur, diagnosed: false });
    expect((await apply(personId, aci, orienteur)).sender.kind).toBe('ORIENTEUR');
    const own = await newPerson({ by: aci, diagnosed: false });
    expect((await api.post('/applications', { personId: own, employerId: ei.id }, aci.token)).status).toBe(403);
    expect((await apply(own, aci, aci)).sender.kind).toBe('EMPLOYER');
  });

  it('bad input is refused in French and changes nothing', async () => {
    const before = await platform.db.application.count();
    const malformed = await api.post('/applications', { personId: 'nope', employerId: aci.id }, prescriber.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].message).toMatch(/identifiant invalide/);
    const unknown = await api.post(
      '/applications',
      { personId: '00000000-0000-4000-8000-000000000000', employerId: aci.id },
      prescriber.token,
    );
    expect(unknown.status).toBe(422);
    const personId = await newPerson();
    const entry = (body: unknown, by: Member) => api.call('PATCH', `/employers/${geiq.id}`, { body, token: by.token });
    expect((await entry({ applicationsOpen: false }, aci)).status).toBe(403);
    expect((await entry({ applicationsOpen: 'non' }, geiq)).body.error.details[0].message).toMatch(/oui ou non/);
    expect((await entry({ applicationsOpen: false }, geiq)).body.applicationsOpen).toBe(false);
    const blocked = await api.post('/applications', { personId, employerId: geiq.id }, prescriber.token);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.message).toMatch(/ne reçoit pas de candidatures/);
    expect((await entry({ applicationsOpen: true }, geiq)).status).toBe(200);
    const audit = await platform.db.auditEntry.findMany({ where: { action: 'employer.update', entityId: geiq.id } });
    expect(audit.map((a) => a.details)).toEqual([
      { applicationsOpen: { from: true, to: false } },
      { applicationsOpen: { from: false, to: true } },
    ]);
    expect(await platform.db.application.count()).toBe(before);
  });
});

describe('processing an application', () => {
  it('follows the transition table; every transition is logged with actor and time', async () => {
    const application = await apply(await newPerson(), aci);
    expect((await act(application.id, 'process', {}, aci)).body.state).toBe('processing');
    expect((await act(application.id, 'process', {}, aci)).status).toBe(422);
    expect((await act(application.id, 'postpone', {}, aci)).body.state).toBe('postponed');
    const refused = await act(application.id, 'refuse', { reason: 'no_position', message: 'Plus tard.' }, aci);
    expect(refused.body).toMatchObject({
      state: 'refused',
      refusalReason: 'no_position',
      refusalMessage: 'Plus tard.',
    });
    const cancel = await act(application.id, 'cancel', {}, aci);
    expect(cancel.status).toBe(422);
    expect(cancel.body.error.message).toMatch(/l'état « Refusée »/);
    expect((await act(application.id, 'archive', {}, aci)).body.state).toBe('archived');
    const log = await platform.db.applicationTransition.findMany({
      where: { applicationId: application.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(log.map((t) => `${t.fromState ?? '∅'}>${t.toState}`)).toEqual([
      '∅>new',
      'new>processing',
      'processing>postponed',
      'postponed>refused',
      'refused>archived',
    ]);
    expect(log.slice(1).every((t) => t.actorOrganizationId === aci.id && t.actorUserId !== null)).toBe(true);
    const audit = await platform.db.auditEntry.count({
      where: { entityType: 'Application', entityId: application.id },
    });
    expect(audit).toBe(5);
  });

  it('a refusal needs a reason from the list; users cannot pick the automatic one', async () => {
    const application = await apply(await newPerson(), aci);
    expect((await act(application.id, 'refuse', {}, aci)).status).toBe(400);
    const automatic = await act(application.id, 'refuse', { reason: 'automatic' }, aci);
    expect(automatic.status).toBe(400);
    expect(automatic.body.error.details[0].message).toMatch(/motif de refus inconnu/);
    expect((await api.get(`/applications/${application.id}`, aci.token)).body.state).toBe('new');
  });

  it('only the employer it was sent to decides; others cannot even read it', async () => {
    const application = await apply(await newPerson(), aci);
    expect((await act(application.id, 'process', {}, ei)).status).toBe(403);
    expect((await api.get(`/applications/${application.id}`, ei.token)).status).toBe(403);
    expect((await act(application.id, 'accept', { hiringStartDate: on }, prescriber)).status).toBe(403);
    expect((await api.get(`/applications/${application.id}`, prescriber.token)).status).toBe(200);
    // Reads show personal data: each is audited, refused ones are not reads.
    const reads = await platform.db.auditEntry.findMany({
      where: { action: 'application.read', entityId: application.id },
    });
    expect(reads.map((r) => r.actorOrganizationId)).toEqual([prescriber.id]);
    await api.get('/applications?box=sent', prescriber.token);
    const listRead = await platform.db.auditEntry.findFirstOrThrow({
      where: { action: 'application.read', entityType: 'ApplicationList', actorOrganizationId: prescriber.id },
      orderBy: { id: 'desc' },
    });
    expect((listRead.details as { applicationIds: string[] }).applicationIds).toContain(application.id);
  });

  it('lists the persons on the case only, found by the start of their name', async () => {
    const personId = await newPerson();
    const person = await platform.db.person.findUniqueOrThrow({ where: { id: personId } });
    const search = `/persons?q=${encodeURIComponent(person.lastName.slice(0, 14).toUpperCase())}`;
    expect((await api.get(search, prescriber.token)).body.items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect((await api.get(search, geiq.token)).body.items).toEqual([]);
    await apply(personId, geiq);
    expect((await api.get(search, geiq.token)).body.items.map((p: { id: string }) => p.id)).toEqual([personId]);
  });

  it('the employer who received an application works on the case: it may read the person', async () => {
    const personId = await newPerson();
    expect((await api.get(`/persons/${personId}`, ei.token)).status).toBe(403);
    await apply(personId, ei);
    expect((await api.get(`/persons/${personId}`, ei.token)).status).toBe(200);
  });
});

describe('hiring', () => {
  it('refuses a start date in the past or more than 6 months ahead, in French, changing nothing', async () => {
    const application = await apply(await newPerson(), aci);
    const past = await act(application.id, 'accept', { hiringStartDate: addDays(on, -1) }, aci);
    expect(past.status).toBe(422);
    expect(past.body.error.message).toBe('La date de début du contrat ne peut pas être dans le passé.');
    const far = await act(application.id, 'accept', { hiringStartDate: addDays(addMonths(on, 6), 1) }, aci);
    expect(far.status).toBe(422);
    expect(far.body.error.message).toMatch(/plus de 6 mois/);
    expect((await api.get(`/applications/${application.id}`, aci.token)).body).toMatchObject({
      state: 'new',
      pass: null,
    });
  });

  it('refuses without a diagnosis valid on the start date', async () => {
    const personId = await newPerson({ by: orienteur, diagnosed: false });
    const application = await apply(personId, aci, orienteur);
    const refused = await act(application.id, 'accept', { hiringStartDate: on }, aci);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Aucun diagnostic d'éligibilité/);
    expect(await platform.db.pass.count({ where: { personId } })).toBe(0);
    expect(await platform.db.passNumberAllocation.count({ where: { personId } })).toBe(0);
  });

  it('issues a PASS through the parcours workflow; the other pending applications become obsolete', async () => {
    const personId = await newPerson();
    const elsewhere = await apply(personId, ei);
    const application = await apply(personId, aci);
    const start = addDays(on, 3);
    const accepted = await act(application.id, 'accept', { hiringStartDate: start }, aci);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'accepted',
      hiringStartDate: start,
      pass: { startDate: start, endDate: addDays(start, 729) },
    });
    const number = accepted.body.pass.number;
    expect(number).toMatch(/^99999\d{7}$/);
    const pass = await platform.db.pass.findUniqueOrThrow({ where: { number } });
    expect(pass).toMatchObject({ personId, employerId: aci.id, startDate: start, cancelled: false });
    const diagnosis = await platform.db.diagnosis.findFirstOrThrow({ where: { personId } });
    expect(diagnosis.passNumber).toBe(number);
    const other = await eventually(
      () => platform.db.application.findUniqueOrThrow({ where: { id: elsewhere.id } }),
      (a) => a.state === 'obsolete',
    );
    expect(other.state).toBe('obsolete');
    const sender = await platform.db.notification.findMany({ where: { recipientOrganizationId: prescriber.id } });
    expect(sender.some((n) => n.subject === 'Candidature acceptée' && n.body.includes(number))).toBe(true);
  });

  it('is idempotent under concurrent double submission: one PASS, one acceptance', async () => {
    const personId = await newPerson();
    const application = await apply(personId, aci);
    const body = { hiringStartDate: addDays(on, 1) };
    const [a, b] = await Promise.all([
      act(application.id, 'accept', body, aci),
      act(application.id, 'accept', body, aci),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.pass.number).toBe(a.body.pass.number);
    const again = await act(application.id, 'accept', body, aci);
    expect(again.body.pass.number).toBe(a.body.pass.number);
    expect(await platform.db.pass.count({ where: { personId } })).toBe(1);
    expect(await platform.db.passNumberAllocation.count({ where: { personId } })).toBe(1);
    expect(
      await platform.db.applicationTransition.count({ where: { applicationId: application.id, transition: 'accept' } }),
    ).toBe(1);
    // A different hire on an accepted application is refused.
    const other = await act(application.id, 'accept', { hiringStartDate: addDays(on, 2) }, aci);
    expect(other.status).toBe(422);
  });

  it("reuses the person's valid PASS for a hire by another SIAE", async () => {
    const personId = await newPerson();
    const first = await act((await apply(personId, aci)).id, 'accept', { hiringStartDate: on }, aci);
    const number = first.body.pass.number;
    // The first hire made the EI application obsolete if any; a new one is sent later.
    await platform.db.application.updateMany({ where: { personId }, data: { createdAt: new Date(0) } });
    const second = await apply(personId, ei);
    const hired = await act(second.id, 'accept', { hiringStartDate: addDays(on, 10) }, ei);
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);
    expect(hired.body.pass.number).toBe(number);
    const pass = await eventually(
      () => platform.db.pass.findUniqueOrThrow({ where: { number } }),
      (p) => p.employerId === ei.id,
    );
    expect(pass.employerId).toBe(ei.id);
    expect(await platform.db.pass.count({ where: { personId } })).toBe(1);
  });

  it('cancelling a hire before its start cancels the PASS it opened; not from the start date', async () => {
    const personId = await newPerson();
    const application = await apply(personId, aci);
    const accepted = await act(application.id, 'accept', { hiringStartDate: addDays(on, 5) }, aci);
    const cancelled = await act(application.id, 'cancel', {}, aci);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    const pass = await eventually(
      () => platform.db.pass.findUniqueOrThrow({ where: { number: accepted.body.pass.number } }),
      (p) => p.cancelled,
    );
    expect(pass.cancelled).toBe(true);

    const startsToday = await apply(await newPerson(), aci);
    await act(startsToday.id, 'accept', { hiringStartDate: on }, aci);
    const late = await act(startsToday.id, 'cancel', {}, aci);
    expect(late.status).toBe(422);
    expect(late.body.error.message).toMatch(/ne peut plus être annulée/);
  });

  it('postponing the start by up to 30 days after the first agreed date moves the PASS it opened', async () => {
    const personId = await newPerson();
    const application = await apply(personId, aci);
    const first = addDays(on, 5);
    const accepted = await act(application.id, 'accept', { hiringStartDate: first }, aci);
    const number = accepted.body.pass.number;
    const postponed = await act(application.id, 'postpone-hire', { hiringStartDate: addDays(on, 20) }, aci);
    expect(postponed.status, JSON.stringify(postponed.body)).toBe(200);
    expect(postponed.body).toMatchObject({
      state: 'accepted',
      hiringStartDate: addDays(on, 20),
      pass: { number, startDate: addDays(on, 20), endDate: addDays(on, 20 + 729) },
    });
    // 30 days after the first agreed start, not after the current one.
    const tooFar = await act(application.id, 'postpone-hire', { hiringStartDate: addDays(first, 31) }, aci);
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error.message).toMatch(/reportée que de 30 jours au plus/);
    const earlier = await act(application.id, 'postpone-hire', { hiringStartDate: addDays(on, 10) }, aci);
    expect(earlier.status).toBe(422);
    expect((await act(application.id, 'postpone-hire', { hiringStartDate: addDays(first, 30) }, aci)).status).toBe(200);
    expect(await platform.db.pass.findUniqueOrThrow({ where: { number } })).toMatchObject({
      startDate: addDays(first, 30),
      endDate: addDays(first, 30 + 729),
    });
    const log = await platform.db.applicationTransition.findMany({
      where: { applicationId: application.id, transition: 'postponeHire' },
    });
    expect(log.map((t) => t.reason)).toEqual([addDays(on, 20), addDays(first, 30)]);

    const started = await apply(await newPerson(), aci);
    await act(started.id, 'accept', { hiringStartDate: on }, aci);
    const late = await act(started.id, 'postpone-hire', { hiringStartDate: addDays(on, 3) }, aci);
    expect(late.status).toBe(422);
    expect(late.body.error.message).toMatch(/ne peut plus être reportée/);
  });

  it('GEIQ hires issue no PASS and need no diagnosis', async () => {
    const personId = await newPerson({ by: orienteur, diagnosed: false });
    const accepted = await act((await apply(personId, geiq, orienteur)).id, 'accept', { hiringStartDate: on }, geiq);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', pass: null });
    expect(await platform.db.pass.count({ where: { personId } })).toBe(0);
  });

  it('an SIAE hires on its own diagnosis (self-prescription)', async () => {
    const personId = await newPerson({ by: aci, diagnosed: false });
    const diagnosis = await api.post(
      `/persons/${personId}/diagnoses`,
      { criteria: ['RSA'], employerId: aci.id },
      aci.token,
    );
    expect(diagnosis.status).toBe(201);
    const accepted = await act((await apply(personId, aci, aci)).id, 'accept', { hiringStartDate: on }, aci);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.pass.startDate).toBe(on);
  });

  it('during the waiting period, the employer route opens no new PASS; the prescriber route does', async () => {
    const personId = await newPerson({ diagnosed: false });
    // A PASS that ended a year ago (read model fixture: the waiting period is read from it).
    await platform.db.pass.create({
      data: {
        number: `99999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        personId,
        employerId: ei.id,
        startDate: addDays(on, -1095),
        endDate: addDays(on, -366),
        expired: true,
        snapshot: {},
        version: 1,
      },
    });
    const prescribed = await apply(personId, aci, prescriber);
    // The SIAE, now on the case, diagnoses the person itself and records its own application.
    const own = await api.post(`/persons/${personId}/diagnoses`, { criteria: ['RSA'], employerId: aci.id }, aci.token);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    await platform.db.application.update({ where: { id: prescribed.id }, data: { createdAt: new Date(0) } });
    const selfApplied = await apply(personId, aci, aci);
    const refused = await act(selfApplied.id, 'accept', { hiringStartDate: on }, aci);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/moins de 2 ans/);
    expect((await api.get(`/applications/${selfApplied.id}`, aci.token)).body.state).toBe('new');

    const accepted = await act(prescribed.id, 'accept', { hiringStartDate: on }, aci);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.pass).not.toBeNull();
  });
});
