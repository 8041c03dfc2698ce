/**
 * Inbound e-mail administration in real Chromium (demo data): the référent sees the demo's receiving
 * addresses, changes the unknown-sender policy with the keyboard-accessible radios, adds an address, adds an
 * IMAP mailbox (a real IMAP server on loopback) and tests it, and the page passes axe on desktop and phone widths.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestImap } from '../server/test/imap-server.ts';
import { axeScanner, type E2E, loginAs, startE2E } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

test('the référent manages inbound addresses and the unknown-sender policy', async () => {
  const { page, context } = await e2e.newPage();
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  await page.goto('/admin/courrier');
  const main = page.getByTestId('mail-page');
  await main.getByText('rh@horizon.test').waitFor();
  await main.getByText('demandes@horizon.test').waitFor();
  await main.getByText('Aucun courriel en quarantaine.').waitFor();
  await scan(page);
  await page.getByRole('radio', { name: 'Refuser le courriel' }).check();
  await page.waitForLoadState('networkidle');
  await page.reload();
  assert.equal(await page.getByRole('radio', { name: 'Refuser le courriel' }).isChecked(), true);
  await page.getByRole('textbox', { name: 'Adresse' }).fill('compta@horizon.test');
  await page.getByRole('combobox', { name: 'Service des nouvelles demandes' }).click();
  await page.getByRole('option', { name: 'Note de frais' }).click();
  await page.getByRole('button', { name: 'Ajouter l’adresse' }).click();
  await main.getByRole('cell', { name: 'compta@horizon.test', exact: true }).waitFor();
  await context.close();
});

test('the référent adds an IMAP mailbox, tests the connection, disables it', async () => {
  const imap = await startTestImap();
  const { page, context } = await e2e.newPage();
  try {
    await loginAs(page, 'referent@horizon.test');
    await page.waitForURL('**/admin');
    await page.goto('/admin/courrier');
    const main = page.getByTestId('mail-page');
    await main.getByText('Aucune boîte IMAP.').waitFor();
    await page.getByRole('button', { name: 'Ajouter une boîte' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Serveur' }).fill('127.0.0.1');
    await form.getByRole('switch', { name: 'Connexion chiffrée TLS (port 993)' }).uncheck({ force: true });
    await form.getByRole('textbox', { name: 'Port' }).fill(String(imap.port));
    await form.getByRole('textbox', { name: 'Identifiant' }).fill(imap.user);
    await form.getByLabel('Mot de passe').fill(imap.password);
    await form.getByRole('combobox', { name: 'Adresse alimentée' }).click();
    await page.getByRole('option', { name: 'demandes@horizon.test' }).click();
    await scan(page);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await main.getByText(`${imap.user} — 127.0.0.1:${imap.port}`).waitFor();
    await main.getByText('Jamais').waitFor();
    await page.getByRole('button', { name: `Tester la connexion — ${imap.user}@127.0.0.1` }).click();
    await page.getByText('Connexion réussie\u00a0: 0\u00a0message(s), dont 0\u00a0non lu(s).').waitFor();
    await page.getByRole('button', { name: `Désactiver ${imap.user}@127.0.0.1` }).click();
    await main.getByText('Désactivée').waitFor();
    await scan(page);
  } finally {
    await context.close();
    await imap.close();
  }
});

test('the page works at phone width', async () => {
  const { page, context } = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  await page.goto('/admin/courrier');
  await page.getByTestId('mail-page').getByText('rh@horizon.test').waitFor();
  await scan(page);
  await context.close();
});

test('no serious or critical accessibility violation on the inbound e-mail page', () => {
  assert.deepEqual(violations, []);
});
