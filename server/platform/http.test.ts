/**
 * API conventions (DESIGN rule 5 and the API contract): meta endpoints, client errors mapped to
 * `{code, message, details}` in the user's language, and nothing internal ever leaving the server.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { newMember, newOrganization, newSite, sessionFor } from '../test/factories.ts';
import { type Session, type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
let admin: Session;
let orgId: string;
const responses: LightMyRequestResponse[] = [];

/** Every response of this file goes through here so the last test can scan them all for leaks. */
async function call(opts: InjectOptions, session?: Session): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  const res = await t.app.inject({ ...opts, headers });
  responses.push(res);
  return res;
}

function assertJsonError(res: LightMyRequestResponse, status: number, body: Record<string, unknown>) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(res.json(), body);
}

const LOGIN = { method: 'POST' as const, url: '/api/auth/login' };

before(async () => {
  t = await testApp();
  orgId = await newOrganization(t.deps);
  admin = await sessionFor(t.deps, await newMember(t.deps, orgId, 'org_admin'), orgId);
});
after(() => t.close());

test('GET /api/health answers 200 {status: "ok"} without authentication', async () => {
  const res = await call({ url: '/api/health' });
  assertJsonError(res, 200, { status: 'ok' });
});

test('GET /api/ready checks the database', async () => {
  const res = await call({ url: '/api/ready' });
  assertJsonError(res, 200, { status: 'ready', database: true });
});

