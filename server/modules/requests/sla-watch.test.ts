/**
 * The SLA watch on the demo organisation, at fixed instants. Requests are « Demande de devis » (P3:
 * 480 / 1440, at risk at 1080) on the Lyon site, created Monday 23 March 2026 09:00 CET through the API
 * with the requests clock pinned: first response due Tuesday 09:00 CET (08:00Z), at risk Wednesday 11:00
 * CET (10:00Z), resolution due Thursday 26 09:00 CET (08:00Z).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DomainEvent } from '../../platform/events.ts';
import { runTasksOnce } from '../../platform/scheduler.ts';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { setRequestClock } from './request-sla.ts';
import { scanSla } from './sla-watch.ts';

let t: TestApp;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let serviceId: string;
const published: DomainEvent[] = [];

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  serviceId = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  t.deps.events.subscribe((e) => published.push(e));
});
after(async () => {
  setRequestClock(null);
  await t.close();
});

const MONDAY = '2026-03-23T08:00:00Z';
const RESOLUTION_DUE = '2026-03-26T08:00:00.000Z';
interface Req {
  id: string;
  version: number;
  sla: { state: string; resolutionDueAt: string };
}

const pin = (at: string) => setRequestClock(() => new Date(at));

async function create(answered = true): Promise<Req> {
  pin(MONDAY);
  const body = { serviceId, title: 'Devis', answers: { besoin: 'Fauteuils' } };
  const res = await requester('POST', '/api/requests', body);
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  if (!answered) return r;
  // Monday 10:00 CET: the first public reply by staff keeps the first-response clock out of the way.
  pin('2026-03-23T09:00:00Z');
  assert.equal((await assistant('POST', `/api/requests/${r.id}/comments`, { body: 'Bien reçu.' })).statusCode, 201);
  return (await assistant('GET', `/api/requests/${r.id}`)).json();
}

async function patch(at: string, id: string, body: Record<string, unknown>): Promise<Req> {
  pin(at);
  const { version } = (await assistant('GET', `/api/requests/${id}`)).json();
  const res = await assistant('PATCH', `/api/requests/${id}`, { version, ...body });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** The SLA events of a request's timeline as staff see it. */
async function slaEvents(id: string, who = assistant) {
  const r = (await who('GET', `/api/requests/${id}`)).json();
  return (r.timeline as { kind: string; public: boolean; data: Record<string, unknown> }[]).filter((e) =>
    e.kind.startsWith('sla_'),
  );
}

const scan = (at: string) => scanSla(t.deps, new Date(at));

/** The stored resolution level (the API's `sla.state` is computed against the real clock). */
async function stored(id: string): Promise<string> {
  const row = await t.deps.database.db.selectFrom('requests').select('sla_state').where('id', '=', id).executeTakeFirstOrThrow();
  return row.sla_state;
}

test('at risk, then breached: one event each however many scans, on the timeline, the audit and the live bus', async () => {
  const r = await create();
  await scan('2026-03-25T09:59:59Z');
  assert.deepEqual(await slaEvents(r.id), [], 'Wednesday 10:59:59 CET: not yet at risk');
  // Wednesday 11:00 CET, through the registered periodic task.
  await runTasksOnce(t.deps, new Date('2026-03-25T10:00:00Z'));
  await scan('2026-03-25T10:00:00Z');
  await scan('2026-03-26T08:00:00Z'); // the due instant itself is not late yet
  let events = await slaEvents(r.id);
  assert.deepEqual(
    events.map((e) => [e.kind, e.public, e.data]),
    [['sla_at_risk', false, { clock: 'resolution', dueAt: RESOLUTION_DUE }]],
  );
  assert.equal(await stored(r.id), 'at_risk');
  await scan('2026-03-26T08:00:01Z');
  await scan('2026-03-26T09:00:00Z');
  events = await slaEvents(r.id);
  assert.deepEqual(
    events.map((e) => [e.kind, e.public, e.data]),
    [
      ['sla_at_risk', false, { clock: 'resolution', dueAt: RESOLUTION_DUE }],
      ['sla_breached', false, { clock: 'resolution', dueAt: RESOLUTION_DUE }],
    ],
  );
  assert.deepEqual(await slaEvents(r.id, requester), [], 'internal: the requester does not see them');
  assert.equal(await stored(r.id), 'breached');
  const audit = await t.deps.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label'])
    .where('target_id', '=', r.id)
    .where('action', 'like', 'request.sla_%')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['request.sla_at_risk', 'request.sla_breached'],
  );
  assert.deepEqual(
    published.filter((e) => e.targetId === r.id && e.action.startsWith('request.sla_')).map((e) => e.action),
    ['request.sla_at_risk', 'request.sla_breached'],
  );
});

