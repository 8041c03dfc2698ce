/**
 * Satisfaction end to end, in real Chromium against the real server (embedded SQLite, demo data): a
 * requester files a request with a file, an assistant resolves it with a public reply, the resolution
 * e-mail lands in the server's outbox (DATA_DIR/outbox/*.eml); its link, opened without being signed in,
 * shows the confirmation page — the GET alone records nothing — and the confirmed rating is thanked.
 * The coordinator's report shows it. axe-core finds no serious or critical violation.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiAs, axeScanner, type E2E, screenshotPath, startE2E, signInAs } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const TITLE = 'Recommandé pour le bailleur de l’agence';
let requestId = '';
let reference = '';
let link = '';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const signIn = (email: string, home: string) => signInAs(e2e, email, home);

/** The text body of an .eml written by nodemailer (quoted-printable or base64, one part). */
function mailText(eml: string): string {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Waits for the resolution mail of the request in the e2e server's outbox. */
async function resolutionMail(): Promise<string> {
  const dir = path.join(e2e.dataDir, 'outbox');
  for (let i = 0; i < 100; i++) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
      const text = mailText(readFileSync(path.join(dir, name), 'utf8'));
      if (text.includes(reference) && text.includes('/satisfaction/')) return text;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`pas de courrier pour ${reference} dans ${dir}`);
}

test('a requester files a request with a file', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.goto('/mes-demandes/nouvelle');
  await page.getByLabel('Chercher un service').fill('recommande');
  await page.getByTestId('service-choice').filter({ hasText: 'Courrier recommandé' }).click();
  await page.getByLabel('Objet de la demande').fill(TITLE);
  await page.getByLabel('Destinataire').fill('SCI Les Tilleuls');
  await page.getByLabel('Adresse').fill('12 rue des Tilleuls\n69003 Lyon');
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await page
    .getByTestId('file-drop')
    .locator('input[type=file]')
    .setInputFiles({ name: 'lettre-bailleur.pdf', mimeType: 'application/pdf', buffer: pdf });
  const created = page.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const response = await created;
  assert.equal(response.status(), 201);
  ({ id: requestId, reference } = (await response.json()) as { id: string; reference: string });
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('lettre-bailleur.pdf').first().waitFor();
  await context.close();
});

test('an assistant resolves it with a public reply, and the resolution mail is in the outbox', async () => {
  assert.ok(requestId, 'the previous test created the request');
  const { page, context } = await signIn('assistante@horizon.test', '/equipe');
  await page.goto(`/demandes/${requestId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page
    .getByRole('textbox', { name: 'Réponse au demandeur', exact: true })
    .fill('Le recommandé est parti ce matin, accusé de réception joint dès son retour.');
  await page.getByRole('combobox', { name: 'Puis passer à' }).click();
  await page.getByRole('option', { name: 'Résolue' }).click();
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await page.getByText('Réponse envoyée.').waitFor();
  await context.close();
  const text = await resolutionMail();
  assert.match(text, /Le recommandé est parti ce matin/);
  const found = text.match(/https?:\/\/\S+\/satisfaction\/[A-Za-z0-9_-]{43}/);
  assert.ok(found, text);
  link = found[0];
  assert.ok(text.includes(`${link}?note=4`));
});

test('the link opens without login, the GET records nothing, the confirmation is thanked', async () => {
  assert.ok(link, 'the previous test found the link');
  const { page, context } = await e2e.newPage();
  await page.goto(`${new URL(link).pathname}?note=4`);
  await page.getByRole('heading', { level: 1, name: 'Votre avis sur notre réponse' }).waitFor();
  await page.getByText(`${reference} — ${TITLE}`).waitFor();
  assert.equal(await page.getByRole('radio', { name: '4/5 — Satisfait' }).isChecked(), true, '?note=4 preselects');
  await scan(page, '/satisfaction/:token');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the survey page scrolls sideways by ${overflow}px on a phone`);
  await page.screenshot({ path: screenshotPath('satisfaction-lien.png'), fullPage: true });
  await scan(page, '/satisfaction/:token');
  await page.setViewportSize({ width: 1280, height: 800 });
  const coordinator = await apiAs(e2e.baseUrl, 'referent@horizon.test');
  const before = await coordinator<{ survey: { score: number | null } }>('GET', `/api/requests/${requestId}/satisfaction`);
  assert.equal(before.status, 200);
  assert.equal(before.body.survey.score, null, 'opening the link recorded nothing');
  await page.getByLabel('Commentaire (facultatif)').fill('Réponse rapide et claire.');
  await page.getByRole('button', { name: 'Confirmer ma note' }).click();
  await page.getByTestId('csat-thanks').getByText('Merci pour votre avis\u00a0!').waitFor();
  await scan(page, '/satisfaction/:token#merci');
  const rated = await coordinator<{ survey: { score: number; comment: string } }>(
    'GET',
    `/api/requests/${requestId}/satisfaction`,
  );
  assert.deepEqual([rated.body.survey.score, rated.body.survey.comment], [4, 'Réponse rapide et claire.']);
  await page.goto('/satisfaction/inconnu-inconnu-inconnu-inconnu-inconnu-xx');
  await page.getByText('Ce lien d’enquête est inconnu').waitFor();
  await scan(page, '/satisfaction/:unknown');
  await context.close();
});

test('in the app, the requester sees the rating on the request and changes it', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.goto(`/mes-demandes/${requestId}`);
  const card = page.getByTestId('csat-card');
  await card.getByText('Votre note\u00a0: 4/5').waitFor();
  await card.getByRole('button', { name: 'Modifier ma note' }).click();
  await card.getByRole('radio', { name: '5/5 — Très satisfait' }).check();
  await card.getByRole('button', { name: 'Confirmer ma note' }).click();
  await card.getByText('Votre note\u00a0: 5/5').waitFor();
  await page.getByTestId('timeline').getByText('Note de satisfaction\u00a0: 5/5').waitFor();
  assert.equal(
    await page.getByTestId('timeline').getByText('Réponse rapide et claire.').count(),
    0,
    'the comment stays off the timeline',
  );
  await scan(page, '/mes-demandes/:id#satisfaction');
  await context.close();
});

test('the coordination reads the figures and the comment', async () => {
  const { page, context } = await signIn('referent@horizon.test', '/admin');
  await page.getByRole('link', { name: 'Satisfaction' }).click();
  await page.getByRole('heading', { level: 1, name: 'Satisfaction' }).waitFor();
  await page.getByTestId('csat-comments').getByText('Réponse rapide et claire.').waitFor();
  await page.getByTestId('csat-groups').waitFor();
  await scan(page);
  await page.getByRole('combobox', { name: 'Regrouper par' }).click();
  await page.getByRole('option', { name: 'Assistante / assistant' }).click();
  await page.getByTestId('csat-groups').getByText('Sophie Bernard').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath('satisfaction.png'), fullPage: true });
  await page.goto(`/demandes/${requestId}`);
  await page.getByTestId('csat-staff-card').getByText('Réponse rapide et claire.').waitFor();
  await context.close();
});

test('no serious or critical accessibility violation on the satisfaction pages', () => {
  assert.deepEqual(violations, []);
});
