/**
 * /metrics beyond HTTP latency: the state of the work, read at scrape time (jobs by state, failures by name,
 * inbound mail by status, SLA breaches), the live sockets of this node and the mail this node sent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LiveTestClient } from '../modules/live/live.test-client.ts';
import { newInboundMessage, newMember, newOrganization, newRequest, sessionFor } from '../test/factories.ts';
import { type TestApp, testApp } from '../test/harness.ts';
import { claimJobs, enqueueJob, finishJob } from './jobs.ts';

let t: TestApp;
let org: string;

before(async () => {
  t = await testApp();
  org = await newOrganization(t.deps);
});
after(() => t.close());

async function scrape(): Promise<string> {
  const res = await t.app.inject({ url: '/metrics' });
  assert.equal(res.statusCode, 200);
  return res.body;
}

/** The value of one sample (`name{labels} value`), or null when absent. */
function sample(body: string, series: string): number | null {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

test('jobs by state and failures by name follow the queue', async () => {
  const db = t.deps.database.db;
  const before = await scrape();
  assert.equal(sample(before, 'relais_jobs{state="pending"}'), 0);
  assert.equal(sample(before, 'relais_jobs{state="failed"}'), 0);
  for (let i = 0; i < 3; i++) await enqueueJob(db, 'test.metrics.wait', {});
  const failing = (await enqueueJob(db, 'test.metrics.broken', {}, { maxAttempts: 1 })) as string;
  const claimed = (await claimJobs(t.deps.database, 'n1', 10)).find((j) => j.id === failing);
  assert.ok(claimed);
  await finishJob(db, claimed, 'n1', new Error('panne'));
  await enqueueJob(db, 'test.metrics.running', {});
  await claimJobs(t.deps.database, 'n1', 10);
  const body = await scrape();
  assert.match(body, /^# TYPE relais_jobs gauge$/m);
  assert.equal(sample(body, 'relais_jobs{state="failed"}'), 1);
  assert.equal(sample(body, 'relais_jobs{state="running"}'), 4, 'the three waiting and the last one, all claimed');
  assert.equal(sample(body, 'relais_job_failures{name="test.metrics.broken"}'), 1);
});

test('inbound mail by status, open requests in SLA breach', async () => {
  assert.equal(sample(await scrape(), 'relais_sla_breaches'), 0);
  await newInboundMessage(t.deps, org);
  const breached = await newRequest(t.deps, org);
  const late = await newRequest(t.deps, org);
  await newRequest(t.deps, org);
  const db = t.deps.database.db;
  await db.updateTable('requests').set({ sla_state: 'breached' }).where('id', '=', breached).execute();
  await db.updateTable('requests').set({ first_response_state: 'breached' }).where('id', '=', late).execute();
  const body = await scrape();
  assert.equal(sample(body, 'relais_mail_inbound_total{status="quarantined"}'), 1);
  assert.equal(sample(body, 'relais_sla_breaches'), 2);
  await db.updateTable('requests').set({ status: 'closed' }).where('id', '=', late).execute();
  assert.equal(sample(await scrape(), 'relais_sla_breaches'), 1, 'a closed request no longer counts');
});

test('open live sockets of this node, and mail really sent by this node', async () => {
  const url = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/api/live`;
  assert.equal(sample(await scrape(), 'relais_websocket_connections'), 0);
  const session = await sessionFor(t.deps, await newMember(t.deps, org, 'coordinator', null), org);
  const a = await LiveTestClient.open(url, { cookie: session.cookie });
  const b = await LiveTestClient.open(url, { cookie: session.cookie });
  assert.equal(sample(await scrape(), 'relais_websocket_connections'), 2);
  await a.close();
  await b.close();
  // The server sees the close a moment after the client: wait for it rather than sleep a fixed time.
  let open = 2;
  for (let i = 0; i < 50 && open > 0; i++) {
    open = sample(await scrape(), 'relais_websocket_connections') ?? -1;
    if (open > 0) await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(open, 0);

  const sentBefore = sample(await scrape(), 'relais_mail_outbound_total') ?? -1;
  assert.equal(sentBefore, 0);
  await t.deps.mailer.send({ to: 'quelquun@example.test', subject: 'Essai', text: 'Bonjour' });
  assert.equal(sample(await scrape(), 'relais_mail_outbound_total'), 1);
  assert.equal(t.mail.sent.at(-1)?.subject, 'Essai', 'the counting wrapper still delivers through the real mailer');
});
