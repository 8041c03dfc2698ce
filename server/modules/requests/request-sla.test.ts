/**
 * SLA clocks through the HTTP API on the demo organisation: the requests code reads a pinned clock
 * (setRequestClock), so creation, pauses and priority changes happen at chosen instants. Service
 * « Demande de devis » is P3 on the demo contract: 480 min first response, 1440 min resolution, at risk
 * at 1080. Lyon and Strasbourg open 08:30–12:30 and 13:30–17:30, Lille 07:00–15:00 (Europe/Paris).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';
import { setRequestClock } from './request-sla.ts';

let t: TestApp;
let requester: ReturnType<typeof as>;
let assistant: ReturnType<typeof as>;
let quoteService: string;
const sites = new Map<string, string>();

before(async () => {
  t = await testApp({ demo: true });
  requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  assistant = as(t.app, await login(t.app, 'assistante@horizon.test'));
  const services = (await requester('GET', '/api/catalog/services')).json().items as { id: string; name: string }[];
  quoteService = services.find((s) => s.name === 'Demande de devis')?.id ?? '';
  for (const s of (await assistant('GET', '/api/sites')).json().items as { id: string; name: string }[]) {
    sites.set(s.name.split(' ')[0], s.id);
  }
});
after(async () => {
  setRequestClock(null);
  await t.close();
});

interface Sla {
  startedAt: string;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  atRiskAt: string;
  pausedMinutes: number;
  state: string;
}
interface Req {
  id: string;
  version: number;
  priority: string;
  createdAt: string;
  sla: Sla;
}
const Z = (s: string) => new Date(s).toISOString();

async function create(at: string, site: string): Promise<Req> {
  setRequestClock(() => new Date(at));
  const res = await requester('POST', '/api/requests', {
    serviceId: quoteService,
    siteId: sites.get(site),
    title: `Devis (${site})`,
    answers: { besoin: 'Trois fauteuils ergonomiques' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function patch(at: string, r: Req, body: Record<string, unknown>): Promise<Req> {
  setRequestClock(() => new Date(at));
  const res = await assistant('PATCH', `/api/requests/${r.id}`, { version: r.version, ...body });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const dues = (r: Req) => [r.sla.firstResponseDueAt, r.sla.resolutionDueAt, r.sla.atRiskAt];

test('Strasbourg, Thursday before Easter at 18:00: the clocks skip Good Friday and Easter Monday', async () => {
  assert.ok(sites.get('Strasbourg') && sites.get('Lyon') && sites.get('Lille'), 'demo sites found');
  // Thursday 2 April 2026 18:00 CEST, after closing. Friday 3 (Good Friday, Alsace-Moselle), the weekend and
  // Monday 6 (Easter Monday) are closed: the clock starts on Tuesday 7 April at 08:30 CEST = 06:30Z.
  // 480 = Tuesday → 17:30 CEST; 1440 = Tue, Wed, Thu → Thursday 9 April 17:30; at risk 1080 → Thursday 10:30.
  const s = await create('2026-04-02T16:00:00Z', 'Strasbourg');
  assert.equal(s.priority, 'P3');
  assert.equal(s.createdAt, Z('2026-04-02T16:00:00Z'));
  assert.equal(s.sla.startedAt, Z('2026-04-07T06:30:00Z'));
  assert.deepEqual(dues(s), [Z('2026-04-07T15:30:00Z'), Z('2026-04-09T15:30:00Z'), Z('2026-04-09T08:30:00Z')]);
  // Lyon works on Good Friday (only Easter Monday is closed): start Friday 08:30; Fri, Tue, Wed → Wednesday
  // 8 April 17:30; at risk 1080 = Fri + Tue + 120 → Wednesday 10:30 CEST.
  const l = await create('2026-04-02T16:00:00Z', 'Lyon');
  assert.equal(l.sla.startedAt, Z('2026-04-03T06:30:00Z'));
  assert.deepEqual(dues(l), [Z('2026-04-03T15:30:00Z'), Z('2026-04-08T15:30:00Z'), Z('2026-04-08T08:30:00Z')]);
});

test('Lille against its 07:00–15:00 hours, and a request sent on Sunday night', async () => {
  // Monday 23 March 2026 14:00 CET: 60 min on Monday, then 480 a day from 07:00. First response 60 + 420 →
  // Tuesday 14:00 CET; resolution 60 + 480 + 480 + 420 → Thursday 14:00; at risk 60 + 960 + 60 → Thursday 08:00.
  const r = await create('2026-03-23T13:00:00Z', 'Lille');
  assert.deepEqual(dues(r), [Z('2026-03-24T13:00:00Z'), Z('2026-03-26T13:00:00Z'), Z('2026-03-26T07:00:00Z')]);
  // Sunday 22 March 23:00 CET → Monday 07:00 CET; 480 → Monday 15:00; 1440 → Wednesday 15:00; 1080 → Wednesday 09:00.
  const night = await create('2026-03-22T22:00:00Z', 'Lille');
  assert.equal(night.sla.startedAt, Z('2026-03-23T06:00:00Z'));
  assert.deepEqual(dues(night), [Z('2026-03-23T14:00:00Z'), Z('2026-03-25T14:00:00Z'), Z('2026-03-25T08:00:00Z')]);
});

test('three pause cycles through PATCH status: each pushes the resolution due date by its business minutes', async () => {
  // Monday 23 March 09:00 CET, Lyon: resolution due Thursday 26 09:00 CET (three business days).
  let r = await create('2026-03-23T08:00:00Z', 'Lyon');
  assert.equal(r.sla.resolutionDueAt, Z('2026-03-26T08:00:00Z'));
  const firstResponse = r.sla.firstResponseDueAt;
  const cycles: [string, string, string, number, string, string][] = [
    // pause, status, resume, total paused, due, at risk (arithmetic in sla-clock.test.ts):
    // Monday 10:00 → 11:00 CET = 60: due 1500 → Thursday 10:00 CET, at risk 1140 → Wednesday 12:00.
    ['2026-03-23T09:00:00Z', 'waiting_requester', '2026-03-23T10:00:00Z', 60, '2026-03-26T09:00:00Z', '2026-03-25T11:00:00Z'],
    // Tuesday 16:00 → Wednesday 10:00 CET = 90 + 90: due 1680 → Thursday 14:00, at risk 1320 → Wednesday 16:00.
    ['2026-03-24T15:00:00Z', 'waiting_third_party', '2026-03-25T09:00:00Z', 240, '2026-03-26T13:00:00Z', '2026-03-25T15:00:00Z'],
    // Wednesday 12:00 → 14:30 CET across lunch = 30 + 60: due 1770 → Thursday 15:30, at risk 1410 → Wednesday 17:30.
    ['2026-03-25T11:00:00Z', 'waiting_requester', '2026-03-25T13:30:00Z', 330, '2026-03-26T14:30:00Z', '2026-03-25T16:30:00Z'],
  ];
  for (const [from, status, to, minutes, due, risk] of cycles) {
    r = await patch(from, r, { status });
    assert.equal(r.sla.state, 'paused');
    r = await patch(to, r, { status: 'in_progress' });
    assert.deepEqual([r.sla.pausedMinutes, r.sla.resolutionDueAt, r.sla.atRiskAt], [minutes, Z(due), Z(risk)], status);
  }
  assert.equal(r.sla.firstResponseDueAt, firstResponse, 'the first-response clock never pauses');
});

test('priority change mid-way through PATCH: targets from the original start, paused time kept', async () => {
  // Monday 09:00 CET, paused 10:00 → 11:00 (60), then on Tuesday 10:00 CET P3 → P4 (960 / 2400).
  let r = await create('2026-03-23T08:00:00Z', 'Lyon');
  r = await patch('2026-03-23T09:00:00Z', r, { status: 'waiting_requester' });
  r = await patch('2026-03-23T10:00:00Z', r, { status: 'in_progress' });
  r = await patch('2026-03-24T09:00:00Z', r, { priority: 'P4' });
  // First response 960 = 450 + 480 + 30 → Wednesday 09:00 CET. Resolution 2400 + 60 = 450 + 4 × 480 + 90
  // → Monday 30 March 10:00 CEST (after the clock change). At risk 1800 + 60 → Thursday 17:00 CET.
  assert.equal(r.priority, 'P4');
  assert.equal(r.sla.pausedMinutes, 60);
  assert.deepEqual(dues(r), [Z('2026-03-25T08:00:00Z'), Z('2026-03-30T08:00:00Z'), Z('2026-03-26T16:00:00Z')]);
});

test('priority change while paused, alone or in the resuming update, counts the whole pause', async () => {
  // Monday 09:00 CET, paused at 10:00 (60 used). P3 → P2 (480) while paused; resumed Wednesday 09:00 CET:
  // paused 390 + 480 + 30 = 900; due 480 + 900 → Wednesday 17:00 CET; at risk 360 + 900 → Wednesday 15:00.
  let a = await create('2026-03-23T08:00:00Z', 'Lyon');
  a = await patch('2026-03-23T09:00:00Z', a, { status: 'waiting_requester' });
  a = await patch('2026-03-24T09:00:00Z', a, { priority: 'P2' });
  assert.equal(a.sla.state, 'paused');
  a = await patch('2026-03-25T08:00:00Z', a, { status: 'in_progress' });
  // The same in one update: the resume must use P2's targets, not the P3 the request had.
  let b = await create('2026-03-23T08:00:00Z', 'Lyon');
  b = await patch('2026-03-23T09:00:00Z', b, { status: 'waiting_requester' });
  b = await patch('2026-03-25T08:00:00Z', b, { priority: 'P2', status: 'in_progress' });
  for (const r of [a, b]) {
    assert.equal(r.sla.pausedMinutes, 900);
    assert.deepEqual([r.sla.resolutionDueAt, r.sla.atRiskAt], [Z('2026-03-25T16:00:00Z'), Z('2026-03-25T14:00:00Z')]);
  }
});
