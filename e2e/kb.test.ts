/**
 * Knowledge base end to end, in real Chromium against the real server (embedded SQLite, demo data): an
 * assistant writes an article whose body is the XSS corpus plus a normal paragraph, edits it (a second
 * version, the diff marked by text as well as colour) and sends it for review; the key user publishes it;
 * a requester finds it in the help centre by an unaccented word of its accented title, opens it (one view
 * counted) and votes — no dialog, no console error, every word of the corpus shown as text. An assistant
 * turns a resolved request into a draft article from the request view. axe-core finds no serious or
 * critical violation on the help centre, the article, the staff list and the editor, at 1280 px and 390 px.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { XSS_CORPUS } from '../common/xss-corpus.ts';
import { apiAs, axeScanner, type E2E, loginAs, screenshotPath, startE2E, watchForExecution } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const TITLE = 'Régler l’écran de la cafétéria';
const PARAGRAPH = 'Appuyez sur le bouton Source de la télécommande, puis choisissez HDMI 2.';
const BODY = `${XSS_CORPUS.join('\n\n')}\n\n${PARAGRAPH}\n`;
const SPACE = 'Aide aux salariés';
const SERVICE = 'Numérisation du courrier entrant';
const PHONE = { width: 390, height: 844 };
let articlePath = '';

before(async () => {
  e2e = await startE2E();
  // The demo seeds « Aide aux salariés »; an installation without it gets the space from the key user.
  const admin = await apiAs(e2e.baseUrl, 'referent@horizon.test');
  const spaces = await admin<{ items: { name: string }[] }>('GET', '/api/kb/spaces');
  if (!spaces.body.items.some((s) => s.name === SPACE))
    assert.equal((await admin('POST', '/api/kb/spaces', { name: SPACE, description: '' })).status, 201);
});
after(async () => {
  await e2e?.close();
});

async function signIn(email: string, home: string, viewport?: { width: number; height: number }) {
  const { page, context } = await e2e.newPage({ viewport });
  await loginAs(page, email);
  await page.waitForURL(`**${home}`);
  const incidents = watchForExecution(page);
  return { page, context, incidents };
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** No horizontal scroll at phone width. */
async function assertFits(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${page.url()} déborde de ${overflow} px`);
}

test('the help centre as the demo organisation shows it, for the user guide', async () => {
  const { page, context, incidents } = await signIn('demandeur@horizon.test', '/accueil');
  await page.goto('/aide');
  await page.getByTestId('kb-article-card').filter({ hasText: 'Déclarer une note de frais' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath('aide.png') });
  assert.deepEqual(incidents, []);
  await context.close();
});

test('an assistant writes the article, sees the diff of her edit and sends it for review', async () => {
  const { page, context, incidents } = await signIn('assistante@horizon.test', '/equipe');
  await page.getByRole('link', { name: 'Base de connaissances' }).click();
  await page.getByRole('heading', { level: 1, name: 'Base de connaissances' }).waitFor();
  await scan(page);
  await page.getByRole('link', { name: 'Nouvel article' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nouvel article' }).waitFor();
  await scan(page);
  await page.getByRole('textbox', { name: /^Titre/ }).fill(TITLE);
  await page.getByLabel('Contenu (Markdown)').fill(BODY);
  await choose(page, 'Type', 'Mode d’emploi');
  await choose(page, 'Espace', SPACE);
  await page.getByRole('combobox', { name: 'Services liés' }).click();
  await page.getByRole('option', { name: SERVICE }).click();
  await page.keyboard.press('Escape');
  // The preview renders with the server's renderer: the corpus shows as text, nothing runs.
  await page.getByRole('tab', { name: 'Aperçu' }).click();
  await page.getByTestId('kb-preview').getByText(PARAGRAPH).waitFor();
  await scan(page, '/base-de-connaissances/nouveau?apercu');
  await page.getByRole('tab', { name: 'Rédiger' }).click();
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();
  await page.waitForURL((u) => /^\/base-de-connaissances\/(?!nouveau)[^/]+$/.test(u.pathname));
  articlePath = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByTestId('kb-status').getByText('Brouillon').waitFor();
  // A second version: one line changed, then its diff (added and removed lines named, not only coloured).
  await page.getByLabel('Contenu (Markdown)').fill(BODY.replace(PARAGRAPH, `${PARAGRAPH}\nLe volume se règle à droite.`));
  await page.getByLabel('Note de version').fill('Réglage du volume');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Article enregistré.').waitFor();
  await page.getByText('Version 2 · Sophie Bernard', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Voir les changements de la version 2' }).click();
  const diff = page.getByRole('dialog', { name: 'Changements de la version 1 à la version 2' });
  await diff.locator('ins[data-diff="added"]').filter({ hasText: 'Le volume se règle à droite.' }).waitFor();
  assert.ok(((await diff.locator('ins').first().textContent()) ?? '').includes('Ajouté'), 'an addition is named in text');
  await scan(page, '/base-de-connaissances/:id?diff');
  await page.keyboard.press('Escape');
  await diff.waitFor({ state: 'detached' });
  // Restoring version 1 adds version 3 with its text.
  await page.getByRole('button', { name: 'Restaurer cette version (version 1)' }).click();
  await page.getByRole('dialog', { name: 'Confirmation' }).getByRole('button', { name: 'Restaurer cette version' }).click();
  await page.getByText('Version 1 restaurée.').waitFor();
  await page.getByText('Version 3 · Sophie Bernard', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Contenu (Markdown)').inputValue(), BODY);
  await page.getByRole('button', { name: 'Envoyer en relecture' }).click();
  await page.getByTestId('kb-status').getByText('En relecture').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Publier' }).count(), 0, 'an assistant does not publish');
  await scan(page, '/base-de-connaissances/:id');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('the key user finds it « à relire » in the list filtered by status and publishes it', async () => {
  assert.ok(articlePath, 'the previous test created the article');
  const { page, context, incidents } = await signIn('referent@horizon.test', '/admin');
  await page.goto('/base-de-connaissances?status=review');
  await page.getByRole('link', { name: TITLE }).click();
  await page.waitForURL(`**${articlePath}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  // Someone saves meanwhile: the next save answers 409, the page says so and reloads the current article.
  const assistant = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const id = articlePath.split('/').pop() ?? '';
  const current = await assistant<{ version: number }>('GET', `/api/kb/articles/${id}`);
  const other = await assistant('PATCH', `/api/kb/articles/${id}`, { version: current.body.version, reviewAt: '2027-06-30' });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await page.getByLabel('Note de version').fill('Relecture');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Modifié entre-temps' }).waitFor();
  await page.getByRole('button', { name: 'Recharger la version actuelle' }).click();
  await page.getByRole('textbox', { name: 'Prochaine relecture' }).and(page.locator('[value="30/06/2027"]')).waitFor();
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByTestId('kb-status').getByText('Publié').waitFor();
  // The spaces dialog, with the Relais templates to copy.
  await page.goto('/base-de-connaissances');
  await page.getByRole('button', { name: 'Espaces' }).click();
  const dialog = page.getByRole('dialog', { name: 'Espaces de la base de connaissances' });
  await dialog.getByText(SPACE).first().waitFor();
  await scan(page, '/base-de-connaissances?espaces');
  await dialog.getByRole('button', { name: /^Copier un modèle : Modèles Relais — RH/ }).click();
  await page.getByText('Modèle copié', { exact: false }).waitFor();
  await dialog.getByTestId('kb-space').filter({ hasText: 'Modèles Relais — RH' }).waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('a requester finds it by an unaccented word, reads every word of the corpus as text and votes', async () => {
  const { page, context, incidents } = await signIn('demandeur@horizon.test', '/accueil');
  await page.getByRole('link', { name: 'Aide', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Aide' }).waitFor();
  await page.getByTestId('kb-article-card').first().waitFor();
  await scan(page);
  await page.getByLabel('Rechercher dans l’aide').fill('cafeteria');
  const card = page.getByTestId('kb-article-card').filter({ hasText: TITLE });
  await card.waitFor();
  await page.waitForURL('**/aide?q=cafeteria');
  await scan(page, '/aide?q');
  const viewed = page.waitForResponse((r) => r.url().endsWith('/view') && r.request().method() === 'POST');
  await card.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  assert.equal((await viewed).status(), 204, 'opening the article counts a view');
  const body = page.getByTestId('kb-article-body');
  await body.getByText(PARAGRAPH).waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not the DOM
  const shown = (await body.innerText()).replace(/\s+/g, ' ');
  for (const line of XSS_CORPUS)
    for (const word of line.match(/[\p{L}\p{N}]+/gu) ?? []) assert.ok(shown.includes(word), `« ${word} » (${line}) absent`);
  assert.equal(await body.locator('script, iframe, svg, img, [onerror], [onload], a[href^="javascript" i]').count(), 0);
  await page
    .getByTestId('kb-updated')
    .getByText(/Mis à jour le \d{1,2} \p{L}+ \d{4}/u)
    .waitFor();
  const request = page.getByRole('link', { name: `Faire une demande « ${SERVICE} »` });
  assert.match((await request.getAttribute('href')) ?? '', /^\/mes-demandes\/nouvelle\?service=/);
  await page.getByRole('button', { name: 'Oui, cet article m’a aidé' }).click();
  await page.getByText('Merci pour votre retour !').waitFor();
  await page.getByTestId('kb-vote-counts').getByText('Votes : 1 oui · 0 non').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Oui, cet article m’a aidé' }).getAttribute('aria-pressed'), 'true');
  await scan(page, '/aide/:id');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('on a phone the help centre, the article and the editor fit and stay accessible', async () => {
  const requester = await signIn('demandeur@horizon.test', '/accueil', PHONE);
  await requester.page.goto('/aide?q=cafeteria');
  await requester.page.getByTestId('kb-article-card').filter({ hasText: TITLE }).waitFor();
  await assertFits(requester.page);
  await scan(requester.page, '/aide?q');
  await requester.page.goto(articlePath.replace('/base-de-connaissances/', '/aide/'));
  await requester.page.getByTestId('kb-article-body').getByText(PARAGRAPH).waitFor();
  await assertFits(requester.page);
  await scan(requester.page, '/aide/:id');
  assert.deepEqual(requester.incidents, []);
  await requester.context.close();
  const staff = await signIn('assistante@horizon.test', '/equipe', PHONE);
  await staff.page.goto(articlePath);
  await staff.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await assertFits(staff.page);
  await scan(staff.page, '/base-de-connaissances/:id');
  await staff.page.goto('/base-de-connaissances');
  await staff.page.getByRole('link', { name: TITLE }).waitFor();
  await assertFits(staff.page);
  await scan(staff.page);
  assert.deepEqual(staff.incidents, []);
  await staff.context.close();
});

test('the editor of a demo article, for the user guide', async () => {
  const { page, context, incidents } = await signIn('assistante@horizon.test', '/equipe', { width: 1280, height: 1100 });
  await page.goto('/base-de-connaissances?q=note%20de%20frais');
  await page.getByRole('link', { name: 'Déclarer une note de frais', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Déclarer une note de frais' }).waitFor();
  await page.getByTestId('kb-revision').first().waitFor();
  await page.screenshot({ path: screenshotPath('kb-editor.png') });
  await page.getByRole('tab', { name: 'Aperçu' }).click();
  await page.getByTestId('kb-preview').getByRole('heading', { name: 'Étapes' }).waitFor();
  // The audience narrowed to one site survives a save and a reload.
  await page.getByRole('radio', { name: 'Certains sites' }).check();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Choisissez au moins un site.').waitFor();
  await page.getByRole('combobox', { name: 'Sites' }).click();
  await page.getByRole('option', { name: 'Lyon — Siège' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Article enregistré.').waitFor();
  await page.reload();
  await page.getByRole('radio', { name: 'Certains sites' }).and(page.locator(':checked')).waitFor();
  await page.locator('.mantine-Pill-label', { hasText: 'Lyon — Siège' }).waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('an assistant turns a resolved request into a draft article from the request view', async () => {
  const assistant = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const list = await assistant<{ items: { id: string; service: unknown; confidentiality: string }[] }>(
    'GET',
    '/api/requests?status=resolved&limit=20',
  );
  const resolved = list.body.items.find((r) => r.service && r.confidentiality === 'normal');
  assert.ok(resolved, 'the demo has a resolved request');
  const { page, context, incidents } = await signIn('assistante@horizon.test', '/equipe');
  await page.goto(`/demandes/${resolved.id}`);
  const card = page.getByTestId('kb-request-card');
  await card.getByRole('heading', { name: 'Comment traiter cette demande' }).waitFor();
  await card.getByRole('button', { name: 'Créer un article' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/base-de-connaissances/'));
  await page.getByText('Brouillon créé à partir d’une demande résolue', { exact: false }).waitFor();
  await page.getByTestId('kb-status').getByText('Brouillon').waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('no serious or critical accessibility violation on the knowledge-base pages', () => {
  assert.deepEqual(violations, []);
});
