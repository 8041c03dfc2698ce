/**
 * Requests end to end, in real Chromium against the real server (embedded SQLite, demo data): a requester
 * files a request from the catalogue form, an assistant finds it in « Non attribuées », assigns it to herself
 * with `a`, replies with a canned response and resolves it, the requester reads the reply; presence and live
 * updates between two staff members; the requester pages on a phone. axe-core finds no serious or critical
 * violation on any page visited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeScanner, type E2E, screenshotPath, startE2E, signInAs } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const TITLE = 'Courrier du service achats à numériser';
let requestPath = '';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const signIn = (email: string, home: string, viewport?: { width: number; height: number }) =>
  signInAs(e2e, email, home, viewport);

test('a requester creates a request from the catalogue form', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.getByRole('link', { name: 'Mes demandes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
  await scan(page);
  await page.getByRole('link', { name: 'Nouvelle demande' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nouvelle demande' }).waitFor();
  await scan(page);
  await page.getByLabel('Chercher un service').fill('numerisation');
  await page.getByTestId('service-choice').filter({ hasText: 'Numérisation du courrier entrant' }).click();
  await page.getByRole('heading', { level: 1, name: 'Numérisation du courrier entrant' }).waitFor();
  await scan(page, '/mes-demandes/nouvelle?service');
  await page.getByLabel('Objet de la demande').fill(TITLE);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByText('Ce champ est obligatoire.').first().waitFor();
  await page.getByRole('combobox', { name: 'Site', exact: true }).click();
  await page.getByRole('option', { name: 'Lyon — Siège' }).click();
  await page.getByLabel('Remarques').fill('Trois plis recommandés arrivés ce matin.');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const response = await created;
  assert.equal(response.status(), 201);
  assert.ok(response.request().headers()['idempotency-key'], 'the creation carries an Idempotency-Key');
  await page.waitForURL((u) => /^\/mes-demandes\/(?!nouvelle)[^/]+$/.test(u.pathname));
  requestPath = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('Trois plis recommandés arrivés ce matin.').waitFor();
  await scan(page, '/mes-demandes/:id');
  await page.goto('/mes-demandes');
  await page.getByTestId('my-request').filter({ hasText: TITLE }).waitFor();
  await page.screenshot({ path: screenshotPath('my-requests.png') });
  await context.close();
});

test('an assistant takes it from « Non attribuées », assigns it with a, replies with a canned response and resolves', async () => {
  assert.ok(requestPath, 'the previous test created the request');
  const { page, context } = await signIn('assistante@horizon.test', '/equipe');
  await page.getByRole('link', { name: 'Demandes', exact: true }).click();
  await page.getByTestId('request-table').or(page.getByText('Aucune demande ne correspond')).first().waitFor();
  await scan(page, '/demandes');
  await page.goto('/demandes?open=true');
  await page.getByRole('link', { name: TITLE }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath('workspace.png') });
  const queues = page.getByRole('navigation', { name: 'Files' });
  await queues.getByRole('link', { name: /Non attribuées/ }).click();
  await page.waitForURL('**/demandes?*vue=builtin%3Aunassigned*');
  // Only the new request is unassigned (the pool's rule assigns the others on arrival).
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="request-table"] tbody tr').length === 1);
  await page.getByRole('link', { name: TITLE }).waitFor();
  // Keyboard: ? lists the shortcuts, / goes to the search box, j selects the first row, Enter opens it.
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
  await scan(page, '/demandes?help');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.keyboard.press('/');
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'search');
  await page.getByRole('heading', { level: 1, name: 'Demandes' }).click();
  await page.keyboard.press('j');
  await page.waitForFunction((title) => document.activeElement?.textContent === title, TITLE);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/demandes/*');
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByTestId('assignee').getByText('Non attribuée').waitFor();
  // a: assign to me.
  await page.keyboard.press('a');
  await page.getByRole('dialog', { name: 'Attribuer la demande' }).getByRole('button', { name: 'M’attribuer' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByTestId('assignee').getByText('Sophie Bernard').waitFor();
  await page.getByTestId('timeline').getByText('Sophie Bernard a attribué la demande à Sophie Bernard.').waitFor();
  // r: reply, with the organisation's canned acknowledgement, then resolve with the same click.
  await page.keyboard.press('r');
  // The reply box takes the focus on the next animation frame.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  const canned = page.getByRole('button', { name: 'Réponses types' });
  if (await canned.isVisible()) {
    await canned.click();
    await page.getByRole('menuitem', { name: 'Accusé de réception' }).click();
    await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('Bonjour Julien'));
  } else {
    await page.getByLabel('Réponse au demandeur', { exact: true }).fill('Bonjour Julien, c’est numérisé.');
  }
  await page.getByRole('combobox', { name: 'Puis passer à' }).click();
  await page.getByRole('option', { name: 'Résolue' }).click();
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await page.getByText('Réponse envoyée.').waitFor();
  await page.getByTestId('page-request').getByText('Résolue', { exact: true }).first().waitFor();
  await page.getByTestId('timeline').locator('[data-kind="reply"]').first().waitFor();
  await scan(page, '/demandes/:id');
  await context.close();
});

test('the requester reads the reply and may reopen', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.goto(requestPath);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByTestId('timeline').getByText('Sophie Bernard', { exact: true }).waitFor();
  await page.getByTestId('plain-state').getByText('Résolue', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Rouvrir la demande' }).waitFor();
  assert.equal(await page.getByText('Note interne').count(), 0, 'no internal note reaches the requester');
  await context.close();
});

test('two staff members see each other on a request, and a note arrives live', async () => {
  const assistant = await signIn('assistante@horizon.test', '/equipe');
  const coordinator = await signIn('lea.moreau@horizon.test', '/equipe');
  const staffPath = requestPath.replace('/mes-demandes/', '/demandes/');
  await assistant.page.goto(staffPath);
  await assistant.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await coordinator.page.goto(staffPath);
  await coordinator.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await assistant.page.getByText('Léa Moreau consulte aussi cette demande').waitFor({ timeout: 20_000 });
  await coordinator.page.keyboard.press('n');
  await coordinator.page.keyboard.type('Pense à archiver les accusés de réception.');
  await assistant.page.getByText('Léa Moreau est en train de répondre').waitFor({ timeout: 20_000 });
  await coordinator.page.getByRole('button', { name: 'Ajouter la note' }).click();
  const note = assistant.page.getByTestId('timeline').locator('[data-kind="note"]');
  await note.getByText('Pense à archiver les accusés de réception.').waitFor({ timeout: 20_000 });
  await note.getByText('Note interne').waitFor();
  await assistant.page.getByText('Léa Moreau consulte aussi cette demande').waitFor({ timeout: 20_000 });
  await assistant.page.evaluate(() => window.scrollTo(0, 0));
  await assistant.page.screenshot({ path: screenshotPath('request.png'), fullPage: true });
  await assistant.context.close();
  await coordinator.context.close();
});

test('an assistant files a phone request on behalf of a requester (person, site, choice, date fields)', async () => {
  const { page, context } = await signIn('assistante@horizon.test', '/equipe');
  await page.goto('/demandes');
  await page.getByRole('link', { name: 'Nouvelle demande' }).click();
  await page.getByLabel('Chercher un service').fill('badge');
  await page.getByTestId('service-choice').filter({ hasText: 'Badge d’accès' }).click();
  await page.getByRole('combobox', { name: 'Demandeur' }).click();
  await page.getByRole('option', { name: /Julien Petit/ }).click();
  await page.getByLabel('Objet de la demande').fill('Badge pour le stagiaire de Julien');
  await page.getByRole('combobox', { name: 'Personne' }).click();
  await page.getByRole('option', { name: 'Lukas Meyer' }).click();
  await page.getByRole('combobox', { name: 'Site', exact: true }).click();
  await page.getByRole('option', { name: 'Lyon — Siège' }).click();
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Badge temporaire' }).click();
  await page.getByLabel('À partir du').fill('15/12/2026');
  await page.getByLabel('À partir du').press('Tab');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.waitForURL((u) => /^\/demandes\/[^/]+$/.test(u.pathname));
  await page.getByRole('heading', { level: 1, name: 'Badge pour le stagiaire de Julien' }).waitFor();
  const answers = page.getByTestId('form-answers');
  await answers.getByText('Lukas Meyer').waitFor();
  await answers.getByText('15/12/2026').waitFor();
  await answers.getByText('Badge temporaire').waitFor();
  await page.getByTestId('side-panel').getByText('Reçue par téléphone', { exact: false }).waitFor();
  await context.close();
});

test('an executive approves a request waiting for him from « Mes demandes »', async () => {
  const staff = await signIn('assistante@horizon.test', '/equipe');
  await staff.page.goto('/mes-demandes/nouvelle');
  await staff.page.getByTestId('service-choice').filter({ hasText: 'Départ d’un salarié' }).click();
  await staff.page.getByRole('combobox', { name: 'Demandeur' }).click();
  await staff.page.getByRole('option', { name: /Julien Petit/ }).click();
  await staff.page.getByLabel('Objet de la demande').fill('Départ de Lukas Meyer');
  await staff.page.getByRole('combobox', { name: 'Salarié' }).click();
  await staff.page.getByRole('option', { name: 'Lukas Meyer' }).click();
  await staff.page.getByLabel('Date de départ').fill('31/12/2026');
  await staff.page.getByLabel('Date de départ').press('Tab');
  await staff.page.getByRole('combobox', { name: 'Motif' }).click();
  await staff.page.getByRole('option', { name: 'Démission' }).click();
  await staff.page.getByRole('radio', { name: 'Oui' }).check();
  await staff.page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await staff.page.getByText(/Demande DEM-\d{4}-\d+ envoyée\./).waitFor();
  await staff.context.close();
  const { page, context } = await signIn('dirigeant@horizon.test', '/direction');
  await page.getByRole('link', { name: 'Mes demandes' }).click();
  await page.getByRole('tab', { name: /À approuver/ }).click();
  const card = page.getByTestId('my-request').filter({ hasText: 'Départ de Lukas Meyer' });
  await card.getByText('En attente de validation (Dirigeant) avant d’être traitée.').waitFor();
  await scan(page, '/mes-demandes (approver)');
  await card.getByRole('button', { name: /^Valider/ }).click();
  await page.getByText('Demande validée.').waitFor();
  await card.waitFor({ state: 'detached' });
  await context.close();
});

test('a requester sends an expense claim with its required receipt and picks a colleague from the directory', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.goto('/mes-demandes/nouvelle');
  await page.getByLabel('Chercher un service').fill('frais');
  await page.getByTestId('service-choice').filter({ hasText: 'Note de frais' }).click();
  await page.getByLabel('Objet de la demande').fill('Frais du salon de Lyon');
  await page.getByLabel('Mois concerné').fill('01/11/2026');
  await page.getByLabel('Mois concerné').press('Tab');
  await page.getByLabel('Montant total (€)').fill('86,40');
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await page
    .getByTestId('file-drop')
    .locator('input[type=file]')
    .setInputFiles({ name: 'ticket-salon.pdf', mimeType: 'application/pdf', buffer: pdf });
  const created = page.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  assert.equal((await created).status(), 201);
  await page.getByRole('heading', { level: 1, name: 'Frais du salon de Lyon' }).waitFor();
  await page.getByText('ticket-salon.pdf').first().waitFor();
  // A « person » field: requesters search the directory by name (they may not list members).
  await page.goto('/mes-demandes/nouvelle');
  await page.getByLabel('Chercher un service').fill('deplacement');
  await page.getByTestId('service-choice').filter({ hasText: 'Réservation de déplacement' }).click();
  await page.getByRole('combobox', { name: 'Voyageur' }).fill('lukas');
  await page.getByRole('option', { name: /Lukas Meyer/ }).click();
  await scan(page, '/mes-demandes/nouvelle?service=person');
  await context.close();
});

test('the requester pages fit a phone (390×844)', async () => {
  const phone = { width: 390, height: 844 };
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil', phone);
  for (const path of ['/mes-demandes', requestPath, '/mes-demandes/nouvelle']) {
    await page.goto(path);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px on a phone`);
    await scan(page, path === requestPath ? '/mes-demandes/:id' : path);
  }
  await context.close();
});

test('no serious or critical accessibility violation on the requests pages', () => {
  assert.deepEqual(violations, []);
});
