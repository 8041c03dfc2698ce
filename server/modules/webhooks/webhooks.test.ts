import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { WEBHOOK_MAX_ATTEMPTS } from '../../../common/webhooks.ts';
import { loadConfig } from '../../config.ts';
import { newRequest as newRequestIn } from '../../test/factories.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { backoffMs, sendDelivery, sendDueDeliveries } from './webhooks.dispatch.ts';
import { isForbiddenAddress, mappedIpv4 } from './webhooks.net.ts';
import { pingWebhook } from './webhooks.service.ts';

type Api = ReturnType<typeof as>;
interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let t: TestApp;
let admin: Api;
let coordinator: Api;
let assistant: Api;
let requester: Api;
let otherAdmin: Api;
let server: http.Server;
let base: string;
let org: string;
let otherOrg: string;
const hits: Hit[] = [];
const failing = false;

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/slow') return void setTimeout(() => res.end('tard'), 8_000);
      res.statusCode = failing || req.url === '/fail' ? 500 : 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await testApp({ demo: true, env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
  admin = as(t.app, await login(t.app, 'referent@horizon.test'));
  coordinator = as(t.app, await login(t.app, 'coordinatrice@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  otherAdmin = as(t.app, await login(t.app, 'referent@bellevue.test'));
  org = (await admin('GET', '/api/me')).json().organization.id;
  otherOrg = (await otherAdmin('GET', '/api/me')).json().organization.id;
  const mine = await coordinator('POST', '/api/me/organization', { organizationId: org });
  assert.equal(mine.statusCode, 200, mine.body);
});
after(async () => {
  await t.close();
  server.closeAllConnections();
  server.close();
});

async function until<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 4000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('délai dépassé en attendant la condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a receiver does: recompute the HMAC over "<timestamp>.<body>" and compare in constant time, within 5 min. */
function verify(secret: string, hit: Hit): boolean {
  const ts = String(hit.headers['x-relais-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${hit.body}`).digest('hex')}`;
  const given = String(hit.headers['x-relais-signature']);
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function newRequest(api: Api, title: string) {
  const services = (await api('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  const res = await api('POST', '/api/requests', {
    serviceId: services.find((s) => s.name === 'Demande de devis')?.id ?? services[0].id,
    title,
    answers: { besoin: 'Trois fauteuils' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const deliveries = async (id: string) => (await admin('GET', `/api/webhooks/${id}/deliveries`)).json().items;

test('the guard refuses loopback, private, link-local, metadata, unique-local and mapped addresses', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::7f00:1',
  ])
    assert.ok(isForbiddenAddress(a), a);
  for (const a of ['203.0.113.10', '8.8.8.8', '2001:4860:4860::8888', '172.32.0.1', 'pas-une-adresse'])
    assert.equal(isForbiddenAddress(a), a === 'pas-une-adresse', a);
  assert.equal(mappedIpv4('::ffff:169.254.169.254'), '169.254.169.254');
  const config = loadConfig({ DATA_DIR: t.db.dataDir, WEBHOOK_ALLOWED_HOSTS: ' 127.0.0.1, [::1] ,Erp.Interne,' });
  assert.deepEqual(config.webhookAllowedHosts, ['127.0.0.1', '::1', 'erp.interne']);
  assert.deepEqual([1, 2, 3, 4, 20].map(backoffMs), [30_000, 60_000, 120_000, 240_000, 3_600_000]);
});

test('destinations on private, loopback, link-local or metadata addresses are refused unless allowed', async () => {
  const body = (url: string) => ({ url, eventTypes: ['request.created'] });
  for (const url of [
    'https://10.0.0.1/h',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/h',
    'https://[fe80::1]/h',
    'https://[::ffff:127.0.0.1]/h',
    'https://localhost/h',
    'https://192.168.0.10/h',
  ]) {
    const res = await admin('POST', '/api/webhooks', body(url));
    assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
    assert.match(res.json().message, /réseau privé|introuvable/);
  }
  assert.equal(
    (await admin('POST', '/api/webhooks', body('http://203.0.113.10/h'))).statusCode,
    422,
    'http only for allowed hosts',
  );
  assert.equal((await admin('POST', '/api/webhooks', body('https://u:p@203.0.113.10/h'))).statusCode, 422);
  assert.equal((await admin('POST', '/api/webhooks', { url: `${base}/h`, eventTypes: ['inconnu'] })).statusCode, 400);
  const allowed = await admin('POST', '/api/webhooks', body(`${base}/allowed`));
  assert.equal(allowed.statusCode, 201, '127.0.0.1 is allowed by WEBHOOK_ALLOWED_HOSTS');
  const moved = await admin('PATCH', `/api/webhooks/${allowed.json().id}`, { url: 'https://10.0.0.2/h', version: 1 });
  assert.equal(moved.statusCode, 422, 'checked on update too');
  assert.equal((await admin('DELETE', `/api/webhooks/${allowed.json().id}`)).statusCode, 204);
});

test('a request created in Relais reaches a receiver that verifies the signature; other organisations never do', async () => {
  const created = await admin('POST', '/api/webhooks', {
    url: `${base}/ok`,
    eventTypes: ['request.created'],
    description: 'ERP',
  });
  assert.equal(created.statusCode, 201, created.body);
  const hook = created.json();
  assert.match(hook.secret, /^whsec_/);
  const shown = (await admin('GET', `/api/webhooks/${hook.id}`)).body;
  assert.ok(!shown.includes(hook.secret) && !shown.includes('secret'), 'the secret is never shown again');
  assert.ok(!(await admin('GET', '/api/webhooks')).body.includes(hook.secret));

  await newRequestIn(t.deps, otherOrg, { title: 'Chez Bellevue' });
  const r = await newRequest(requester, 'Devis pour trois fauteuils');
  const hit = await until(() => hits.find((h) => h.path === '/ok'));
  assert.ok(verify(hook.secret, hit), 'signature and timestamp verify');
  assert.ok(!verify('whsec_autre', hit), 'a wrong secret does not verify');
  assert.equal(hit.headers['x-relais-event'], 'request.created');
  const payload = JSON.parse(hit.body);
  assert.deepEqual(
    [payload.type, payload.organizationId, payload.data.targetId, payload.data.reference, payload.data.title],
    ['request.created', org, r.id, r.reference, 'Devis pour trois fauteuils'],
  );
  const log = await until(async () => {
    const items = await deliveries(hook.id);
    return items[0]?.status === 'delivered' && items;
  });
  assert.equal(hit.headers['x-relais-delivery'], log[0].id);
  assert.deepEqual([log.length, log[0].lastStatusCode, log[0].attempts], [1, 200, 1]);
  await new Promise((res) => setTimeout(res, 200));
  assert.equal(hits.filter((h) => h.path === '/ok').length, 1, 'Bellevue’s request never reached Horizon’s subscription');
  assert.equal((await otherAdmin('GET', `/api/webhooks/${hook.id}`)).statusCode, 404);
  assert.equal((await otherAdmin('POST', `/api/webhook-deliveries/${log[0].id}/redeliver`)).statusCode, 404);
  const off = await admin('PATCH', `/api/webhooks/${hook.id}`, { active: false, version: hook.version });
  assert.deepEqual([off.statusCode, off.json().active], [200, false]);
});

test('a failing receiver is retried with backoff then marked failed; redelivery sends the same payload', async () => {
  const hook = (await admin('POST', '/api/webhooks', { url: `${base}/fail`, eventTypes: ['request.created'] })).json();
  await newRequest(requester, 'Ramette de papier');
  let d = await until(async () =>
    (await deliveries(hook.id)).find(
      (x: { attempts: number; lastStatusCode: number | null }) => x.attempts === 1 && x.lastStatusCode,
    ),
  );
  assert.deepEqual([d.status, d.lastStatusCode], ['pending', 500]);
  let clock = Date.parse(d.lastAttemptAt);
  assert.equal(Date.parse(d.nextAttemptAt) - clock, 30_000);
  assert.equal(await sendDueDeliveries(t.deps, new Date(clock + 29_000)), 0, 'not due yet');
  for (let n = 2; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
    clock = Date.parse(d.nextAttemptAt);
    assert.equal(await sendDueDeliveries(t.deps, new Date(clock)), 1);
    d = (await deliveries(hook.id))[0];
    assert.equal(d.attempts, n);
    if (n < WEBHOOK_MAX_ATTEMPTS) assert.equal(Date.parse(d.nextAttemptAt) - clock, backoffMs(n));
  }
  assert.deepEqual([d.status, d.nextAttemptAt], ['failed', null]);
  assert.equal(await sendDueDeliveries(t.deps, new Date(clock + 86_400_000)), 0, 'a failed delivery is left alone');
  assert.equal(hits.filter((h) => h.path === '/fail').length, WEBHOOK_MAX_ATTEMPTS);

  await admin('PATCH', `/api/webhooks/${hook.id}`, { url: `${base}/ok`, version: hook.version });
  const again = await admin('POST', `/api/webhook-deliveries/${d.id}/redeliver`);
  assert.equal(again.statusCode, 202, again.body);
  const redone = await until(async () =>
    (await deliveries(hook.id)).find((x: { id: string; status: string }) => x.id === again.json().id && x.status === 'delivered'),
  );
  assert.equal(redone.eventId, d.eventId);
  const last = hits.at(-1) as Hit;
  assert.equal(last.body, hits.filter((h) => h.path === '/fail')[0].body, 'the same payload');
  await admin('DELETE', `/api/webhooks/${hook.id}`);
});

test('ping, secret rotation, the guard at delivery time, a slow receiver and the lease', async () => {
  const hook = (await admin('POST', '/api/webhooks', { url: `${base}/ping`, eventTypes: ['csat.rated'] })).json();
  const rotated = await admin('POST', `/api/webhooks/${hook.id}/secret`);
  assert.equal(rotated.statusCode, 200);
  assert.notEqual(rotated.json().secret, hook.secret);
  assert.equal((await admin('POST', `/api/webhooks/${hook.id}/ping`)).statusCode, 202);
  const ping = await until(() => hits.find((h) => h.path === '/ping'));
  assert.equal(JSON.parse(ping.body).type, 'ping');
  assert.ok(verify(rotated.json().secret, ping) && !verify(hook.secret, ping), 'signed with the new secret');

  // Two senders race for the same delivery: the lease lets one post.
  const scope = { organizationId: org };
  const queued = await pingWebhook(
    { database: t.deps.database, events: t.deps.events, actor: null, ip: '127.0.0.1' },
    scope,
    hook.id,
  );
  const before = hits.length;
  const outcomes = await Promise.all([sendDelivery(t.deps, org, queued.id), sendDelivery(t.deps, org, queued.id)]);
  assert.deepEqual(outcomes.sort(), ['delivered', null].sort());
  assert.equal(hits.length, before + 1);

  // The address is checked again at each delivery (here: the stored URL now points to metadata).
  await t.deps.database.db
    .updateTable('webhooks')
    .set({ url: 'https://169.254.169.254/latest' })
    .where('id', '=', hook.id)
    .execute();
  const refused = await pingWebhook(
    { database: t.deps.database, events: t.deps.events, actor: null, ip: '127.0.0.1' },
    scope,
    hook.id,
  );
  assert.equal(await sendDelivery(t.deps, org, refused.id), 'pending');
  const log = (await deliveries(hook.id)).find((x: { id: string }) => x.id === refused.id);
  assert.match(log.lastError, /destination refusée \(private\)/);

  const slow = (await admin('POST', '/api/webhooks', { url: `${base}/slow`, eventTypes: ['csat.rated'] })).json();
  const timed = await pingWebhook(
    { database: t.deps.database, events: t.deps.events, actor: null, ip: '127.0.0.1' },
    scope,
    slow.id,
  );
  const started = Date.now();
  assert.equal(await sendDelivery(t.deps, org, timed.id), 'pending');
  assert.ok(Date.now() - started < 6_500);
  const out = (await deliveries(slow.id))[0];
  assert.match(out.lastError, /délai dépassé/);
  assert.equal(out.lastStatusCode, null);
});

test('administrators manage, coordinators read, others are refused', async () => {
  const hook = (await admin('POST', '/api/webhooks', { url: `${base}/authz`, eventTypes: ['request.created'] })).json();
  assert.equal((await coordinator('GET', '/api/webhooks')).statusCode, 200);
  assert.equal((await coordinator('GET', `/api/webhooks/${hook.id}/deliveries`)).statusCode, 200);
  assert.deepEqual((await coordinator('GET', `/api/webhooks/${hook.id}`)).json().allowedActions, []);
  assert.equal(
    (await coordinator('POST', '/api/webhooks', { url: `${base}/x`, eventTypes: ['request.created'] })).statusCode,
    403,
  );
  assert.equal((await coordinator('POST', `/api/webhooks/${hook.id}/secret`)).statusCode, 403);
  for (const api of [assistant, requester]) assert.equal((await api('GET', '/api/webhooks')).statusCode, 403);
  assert.deepEqual((await admin('GET', `/api/webhooks/${hook.id}`)).json().allowedActions, ['webhook.manage']);
});
