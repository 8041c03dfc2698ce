/**
 * Password login, throttling, CSRF, logout, sessions, password reset and first-run setup, through HTTP.
 * (Two-factor authentication: mfa.test.ts; API tokens and organisation switch: tokens.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sha256 } from '../../platform/ids.ts';
import { seedDemo } from '../../seed/demo.ts';
import { as, type Session, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let ipCounter = 0;
const freshIp = () => `10.1.0.${++ipCounter}`;

function attempt(email: string, password: string, opts: { ip?: string; headers?: Record<string, string> } = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: opts.ip ?? freshIp(),
    headers: opts.headers,
  });
}

function sessionOf(res: LightMyRequestResponse): Session {
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'relais_session');
  assert.ok(cookie?.value, 'session cookie');
  return { cookie: `relais_session=${cookie.value}`, csrf: res.json().csrfToken };
}

const me = async (s: Session) => as(t.app, s)('GET', '/api/me');

before(async () => {
  t = await testApp();
});
after(() => t.close());

test('first-run setup: an empty installation creates its first operator once, then answers 409', async () => {
  assert.deepEqual((await t.app.inject({ url: '/api/setup' })).json(), { needsSetup: true });
  const weak = await t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { email: 'op@relais.test', displayName: 'Op', password: 'court' },
  });
  assert.equal(weak.statusCode, 400);
  assert.deepEqual(weak.json().details.fields, [
    { path: 'password', code: 'too_small', message: 'Le mot de passe doit contenir au moins 10 caractères.' },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { email: 'Premier@Relais.test', displayName: 'Première Opératrice', password: 'mot-de-passe-solide' },
  });
  const body = res.json();
  assert.deepEqual(body, { mfaRequired: false, csrfToken: body.csrfToken, home: '/plateforme' });
  const profile = (await me(sessionOf(res))).json();
  assert.deepEqual(profile.user, {
    id: profile.user.id,
    email: 'premier@relais.test',
    displayName: 'Première Opératrice',
    locale: 'fr',
    isOperator: true,
    totpEnabled: false,
  });
  assert.deepEqual((await t.app.inject({ url: '/api/setup' })).json(), { needsSetup: false });
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { email: 'intrus@relais.test', displayName: 'Intrus', password: 'mot-de-passe-solide' },
  });
  assert.equal(again.statusCode, 409);
  assert.deepEqual(again.json(), { code: 'conflict', message: 'Cet élément existe déjà.' });
  const users = await t.db.database.db.selectFrom('users').select('email').execute();
  assert.deepEqual(users, [{ email: 'premier@relais.test' }]);
});

describe('with the demo data', () => {
  before(() => seedDemo(t.deps));

  test('login sets an HttpOnly, SameSite=Lax, Secure session cookie and answers the home page', async () => {
    const res = await attempt('  Referent@Horizon.TEST ', 'relais-demo');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['csrfToken', 'home', 'mfaRequired']);
    assert.equal(body.mfaRequired, false);
    assert.equal(body.home, '/admin');
    assert.ok(body.csrfToken.length >= 24);
    const cookie = res.cookies.find((c) => c.name === 'relais_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.maxAge, 30 * 24 * 3600);
    // Only the hash of the cookie is stored.
    const stored = await t.db.database.db.selectFrom('sessions').select('id').where('id', '=', sha256(cookie.value)).execute();
    assert.equal(stored.length, 1);
    assert.equal((await t.db.database.db.selectFrom('sessions').select('id').where('id', '=', cookie.value).execute()).length, 0);
    const profile = (await me(sessionOf(res))).json();
    assert.equal(profile.user.email, 'referent@horizon.test');
    assert.equal(profile.role, 'org_admin');
    assert.equal(profile.csrfToken, body.csrfToken);
  });

  test('wrong password and unknown e-mail get the same 401 body, and no cookie', async () => {
    const wrong = await attempt('dirigeant@horizon.test', 'mauvais-mot-de-passe');
    const unknown = await attempt('personne@horizon.test', 'relais-demo');
    const expected = { code: 'invalid_credentials', message: 'Adresse e-mail ou mot de passe incorrect.' };
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.deepEqual(res.json(), expected);
      assert.equal(res.headers['set-cookie'], undefined);
    }
    assert.equal(wrong.body, unknown.body);
  });

  test('five failures lock the account (from any IP) with 429, a French message in minutes and Retry-After', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await attempt('assistante@horizon.test', `essai-${i}`)).statusCode, 401);
    const locked = await attempt('assistante@horizon.test', 'relais-demo');
    assert.equal(locked.statusCode, 429);
    assert.deepEqual(locked.json(), { code: 'rate_limited', message: 'Trop de tentatives. Réessayez dans 15 min.' });
    const retryAfter = Number(locked.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    const en = await attempt('assistante@horizon.test', 'relais-demo', { headers: { 'accept-language': 'en' } });
    assert.equal(en.statusCode, 429);
    assert.deepEqual(en.json(), { code: 'rate_limited', message: 'Too many attempts. Try again in 15 min.' });
    assert.ok(Number(en.headers['retry-after']) > 0);
    // Other accounts are not affected.
    assert.equal((await attempt('dirigeant@horizon.test', 'relais-demo')).statusCode, 200);
  });

  test('an unknown e-mail is throttled exactly like a real account (no enumeration)', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await attempt('fantome@horizon.test', `essai-${i}`)).statusCode, 401);
    const res = await attempt('fantome@horizon.test', 'relais-demo');
    assert.equal(res.statusCode, 429);
    assert.deepEqual(res.json(), { code: 'rate_limited', message: 'Trop de tentatives. Réessayez dans 15 min.' });
  });

  test('twenty failures from one IP lock that IP, even for other accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 20; i++) assert.equal((await attempt(`inconnu-${i}@horizon.test`, 'x', { ip })).statusCode, 401);
    assert.equal((await attempt('lea.moreau@horizon.test', 'relais-demo', { ip })).statusCode, 429);
    assert.equal((await attempt('lea.moreau@horizon.test', 'relais-demo')).statusCode, 200);
  });

  test('a cookie-authenticated write needs the session’s X-CSRF-Token', async () => {
    const s = sessionOf(await attempt('dpo@horizon.test', 'relais-demo'));
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        payload: { displayName: 'Isabelle R.' },
        headers: { cookie: s.cookie, ...headers },
      });
    const expected = { code: 'csrf_failed', message: 'Jeton de sécurité manquant ou invalide. Rechargez la page.' };
    for (const headers of [{}, { 'x-csrf-token': 'faux-jeton' }, { 'x-csrf-token': '' }] as Record<string, string>[]) {
      const res = await patch(headers);
      assert.equal(res.statusCode, 403);
      assert.deepEqual(res.json(), expected);
    }
    const other = sessionOf(await attempt('dpo@horizon.test', 'relais-demo'));
    assert.equal((await patch({ 'x-csrf-token': other.csrf })).statusCode, 403, 'another session’s token is refused');
    assert.equal((await me(s)).json().user.displayName, 'Isabelle Roux');
    const ok = await patch({ 'x-csrf-token': s.csrf });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().user.displayName, 'Isabelle R.');
  });

  test('logout revokes the session and clears the cookie', async () => {
    const s = sessionOf(await attempt('agent-rh@horizon.test', 'relais-demo'));
    const res = await as(t.app, s)('POST', '/api/auth/logout');
    assert.equal(res.statusCode, 204);
    const cleared = res.cookies.find((c) => c.name === 'relais_session');
    assert.equal(cleared?.value, '');
    assert.ok(cleared?.expires && cleared.expires.getTime() <= Date.now());
    const after = await me(s);
    assert.equal(after.statusCode, 401);
    assert.deepEqual(after.json(), { code: 'unauthenticated', message: 'Vous devez vous connecter.' });
  });

  test('the session list shows the current one; revoking another session logs it out', async () => {
    const laptop = sessionOf(
      await attempt('thomas.garnier@horizon.test', 'relais-demo', { headers: { 'user-agent': 'Portable' } }),
    );
    const phone = sessionOf(
      await attempt('thomas.garnier@horizon.test', 'relais-demo', { headers: { 'user-agent': 'Téléphone' } }),
    );
    const list = await as(t.app, laptop)('GET', '/api/me/sessions');
    assert.equal(list.statusCode, 200);
    const items = list.json().items as { id: string; userAgent: string; current: boolean; ip: string; createdAt: string }[];
    assert.deepEqual(items.map((i) => [i.userAgent, i.current]).sort(), [
      ['Portable', true],
      ['Téléphone', false],
    ]);
    for (const i of items) assert.match(i.ip, /^10\.1\.0\.\d+$/);
    const phoneId = items.find((i) => i.userAgent === 'Téléphone')?.id ?? '';
    assert.equal(phoneId.length, 16, 'sessions are named by a short prefix, never their full hash');
    assert.equal((await as(t.app, laptop)('DELETE', `/api/me/sessions/${phoneId}`)).statusCode, 204);
    assert.equal((await me(phone)).statusCode, 401);
    assert.equal((await me(laptop)).statusCode, 200);
    const left = (await as(t.app, laptop)('GET', '/api/me/sessions')).json().items;
    assert.deepEqual(
      left.map((i: { userAgent: string }) => i.userAgent),
      ['Portable'],
    );
    assert.equal((await as(t.app, laptop)('DELETE', `/api/me/sessions/${phoneId}`)).statusCode, 404);
    // Another user's session cannot be revoked by its id.
    const other = sessionOf(await attempt('kevin.dumont@horizon.test', 'relais-demo'));
    const otherId = (await as(t.app, other)('GET', '/api/me/sessions')).json().items[0].id;
    assert.equal((await as(t.app, laptop)('DELETE', `/api/me/sessions/${otherId}`)).statusCode, 404);
    assert.equal((await me(other)).statusCode, 200);
  });

  describe('password reset', () => {
    const email = 'demandeur@horizon.test';
    const reset = (headers: Record<string, string> = {}, address = email) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: address }, headers });
    const confirm = (token: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
    const lastToken = () => {
      const text = t.mail.sent.at(-1)?.text ?? '';
      const link = text.match(/https?:\/\/\S+/)?.[0] ?? '';
      assert.ok(link.startsWith('https://relais.example.test/reinitialisation?token='), link);
      return decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
    };
    const invalid = { code: 'bad_request', message: 'Ce lien de réinitialisation est invalide ou a expiré.' };

    test('an unknown address is answered like a known one and sends nothing', async () => {
      const sent = t.mail.sent.length;
      const res = await reset({}, 'inconnu@horizon.test');
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { status: 'accepted' });
      assert.equal(t.mail.sent.length, sent);
    });

    test('the mailed link is built from BASE_URL even with a forged Host, works once and closes every session', async () => {
      const before1 = sessionOf(await attempt(email, 'relais-demo'));
      const before2 = sessionOf(await attempt(email, 'relais-demo'));
      const res = await reset({ host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { status: 'accepted' });
      const mail = t.mail.sent.at(-1);
      assert.equal(mail?.to, email);
      assert.equal(mail?.subject, 'Réinitialisation de votre mot de passe Relais');
      assert.match(mail?.text ?? '', /^Bonjour Julien Petit,/);
      assert.doesNotMatch(mail?.text ?? '', /evil\.example/);
      const token = lastToken();
      const stored = await t.db.database.db.selectFrom('password_resets').select('id').where('id', '=', token).execute();
      assert.equal(stored.length, 0, 'only the hash of the reset token is stored');
      assert.equal((await confirm(token, 'nouveau-mot-de-passe')).statusCode, 204);
      assert.equal((await me(before1)).statusCode, 401);
      assert.equal((await me(before2)).statusCode, 401);
      assert.equal((await attempt(email, 'relais-demo')).statusCode, 401);
      assert.equal((await attempt(email, 'nouveau-mot-de-passe')).statusCode, 200);
      const second = await confirm(token, 'encore-un-autre-mot');
      assert.equal(second.statusCode, 400);
      assert.deepEqual(second.json(), invalid);
      assert.equal((await attempt(email, 'nouveau-mot-de-passe')).statusCode, 200);
    });

    test('an expired or unknown token is refused, a weak password too', async () => {
      await reset();
      const token = lastToken();
      const weak = await confirm(token, 'court');
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().details.fields[0].message, 'Le mot de passe doit contenir au moins 10 caractères.');
      const past = new Date(Date.now() - 1000).toISOString();
      await t.db.database.db.updateTable('password_resets').set({ expires_at: past }).where('id', '=', sha256(token)).execute();
      const expired = await confirm(token, 'mot-de-passe-expire');
      assert.equal(expired.statusCode, 400);
      assert.deepEqual(expired.json(), invalid);
      assert.deepEqual((await confirm('jeton-totalement-invente', 'mot-de-passe-expire')).json(), invalid);
      assert.equal((await attempt(email, 'mot-de-passe-expire')).statusCode, 401);
    });
  });
});
