// Controls a posteriori through the HTTP API on the real dev server and PostgreSQL
// (docs/rules.md §8, §13): département scoping, proof files checked from their content,
// proofs readable by the controlled SIAE and its DDETS only, every read audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../support/http.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let ddets: { token: string };
let ddets67: { token: string };
let staff: { id: string; token: string };
let otherStaff: { token: string };
let siaeId: string;
const applicationIds = [randomUUID(), randomUUID()];

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const b64 = (content: Buffer) => content.toString('base64');

/** Two self-prescribed hires of the SIAE, each opening its PASS on a diagnosis with RSA. */
async function seedHires(employerId: string, userId: string) {
  for (const [i, id] of applicationIds.entries()) {
    const person = await platform.db.person.create({
      data: {
        createdAt: new Date(),
        firstName: 'Camille',
        lastName: `Contrôle${i}`,
        birthDate: '1990-01-01',
        identityKey: `controle${i}|camille|1990-01-01|${id}`,
        createdByOrganizationId: employerId,
      },
    });
    const passNumber = `99999${String(Date.now()).slice(-6)}${i}`.slice(0, 12);
    await platform.db.diagnosis.create({
      data: {
        personId: person.id,
        createdAt: new Date(),
        author: 'EMPLOYER',
        authorOrganizationId: employerId,
        authorUserId: userId,
        criteria: ['RSA'],
        madeOn: '2026-01-10',
        expiresOn: '2026-07-10',
        passNumber,
      },
    });
    await platform.db.application.create({
      data: {
        id,
        createdAt: new Date(),
        personId: person.id,
        employerId,
        senderOrganizationId: employerId,
        senderUserId: userId,
        senderKind: 'EMPLOYER',
        state: 'accepted',
        hiringStartDate: '2026-02-01',
        passNumber,
        lastUpdatedOn: '2026-01-15',
      },
    });
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const ddetsOrg = await createOrganization(api, admin, { type: 'DDETS', name: 'DDETS 93', departement: '93' });
  const ddets67Org = await createOrganization(api, admin, { type: 'DDETS', name: 'DDETS 67', departement: '67' });
  const employer = { type: 'EMPLOYER', departement: '93', employerKind: 'EI' };
  const siae = await createOrganization(api, admin, { ...employer, name: 'EI Contrôlée', siret: newSiret() });
  const other = await createOrganization(api, admin, { ...employer, name: 'EI Voisine', siret: newSiret() });
  siaeId = siae.id;
  ddets = await createMember(api, admin, ddetsOrg.id, 'ddets93');
  ddets67 = await createMember(api, admin, ddets67Org.id, 'ddets67');
  staff = await createMember(api, admin, siae.id, 'siae');
  otherStaff = await createMember(api, admin, other.id, 'voisine');
  await seedHires(siae.id, staff.id);
});
afterAll(() => platform?.stop());

describe('control campaigns through the API', () => {
  it('a DDETS opens its campaign and chooses a ratio; another département gets 403', async () => {
    const opened = await api.post(
      '/control-campaigns',
      { periodStart: '2026-01-01', periodEnd: '2026-06-30' },
      ddets.token,
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ state: 'open', departement: '93', ratio: null, draw: null });
    const id = opened.body.campaignId as string;
    const again = await api.post(
      '/control-campaigns',
      { periodStart: '2026-01-01', periodEnd: '2026-06-30' },
      ddets.token,
    );
    expect(again.status).toBe(409);
    const elsewhere = await api.post(
      '/control-campaigns',
      { departement: '93', periodStart: '2026-01-01', periodEnd: '2026-03-31' },
      ddets67.token,
    );
    expect(elsewhere.status).toBe(403);

    expect((await api.get(`/control-campaigns/${id}`, ddets67.token)).status).toBe(403);
    expect((await api.post(`/control-campaigns/${id}/ratio`, { ratio: 25 }, ddets67.token)).status).toBe(403);
    expect((await api.get(`/control-campaigns/${id}`, staff.token)).status).toBe(403);
    const tooHigh = await api.post(`/control-campaigns/${id}/ratio`, { ratio: 50 }, ddets.token);
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.error.message).toBe('Le taux de sélection doit être un nombre entier de 20 à 40 %.');
    const chosen = await api.post(`/control-campaigns/${id}/ratio`, { ratio: 25 }, ddets.token);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.ratio).toBe(25);

    const list = await api.get('/control-campaigns', ddets.token);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api.get('/control-campaigns?departement=93', ddets67.token)).status).toBe(403);
    // The choice ends the wait: the draw follows, with its seed recorded (docs/rules.md §8).
    await expect
      .poll(async () => (await api.get(`/control-campaigns/${id}`, ddets.token)).body.state, { timeout: 15_000 })
      .toBe('running');
    const running = await api.get(`/control-campaigns/${id}`, ddets.token);
    expect(running.body).toMatchObject({ ratio: 25, ratioChosen: true, eligibleCount: 1 });
    expect(running.body.draw).toMatchObject({
      algorithm: 'mulberry32+fisher-yates',
      version: 1,
      selectedIds: [siaeId],
    });
    expect(running.body.controls).toEqual([expect.objectContaining({ employerId: siaeId, outcome: null })]);
    const row = await platform.db.controlCampaign.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ departement: '93', state: 'RUNNING', ratio: 25, ratioChosen: true });
    expect(Number(row.drawSeed)).toBe(running.body.draw.seed);
  });
});

