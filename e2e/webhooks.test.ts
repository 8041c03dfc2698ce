/**
 * Webhooks end to end, in real Chromium against the real server (embedded SQLite, demo data, 127.0.0.1
 * allowed by WEBHOOK_ALLOWED_HOSTS): the key user is refused a private address, creates a subscription to
 * a receiver on loopback, copies the secret shown once, sends a ping that the receiver verifies, and reads
 * it as delivered in the log. axe-core finds no serious or critical violation (desktop and phone).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { axeScanner, type E2E, loginAs, startE2E } from './harness.ts';

let e2e: E2E;
let receiver: http.Server;
let base = '';
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const { scan, violations } = axeScanner();

before(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
  receiver.closeAllConnections();
  receiver.close();
});

test('the key user creates a webhook, copies its secret once, pings it and reads the log', async () => {
  const { page, context } = await e2e.newPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  await page.getByRole('link', { name: 'Webhooks' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  await page.getByText('Vérifier la signature').waitFor();
  await scan(page);

  await page.getByRole('button', { name: 'Nouveau webhook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Adresse de destination (URL)').fill('https://10.0.0.1/relais');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await dialog
    .getByText(/réseau privé/)
    .first()
    .waitFor();
  await scan(page, 'webhook-form');
  await dialog.getByLabel('Adresse de destination (URL)').fill(`${base}/relais`);
  await dialog.getByLabel('Description').fill('ERP du siège');
  await dialog.getByLabel('Demande annulée').check();
  await dialog.getByRole('button', { name: 'Créer' }).click();

  const secretBox = page.getByTestId('webhook-secret');
  await secretBox.waitFor();
  const secret = (await secretBox.textContent())?.trim() ?? '';
  assert.match(secret, /^whsec_/);
  await scan(page, 'webhook-secret');
  await page.getByRole('button', { name: 'Copier' }).click();
  await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
  await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
  assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');

  await page.getByRole('button', { name: `Envoyer un «\u00a0ping\u00a0» ${base}/relais` }).click();
  await page.getByRole('heading', { name: /Journal des envois/ }).waitFor();
  for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  const hit = received[0];
  assert.ok(hit, 'the receiver got the ping');
  const ts = String(hit.headers['x-relais-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${hit.body}`).digest('hex')}`;
  assert.equal(hit.headers['x-relais-signature'], expected);
  assert.equal(JSON.parse(hit.body).type, 'ping');
  await page.reload();
  await page.getByRole('button', { name: `Journal ${base}/relais` }).click();
  await page.getByText('Remis').first().waitFor();
  await scan(page, 'webhook-log');
  await context.close();
});

test('the page works on a phone and stays accessible', async () => {
  const { page, context } = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(page, 'referent@horizon.test');
  await page.waitForURL('**/admin');
  await page.goto('/admin/webhooks');
  await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  await scan(page);
  await context.close();
  assert.deepEqual(violations, []);
});
