/**
 * Work organisation end to end, in real Chromium against the real server (embedded SQLite, demo data):
 * the coordinator reads the planning (the demo « Tournée courrier » falls on Mondays) and creates a weekly
 * recurring schedule; the key user sets the pool's assignment rule, gives an assistant a skill and an
 * absence, and writes a canned response with a variable. axe-core finds no serious or critical violation
 * on any page or dialog visited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeScanner, type E2E, loginAs, screenshotPath, startE2E } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

/** Picks an option of a Mantine Select by the select's accessible name. */
async function choose(page: Page, label: string, option: string, exact = true) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact }).click();
}

const TALL = { width: 1280, height: 1400 };

/** Signs in; the coordinator also serves Atelier Bellevue, so she switches to Groupe Horizon first. */
async function signIn(email: string, home: string, viewport?: { width: number; height: number }) {
  const { page, context } = await e2e.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`[${email}] ${error.message}`));
  await loginAs(page, email);
  await page.waitForURL(`**${home}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (email === 'coordinatrice@horizon.test') {
    const org = page.getByRole('combobox', { name: 'Organisation courante' });
    await org.waitFor();
    if ((await org.inputValue()) !== 'Groupe Horizon') {
      await choose(page, 'Organisation courante', 'Groupe Horizon');
      await page.getByText('Vous travaillez maintenant pour Groupe Horizon.').waitFor();
    }
  }
  return { page, context };
}

/** A screenshot from the top of the page, once the toasts are gone. */
async function shoot(page: Page, name: string) {
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name) });
}

/** A day `days` from now, as typed in the French date field (JJ/MM/AAAA), and its day of the month. */
function dayFromNow(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { typed: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`, day: d.getDate() };
}

test('the coordinator sees the demo « Tournée courrier » on Mondays in the planning', async () => {
  const { page, context } = await signIn('coordinatrice@horizon.test', '/equipe', TALL);
  await page.getByRole('link', { name: 'Planning', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();
  const round = page.getByTestId('planning-recurring').filter({ hasText: 'Tournée courrier' });
  await round.first().waitFor();
  // Every occurrence sits in a Monday column (weekday 0) unless a closed day moved it.
  const cells = await page
    .locator('td[data-weekday]')
    .filter({ has: round })
    .evaluateAll((tds) =>
      tds.map((td) => ({ weekday: td.getAttribute('data-weekday'), moved: /déplacé/.test(td.textContent ?? '') })),
    );
  assert.ok(cells.length >= 3, `au moins trois tournées sur quatre semaines (trouvées : ${cells.length})`);
  assert.ok(
    cells.every((c) => c.weekday === '0' || c.moved),
    'chaque tournée tombe un lundi',
  );
  const header = page.locator('th[data-date]').first();
  assert.match((await header.textContent()) ?? '', /^lundi \d{1,2} \p{L}+/u, 'les jours sont écrits en français');
  await scan(page);
  await shoot(page, 'planning.png');
  await page.getByRole('button', { name: '4 semaines suivantes' }).click();
  await page.getByRole('button', { name: 'Aujourd’hui' }).waitFor();
  await context.close();
});

test('the coordinator creates « Relevé des compteurs » every Wednesday at 10:00 in Lille', async () => {
  const { page, context } = await signIn('coordinatrice@horizon.test', '/equipe', TALL);
  await page.getByRole('link', { name: 'Travail récurrent' }).click();
  await page.getByRole('heading', { level: 1, name: 'Travail récurrent' }).waitFor();
  await page.getByTestId('schedule-card').filter({ hasText: 'Tournée courrier' }).waitFor();
  await scan(page);
  await page.getByRole('button', { name: 'Nouveau travail récurrent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau travail récurrent' });
  await dialog.getByLabel(/^Nom\b/).fill('Relevé des compteurs');
  await choose(page, 'Service', 'Intervention de maintenance');
  await choose(page, 'Site', 'Lille — Entrepôt');
  await dialog.getByLabel('Titre des demandes').fill('Relevé des compteurs du {date}');
  await dialog.getByRole('checkbox', { name: 'lundi' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'mercredi' }).check();
  await dialog.getByLabel('Heure (heure du site) (heures)').fill('10');
  await dialog.getByTestId('rule-summary').getByText('Chaque mercredi à 10:00 (heure de Lille)', { exact: false }).waitFor();
  await scan(page, '/travail-recurrent#nouveau');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/recurring-schedules') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  assert.equal((await created).status(), 201);
  const card = page.getByTestId('schedule-card').filter({ hasText: 'Relevé des compteurs' });
  await card.getByTestId('rule-text').getByText('Chaque mercredi à 10:00 (heure de Lille)', { exact: false }).waitFor();
  const next = card.getByTestId('next-occurrences').getByRole('listitem');
  assert.equal(await next.count(), 3, 'les trois prochaines échéances');
  for (const text of await next.allTextContents()) assert.match(text, /à 10:00 — Relevé des compteurs du \d/);
  assert.ok(
    (await next.allTextContents()).some((text) => text.startsWith('mercredi')),
    'au moins un mercredi',
  );
  await shoot(page, 'recurring.png');
  await context.close();
});

test('the key user sets the pool to « La moins chargée » and marks an assistant skilled and away', async () => {
  const { page, context } = await signIn('referent@horizon.test', '/admin');
  await page.goto('/admin/equipes');
  await page.getByRole('button', { name: 'Modifier Pôle assistantes Horizon' }).click();
  const team = page.getByRole('dialog', { name: 'Modifier l’équipe' });
  await choose(page, 'Attribution des nouvelles demandes', 'La moins chargée', false);
  await team.getByText('le moins de travail en cours', { exact: false }).waitFor();
  await scan(page, '/admin/equipes#modifier');
  await team.getByRole('button', { name: 'Enregistrer' }).click();
  await team.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: 'Pôle assistantes Horizon' });
  await row.getByTestId('assignment-rule').filter({ hasText: 'La moins chargée' }).waitFor();
  await scan(page);

  await page.goto('/admin/utilisateurs');
  await page.getByRole('button', { name: 'Modifier Thomas Garnier' }).click();
  const user = page.getByRole('dialog', { name: 'Modifier l’utilisateur' });
  await user.getByLabel('Compétences').fill('paie');
  await user.getByLabel('Compétences').press('Enter');
  const back = dayFromNow(10);
  await user.getByLabel('Absent jusqu’au').fill(back.typed);
  await user.getByLabel('Absent jusqu’au').press('Tab');
  await scan(page, '/admin/utilisateurs#modifier');
  const saved = page.waitForResponse((r) => r.url().includes('/api/users/') && r.request().method() === 'PATCH');
  await user.getByRole('button', { name: 'Enregistrer' }).click();
  const body = (await (await saved).json()) as { skills: string[]; unavailableUntil: string };
  assert.ok(body.skills.includes('paie'));
  assert.match(body.unavailableUntil, /T22:59:00|T23:59:00/, 'fin de journée, heure de Lille');
  const member = page.getByRole('row').filter({ hasText: 'Thomas Garnier' });
  await member.getByText('Compétences\u00a0: comptabilite, paie').waitFor();
  await member
    .getByTestId('absence-badge')
    .filter({ hasText: `Absent jusqu’au ${back.day} ` })
    .waitFor();
  await scan(page);
  await context.close();
});

