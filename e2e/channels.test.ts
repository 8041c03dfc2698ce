/**
 * Channels end to end, in real Chromium against the real server (embedded SQLite, demo data): an urgent
 * alert posted in « Urgences » reaches a colleague live in a second browser, who takes it over, and its
 * author sees « Prise en charge par … » without reloading; a site channel's message becomes a request and
 * both link to each other; `@` suggests colleagues; a mention in a thread reply opens that thread; edit (409 on a stale version), history, attachment and
 * deletion; creating a channel, its members and settings, joining one from « Parcourir »; on a phone the list
 * and the channel fit; hostile text posted in a channel shows as text and runs nothing. axe-core finds no
 * serious or critical violation.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { XSS_CORPUS } from '../common/xss-corpus.ts';
import { apiAs, axeScanner, type E2E, screenshotPath, signInAs, startE2E, watchForExecution } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const PHONE = { width: 390, height: 844 };
let channels: { id: string; name: string }[] = [];
const channelId = (name: string) => channels.find((c) => c.name === name)?.id ?? '';

before(async () => {
  e2e = await startE2E();
  const api = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  channels = (await api<{ items: { id: string; name: string }[] }>('GET', '/api/channels')).body.items;
});
after(async () => {
  await e2e?.close();
});

/** A message of the open channel, by a piece of its text. */
const messageWith = (page: Page, text: string) =>
  page.getByTestId('message-log').getByTestId('message').filter({ hasText: text });

/** Types in the composer and sends with Entrée. */
async function post(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('composer').getByRole('textbox');
  await box.fill(text);
  await box.press('Enter');
  await messageWith(page, text).waitFor();
  assert.equal(await box.inputValue(), '', 'the composer is emptied once the message is sent');
}

test('an urgent alert reaches a colleague live, who takes it over; its author sees it at once', async () => {
  const TEXT = 'Fuite d’eau au deuxième étage de Lille, besoin d’un plombier';
  const author = await signInAs(e2e, 'assistante@horizon.test', '/equipe');
  const colleague = await signInAs(e2e, 'thomas.garnier@horizon.test', '/equipe');
  const urgences = channelId('Urgences');
  await colleague.page.goto(`/canaux/${urgences}`);
  await colleague.page.getByRole('heading', { level: 1, name: '# Urgences' }).waitFor();
  await author.page.getByRole('link', { name: /^Canaux/ }).click();
  await author.page.getByTestId('channel-link').filter({ hasText: 'Urgences' }).click();
  await author.page.getByText('Dans ce canal, chaque message est urgent.').waitFor();
  await post(author.page, TEXT);
  const mine = messageWith(author.page, TEXT);
  await mine.getByText('Urgent', { exact: true }).waitFor();
  // The colleague sees it without reloading, and takes it over.
  const theirs = messageWith(colleague.page, TEXT);
  await theirs.waitFor();
  await scan(colleague.page, '/canaux/:id');
  await theirs.getByRole('button', { name: 'J’ai pris en charge' }).click();
  await theirs.getByText(/Prise en charge par Thomas Garnier/).waitFor();
  // The author's page follows live.
  await mine.getByText(/Prise en charge par Thomas Garnier/).waitFor();
  await author.page.screenshot({ path: screenshotPath('canaux-alerte.png') });
  await scan(author.page, '/canaux/:id#urgent');
  await author.context.close();
  await colleague.context.close();
});

