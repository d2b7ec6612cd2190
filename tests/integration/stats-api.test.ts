// Dashboards (docs/rules.md §9): figures on a small known data set, computed again here from the
// rows themselves; the scope locked by role (docs/rules.md §2).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const TODAY = '2027-03-15';
const MONTHS = [
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
];

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
const tokens: Record<string, string> = {};
const employers: Record<string, string> = {};

interface PassRow {
  employer: string;
  person: string;
  start: string;
  end: string;
  cancelled?: boolean;
}
interface HireRow {
  employer: string;
  state: 'accepted' | 'refused' | 'new';
  start: string | null;
  self: boolean;
}
interface RequestRow {
  departement: string;
  state: string;
  submitted: string;
  decided?: string;
  overdue?: boolean;
}

const persons = Array.from({ length: 8 }, () => randomUUID());
const PASSES: PassRow[] = [
  { employer: '93a', person: persons[0]!, start: '2025-06-01', end: '2027-05-31' }, // valid, ends in 77 days
  { employer: '93a', person: persons[1]!, start: '2026-01-10', end: '2028-01-09' }, // valid
  { employer: '93b', person: persons[2]!, start: '2025-04-01', end: '2027-03-15' }, // valid, ends today
  { employer: '93b', person: persons[3]!, start: '2025-01-01', end: '2027-03-14' }, // ended yesterday
  { employer: '93b', person: persons[4]!, start: '2026-01-01', end: '2027-04-01', cancelled: true },
  { employer: '93a', person: persons[5]!, start: '2027-04-01', end: '2029-03-31' }, // not started
  { employer: '75', person: persons[6]!, start: '2026-02-01', end: '2027-06-13' }, // valid, ends at day 90
  { employer: '13', person: persons[7]!, start: '2026-02-01', end: '2028-01-31' },
];
const HIRES: HireRow[] = [
  { employer: '93a', state: 'accepted', start: '2026-04-01', self: false },
  { employer: '93a', state: 'accepted', start: '2026-04-30', self: true },
  { employer: '93b', state: 'accepted', start: '2027-03-31', self: true },
  { employer: '93b', state: 'accepted', start: '2026-03-31', self: false }, // before the window
  { employer: '93b', state: 'accepted', start: '2027-04-01', self: false }, // after it
  { employer: '93a', state: 'refused', start: null, self: true },
  { employer: '93a', state: 'new', start: null, self: false },
  { employer: '75', state: 'accepted', start: '2026-11-15', self: true },
  { employer: '13', state: 'accepted', start: '2026-11-15', self: false },
];
const REQUESTS: RequestRow[] = [
  { departement: '93', state: 'APPROVED', submitted: '2027-01-01', decided: '2027-01-11' }, // 10 days
  { departement: '93', state: 'REJECTED', submitted: '2027-01-01', decided: '2027-01-31' }, // 30 days
  { departement: '93', state: 'APPROVED', submitted: '2026-12-01', decided: '2026-12-05' }, // 4 days
  { departement: '93', state: 'SUBMITTED', submitted: '2027-01-02', overdue: true },
  { departement: '93', state: 'SUBMITTED', submitted: '2027-03-01' },
  { departement: '93', state: 'WITHDRAWN', submitted: '2026-01-01', decided: '2026-01-20' }, // not a decision
  { departement: '75', state: 'INFORMATION_REQUESTED', submitted: '2027-01-02', overdue: true },
  { departement: '13', state: 'APPROVED', submitted: '2027-01-01', decided: '2027-03-01' },
];
const DEPARTEMENT_OF: Record<string, string> = { '93a': '93', '93b': '93', '75': '75', '13': '13' };
const IDF = ['75', '77', '78', '91', '92', '93', '94', '95'];

