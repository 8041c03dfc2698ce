/**
 * Two-factor authentication (TOTP with recovery codes) and the organisation's "MFA for staff" rule.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { authenticator } from 'otplib';
import { as, login, type Session, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
let secret = '';
let recoveryCodes: string[] = [];

before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

/** Logs in and returns the raw answer with the session, whether or not it still waits for its TOTP code. */
async function start(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'relais-demo' } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'relais_session')?.value;
  return { body: res.json(), session: { cookie: `relais_session=${cookie}`, csrf: res.json().csrfToken } as Session };
}

/** A six-digit code that the server's window (previous, current and next step) does not accept. */
function wrongCode(key: string): string {
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!authenticator.check(code, key)) return code;
  }
}

/** The code of a neighbouring 30-second step (-1, 0, +1 are all inside the server's window). */
function codeAt(key: string, steps: number): string {
  return authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(key);
}

async function enrol(session: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const api = as(t.app, session);
  const setup = await api('POST', '/api/me/totp/setup');
  assert.equal(setup.statusCode, 200, setup.body);
  const enabled = await api('POST', '/api/me/totp/enable', { code: authenticator.generate(setup.json().secret) });
  assert.equal(enabled.statusCode, 200, enabled.body);
  return { secret: setup.json().secret, recoveryCodes: enabled.json().recoveryCodes };
}

const userRow = (email: string) =>
  t.db.database.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled', 'recovery_codes'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();

test('setup answers a secret, its otpauth URL and a QR code; the secret is stored encrypted, not yet active', async () => {
  const api = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const res = await api('POST', '/api/me/totp/setup');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['otpauthUrl', 'qrDataUrl', 'secret']);
  secret = body.secret;
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  assert.ok(body.otpauthUrl.startsWith('otpauth://totp/Relais:assistante%40horizon.test?'), body.otpauthUrl);
  assert.ok(body.otpauthUrl.includes(`secret=${secret}`));
  assert.ok(body.otpauthUrl.includes('issuer=Relais'));
  assert.match(body.qrDataUrl, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  const row = await userRow('assistante@horizon.test');
  assert.equal(row.totp_enabled, false);
  assert.match(row.totp_secret ?? '', /^v1\./);
  assert.ok(!row.totp_secret?.includes(secret), 'the secret is encrypted at rest');
  assert.equal((await api('GET', '/api/me')).json().user.totpEnabled, false);
});

test('enable needs a valid code, then returns ten single-use recovery codes stored hashed', async () => {
  const api = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const wrong = await api('POST', '/api/me/totp/enable', { code: wrongCode(secret) });
  assert.equal(wrong.statusCode, 422);
  assert.deepEqual(wrong.json(), { code: 'unprocessable', message: 'Code de vérification incorrect.' });
  assert.equal((await api('POST', '/api/me/totp/enable', { code: 'abcdef' })).statusCode, 400);
  const res = await api('POST', '/api/me/totp/enable', { code: codeAt(secret, -1) });
  assert.equal(res.statusCode, 200);
  recoveryCodes = res.json().recoveryCodes;
  assert.equal(recoveryCodes.length, 10);
  assert.equal(new Set(recoveryCodes).size, 10);
  for (const c of recoveryCodes) assert.match(c, /^[a-z0-9]{4}-[a-z0-9]{4}$/);
  const row = await userRow('assistante@horizon.test');
  assert.equal(row.totp_enabled, true);
  assert.equal(row.recovery_codes?.length, 10);
  for (const stored of row.recovery_codes ?? []) {
    assert.match(stored, /^[0-9a-f]{64}$/);
    assert.ok(!recoveryCodes.includes(stored));
  }
  assert.equal((await api('GET', '/api/me')).json().user.totpEnabled, true);
  const again = await api('POST', '/api/me/totp/setup');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'conflict');
});

test('the next login waits for the code: nothing but /api/me and the MFA step until it is given', async () => {
  const { body, session } = await start('assistante@horizon.test');
  assert.deepEqual(body, { mfaRequired: true, csrfToken: session.csrf, home: '/equipe' });
  const api = as(t.app, session);
  const pending = { code: 'mfa_required', message: 'Saisissez le code de votre application d’authentification.' };
  for (const [method, url, payload] of [
    ['GET', '/api/sites'],
    ['GET', '/api/me/sessions'],
    ['PATCH', '/api/me', { displayName: 'X' }],
    ['POST', '/api/me/tokens', { name: 'x', scopes: ['read'] }],
  ] as const) {
    const res = await api(method, url, payload);
    assert.equal(res.statusCode, 401, `${method} ${url}`);
    assert.deepEqual(res.json(), pending);
  }
  assert.equal((await api('GET', '/api/me')).statusCode, 200);
  const wrong = await api('POST', '/api/auth/mfa', { code: wrongCode(secret) });
  assert.equal(wrong.statusCode, 401);
  assert.deepEqual(wrong.json(), { code: 'invalid_credentials', message: 'Code de vérification incorrect.' });
  const ok = await api('POST', '/api/auth/mfa', { code: codeAt(secret, 0) });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(ok.json(), { csrfToken: session.csrf, home: '/equipe' });
  // The same code, or one of an older step, is never accepted twice (no replay within its validity window).
  const replay = as(t.app, (await start('assistante@horizon.test')).session);
  for (const steps of [0, -1]) {
    const again = await replay('POST', '/api/auth/mfa', { code: codeAt(secret, steps) });
    assert.equal(again.statusCode, 401, `step ${steps}`);
    assert.equal(again.json().code, 'invalid_credentials');
  }
  const sites = await api('GET', '/api/sites');
  assert.equal(sites.statusCode, 200);
  assert.equal(sites.json().items.length, 5);
});

