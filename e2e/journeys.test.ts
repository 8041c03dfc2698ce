/**
 * End-to-end journeys in real Chromium against the real server (embedded SQLite, demo data):
 * every demo role lands on its home, language switch, organisation switch, an admin creates a site,
 * phone viewport; axe-core on every page visited must find no serious or critical violation.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeScanner, type E2E, loginAs, screenshotPath, startE2E } from './harness.ts';

let e2e: E2E;
const { scan, violations, scanned } = axeScanner();

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const NAV_OPEN = 'Ouvrir le menu';

const HOMES = [
  ['operateur@relais.test', '/plateforme', 'Plateforme'],
  ['dirigeant@horizon.test', '/direction', 'Vue d’ensemble'],
  ['demandeur@horizon.test', '/accueil', 'Comment pouvons-nous vous aider'],
  ['assistante@horizon.test', '/equipe', 'Espace équipe'],
  ['coordinatrice@horizon.test', '/equipe', 'Espace équipe'],
  ['referent@horizon.test', '/admin', 'Administration'],
  ['agent-rh@horizon.test', '/prestataire', 'Espace prestataire'],
  ['dpo@horizon.test', '/audit', 'Journal d’audit'],
] as const;

test('the login and password pages are accessible', async () => {
  const { page, context } = await e2e.newPage();
  await page.goto('/');
  await page.waitForURL('**/connexion');
  await page.screenshot({ path: screenshotPath('login.png') });
  await scan(page);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.waitForURL('**/mot-de-passe-oublie');
  await scan(page);
  await context.close();
});

for (const [email, home, heading] of HOMES) {
  test(`${email} lands on ${home}`, async () => {
    const { page, context } = await e2e.newPage();
    await loginAs(page, email);
    await page.waitForURL(`**${home}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    if (email === 'dirigeant@horizon.test') await page.screenshot({ path: screenshotPath('home.png') });
    await scan(page);
    await context.close();
  });
}

test('a wrong password shows a French error without saying whether the account exists', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'personne@horizon.test', 'mauvais-mot-de-passe');
  await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  assert.ok(page.url().endsWith('/connexion'));
  await context.close();
});

test('the language switch turns the interface into English and back', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'dirigeant@horizon.test');
  await page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' }).waitFor();
  await page.waitForLoadState('networkidle');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
  await page.getByText('EN', { exact: true }).click();
  assert.equal((await saved).status(), 200, 'the choice is saved on the account');
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await scan(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByText('FR', { exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
});

test('a provider coordinator switches between her two organisations', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'coordinatrice@horizon.test');
  await page.getByRole('heading', { level: 1, name: 'Espace équipe' }).waitFor();
  const pick = async (organisation: string, shown: string, hidden: string) => {
    await page.getByRole('combobox', { name: 'Organisation courante' }).click();
    await page.getByRole('option', { name: organisation }).click();
    await page.getByText(shown).first().waitFor();
    assert.equal(await page.getByText(hidden).count(), 0, `${hidden} ne doit pas apparaître dans ${organisation}`);
  };
  await pick('Groupe Horizon', 'Lyon — Siège', 'Nantes — Atelier');
  await pick('Atelier Bellevue', 'Nantes — Atelier', 'Lyon — Siège');
  await context.close();
});

test('an administrator creates a site, which then appears in the list', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  for (const path of [
    '/admin/organisation',
    '/admin/fonctions',
    '/admin/equipes',
    '/admin/utilisateurs',
    '/profil',
    '/audit',
    '/catalogue',
  ]) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await scan(page);
  }
  await page.goto('/admin/sites');
  await scan(page);
  await page.goto('/admin/sites/nouveau');
  await page.getByLabel('Nom du site').fill('Bordeaux — Agence');
  await page.getByLabel('Adresse').fill('8 cours de l’Intendance, 33000 Bordeaux');
  await scan(page);
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByText('Site créé.').waitFor();
  await page.goto('/admin/sites');
  await page.getByText('Bordeaux — Agence').first().waitFor();
  await context.close();
});

test('a requester on a phone viewport reaches the navigation through the burger menu', async () => {
  const { page, context } = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(page, 'demandeur@horizon.test');
  await page.getByRole('heading', { level: 1, name: 'Comment pouvons-nous vous aider' }).waitFor();
  await scan(page);
  await page.screenshot({ path: screenshotPath('home-phone.png') });
  const profile = page.getByRole('link', { name: 'Mon profil' });
  const box = await profile.boundingBox();
  assert.ok(!box || box.x + box.width <= 0, 'la navigation est repliée hors de l’écran sur téléphone');
  await page.getByRole('button', { name: NAV_OPEN }).click();
  await profile.click();
  await page.waitForURL('**/profil');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await scan(page);
  await context.close();
});

test('the key user adds a field and a checklist step to a service; the catalogue shows them', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  await page.goto(`${e2e.baseUrl}/catalogue`);
  await page.getByRole('button', { name: 'Modifier le service «\u00a0Demande de devis\u00a0»' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ajouter un champ' }).click();
  const fields = dialog.getByTestId('form-field');
  const added = fields.last();
  await added.getByLabel('Libellé').fill('Fournisseur pressenti');
  await added.getByLabel('Clé technique').fill('fournisseur');
  await dialog.getByLabel('Étapes à suivre (liste de contrôle)').fill('Comparer au moins deux offres');
  await dialog.getByLabel('Étapes à suivre (liste de contrôle)').press('Enter');
  await scan(page);
  await page.screenshot({ path: screenshotPath('service-editor.png') });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const card = page.getByTestId('catalog-service').filter({ hasText: 'Demande de devis' });
  await card.getByText('Comparer au moins deux offres').waitFor();
  await card.getByRole('button', { name: /Formulaire de demande/ }).click();
  await card.getByRole('cell', { name: 'Fournisseur pressenti' }).waitFor();
  await context.close();
});

test('axe-core finds no serious or critical violation on any page visited', () => {
  assert.ok(scanned.size >= 15, `pages analysées : ${scanned.size}`);
  assert.deepEqual(violations, []);
});