test('the key user writes a canned response with {{prenom}} and sees it filled in the preview', async () => {
  const { page, context } = await signIn('referent@horizon.test', '/admin');
  await page.getByRole('link', { name: 'Réponses types' }).click();
  await page.getByRole('heading', { level: 1, name: 'Réponses types' }).waitFor();
  await scan(page);
  await page.getByRole('button', { name: 'Nouvelle réponse type' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réponse type' });
  await dialog.getByLabel(/^Titre\b/).fill('Demande bien enregistrée');
  await choose(page, 'Équipe', 'Pôle assistantes Horizon');
  const text = dialog.getByLabel('Texte de la réponse');
  await text.fill('Bonjour , votre demande est bien enregistrée.');
  await text.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(8, 8));
  await dialog.getByRole('button', { name: /Insérer la variable \{\{prenom\}\}/ }).click();
  assert.equal(await text.inputValue(), 'Bonjour {{prenom}}, votre demande est bien enregistrée.');
  await dialog.getByTestId('canned-preview').getByText('Bonjour Julien, votre demande est bien enregistrée.').waitFor();
  await scan(page, '/reponses-types#nouvelle');
  await page.screenshot({ path: screenshotPath('canned.png') });
  const created = page.waitForResponse((r) => r.url().endsWith('/api/canned-responses') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  assert.equal((await created).status(), 201);
  await page
    .getByTestId('canned-card')
    .filter({ hasText: 'Demande bien enregistrée' })
    .getByText('{{prenom}}', { exact: false })
    .waitFor();
  await context.close();
});

test('an assistant reads the recurring work and the canned responses without editing them', async () => {
  const { page, context } = await signIn('assistante@horizon.test', '/equipe');
  await page.getByRole('link', { name: 'Travail récurrent' }).click();
  await page.getByTestId('schedule-card').filter({ hasText: 'Tournée courrier' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nouveau travail récurrent' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Modifier / }).count(), 0);
  await scan(page, '/travail-recurrent?assistante');
  await page.getByRole('link', { name: 'Réponses types' }).click();
  await page.getByTestId('canned-card').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nouvelle réponse type' }).count(), 0);
  await scan(page, '/reponses-types?assistante');
  await context.close();
});

test('no serious or critical accessibility violation on the pages visited', () => {
  assert.deepEqual(violations, []);
});