/** The figures, computed from the rows above without the server's code. */
function expected(departements: string[] | null) {
  const inScope = (code: string) => departements === null || departements.includes(code);
  const valid = PASSES.filter(
    (p) => inScope(DEPARTEMENT_OF[p.employer]!) && !p.cancelled && p.start <= TODAY && p.end >= TODAY,
  );
  const hires = HIRES.filter(
    (h) => inScope(DEPARTEMENT_OF[h.employer]!) && h.state === 'accepted' && MONTHS.includes(h.start!.slice(0, 7)),
  );
  const requests = REQUESTS.filter((r) => inScope(r.departement));
  const days = requests
    .filter((r) => r.state === 'APPROVED' || r.state === 'REJECTED')
    .map((r) => (Date.parse(r.decided!) - Date.parse(r.submitted)) / 86_400_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const self = hires.filter((h) => h.self).length;
  return {
    peopleInParcours: new Set(valid.map((p) => p.person)).size,
    passesEndingSoon: valid.filter((p) => p.end <= '2027-06-13').length,
    hiresPerMonth: MONTHS.map((month) => ({ month, count: hires.filter((h) => h.start!.startsWith(month)).length })),
    medianDecisionDays: days.length === 0 ? null : days.length % 2 ? days[mid] : (days[mid - 1]! + days[mid]!) / 2,
    overdue: requests.filter((r) => r.overdue && ['SUBMITTED', 'INFORMATION_REQUESTED'].includes(r.state)).length,
    submitted: requests.filter((r) => r.state === 'SUBMITTED').length,
    selfPrescription: {
      hires: hires.length,
      selfPrescribed: self,
      sharePercent: hires.length ? Math.round((self / hires.length) * 1000) / 10 : null,
    },
  };
}

async function member(type: string, departement: string, label: string, extra: Record<string, unknown> = {}) {
  const body = type === 'DREETS' ? { type, name: label, ...extra } : { type, name: label, departement, ...extra };
  const organization = await createOrganization(api, admin, body);
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { organization, token: (await createMember(api, admin, organization.id, slug)).token };
}

beforeAll(async () => {
  platform = await startTestPlatform({ clock: fixedClock(`${TODAY}T10:00:00Z`) });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  for (const [key, departement] of Object.entries(DEPARTEMENT_OF)) {
    const organization = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: `Employeur ${key}`,
      departement,
      employerKind: 'ACI',
      siret: newSiret(),
    });
    employers[key] = organization.id;
  }
  tokens.ddets93 = (await member('DDETS', '93', 'DDETS 93')).token;
  tokens.prefecture93 = (await member('PREFECTURE', '93', 'Préfecture 93')).token;
  const dreets = await member('DREETS', '', 'DREETS IDF', { region: '11' });
  expect(dreets.organization.departement).toBe('75');
  tokens.dreets = dreets.token;
  tokens.prescriber = (await member('PRESCRIBER', '93', 'PLIE 93', { prescriberKind: 'PLIE' })).token;

  const db = platform.db;
  await db.pass.createMany({
    data: PASSES.map((p, index) => ({
      number: `99999${String(index).padStart(7, '0')}`,
      personId: p.person,
      employerId: employers[p.employer]!,
      startDate: p.start,
      endDate: p.end,
      cancelled: p.cancelled ?? false,
      snapshot: {},
      version: 1,
    })),
  });
  await db.application.createMany({
    data: HIRES.map((h) => ({
      id: randomUUID(),
      createdAt: new Date(),
      personId: randomUUID(),
      employerId: employers[h.employer]!,
      senderOrganizationId: employers[h.employer]!,
      senderUserId: randomUUID(),
      senderKind: h.self ? ('EMPLOYER' as const) : ('AUTHORIZED_PRESCRIBER' as const),
      state: h.state,
      hiringStartDate: h.start,
      lastUpdatedOn: TODAY,
    })),
  });
  const prescriberOrg = await db.organization.findFirstOrThrow({ where: { name: 'PLIE 93' } });
  await db.accreditationRequest.createMany({
    data: REQUESTS.map((r) => ({
      id: randomUUID(),
      organizationId: prescriberOrg.id,
      departement: r.departement,
      state: r.state as 'SUBMITTED',
      justification: 'Justification',
      reference: 'Réf.',
      submittedOn: r.submitted,
      decidedOn: r.decided ?? null,
      overdue: r.overdue ?? false,
    })),
  });
});
// Controls a posteriori (docs/rules.md §8): campaigns, SIAE controls and the sanctions decided.
const CONTROLS = [
  {
    departement: '93',
    campaign: 'RUNNING',
    controls: [{ stage: 'proofs' }, { stage: 'decided', sanctions: ['permanent_revocation', 'subsidy_cut'] }],
  },
  { departement: '93', campaign: 'CLOSED', controls: [{ stage: 'decided', sanctions: ['subsidy_cut'] }] },
  { departement: '13', campaign: 'CLOSED', controls: [{ stage: 'decided', sanctions: ['none'] }] },
] as const;