test('paused and resolved requests are not flagged; a pause does not hide a late first response', async () => {
  const paused = await create();
  await patch('2026-03-23T10:00:00Z', paused.id, { status: 'waiting_third_party' });
  const resolved = await create();
  await patch('2026-03-23T10:00:00Z', resolved.id, { status: 'resolved' });
  const silent = await create(false);
  await patch('2026-03-23T10:00:00Z', silent.id, { status: 'waiting_requester' });
  // Friday 27 March, long after every due date.
  await scan('2026-03-27T12:00:00Z');
  assert.deepEqual(await slaEvents(paused.id), []);
  assert.deepEqual(await slaEvents(resolved.id), []);
  // Nobody answered `silent`: its first response (due Tuesday 09:00 CET) is late, paused or not.
  const late = await slaEvents(silent.id);
  assert.deepEqual(
    late.map((e) => [e.kind, e.data]),
    [['sla_breached', { clock: 'first_response', dueAt: '2026-03-24T08:00:00.000Z' }]],
  );
  await scan('2026-03-27T12:00:00Z');
  assert.equal((await slaEvents(silent.id)).length, 1, 'once');
});

test('first-response breach: strictly after the due instant, once', async () => {
  const r = await create(false);
  await scan('2026-03-24T08:00:00Z');
  assert.deepEqual(await slaEvents(r.id), []);
  const first = await scan('2026-03-24T08:00:01Z');
  assert.ok(first.firstResponseBreached >= 1);
  const again = await scan('2026-03-24T08:00:01Z');
  assert.equal(again.firstResponseBreached, 0);
  const events = await slaEvents(r.id);
  assert.deepEqual(
    events.map((e) => [e.kind, e.data.clock]),
    [['sla_breached', 'first_response']],
  );
  const row = await t.deps.database.db
    .selectFrom('requests')
    .select(['first_response_state', 'sla_state'])
    .where('id', '=', r.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { first_response_state: 'breached', sla_state: 'ok' });
});

test('a due date moved later makes the request "ok" again, and at risk again later; a raised priority breaches it', async () => {
  const r = await create();
  await scan('2026-03-25T10:00:00Z'); // Wednesday 11:00 CET: at risk
  // Still Wednesday 11:00 CET, P3 → P4 (2400): at risk 1800 = 450 + 480 + 480 + 390 → Thursday 16:00 CET;
  // due 2400 = 450 + 4 × 480 + 30 → Monday 30 March 09:00 CEST (07:00Z).
  assert.equal(await stored(r.id), 'at_risk');
  await patch('2026-03-25T10:00:00Z', r.id, { priority: 'P4' });
  assert.equal(await stored(r.id), 'ok');
  await scan('2026-03-26T14:59:59Z');
  assert.equal((await slaEvents(r.id)).length, 1);
  await scan('2026-03-26T15:00:00Z');
  assert.deepEqual(
    (await slaEvents(r.id)).map((e) => [e.kind, e.data.dueAt]),
    [
      ['sla_at_risk', RESOLUTION_DUE],
      ['sla_at_risk', '2026-03-30T07:00:00.000Z'],
    ],
  );
  // Another request raised to P1 on Tuesday 10:00 CET: due Monday 13:00 CET (240 from 09:00), already past.
  // The update leaves the stored level alone; the watch writes the breach (straight to breached, no at-risk).
  const other = await create();
  await patch('2026-03-24T09:00:00Z', other.id, { priority: 'P1' });
  assert.equal(await stored(other.id), 'ok');
  await scan('2026-03-24T09:00:00Z');
  assert.deepEqual(
    (await slaEvents(other.id)).map((e) => [e.kind, e.data.clock]),
    [['sla_breached', 'resolution']],
  );
});

test('scans in batches until nothing is left', async () => {
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push((await create()).id);
  const result = await scanSla(t.deps, new Date('2026-03-25T10:00:00Z'), 2);
  assert.ok(result.atRisk >= 5, JSON.stringify(result));
  for (const id of ids)
    assert.deepEqual(
      (await slaEvents(id)).map((e) => e.kind),
      ['sla_at_risk'],
    );
  assert.deepEqual(await scanSla(t.deps, new Date('2026-03-25T10:00:00Z'), 2), {
    atRisk: 0,
    breached: 0,
    firstResponseBreached: 0,
  });
});
