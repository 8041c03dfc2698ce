/**
 * Notifications end to end, in real Chromium against the real server (embedded SQLite, demo data): the
 * requester's bell count rises live when the assistant replies, the drawer opens the request; the
 * profile's « Notifications » section saves preferences; the operator's outbox lists the reply mail.
 * axe-core finds no serious or critical violation; the pages fit a phone.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, axeScanner, type E2E, startE2E, signInAs } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const TITLE = 'Devis pour six lampes de bureau';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const signIn = (email: string, home: string) => signInAs(e2e, email, home);

test('the requester sees the bell count rise live when the assistant replies, and opens the request', async () => {
  const requester = await apiAs(e2e.baseUrl, 'demandeur@horizon.test');
  const services = await requester<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  const serviceId = services.body.items.find((s) => s.name === 'Demande de devis')?.id;
  const created = await requester<{ id: string }>('POST', '/api/requests', {
    serviceId,
    title: TITLE,
    answers: { besoin: 'Six lampes LED' },
  });
  assert.equal(created.status, 201);
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  const bell = page.getByTestId('notification-bell');
  await bell.waitFor();
  await page.waitForLoadState('networkidle');
  const before = Number(await bell.getAttribute('data-unread'));
  const assistant = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const reply = await assistant('POST', `/api/requests/${created.body.id}/comments`, { body: 'Trois devis demandés.' });
  assert.equal(reply.status, 201);
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === String(n),
    before + 1,
  );
  await bell.click();
  const drawer = page.getByRole('dialog', { name: 'Notifications' });
  await drawer.getByText(`Nouvelle réponse sur la demande`).first().waitFor();
  await scan(page, '/accueil#notifications');
  await drawer
    .getByRole('button', { name: new RegExp(TITLE) })
    .first()
    .click();
  await page.waitForURL(`**/mes-demandes/${created.body.id}`);
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === String(n),
    before,
  );
  await page.goto('/notifications');
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await scan(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > window.innerWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  assert.ok(overflow <= 1, `/notifications scrolls sideways by ${overflow}px on a phone: ${wide.join(' | ')}`);
  await scan(page);
  await context.close();
});

test('the profile saves notification preferences', async () => {
  const { page, context } = await signIn('assistante@horizon.test', '/equipe');
  await page.goto('/profil#notifications');
  const section = page.getByTestId('profile-notifications');
  await section.getByRole('heading', { name: 'Notifications' }).waitFor();
  await section.getByLabel('E-mail pour «\u00a0Échéance proche\u00a0»').click();
  await page.getByRole('option', { name: 'Résumé quotidien' }).click();
  await section.getByRole('checkbox', { name: 'Heures calmes' }).check();
  await section.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await page.getByText('Préférences de notification enregistrées.').waitFor();
  await scan(page, '/profil#notifications');
  const api = await apiAs(e2e.baseUrl, 'assistante@horizon.test');
  const saved = await api<{ types: Record<string, string>; quietHours: { start: string; end: string } | null }>(
    'GET',
    '/api/me/notification-settings',
  );
  assert.equal(saved.body.types.sla_at_risk, 'digest');
  assert.deepEqual(saved.body.quietHours, { start: '20:00', end: '07:30' });
  await context.close();
});

test('the operator reads the outbox', async () => {
  const { page, context } = await signIn('operateur@relais.test', '/plateforme');
  await page.goto('/plateforme/boite-d-envoi');
  await page.getByRole('heading', { level: 1, name: 'Boîte d’envoi' }).waitFor();
  await page
    .getByRole('link', { name: new RegExp(TITLE) })
    .first()
    .waitFor();
  await scan(page);
  await context.close();
});

test('axe: no serious or critical violation', () => {
  assert.deepEqual(violations, []);
});