beforeAll(async () => {
  for (const [index, c] of CONTROLS.entries()) {
    await platform.db.controlCampaign.create({
      data: {
        id: randomUUID(),
        departement: c.departement,
        periodStart: `2025-0${index + 1}-01`,
        periodEnd: '2025-12-31',
        openedOn: '2026-01-05',
        state: c.campaign,
      },
    });
    for (const control of c.controls) {
      await platform.db.siaeControl.create({
        data: {
          id: randomUUID(),
          kind: 'CAMPAIGN',
          campaignId: null,
          employerId: randomUUID(),
          departement: c.departement,
          stage: control.stage,
          phase: 'proofs',
          phaseStartedOn: '2026-01-05',
          phaseDeadline: '2026-02-16',
          state: 'pending',
          ...('sanctions' in control
            ? { decision: 'refused', decidedOn: '2026-04-01', sanctions: control.sanctions.map((kind) => ({ kind })) }
            : {}),
        },
      });
    }
  }
});
afterAll(() => platform?.stop());

/** The control figures of a scope, counted again from CONTROLS. */
function expectedControls(departements: string[] | null) {
  const inScope = CONTROLS.filter((c) => !departements || departements.includes(c.departement));
  const count = <K extends string>(keys: string[], name: K) =>
    [...new Set(keys)].sort().map((key) => ({ [name]: key, count: keys.filter((k) => k === key).length }));
  return {
    campaignsByState: count(
      inScope.map((c) => c.campaign),
      'state',
    ),
    controlsByStage: count(
      inScope.flatMap((c) => c.controls.map((control) => control.stage)),
      'stage',
    ),
    sanctionsByKind: count(
      inScope.flatMap((c) => c.controls.flatMap((control) => ('sanctions' in control ? [...control.sanctions] : []))),
      'kind',
    ),
  };
}

function expectFigures(body: Record<string, any>, departements: string[] | null) {
  const figures = expected(departements);
  expect(body.computedOn).toBe(TODAY);
  expect(body.peopleInParcours).toBe(figures.peopleInParcours);
  expect(body.passesEndingSoon).toBe(figures.passesEndingSoon);
  expect(body.hiresPerMonth).toEqual(figures.hiresPerMonth);
  expect(body.accreditation.medianDecisionDays).toBe(figures.medianDecisionDays);
  expect(body.accreditation.overdue).toBe(figures.overdue);
  expect(body.accreditation.byState.find((row: { state: string }) => row.state === 'SUBMITTED').count).toBe(
    figures.submitted,
  );
  expect(body.selfPrescription).toEqual(figures.selfPrescription);
  expect(body.controls).toEqual(expectedControls(departements));
}