test('a site channel message becomes a request, and each links to the other', async () => {
  const { page, context } = await signInAs(e2e, 'assistante@horizon.test', '/equipe');
  const lyon = channelId('Lyon — Siège');
  await page.goto(`/canaux/${lyon}`);
  const message = messageWith(page, 'La salle Rhône est-elle libre');
  await message.getByTestId('message-menu').click();
  await page.getByRole('menuitem', { name: 'Créer une demande' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const title = dialog.getByRole('textbox', { name: /Titre/ });
  assert.match(await title.inputValue(), /La salle Rhône est-elle libre jeudi après-midi/);
  await dialog.getByRole('combobox', { name: 'Service', exact: true }).click();
  await page.getByRole('option', { name: 'Réservation de salle' }).click();
  await scan(page, '/canaux/:id#demande');
  await dialog.getByRole('button', { name: 'Créer la demande' }).click();
  const badge = message.getByTestId('message-request');
  await badge.waitFor();
  const reference = ((await badge.textContent()) ?? '').trim();
  assert.match(reference, /^DEM-/);
  await badge.click();
  await page.waitForURL('**/demandes/*');
  await page.getByText(reference).first().waitFor();
  const back = page.getByRole('link', { name: 'Créée depuis un message de #Lyon — Siège' });
  await back.click();
  await page.waitForURL(`**/canaux/${lyon}?message=*`);
  await page.locator('[data-highlighted]').filter({ hasText: 'La salle Rhône' }).waitFor();
  await context.close();
});

test('typing @ suggests colleagues and inserts the handle', async () => {
  const { page, context } = await signInAs(e2e, 'assistante@horizon.test', '/equipe');
  await page.goto(`/canaux/${channelId('Point hebdo')}`);
  const box = page.getByTestId('composer').getByRole('textbox');
  await box.click();
  await box.pressSequentially('Merci @thom');
  const option = page.getByRole('option', { name: /Thomas Garnier/ });
  await option.waitFor();
  await scan(page, '/canaux/:id#mention');
  await box.press('Enter');
  assert.equal(await box.inputValue(), 'Merci @thomas.garnier ');
  await box.pressSequentially('pour le point');
  await box.press('Enter');
  const sent = messageWith(page, 'Merci @thomas.garnier pour le point');
  await sent.waitFor();
  await sent.getByText('@thomas.garnier', { exact: true }).last().waitFor();
  await context.close();
});

test('a mention in a thread reply: its notification opens the channel with that thread', async () => {
  const weekly = channelId('Point hebdo');
  const api = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  type Listing = { items: { id: string; body: string }[] };
  const roots = (await api<Listing>('GET', `/api/channels/${weekly}/messages`)).body.items;
  const root = roots.find((m) => m.body.startsWith('Ordre du jour'));
  assert.ok(root);
  const reply = 'Pour @thomas.garnier : le point fournitures est prêt';
  assert.equal((await api('POST', `/api/channels/${weekly}/messages`, { body: reply, threadRootId: root.id })).status, 201);
  const thomas = await apiAs(e2e.baseUrl, 'thomas.garnier@horizon.test');
  const notes = (await thomas<{ items: { type: string; url: string }[] }>('GET', '/api/notifications?limit=5')).body.items;
  const url = notes.find((n) => n.type === 'mention' && n.url.includes(root.id))?.url ?? '';
  assert.equal(url, `/canaux/${weekly}?message=${root.id}&thread=1`);
  const { page, context } = await signInAs(e2e, 'thomas.garnier@horizon.test', '/equipe');
  await page.goto(url);
  await page.getByRole('dialog').getByText('le point fournitures est prêt').waitFor();
  await context.close();
});

test('the author edits, reads the history, meets a conflict, attaches a file and deletes', async () => {
  const { page, context } = await signInAs(e2e, 'assistante@horizon.test', '/equipe');
  const pool = channelId('Pôle assistantes');
  await page.goto(`/canaux/${pool}`);
  await post(page, 'Commande de ramettes à valider');
  const message = messageWith(page, 'Commande de ramettes');
  const menu = async (item: string) => {
    await message.getByTestId('message-menu').click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  await menu('Modifier');
  const editor = message.getByRole('textbox', { name: 'Modifier le message' });
  await editor.fill('Commande de ramettes validée');
  await editor.press('Enter');
  await message.getByText('(modifié)').waitFor();
  await menu('Historique');
  const history = page.getByRole('dialog', { name: 'Historique du message' });
  await history.getByText('Commande de ramettes à valider').waitFor();
  await scan(page, '/canaux/:id#historique');
  await page.keyboard.press('Escape');
  // Somebody else's change (here the same author through the API) lands while editing: 409, then reload.
  await menu('Modifier');
  const api = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const page1 = await api<{ items: { id: string; body: string; version: number }[] }>('GET', `/api/channels/${pool}/messages`);
  const mine = page1.body.items.find((m) => m.body === 'Commande de ramettes validée');
  assert.ok(mine);
  const other = await api('PATCH', `/api/messages/${mine.id}`, {
    body: 'Commande de ramettes validée par Nadia',
    version: mine.version,
  });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await editor.fill('Commande de ramettes annulée');
  await message.getByRole('button', { name: 'Enregistrer' }).click();
  await message.getByRole('alert').getByText('Ce message a changé entre-temps').waitFor();
  await message.getByRole('button', { name: 'Recharger' }).click();
  assert.equal(await editor.inputValue(), 'Commande de ramettes validée par Nadia');
  await message.getByRole('button', { name: 'Annuler' }).click();
  // A file goes with the next message.
  await page
    .getByTestId('composer')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'bon-de-commande.txt', mimeType: 'text/plain', buffer: Buffer.from('Ramettes A4 x 20') });
  await page.getByTestId('composer').getByText('bon-de-commande.txt').waitFor();
  await post(page, 'Le bon de commande est joint');
  await messageWith(page, 'Le bon de commande est joint').getByRole('link', { name: 'bon-de-commande.txt' }).waitFor();
  await menu('Supprimer');
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await page.getByTestId('message-log').getByText('Message supprimé').waitFor();
  await context.close();
});

test('an assistant creates a private channel, adds a member, renames it; a requester joins a public one', async () => {
  const creator = await signInAs(e2e, 'thomas.garnier@horizon.test', '/equipe');
  const { page } = creator;
  await page.goto('/canaux');
  await page.getByRole('button', { name: 'Nouveau canal' }).click();
  const create = page.getByRole('dialog', { name: 'Nouveau canal' });
  await create.getByRole('textbox', { name: 'Nom' }).fill('Inventaire Lille');
  await create.getByRole('checkbox', { name: 'Privé (sur invitation seulement)' }).check();
  await scan(page, '/canaux#nouveau');
  await create.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: '# Inventaire Lille' }).waitFor();
  await page.getByRole('button', { name: 'Membres' }).click();
  const drawer = page.getByRole('dialog', { name: 'Membres du canal' });
  await drawer.getByRole('combobox', { name: 'Personne' }).fill('Kévin');
  await page.getByRole('option', { name: /Kévin Dumont/ }).click();
  await drawer.getByRole('button', { name: 'Ajouter' }).click();
  await drawer.getByTestId('channel-members').getByText('Kévin Dumont').waitFor();
  await scan(page, '/canaux/:id#membres');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Réglages du canal' }).click();
  const settings = page.getByRole('dialog', { name: 'Réglages du canal' });
  await settings.getByRole('textbox', { name: 'Nom' }).fill('Inventaire annuel Lille');
  await settings.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('heading', { level: 1, name: '# Inventaire annuel Lille' }).waitFor();
  await creator.context.close();
  const requester = await signInAs(e2e, 'demandeur@horizon.test', '/accueil');
  await requester.page.goto('/canaux');
  await requester.page.getByRole('button', { name: /Parcourir/ }).click();
  await requester.page.getByRole('button', { name: 'Rejoindre Point hebdo' }).click();
  await requester.page.getByTestId('channel-link').filter({ hasText: 'Point hebdo' }).waitFor();
  await requester.context.close();
});

