/**
 * Hostile text in request fields, in real Chromium: a requester files a request whose title, description and
 * reply are lines of the XSS corpus (script tags, event handlers, `javascript:` URLs, SVG with onload); the
 * requester's page, the staff request view, the workspace list and its search show every line as text, and
 * nothing runs (no dialog, no console error). The knowledge base and archive journeys do the same for
 * articles and file names.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { XSS_CORPUS } from '../common/xss-corpus.ts';
import { apiAs, type E2E, loginAs, startE2E, watchForExecution } from './harness.ts';

let e2e: E2E;
let requestId = '';
const TITLE = `Facture ${XSS_CORPUS[1]} ${XSS_CORPUS[0]}`;
const DESCRIPTION = XSS_CORPUS.join('\n');
const REPLY = `Réponse ${XSS_CORPUS[2]} ${XSS_CORPUS[3]}`;

before(async () => {
  e2e = await startE2E();
  const requester = await apiAs(e2e.baseUrl, 'demandeur@horizon.test');
  const services = await requester<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  const service = services.body.items.find((s) => s.name === 'Numérisation du courrier entrant');
  assert.ok(service, 'the demo service « Numérisation du courrier entrant »');
  const me = await requester<{ siteId: string }>('GET', '/api/me');
  const created = await requester<{ id: string }>('POST', '/api/requests', {
    serviceId: service.id,
    title: TITLE,
    description: DESCRIPTION,
    answers: { site: me.body.siteId },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  requestId = created.body.id;
  const reply = await requester('POST', `/api/requests/${requestId}/comments`, { body: REPLY });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
});
after(async () => {
  await e2e?.close();
});

/** Every corpus line shows verbatim as text somewhere on the page. */
async function assertShownAsText(page: Page, lines: string[]): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the user sees (rendered text), not the DOM's
  const text = await page.locator('main').innerText();
  const flat = text.replace(/\s+/g, ' ');
  for (const line of lines) assert.ok(flat.includes(line.replace(/\s+/g, ' ')), `« ${line} » absent du texte affiché`);
}

test('the requester sees the hostile title, description and reply as text, and nothing runs', async () => {
  const { page } = await e2e.newPage();
  const incidents = watchForExecution(page);
  await loginAs(page, 'demandeur@horizon.test');
  await page.waitForURL('**/accueil');
  await page.goto(`/mes-demandes/${requestId}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Facture' }).waitFor();
  await page.getByText('Réponse', { exact: false }).first().waitFor();
  await assertShownAsText(page, [TITLE, ...XSS_CORPUS, REPLY]);
  await page.goto('/mes-demandes');
  await page.getByText(TITLE).first().waitFor();
  assert.equal(await page.locator('main img, main svg circle, main iframe, main script').count(), 0);
  assert.deepEqual(incidents, []);
});

test('the assistant sees them as text in the request view, the list and the search results', async () => {
  const { page } = await e2e.newPage();
  const incidents = watchForExecution(page);
  await loginAs(page, 'assistante@horizon.test');
  await page.waitForURL('**/equipe');
  await page.goto(`/demandes/${requestId}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Facture' }).waitFor();
  await page.getByText('Réponse', { exact: false }).first().waitFor();
  await assertShownAsText(page, [TITLE, ...XSS_CORPUS, REPLY]);
  await page.goto(`/demandes?q=${encodeURIComponent('facture onerror')}`);
  await page.getByText('Facture', { exact: false }).first().waitFor();
  assert.equal(await page.locator('main iframe, main script:not([type])').count(), 0);
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  assert.deepEqual(incidents, []);
});
