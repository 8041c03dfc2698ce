/**
 * The shared document archive in real Chromium: a coordinator uploads a file whose name is a line of the
 * XSS corpus (progress bar shown while it uploads), the name shows as text and nothing runs; she attaches
 * an archive document to a request and saves a request attachment back into the archive; a requester on a
 * phone reads their site's folder. axe-core on every archive screen: no serious or critical violation.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { XSS_CORPUS } from '../common/xss-corpus.ts';
import { apiAs, axeScanner, type E2E, loginAs, screenshotPath, startE2E, watchForExecution } from './harness.ts';

let e2e: E2E;
let requestId = '';
const { scan, violations, scanned } = axeScanner();
const HOSTILE = `${XSS_CORPUS[1]}.pdf`;
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'),
  Buffer.alloc(256 * 1024, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

before(async () => {
  e2e = await startE2E();
  const requester = await apiAs(e2e.baseUrl, 'demandeur@horizon.test');
  const services = await requester<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  const service = services.body.items.find((s) => s.name === 'Numérisation du courrier entrant');
  assert.ok(service, 'the demo service « Numérisation du courrier entrant »');
  const me = await requester<{ siteId: string }>('GET', '/api/me');
  const body = { serviceId: service.id, title: 'Scanner le contrat signé', answers: { site: me.body.siteId } };
  const created = await requester<{ id: string }>('POST', '/api/requests', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  requestId = created.body.id;
});
after(async () => {
  await e2e?.close();
});

/** The provider coordinator works for two organisations: sign in and pick Groupe Horizon. */
async function coordinatorIn(page: Page): Promise<void> {
  await loginAs(page, 'coordinatrice@horizon.test');
  await page.getByRole('heading', { level: 1, name: 'Espace équipe' }).waitFor();
  await page.getByRole('combobox', { name: 'Organisation courante' }).click();
  await page.getByRole('option', { name: 'Groupe Horizon' }).click();
  await page.getByText('Lyon — Siège').first().waitFor();
}

test('a coordinator uploads a document with a progress bar; its hostile name shows as text, nothing runs', async () => {
  const { page, context } = await e2e.newPage();
  const incidents = watchForExecution(page);
  await coordinatorIn(page);
  await page.getByRole('link', { name: 'Archives' }).click();
  await page.getByRole('heading', { level: 1, name: 'Archives' }).waitFor();
  await page.getByTestId('archive-row').first().waitFor();
  await scan(page);
  // The README's picture shows the demo archive, before the hostile upload below, without the
  // organisation-switch notice over the header.
  await page.getByText('Vous travaillez maintenant pour').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.screenshot({ path: screenshotPath('archives.png'), fullPage: true });
  await page
    .getByRole('navigation', { name: 'Arborescence des dossiers' })
    .getByRole('button', { name: 'Groupe Horizon' })
    .click();
  await page.getByRole('heading', { name: 'Documents · Groupe Horizon' }).waitFor();
  await page.getByTestId('archive-upload').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({ name: HOSTILE, mimeType: 'application/pdf', buffer: PDF });
  // Hold the upload at the network for a moment so the progress bar is seen (a local upload is instant).
  await page.route('**/api/archive/folders/*/documents', async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await dialog.getByRole('button', { name: 'Déposer un document' }).click();
  await page.getByTestId('upload-progress').waitFor();
  await page.getByText(/Envoi en cours\u00a0: \d+\u00a0%/).waitFor();
  await scan(page);
  await page.getByText(`Document « ${HOSTILE} » déposé.`).waitFor();
  await page.unroute('**/api/archive/folders/*/documents');
  const row = page.getByTestId('archive-row').filter({ hasText: HOSTILE });
  await row.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: what the user sees (rendered text), not the DOM's
  assert.equal(await row.getByTestId('archive-open').innerText(), HOSTILE);
  await row.getByTestId('archive-open').click();
  const drawer = page.getByTestId('archive-drawer');
  await drawer.getByRole('heading', { name: HOSTILE }).waitFor();
  assert.equal(await drawer.getByRole('textbox', { name: 'Nom affiché' }).inputValue(), HOSTILE);
  await drawer.getByRole('link', { name: `Télécharger la version 1 de « ${HOSTILE} »` }).waitFor();
  await scan(page);
  await page.keyboard.press('Escape');
  await page
    .getByRole('navigation', { name: 'Arborescence des dossiers' })
    .getByRole('button', { name: 'Tous les dossiers' })
    .click();
  await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was created from the name');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('attach from the archive to a request, then save that attachment back into the archive', async () => {
  const { page, context } = await e2e.newPage();
  const incidents = watchForExecution(page);
  await coordinatorIn(page);
  await page.goto(`/demandes/${requestId}`);
  await page.getByTestId('attach-from-archive').click();
  const picker = page.getByTestId('archive-picker');
  await picker.getByRole('textbox', { name: 'Rechercher un document' }).fill('reglement');
  await picker.getByRole('button', { name: 'Joindre « Règlement intérieur 2026 »' }).click();
  await page.getByText('Document joint à la demande.').waitFor();
  const side = page.getByTestId('side-panel');
  await side.getByRole('link', { name: /reglement-interieur-2026\.pdf/ }).waitFor();
  await scan(page);
  await side.getByRole('button', { name: 'Enregistrer « reglement-interieur-2026.pdf » dans les archives' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Dossier' }).or(dialog.getByLabel('Dossier')).first().click();
  await page.getByRole('option', { name: /Modèles et formulaires/ }).click();
  await dialog.getByRole('textbox', { name: 'Nom affiché' }).fill('Règlement intérieur — copie de la demande');
  await scan(page);
  await dialog.getByRole('button', { name: 'Enregistrer dans les archives' }).click();
  await page.getByText('Pièce jointe enregistrée dans les archives.').waitFor();
  const api = await apiAs(e2e.baseUrl, 'demandeur@horizon.test');
  const found = await api<{ items: { name: string }[] }>('GET', '/api/archive/documents?q=copie%20demande');
  assert.deepEqual(
    found.body.items.map((d) => d.name),
    ['Règlement intérieur — copie de la demande'],
    'saved into « Modèles et formulaires », which requesters read',
  );
  assert.deepEqual(incidents, []);
  await context.close();
});

test('a requester on a phone reads the folder of their site, not the others', async () => {
  const { page, context } = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(page, 'demandeur@horizon.test');
  await page.waitForURL('**/accueil');
  await page.goto('/archives');
  await page.getByRole('heading', { level: 1, name: 'Archives' }).waitFor();
  const tree = page.getByRole('navigation', { name: 'Arborescence des dossiers' });
  await tree.getByRole('button', { name: 'Lyon — Siège' }).click();
  await page.getByText('Plan d’évacuation du siège').waitFor();
  assert.equal(await tree.getByRole('button', { name: 'Strasbourg — Usine' }).count(), 0);
  assert.equal(await tree.getByRole('button', { name: 'RH — dossiers' }).count(), 0);
  assert.equal(await page.getByTestId('archive-upload').count(), 0, 'requesters read, they do not upload');
  await page.screenshot({ path: '/tmp/archives-phone.png', fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scroll of the page (${width}px)`);
  await scan(page);
  await context.close();
});

test('axe-core: no serious or critical violation on the archive screens', () => {
  assert.ok(scanned.size >= 3, `pages scanned: ${[...scanned].join(', ')}`);
  assert.deepEqual(violations, []);
});