/** No element wider than the phone's screen. */
async function assertFits(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what} scrolls sideways by ${overflow}px on a phone`);
}

test('on a phone the list and a channel fit; hostile text shows as text and runs nothing', async () => {
  const api = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const weekly = channelId('Point hebdo');
  for (const line of XSS_CORPUS) {
    const sent = await api('POST', `/api/channels/${weekly}/messages`, { body: line });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
  }
  const { page, context } = await signInAs(e2e, 'lea.moreau@horizon.test', '/equipe', PHONE);
  const incidents = watchForExecution(page);
  await page.goto('/canaux');
  await page.getByRole('heading', { level: 1, name: 'Canaux' }).waitFor();
  await page.getByTestId('channel-link').first().waitFor();
  await assertFits(page, '/canaux');
  await page.screenshot({ path: screenshotPath('canaux-telephone-liste.png') });
  await scan(page);
  // Search: the matched word is marked (text, not HTML) and the result opens the channel on the message.
  await page.getByRole('searchbox', { name: 'Rechercher dans les messages' }).fill('plombier');
  const hit = page.getByTestId('channel-search-results').getByRole('link').first();
  await hit.locator('mark', { hasText: 'plombier' }).waitFor();
  await scan(page, '/canaux#recherche');
  await hit.click();
  await page.getByRole('heading', { level: 1, name: '# Urgences' }).waitFor();
  await page.locator('[data-highlighted]').filter({ hasText: 'besoin d’un plombier' }).waitFor();
  await page.getByRole('link', { name: 'Tous les canaux' }).click();
  await page.getByRole('searchbox', { name: 'Rechercher dans les messages' }).fill('');
  await page.getByTestId('channel-link').filter({ hasText: 'Point hebdo' }).click();
  await page.getByRole('heading', { level: 1, name: '# Point hebdo' }).waitFor();
  const log = page.getByTestId('message-log');
  await messageWith(page, '<iframe').waitFor();
  await assertFits(page, '/canaux/:id');
  await page.screenshot({ path: screenshotPath('canaux-telephone.png') });
  await scan(page, '/canaux/:id');
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not the DOM
  const shown = (await log.innerText()).replace(/\s+/g, ' ');
  for (const line of XSS_CORPUS)
    for (const word of line.match(/[\p{L}\p{N}]+/gu) ?? []) assert.ok(shown.includes(word), `« ${word} » (${line}) absent`);
  const bodies = log.locator('[data-testid="message-body"]');
  assert.equal(await bodies.locator('script, iframe, svg, img, [onerror], [onload], a[href^="javascript" i]').count(), 0);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('axe: no serious or critical violation', () => {
  assert.deepEqual(violations, []);
});