test('GET /api/openapi.json is an OpenAPI 3 document listing the API', async () => {
  const res = await call({ url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.equal(doc.info.title, 'Relais API');
  assert.deepEqual(Object.keys(doc.paths['/api/sites']).sort(), ['get', 'post']);
  assert.ok(doc.paths['/api/sites'].post.requestBody, 'POST /api/sites documents its body');
  assert.deepEqual(Object.keys(doc.paths['/api/sites/{id}']).sort(), ['delete', 'get', 'patch']);
  for (const p of ['/api/auth/login', '/api/me', '/api/audit/verify', '/api/sites/{id}/calendar']) assert.ok(doc.paths[p], p);
  for (const hidden of ['/metrics', '/api/openapi.json']) assert.equal(doc.paths[hidden], undefined, hidden);
});

test('GET /api/docs serves the interactive documentation', async () => {
  let res = await call({ url: '/api/docs' });
  if (res.statusCode === 302) res = await call({ url: String(res.headers.location) });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.body, /swagger-ui/i);
});

test('GET /metrics exposes the request latency histogram labelled by route pattern', async () => {
  await call({ url: '/api/health' });
  await call({ url: '/api/sites/01234567-no-such-site' }, admin);
  const res = await call({ url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  assert.match(res.body, /^# TYPE relais_http_request_duration_seconds histogram$/m);
  assert.match(res.body, /^relais_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 2$/m);
  assert.match(
    res.body,
    /^relais_http_request_duration_seconds_count\{method="GET",route="\/api\/sites\/:id",status="404"\} 1$/m,
  );
  assert.doesNotMatch(res.body, /no-such-site/, 'raw URLs never become label values');
  assert.match(res.body, /^relais_db_pool_connections\{state="total"\} \d+$/m);
});

test('malformed or empty JSON answers 400 with the invalid_json message', async () => {
  const json = { 'content-type': 'application/json' };
  const body = { code: 'bad_request', message: 'Le corps de la requête n’est pas un JSON valide.' };
  assertJsonError(await call({ ...LOGIN, headers: json, payload: '{"email": "a@b.test",' }), 400, body);
  assertJsonError(await call({ ...LOGIN, headers: json, payload: '' }), 400, body);
  assertJsonError(await call({ method: 'POST', url: '/api/sites', headers: json, payload: '{oops' }, admin), 400, body);
});

test('a body over 1 MiB answers 413', async () => {
  const payload = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1024 * 1024) });
  assertJsonError(await call({ ...LOGIN, headers: { 'content-type': 'application/json' }, payload }), 413, {
    code: 'payload_too_large',
    message: 'Le contenu envoyé est trop volumineux.',
  });
});

test('a non-JSON content type on a JSON route answers 415', async () => {
  const body = { code: 'unsupported_media_type', message: 'Type de contenu non pris en charge.' };
  assertJsonError(await call({ ...LOGIN, headers: { 'content-type': 'text/plain' }, payload: 'email=a@b.test' }), 415, body);
  assertJsonError(
    await call({ ...LOGIN, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a' }),
    415,
    body,
  );
  assertJsonError(
    await call({ method: 'POST', url: '/api/functions', headers: { 'content-type': 'text/plain' }, payload: 'x' }, admin),
    415,
    body,
  );
});

test('an unknown /api route answers 404 JSON, signed in or not, whatever the method', async () => {
  const body = { code: 'not_found', message: 'Adresse d’API inconnue.' };
  assertJsonError(await call({ url: '/api/nope' }), 404, body);
  assertJsonError(await call({ method: 'PUT', url: '/api/sites' }), 404, body);
  assertJsonError(await call({ url: '/api/nope' }, admin), 404, body);
  assertJsonError(await call({ method: 'DELETE', url: '/api/sites' }, admin), 404, body);
});

test('validation errors list each field with a French message', async () => {
  const res = await call({ ...LOGIN, payload: { email: 42 } });
  assertJsonError(res, 400, {
    code: 'validation_failed',
    message: 'Certaines valeurs sont invalides.',
    details: {
      fields: [
        { path: 'email', code: 'invalid_type', message: 'Type de valeur invalide.' },
        { path: 'password', code: 'invalid_type', message: 'Champ obligatoire.' },
      ],
    },
  });
  const query = await call({ url: '/api/audit?from=hier&limit=500' }, admin);
  assert.equal(query.statusCode, 400);
  const fields = query.json().details.fields as { path: string; message: string }[];
  assert.deepEqual(
    fields.map((f) => f.path),
    ['querystring.from', 'querystring.limit'],
  );
  assert.deepEqual(
    fields.map((f) => f.message),
    ['date ISO invalide', 'Doit être inférieur ou égal à 200.'],
  );
  // zod's own French text, with French typography.
  const tokens = await call({ method: 'POST', url: '/api/me/tokens', payload: { name: 'CI', scopes: [] } }, admin);
  assert.equal(tokens.statusCode, 400);
  assert.deepEqual(tokens.json().details.fields, [
    { path: 'scopes', code: 'too_small', message: 'Trop petit\u00a0: tableau doit avoir >=1 éléments' },
  ]);
});

test('Accept-Language: en gives English messages', async () => {
  const en = { 'accept-language': 'en-GB,en;q=0.9' };
  assertJsonError(await call({ url: '/api/nope', headers: en }), 404, { code: 'not_found', message: 'Unknown API address.' });
  assertJsonError(await call({ ...LOGIN, headers: { ...en, 'content-type': 'text/plain' }, payload: 'x' }), 415, {
    code: 'unsupported_media_type',
    message: 'Unsupported content type.',
  });
  assertJsonError(await call({ ...LOGIN, headers: { ...en, 'content-type': 'application/json' }, payload: '{' }), 400, {
    code: 'bad_request',
    message: 'The request body is not valid JSON.',
  });
  assertJsonError(await call({ url: '/api/sites', headers: en }), 401, {
    code: 'unauthenticated',
    message: 'You need to sign in.',
  });
  const res = await call({ ...LOGIN, headers: en, payload: {} });
  assert.deepEqual(
    res.json().details.fields.map((f: { message: string }) => f.message),
    ['Required field.', 'Required field.'],
  );
  assert.equal(res.json().message, 'Some values are invalid.');
});

test('a signed-in user gets messages in the language of their profile', async () => {
  const s = await sessionFor(t.deps, await newMember(t.deps, await newOrganization(t.deps), 'org_admin'), null);
  assert.equal((await call({ method: 'PATCH', url: '/api/me', payload: { locale: 'en' } }, s)).statusCode, 200);
  assertJsonError(await call({ url: '/api/sites/unknown' }, s), 404, { code: 'not_found', message: 'Not found.' });
  assertJsonError(await call({ url: '/api/sites/unknown', headers: { 'accept-language': 'fr' } }, s), 404, {
    code: 'not_found',
    message: 'Not found.',
  });
});

test('an unexpected server error answers 500 with a generic message', async () => {
  // Simulates a broken database: the closures query behind GET /api/sites now fails.
  await newSite(t.deps, orgId);
  await t.db.database.db.schema.dropTable('site_closures').execute();
  assertJsonError(await call({ url: '/api/sites' }, admin), 500, {
    code: 'internal',
    message: 'Une erreur interne est survenue. L’équipe technique a été prévenue.',
  });
});

test('no response of this file contained a stack trace, a file path or SQL', () => {
  assert.ok(responses.length >= 30, `${responses.length} responses`);
  for (const res of responses) {
    if (String(res.headers['content-type']).startsWith('text/html')) continue;
    const text = res.body;
    assert.doesNotMatch(text, /^\s*at .+/m, 'stack frame');
    assert.doesNotMatch(text, /\.(ts|js):\d+/, 'source location');
    assert.doesNotMatch(text, /\/work\/|node_modules/, 'file path');
    assert.doesNotMatch(
      text,
      /\b(select .* from|insert into|update \w+ set|delete from|no such table|relation "|SQLITE_|syntax error)\b/i,
      'SQL',
    );
    assert.doesNotMatch(text, /site_closures|FST_ERR|ZodError/, 'internal names');
  }
});
