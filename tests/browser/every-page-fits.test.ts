// Every page of the web app, for every demo role (docs/decisions/024): at 390 px (a phone) and
// 1280 px no page scrolls sideways, every page takes its margins from the layout's container
// (its title does not touch the screen's edge), and axe finds no serious or critical WCAG 2 A/AA
// violation. The routes are read from web/src/routes, so a new page is visited without being
// listed here; its dynamic ids come from the demo data, or are made through the API. A page counts
// as opened (and is audited) only when it answers itself: the visitor's redirection to /connexion
// audits the login page, not the page asked for. Each page is loaded once per role, at 390 px, then
// widened to 1280 px (docs/decisions/024).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { apiClient } from '../support/http.ts';
import { hire, registerAndDiagnose, SENT_PAGE } from '../support/hiring-journey.ts';
import { parisDay, ready } from '../support/journey.ts';
import { TEST_ADMIN } from '../support/platform.ts';

const ROUTES_DIR = fileURLToPath(new URL('../../web/src/routes/', import.meta.url));
const WIDTHS = [390, 1280] as const;

/** Every page's route pattern, e.g. `/candidatures/[id]`. */
const ROUTES = readdirSync(ROUTES_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === '+page.svelte')
  .map((entry) => `/${path.relative(ROUTES_DIR, entry.parentPath).split(path.sep).join('/')}`.replace(/\/$/, '') || '/')
  .sort();

const ROLES = [
  { name: 'visiteur', email: null },
  { name: 'prescripteur', email: 'prescripteur@demo.inclusion.localhost' },
  { name: 'orienteur', email: 'orienteur@demo.inclusion.localhost' },
  { name: 'employeur', email: 'employeur@demo.inclusion.localhost' },
  { name: 'préfecture', email: 'prefecture@demo.inclusion.localhost' },
  { name: 'DDETS', email: 'ddets@demo.inclusion.localhost' },
  { name: 'DREETS', email: 'dreets@demo.inclusion.localhost' },
  { name: 'administrateur', email: TEST_ADMIN.email },
] as const;

const session = useBrowserPlatform();
const { url, openPage } = session;
/** Route pattern → the path visited. */
const paths = new Map<string, string>();
/** Routes audited with axe already (once each, by the first role that may open them). */
const audited = new Set<string>();
/** Routes some role opened (status 200). */
const opened = new Set<string>();
/** API answers that did not give an id (shown when a route has nothing to visit). */
const setupAnswers: string[] = [];

const signInAs = (page: Page, email: string) => session.signIn(page, email, '/espace');