describe('a spot check and its proofs through the API', () => {
  let controlId: string;

  it('a DDETS opens a spot check on chosen hires of an SIAE of its département only', async () => {
    const refused = await api.post('/spot-checks', { employerId: siaeId, applicationIds }, ddets67.token);
    expect(refused.status).toBe(403);
    const opened = await api.post('/spot-checks', { employerId: siaeId, applicationIds }, ddets.token);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    controlId = opened.body.controlId;
    expect(opened.body).toMatchObject({ kind: 'SPOT_CHECK', stage: 'proofs', state: 'pending' });
    expect(opened.body.hires.map((h: { passNumber: string | null }) => h.passNumber)).not.toContain(null);

    expect((await api.get(`/controls/${controlId}`, ddets67.token)).status).toBe(403);
    expect((await api.get(`/controls/${controlId}`, otherStaff.token)).status).toBe(403);
    expect((await api.get(`/controls/${controlId}`, staff.token)).status).toBe(200);
    expect((await api.post(`/controls/${controlId}/review`, {}, staff.token)).status).toBe(403);
    const ids = async (token: string) => (await api.get('/controls', token)).body.map((c: { id: string }) => c.id);
    expect(await ids(staff.token)).toContain(controlId);
    expect(await ids(ddets.token)).toContain(controlId);
    expect(await ids(otherStaff.token)).toEqual([]);
    expect(await ids(ddets67.token)).toEqual([]);
  });

  it('refuses a 6 MB file and an executable renamed .pdf, in French; keeps a PDF with its sha256', async () => {
    const [applicationId] = applicationIds as [string];
    const criteria = await api.post(
      `/controls/${controlId}/criteria`,
      { applicationId, criteria: ['RSA'] },
      staff.token,
    );
    expect(criteria.status, JSON.stringify(criteria.body)).toBe(200);
    const notRecorded = await api.post(
      `/controls/${controlId}/criteria`,
      { applicationId, criteria: ['ASS'] },
      staff.token,
    );
    expect(notRecorded.status).toBe(422);

    const upload = (content: Buffer, filename: string) =>
      api.post(
        `/controls/${controlId}/proofs`,
        { applicationId, criterion: 'RSA', filename, contentBase64: b64(content) },
        staff.token,
      );
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]);
    const tooLarge = await upload(big, 'gros.pdf');
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error.message).toBe('Le justificatif ne doit pas dépasser 5 Mo.');
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(512)]);
    const renamed = await upload(executable, 'attestation.pdf');
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.message).toBe('Le justificatif doit être un fichier PDF, JPEG ou PNG.');
    expect(await platform.db.controlProof.count({ where: { controlId } })).toBe(0);

    const accepted = await upload(PDF, 'attestation.pdf');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ mimeType: 'application/pdf', size: PDF.length });
    const proof = await platform.db.controlProof.findUniqueOrThrow({ where: { id: accepted.body.proofId } });
    expect(Buffer.from(proof.content).equals(PDF)).toBe(true);
    expect(proof.sha256).toMatch(/^[0-9a-f]{64}$/);
    const criterion = await platform.db.controlCriterion.findFirstOrThrow({ where: { proofId: proof.id } });
    expect(criterion.state).toBe('uploaded');
  });

  it('a proof is read by the SIAE and its DDETS only, each read audited', async () => {
    const proof = await platform.db.controlProof.findFirstOrThrow({ where: { controlId } });
    const read = (token: string) =>
      fetch(`${platform.baseUrl}/api/v1/controls/${controlId}/proofs/${proof.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    for (const token of [staff.token, ddets.token]) {
      const response = await read(token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
    for (const token of [ddets67.token, otherStaff.token, admin]) expect((await read(token)).status).toBe(403);
    const audits = await platform.db.auditEntry.findMany({
      where: { action: 'controlProof.read', entityId: proof.id },
    });
    expect(audits).toHaveLength(2);
  });
});