test('a recovery code replaces the TOTP code once only', async () => {
  const first = as(t.app, (await start('assistante@horizon.test')).session);
  assert.equal((await first('POST', '/api/auth/mfa', { code: recoveryCodes[0] })).statusCode, 200);
  assert.equal((await first('GET', '/api/sites')).statusCode, 200);
  const second = as(t.app, (await start('assistante@horizon.test')).session);
  const reused = await second('POST', '/api/auth/mfa', { code: recoveryCodes[0] });
  assert.equal(reused.statusCode, 401);
  assert.equal(reused.json().code, 'invalid_credentials');
  assert.equal((await second('GET', '/api/sites')).statusCode, 401);
  assert.equal((await second('POST', '/api/auth/mfa', { code: ` ${recoveryCodes[1].toUpperCase()} ` })).statusCode, 200);
  assert.equal((await userRow('assistante@horizon.test')).recovery_codes?.length, 8);
  const audit = await t.db.database.db
    .selectFrom('audit_log')
    .select('summary')
    .where('action', '=', 'auth.mfa_verified')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.summary),
    [{ recoveryCode: false }, { recoveryCode: true }, { recoveryCode: true }],
  );
});

test('disabling TOTP needs the password; the next login asks for no code', async () => {
  const { session } = await start('assistante@horizon.test');
  const api = as(t.app, session);
  assert.equal((await api('POST', '/api/auth/mfa', { code: codeAt(secret, 1) })).statusCode, 200);
  const wrong = await api('POST', '/api/me/totp/disable', { password: 'pas-le-bon' });
  assert.equal(wrong.statusCode, 422);
  assert.deepEqual(wrong.json(), { code: 'unprocessable', message: 'Mot de passe actuel incorrect.' });
  assert.equal((await api('POST', '/api/me/totp/disable', { password: 'relais-demo' })).statusCode, 204);
  assert.deepEqual(await userRow('assistante@horizon.test'), { totp_secret: null, totp_enabled: false, recovery_codes: null });
  assert.equal((await start('assistante@horizon.test')).body.mfaRequired, false);
});

test('an organisation requiring MFA blocks unenrolled staff on its routes only; requesters are not forced', async () => {
  const referentSession = await login(t.app, 'referent@horizon.test');
  const referent = as(t.app, referentSession);
  const org = (await referent('GET', '/api/organization')).json();
  // A key user without 2FA cannot lock themselves out: they must enrol first.
  const refused = await referent('PATCH', '/api/organization', { requireMfaStaff: true, version: org.version });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().details.fields[0].path, 'requireMfaStaff');
  assert.match(refused.json().message, /^Activez d’abord la double authentification/);
  // The platform operator (not bound by the staff rule) turns it on for the organisation.
  const operator = as(t.app, await login(t.app, 'operateur@relais.test'));
  assert.equal((await operator('POST', '/api/me/organization', { organizationId: org.id })).statusCode, 200);
  const patched = await operator('PATCH', '/api/organization', { requireMfaStaff: true, version: org.version });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json().requireMfaStaff, true);

  const enrolment = {
    code: 'mfa_enrolment_required',
    message: 'Votre organisation exige la double authentification\u00a0: activez-la dans votre profil.',
  };
  for (const url of ['/api/sites', '/api/teams', '/api/organization', '/api/audit']) {
    const res = await referent('GET', url);
    assert.equal(res.statusCode, 403, url);
    assert.deepEqual(res.json(), enrolment);
  }
  // Minting an API token would bypass the rule: refused as well.
  assert.deepEqual((await referent('POST', '/api/me/tokens', { name: 'contournement', scopes: ['read'] })).json(), enrolment);
  const meBefore = (await referent('GET', '/api/me')).json();
  assert.equal(meBefore.mfaEnrolmentRequired, true);
  assert.equal(meBefore.organization.requireMfaStaff, true);
  assert.equal((await referent('GET', '/api/me/sessions')).statusCode, 200);

  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assert.equal((await requester('GET', '/api/sites')).statusCode, 200);
  assert.equal((await requester('GET', '/api/me')).json().mfaEnrolmentRequired, false);

  // The rule is per organisation: the coordinator starts in Atelier Bellevue, which does not require it.
  const coordinatorSession = await login(t.app, 'coordinatrice@horizon.test');
  const coordinator = as(t.app, coordinatorSession);
  const meCoord = (await coordinator('GET', '/api/me')).json();
  assert.equal(meCoord.organization.name, 'Atelier Bellevue');
  assert.equal((await coordinator('GET', '/api/teams')).statusCode, 200);
  const horizon = meCoord.memberships.find(
    (m: { organizationName: string }) => m.organizationName === 'Groupe Horizon',
  ).organizationId;
  assert.equal((await coordinator('POST', '/api/me/organization', { organizationId: horizon })).statusCode, 200);
  assert.deepEqual((await coordinator('GET', '/api/teams')).json(), enrolment);

  // Enrolment itself stays reachable, and lifts the block for the same session.
  await enrol(referentSession);
  assert.equal((await referent('GET', '/api/sites')).statusCode, 200);
  const fresh = as(t.app, (await start('referent@horizon.test')).session);
  assert.deepEqual((await fresh('GET', '/api/sites')).json().code, 'mfa_required', 'a fresh login now waits for the code');
  await enrol(coordinatorSession);
  assert.equal((await coordinator('GET', '/api/teams')).statusCode, 200);
  assert.equal((await coordinator('GET', '/api/me')).json().mfaEnrolmentRequired, false);
});