beforeAll(async () => {
  const { db } = session.platform;
  const api = apiClient(session.platform.baseUrl);
  const aci = await db.organization.findFirstOrThrow({ where: { name: 'Jardins de Cocagne de Bobigny' } });
  const orienteur = await api.token('orienteur@demo.inclusion.localhost', DEMO_PASSWORD);
  const orienteurOrg = await db.organization.findFirstOrThrow({
    where: { memberships: { some: { user: { email: 'orienteur@demo.inclusion.localhost' } } } },
  });
  const accreditation = await api.post(
    '/accreditation-requests',
    { organizationId: orienteurOrg.id, justification: 'Accompagnement social.', reference: 'Arrêté 2026-01' },
    orienteur,
  );
  const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const csv = [
    'siret;kind;name;address;communeCode;departement;latitude;longitude;email;certified',
    '1;EI;x;;13055;13;;;;non',
  ];
  const imported = await api.post('/employer-imports', { fileName: 'refus.csv', content: csv.join('\n') }, admin);
  // A take-over file whose one line is refused: the report lists it in a table.
  const takenOver = await api.post(
    '/parcours-imports',
    {
      fileName: 'reprise-refus.csv',
      content: [
        'passNumber;lastName;firstName;birthDate;nir;email;start;end;suspensions;prolongations;employerSiret;employerKind',
        '999990000001;Sans;Dates;1980-01-01;;;;;;;1;EI',
      ].join('\n'),
    },
    admin,
  );
  const ddets = await api.token('ddets@demo.inclusion.localhost', DEMO_PASSWORD);
  const spotCheck = await api.post('/spot-checks', { employerId: aci.id }, ddets);
  // A period of its own: the controls journey opens the campaign of the last half-year on the same
  // shared platform. Should one exist already (a second run), visit it.
  const period = { periodStart: '2025-01-01', periodEnd: '2025-06-30' };
  const campaign = await api.post('/control-campaigns', period, ddets);
  if (campaign.status !== 201 && campaign.status !== 409)
    setupAnswers.push(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);
  const campaignId: string | undefined =
    campaign.status === 409
      ? (
          await db.controlCampaign.findFirstOrThrow({
            where: { departement: '93', ...period },
          })
        ).id
      : campaign.body?.campaignId;
  // A hire by the demo ACI: an application, its person and the PASS IAE it opens.
  const employer = await openPage();
  await signInAs(employer, 'employeur@demo.inclusion.localhost');
  const personId = await registerAndDiagnose(
    employer,
    session.platform.baseUrl,
    { firstName: 'Maëlle', lastName: 'Largeur', birthDate: '1993-03-03' },
    ['RSA'],
  );
  await employer.goto(url(`/candidatures/nouvelle?personId=${personId}`));
  await ready(employer);
  await employer.getByRole('button', { name: 'Envoyer la candidature' }).click();
  await employer.waitForURL(SENT_PAGE);
  await ready(employer);
  await hire(employer, 'Maëlle Largeur', parisDay());
  await employer.waitForURL(/\?action=embaucher$/);
  const application = await db.application.findFirstOrThrow({ where: { personId } });
  const pass = await db.pass.findFirstOrThrow({ where: { personId } });
  const job = await db.jobDescription.findFirstOrThrow({ where: { employerId: aci.id } });
  for (const [what, answer] of Object.entries({ accreditation, imported, takenOver, spotCheck })) {
    if (answer.status !== 201) setupAnswers.push(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const ids: Record<string, string | undefined> = {
    '/admin/imports/[id]': imported.body?.id,
    '/admin/reprise/[id]': takenOver.body?.id,
    '/candidatures/[id]': application.id,
    '/ddets/campagnes/[id]': campaignId,
    '/ddets/controles/[id]': spotCheck.body?.controlId,
    '/employeurs/[id]': aci.id,
    '/habilitation/[id]': accreditation.body?.requestId,
    '/passes/[number]': pass.number,
    '/passes/[number]/attestation': pass.number,
    '/personnes/[id]': application.personId,
    '/prefecture/auto-prescription/[id]': aci.id,
    '/prefecture/habilitations/[id]': accreditation.body?.requestId,
    '/structure/controles/[id]': spotCheck.body?.controlId,
    '/structure/fiches-de-poste/[id]': job.id,
  };
  for (const route of ROUTES) {
    // The sandbox's page answers 404 outside the sandbox: tests/browser/sandbox.test.ts visits it.
    if (route === '/bac-a-sable') continue;
    const dynamic = /\[[^\]]+\]/.exec(route);
    if (!dynamic) paths.set(route, route);
    else if (ids[route]) paths.set(route, route.replace(dynamic[0], encodeURIComponent(ids[route])));
  }
}, 120_000);

/** The page's width problems at its current viewport width. */
async function measure(page: Page, route: string, role: string, width: number, problems: string[]): Promise<void> {
  // Read in the page (a string: the tests are compiled without the DOM's types). `wide`: the
  // innermost elements that cross the right edge, to say what pushes the page.
  const measures = await page.evaluate<{
    scrollWidth: number;
    clientWidth: number;
    titleLeft: number | null;
    wide: string[];
  }>(`(() => {
    const width = document.documentElement.clientWidth;
    const crosses = (el) => el.getBoundingClientRect().right > width + 0.5;
    const wide = document.documentElement.scrollWidth > width
      ? [...document.body.querySelectorAll('*')]
          .filter((el) => crosses(el) && ![...el.children].some(crosses))
          .slice(0, 3)
          .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)')
      : [];
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      titleLeft: document.querySelector('main h1')?.getBoundingClientRect().left ?? null,
      wide,
    };
  })()`);
  if (measures.scrollWidth > measures.clientWidth) {
    problems.push(
      `${route} (${role}) à ${width} px : ${measures.scrollWidth} px de large pour ${measures.clientWidth} — ${measures.wide.join(', ')}`,
    );
  }
  if (measures.titleLeft !== null && measures.titleLeft < 12) {
    problems.push(`${route} (${role}) à ${width} px : titre à ${measures.titleLeft} px du bord, sans marge`);
  }
}

/**
 * One page, loaded once: measured at 390 px, audited with axe (once per route, by the first role
 * that opens it), then widened to 1280 px and measured again — a resize lays the page out again
 * as a load at that width would, for a fraction of a navigation's time.
 */
async function visit(page: Page, route: string, role: string, problems: string[]): Promise<void> {
  const target = paths.get(route)!;
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  const response = await page.goto(url(target));
  const status = response?.status() ?? 0;
  if (status >= 500) problems.push(`${route} (${role}) : erreur ${status}`);
  await page.locator('main').waitFor();
  await ready(page);
  await measure(page, route, role, WIDTHS[0], problems);
  // Opened: answered 200 without sending to another page (a visitor is sent to /connexion, whose
  // own route is visited). A refused role's error page or the login page is measured at 390 px only.
  if (status !== 200 || pathOf(page) !== new URL(url(target)).pathname) return;
  opened.add(route);
  if (!audited.has(route)) {
    audited.add(route);
    // Collected with the other problems, so that one run lists them all.
    await expectNoSeriousAccessibilityViolation(page, `${route} (${role}, ${WIDTHS[0]} px)`).catch((err: unknown) =>
      problems.push(String(err instanceof Error ? err.message.split('\n').slice(0, 2).join(' ') : err)),
    );
  }
  for (const width of WIDTHS.slice(1)) {
    await page.setViewportSize({ width, height: 900 });
    await measure(page, route, role, width, problems);
  }
}

describe('chaque page tient dans la largeur, a ses marges et passe axe', () => {
  test('toutes les routes ont une page à visiter', () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    expect(
      ROUTES.filter((route) => !paths.has(route)),
      setupAnswers.join('\n'),
    ).toEqual(['/bac-a-sable']);
  });

  for (const role of ROLES) {
    test(`${role.name} : chaque page à 390 et 1280 px`, async () => {
      const page = await openPage();
      if (role.email) await signInAs(page, role.email);
      const problems: string[] = [];
      for (const route of ROUTES) {
        if (!paths.has(route)) continue;
        await visit(page, route, role.name, problems);
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }

  test('chaque page a été ouverte par au moins un rôle', () => {
    expect([...paths.keys()].filter((route) => !opened.has(route))).toEqual([]);
  });
});
