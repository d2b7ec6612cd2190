// An employer manages its registry entry in Chromium (docs/rules.md §2, §3): it
// blocks applications, the change is saved and shown; axe audits the page (WCAG 2 A/AA).
// The form is a plain POST (no enhancement): it behaves the same with JavaScript off.
import { expect, test } from 'vitest';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';

const session = useBrowserPlatform();
const { url } = session;

test('an employer blocks applications from its structure page, saved and audited', async () => {
  const page = await session.signedInPage('employeur@demo.inclusion.localhost', '/structure');

  await expectNoSeriousAccessibilityViolation(page, 'Ma structure');

  // DSFR draws the radio on its label, which takes the click.
  await page.locator('label[for="candidatures-non"]').click();
  await page.getByLabel('Présentation de la structure').fill('Chantier de maraîchage biologique.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(url('/structure?enregistre=ok'));
  await expect(page.getByRole('status').innerText()).resolves.toContain('Votre fiche est enregistrée.');
  expect(await page.locator('#candidatures-non').isChecked()).toBe(true);
  expect(await page.getByLabel('Présentation de la structure').inputValue()).toBe('Chantier de maraîchage biologique.');

  const employer = await session.platform.db.user.findUniqueOrThrow({
    where: { email: 'employeur@demo.inclusion.localhost' },
    include: { memberships: { include: { organization: true } } },
  });
  const organization = employer.memberships[0]!.organization;
  expect(organization.applicationsOpen).toBe(false);
  const audit = await session.platform.db.auditEntry.findFirstOrThrow({ where: { action: 'employer.update' } });
  expect(audit.details).toMatchObject({ applicationsOpen: { from: true, to: false } });

  // A bad e-mail is refused in French and changes nothing.
  await page.getByLabel('Adresse e-mail de contact').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain("La fiche n'a pas été enregistrée");
  // On the field, in French: not the API's technical « Le corps de la requête… ».
  const alert = await page.getByRole('alert').innerText();
  expect(alert).not.toContain('corps de la requête');
  expect(alert).toContain('Adresse e-mail de contact : Adresse e-mail invalide.');
  expect(await page.locator('#contact-erreur').innerText()).toBe('Adresse e-mail invalide.');
  expect(await page.getByLabel('Adresse e-mail de contact').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Adresse e-mail de contact').inputValue()).toBe('pas-une-adresse');
  const unchanged = await session.platform.db.organization.findUniqueOrThrow({ where: { id: organization.id } });
  expect(unchanged.contactEmail).toBe(organization.contactEmail);
}, 90_000);