describe('GET /stats', () => {
  it('a DDETS sees its département by default, with the known figures', async () => {
    const response = await api.get('/stats', tokens.ddets93);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.scope).toBe('departement:93');
    expect(response.body.scopeLabel).toBe('Seine-Saint-Denis (93)');
    expectFigures(response.body, ['93']);
    // Spelled out once, so the independent computation is itself checked.
    expect(response.body).toMatchObject({ peopleInParcours: 3, passesEndingSoon: 2 });
    expect(response.body.accreditation.medianDecisionDays).toBe(10);
    expect(response.body.selfPrescription).toEqual({ hires: 3, selfPrescribed: 2, sharePercent: 66.7 });
    expect(response.body.controls).toEqual({
      campaignsByState: [
        { state: 'CLOSED', count: 1 },
        { state: 'RUNNING', count: 1 },
      ],
      controlsByStage: [
        { stage: 'decided', count: 2 },
        { stage: 'proofs', count: 1 },
      ],
      sanctionsByKind: [
        { kind: 'permanent_revocation', count: 1 },
        { kind: 'subsidy_cut', count: 2 },
      ],
    });
  });

  it('a prefecture agent sees its département', async () => {
    const response = await api.get('/stats?scope=departement:93', tokens.prefecture93);
    expect(response.status).toBe(200);
    expectFigures(response.body, ['93']);
  });

  it('a DREETS sees its région, and one of its départements', async () => {
    const region = await api.get('/stats', tokens.dreets);
    expect(region.status).toBe(200);
    expect(region.body.scope).toBe('region:11');
    expectFigures(region.body, IDF);
    const departement = await api.get('/stats?scope=departement:75', tokens.dreets);
    expect(departement.status).toBe(200);
    expectFigures(departement.body, ['75']);
  });

  it('an administrator sees the nation and any scope', async () => {
    const national = await api.get('/stats?scope=national', admin);
    expect(national.status).toBe(200);
    expectFigures(national.body, null);
    const marseille = await api.get('/stats?scope=departement:13', admin);
    expectFigures(marseille.body, ['13']);
  });

  it.each([
    ['ddets93', 'departement:13'],
    ['ddets93', 'region:11'],
    ['ddets93', 'national'],
    ['prefecture93', 'departement:75'],
    ['dreets', 'departement:13'],
    ['dreets', 'region:93'],
    ['dreets', 'national'],
    ['prescriber', undefined],
  ])('%s asking for %s is refused (403)', async (who, scope) => {
    const query = scope ? `?scope=${scope}` : '';
    const response = await api.get(`/stats${query}`, tokens[who]);
    expect(response.status === 403 || (scope === 'region:93' && response.status === 400)).toBe(true);
    expect(
      (
        await fetch(`${platform.baseUrl}/api/v1/stats.csv${query}`, {
          headers: { authorization: `Bearer ${tokens[who]}` },
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);
  });

  it('an unknown scope is a 400 in French', async () => {
    const response = await api.get('/stats?scope=departement:00', admin);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('périmètre invalide');
  });

  it('the CSV holds every figure of the scope', async () => {
    const response = await fetch(`${platform.baseUrl}/api/v1/stats.csv`, {
      headers: { authorization: `Bearer ${tokens.ddets93}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`indicateurs-departement-93-${TODAY}.csv`);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('Périmètre,Indicateur,Détail,Valeur');
    expect(lines).toContain(`Seine-Saint-Denis (93),Personnes en parcours (PASS IAE valide),${TODAY},3`);
    expect(lines).toContain('Seine-Saint-Denis (93),Embauches par mois,avril 2026,2');
    expect(lines).toContain('Seine-Saint-Denis (93),Embauches des 12 derniers mois,Part auto-prescrite (%),66.7');
    expect(lines).toContain(
      "Seine-Saint-Denis (93),Sanctions décidées,Suppression partielle ou totale de l'aide au poste,2",
    );
    expect(lines).toContain('Seine-Saint-Denis (93),Contrôles de SIAE par phase,Transmission des justificatifs,1');
    // Header, people, 12 months, ending soon, 7 request states, median and overdue, 3 hire
    // figures, then the controls of 93: 2 campaign states, 2 stages, 2 sanction kinds.
    expect(lines.length).toBe(1 + 1 + 12 + 1 + 7 + 2 + 3 + 2 + 2 + 2);
  });
});
