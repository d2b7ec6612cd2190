// The PASS IAE's date rules (docs/rules.md §5) lived through the sandbox (§12) rather than read
// from fixtures: every PASS starts today, the honest way, and the sandbox advances to the day
// before and the day of each boundary — the 30-day back-dating of a suspension, the opening of
// the prolongation request window, the end of the waiting period — through the API only. The
// refusals are checked in French, with their dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/clock.ts';
import { addDays, addMonths, daysBetween, frenchDate } from '../../domain/dates.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { TEST_ADMIN, type TestPlatform } from '../support/platform.ts';
import { startSandboxPlatform, type SandboxPlatform } from '../support/sandbox-platform.ts';

let sandbox: SandboxPlatform;
let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let aci: { id: string; token: string };
/** The sandbox's first day: every PASS of this file starts on it. */
let start: string;
const passes: Record<'suspended' | 'prolonged' | 'expired', { number: string; personId: string }> = {} as never;

const day = () => today(sandbox.clock);

/** Advances the sandbox through the API, to the simulated day `to`. */
async function advanceTo(to: string) {
  const days = daysBetween(day(), to);
  expect(days).toBeGreaterThan(0);
  const response = await api.post('/sandbox/advance', { days }, admin);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.today).toBe(to);
  expect(day()).toBe(to);
}

async function issuePass(lastName: string) {
  const person = await api.post('/persons', { firstName: 'Inès', lastName, birthDate: '1985-09-14' }, aci.token);
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const pass = await api.post(
    '/passes',
    { personId: person.body.id, employerId: aci.id, hiringStartDate: start },
    admin,
  );
  expect(pass.status, JSON.stringify(pass.body)).toBe(201);
  return { number: pass.body.passNumber as string, personId: person.body.id as string };
}

beforeAll(async () => {
  sandbox = await startSandboxPlatform();
  platform = sandbox.platform;
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  await platform.db.departementSetting.create({ data: { code: '93', selfPrescriptionEnabled: true } });
  const organization = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name: 'ACI des règles',
    departement: '93',
    employerKind: 'ACI',
    siret: newSiret(),
  });
  aci = { id: organization.id, token: (await createMember(api, admin, organization.id, 'aci')).token };
  start = day();
  passes.suspended = await issuePass('Suspendue');
  passes.prolonged = await issuePass('Prolongee');
  passes.expired = await issuePass('Expiree');
}, 240_000);

afterAll(() => sandbox?.stop());

describe('the PASS IAE rules on the simulated calendar', () => {
  it('a PASS cannot be given a past start; started today, the sandbox takes it into the past', async () => {
    const past = await api.post(
      '/passes',
      { personId: passes.suspended.personId, employerId: aci.id, hiringStartDate: addDays(start, -1) },
      admin,
    );
    expect(past.status).toBe(422);
    expect(past.body.error.message).toBe('La date de début du contrat ne peut pas être dans le passé.');

    await advanceTo(addDays(start, 40));
    const pass = await api.get(`/passes/${passes.suspended.number}`, aci.token);
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({
      start,
      end: addDays(start, 729),
      status: 'valid',
      remainingDays: daysBetween(day(), addDays(start, 729)) + 1,
    });
  }, 60_000);

  it('a suspension starts at most 30 days back: refused from 31 days, accepted at 30', async () => {
    const suspend = (startDate: string) =>
      api.post(
        `/passes/${passes.suspended.number}/suspensions`,
        { startDate, endDate: day(), reason: 'CONTRAT_ROMPU' },
        aci.token,
      );
    const earliest = addDays(day(), -30);
    const tooOld = await suspend(addDays(day(), -31));
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.error.message).toContain(
      `La date de début de la suspension ne peut pas remonter à plus de 30 jours : au plus tôt le ${frenchDate(earliest)}.`,
    );
    const accepted = await suspend(earliest);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // 31 days counted both ends: the end date moves by as much.
    expect(accepted.body).toMatchObject({ status: 'suspended', end: addDays(start, 729 + 31) });
  }, 60_000);

  it('a prolongation may be asked from 12 months before the end: refused the day before, accepted on the day', async () => {
    const end = addDays(start, 729);
    const opens = addMonths(end, -12);
    const prolong = () =>
      api.post(
        `/passes/${passes.prolonged.number}/prolongations`,
        { reason: 'FIN_FORMATION', endDate: addDays(end, 100) },
        aci.token,
      );
    await advanceTo(addDays(opens, -1));
    const early = await prolong();
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('prolongation_too_early');
    expect(early.body.error.message).toContain(
      `Une prolongation ne peut être demandée que dans les 12 mois précédant la fin du PASS IAE, à partir du ${frenchDate(opens)}.`,
    );
    await advanceTo(opens);
    const accepted = await prolong();
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.end).toBe(addDays(end, 100));
  }, 120_000);

  it('after a PASS ends, the employer route opens no new one until the waiting period is over', async () => {
    const { number, personId } = passes.expired;
    const end = addDays(start, 729);
    const waitingEnd = addMonths(end, 24);
    await advanceTo(addDays(end, 1));
    expect((await api.get(`/passes/${number}`, aci.token)).body).toMatchObject({ status: 'expired', remainingDays: 0 });

    await advanceTo(waitingEnd);
    // The SIAE diagnoses the person itself (self-prescription) and applies for itself.
    const diagnosis = await api.post(
      `/persons/${personId}/diagnoses`,
      { criteria: ['RSA'], employerId: aci.id },
      aci.token,
    );
    expect(diagnosis.status, JSON.stringify(diagnosis.body)).toBe(201);
    const application = await api.post(
      '/applications',
      { personId, employerId: aci.id, message: 'Embauche directe.' },
      aci.token,
    );
    expect(application.status, JSON.stringify(application.body)).toBe(201);
    const accept = () => api.post(`/applications/${application.body.id}/accept`, { hiringStartDate: day() }, aci.token);
    const refused = await accept();
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(
      `Le dernier PASS IAE de la personne a pris fin il y a moins de 2 ans : jusqu'au ${frenchDate(waitingEnd)}, un nouveau PASS IAE ne peut être délivré que sur prescription d'un prescripteur habilité ou après son diagnostic.`,
    );
    expect((await api.get(`/applications/${application.body.id}`, aci.token)).body.state).toBe('new');

    await advanceTo(addDays(waitingEnd, 1));
    const accepted = await accept();
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.pass).toMatchObject({ startDate: day() });
    expect(accepted.body.pass.number).not.toBe(number);
    // The waiting period's end anonymizes a person with nothing left on the platform, not one
    // with a diagnosis and an application under way: the new PASS is hers, by name.
    const person = await api.get(`/persons/${personId}`, aci.token);
    expect(person.body).toMatchObject({ firstName: 'Inès', lastName: 'Expiree' });
  }, 180_000);
});
