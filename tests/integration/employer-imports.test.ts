// CSV import of employers through the API, the employerImport workflow and PostgreSQL (docs/rules.md §3):
// valid lines are upserted on (SIRET, kind), invalid ones are reported line by line and change
// nothing, a second import of the same file updates instead of duplicating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYER_IMPORT_COLUMNS } from '../../domain/employer-import.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => platform?.stop());

const HEADER = EMPLOYER_IMPORT_COLUMNS.join(';');

async function importFile(content: string, fileName = 'employeurs.csv') {
  const created = await api.post('/employer-imports', { fileName, content }, admin);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (let attempt = 0; attempt < 100; attempt++) {
    const current = await api.get(`/employer-imports/${created.body.id}`, admin);
    if (current.body.state === 'DONE' || current.body.state === 'FAILED')
      return { created: created.body, done: current.body };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('import not finished');
}

describe('employer import', () => {
  const aci = newSiret();
  const ei = newSiret();
  const bad = newSiret();
  const file = [
    HEADER,
    `${aci};ACI;Jardins d'Épinay;1 rue des Lilas;93031;93;48,9553;2,3092;contact@jardins.example;oui`,
    `${ei};EI;"Recyclerie ""Le Canal""";;67482;67;48.5734;7.7521;;non`,
    `123;XYZ;;;99999;93;95;200;pas-un-mail;peut-être`,
    `${bad};AI;Mauvais département;;93008;67;48.9;2.4;;non`,
    `${aci};ACI;Doublon;;93031;93;48.9;2.3;;non`,
    '',
  ].join('\n');

  it('imports the valid lines, reports the invalid ones by line and column in French, and reaches its total', async () => {
    const before = await platform.db.organization.count();
    const { created, done } = await importFile(file);
    expect(created).toMatchObject({ totalRows: 2, errorCount: 3 });
    expect(done).toMatchObject({ state: 'DONE', totalRows: 2, processedRows: 2, createdCount: 2, updatedCount: 0 });
    expect(done.finishedAt).not.toBeNull();
    expect(done.report.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    const line4 = Object.fromEntries(
      done.report[0].errors.map((e: { column: string; message: string }) => [e.column, e.message]),
    );
    expect(Object.keys(line4).sort()).toEqual(
      ['certified', 'communeCode', 'email', 'kind', 'latitude', 'longitude', 'name', 'siret'].sort(),
    );
    expect(line4.siret).toBe('le SIRET doit comporter 14 chiffres');
    expect(done.report[1].errors).toEqual([
      { column: 'departement', message: 'la commune 93008 est dans le département 93, pas « 67 »' },
    ]);
    expect(done.report[2].errors[0].message).toBe('même SIRET et même type qu’à la ligne 2');

    expect(await platform.db.organization.count()).toBe(before + 2);
    expect(await platform.db.organization.findFirst({ where: { siret: bad } })).toBeNull();
    const jardins = await platform.db.organization.findFirstOrThrow({ where: { siret: aci, employerKind: 'ACI' } });
    expect(jardins).toMatchObject({
      type: 'EMPLOYER',
      name: "Jardins d'Épinay",
      departement: '93',
      communeCode: '93031',
      latitude: 48.9553,
      longitude: 2.3092,
      contactEmail: 'contact@jardins.example',
      certified: true,
    });
    expect(await platform.db.organization.findFirstOrThrow({ where: { siret: ei } })).toMatchObject({
      name: 'Recyclerie "Le Canal"',
      address: null,
    });
    // Épinay-sur-Seine's centre was unknown: the import brings it.
    expect(await platform.db.communeCentre.findUnique({ where: { code: '93031' } })).toMatchObject({
      latitude: 48.9553,
      source: 'import',
    });
  });

  it('importing the same file again updates the employers instead of duplicating them', async () => {
    const before = await platform.db.organization.count();
    const { done } = await importFile(file.replace("Jardins d'Épinay", "Jardins d'Épinay-sur-Seine"));
    expect(done).toMatchObject({ state: 'DONE', processedRows: 2, createdCount: 0, updatedCount: 2 });
    expect(await platform.db.organization.count()).toBe(before);
    expect((await platform.db.organization.findFirstOrThrow({ where: { siret: aci } })).name).toBe(
      "Jardins d'Épinay-sur-Seine",
    );
  });

  it('a file without the expected columns is refused as a whole (400), nothing stored', async () => {
    const before = await platform.db.employerImport.count();
    const refused = await api.post(
      '/employer-imports',
      { fileName: 'x.csv', content: 'siret,kind,name\n1,2,3' },
      admin,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^La première ligne doit nommer les colonnes siret;kind;name/);
    const unclosed = await api.post('/employer-imports', { fileName: 'x.csv', content: `${HEADER}\n"abc;` }, admin);
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.message).toMatch(/Fichier CSV illisible à la ligne 2/);
    expect(await platform.db.employerImport.count()).toBe(before);
  });

  it('a file of more than 1 MB is accepted (this route has its own limit); 250 lines go in three batches', async () => {
    const lines = Array.from(
      { length: 250 },
      (_, i) => `${newSiret()};EA;Entreprise adaptée ${i};${i} avenue du Prado;13055;13;43.2965;5.3698;;non`,
    );
    // Blank lines (skipped by the parser) bring the body above the API's usual 1 MB.
    const content = [HEADER, ...lines].join('\n') + '\n'.repeat(1_000_000);
    expect(content.length).toBeGreaterThan(1_000_000);
    const { done } = await importFile(content, 'gros.csv');
    expect(done).toMatchObject({ state: 'DONE', totalRows: 250, processedRows: 250, createdCount: 250, errorCount: 0 });
  });

  it('only administrators import (403) and read imports', async () => {
    const organization = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'ACI',
      departement: '93',
      employerKind: 'ACI',
      siret: newSiret(),
    });
    const staff = await createMember(api, admin, organization.id, 'staff');
    expect((await api.post('/employer-imports', { fileName: 'a.csv', content: HEADER }, staff.token)).status).toBe(403);
    expect((await api.get('/employer-imports', staff.token)).status).toBe(403);
    const missing = await api.get('/employer-imports/00000000-0000-4000-8000-000000000000', admin);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Import introuvable.');
  });
});
