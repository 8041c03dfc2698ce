/**
 * The requester portal in real Chromium: on a phone, a requester starts a request, sees the knowledge
 * base suggest an article while typing the title, reads it and leaves without submitting — the deflection
 * figures (read through the API as the coordinator) count one more deflection. The home at phone and desk
 * sizes, a keyboard-only journey from the home to a filed request, the announcements screen; axe-core on
 * every portal page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { type ApiCall, apiAs, axeScanner, type E2E, screenshotPath, startE2E, signInAs } from './harness.ts';

let e2e: E2E;
const { scan, violations } = axeScanner();
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
const ARTICLE = /Comment obtenir une attestation employeur/;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const signIn = (email: string, home: string, viewport = DESK) => signInAs(e2e, email, home, viewport);

/** The coordinator works for two organisations: an API caller switched to Horizon. */
async function coordinator(): Promise<ApiCall> {
  const call = await apiAs(e2e.baseUrl, 'coordinatrice@horizon.test');
  const me = await call<{ memberships: { organizationId: string; organizationName: string }[] }>('GET', '/api/me');
  const horizon = me.body.memberships.find((m) => m.organizationName === 'Groupe Horizon');
  assert.ok(horizon, 'the coordinator belongs to Horizon');
  assert.equal((await call('POST', '/api/me/organization', { organizationId: horizon.organizationId })).status, 200);
  return call;
}

async function noSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${label} scrolls sideways by ${overflow}px`);
}

const deflectionPost = (kind: string) => (r: Response) =>
  r.url().endsWith('/api/portal/deflection') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(kind);

test('on a phone, a requester finds an article while typing and leaves: one more deflection', async () => {
  const coord = await coordinator();
  const before = (await coord<Record<string, number>>('GET', '/api/portal/deflection/stats')).body;
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil', PHONE);
  await page.getByRole('heading', { level: 1, name: 'Comment pouvons-nous vous aider' }).waitFor();
  await page.getByTestId('portal-service').first().waitFor();
  await noSidewaysScroll(page, '/accueil');
  await page.screenshot({ path: screenshotPath('portail-mobile.png'), fullPage: true });
  await scan(page);
  // The navigation is behind the burger on a phone.
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes demandes' }).waitFor();
  await page.getByRole('button', { name: 'Fermer le menu' }).click();
  await page.getByTestId('portal-service').filter({ hasText: 'Attestation employeur' }).click();
  await page.getByRole('heading', { level: 1, name: 'Attestation employeur' }).waitFor();
  const shown = page.waitForResponse(deflectionPost('suggestion_shown'));
  await page.getByLabel('Objet de la demande').fill('attestation employeur');
  const suggestions = page.getByTestId('suggestions');
  await suggestions.getByText('Ces articles répondent peut-être à votre question').waitFor();
  assert.equal((await shown).status(), 204);
  await noSidewaysScroll(page, 'the form with suggestions');
  await scan(page, '/mes-demandes/nouvelle?service (suggestions)');
  const opened = page.waitForResponse(deflectionPost('article_opened'));
  await suggestions.getByRole('link', { name: ARTICLE }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: 'J’ai ma réponse' }).waitFor();
  assert.equal((await opened).status(), 204);
  await scan(page, 'suggestion drawer');
  const abandoned = page.waitForResponse(deflectionPost('abandoned'));
  await drawer.getByRole('button', { name: 'J’ai ma réponse' }).click();
  await page.waitForURL('**/accueil');
  assert.equal((await abandoned).status(), 204);
  const after = (await coord<Record<string, number>>('GET', '/api/portal/deflection/stats')).body;
  assert.equal(after.deflected - before.deflected, 1, JSON.stringify({ before, after }));
  assert.equal(after.abandonedAfterArticle - before.abandonedAfterArticle, 1);
  assert.equal(after.withSuggestions - before.withSuggestions, 1);
  assert.equal(after.submittedAnyway - before.submittedAnyway, 0);
  await context.close();
});

test('the portal home on a desk: search, catalogue with icons, open requests in plain French, announcements', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.getByTestId('portal-request').first().waitFor();
  await page.getByText('Fermeture des services le 24 décembre après-midi').waitFor();
  const states = await page.getByTestId('portal-request-state').allInnerTexts();
  assert.ok(
    states.some((s) => /^(En cours chez .+ — |Bien reçue — )/.test(s)),
    states.join('\n'),
  );
  await page.getByLabel('Rechercher une réponse').fill('attestation');
  await page.getByTestId('portal-search-results').getByRole('link', { name: ARTICLE }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath('portail.png'), fullPage: true });
  await scan(page);
  await page.getByLabel('Rechercher une réponse').fill('');
  await page.getByTestId('portal-search-results').waitFor({ state: 'detached' });
  await page.goto('/mes-demandes?onglet=suivies');
  await page.getByRole('tab', { name: /Que je suis/, selected: true }).waitFor();
  await scan(page, '/mes-demandes (suivies)');
  await page.getByRole('tab', { name: /À approuver/ }).click();
  await page.getByText('Aucune demande n’attend votre validation.').waitFor();
  await context.close();
});

/** Presses Tab until the focused element's text matches, as a keyboard user would (fails after `max` presses). */
async function tabTo(page: Page, match: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''} ${(el as HTMLInputElement)?.labels?.[0]?.textContent ?? ''}`;
    });
    if (match.test(text)) return;
  }
  throw new Error(`${match} jamais atteint au clavier`);
}

test('keyboard alone: from the home to a filed request', async () => {
  const { page, context } = await signIn('demandeur@horizon.test', '/accueil');
  await page.getByTestId('portal-service').first().waitFor();
  await tabTo(page, /Demande de devis/);
  const visible = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return getComputedStyle(el).outlineStyle !== 'none' || getComputedStyle(el).boxShadow !== 'none';
  });
  assert.ok(visible, 'the focused link shows a focus ring');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Demande de devis' }).waitFor();
  await tabTo(page, /Objet de la demande/);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Devis pour des casiers (clavier)');
  await tabTo(page, /Besoin/);
  await page.keyboard.type('Douze casiers pour le vestiaire.');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST');
  await tabTo(page, /Envoyer la demande/);
  await page.keyboard.press('Enter');
  assert.equal((await created).status(), 201);
  await page.getByRole('heading', { level: 1, name: 'Devis pour des casiers (clavier)' }).waitFor();
  await context.close();
});

test('the key user manages announcements and sees the self-help figure', async () => {
  const { page, context } = await signIn('referent@horizon.test', '/admin');
  await page.getByRole('link', { name: 'Annonces' }).click();
  await page.getByRole('heading', { level: 1, name: 'Annonces' }).waitFor();
  await page.getByTestId('deflection-card').getByTestId('deflection-rate').waitFor();
  await scan(page);
  await page.getByRole('button', { name: 'Nouvelle annonce' }).click();
  await page.getByLabel('Titre').fill('Coupure réseau samedi');
  await page.getByRole('textbox', { name: 'Message' }).fill('Le réseau sera coupé **samedi matin**.');
  await scan(page, '/annonces (formulaire)');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByTestId('announcement-row').filter({ hasText: 'Coupure réseau samedi' }).waitFor();
  await page
    .locator('label')
    .filter({ hasText: /^Programmées$/ })
    .click();
  await page.getByTestId('announcement-row').filter({ hasText: 'Inventaire des fournitures' }).waitFor();
  await context.close();
});

test('no serious or critical accessibility violation on the portal pages', () => {
  assert.deepEqual(violations, []);
});
