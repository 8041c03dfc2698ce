import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { verifyAll } from '../platform/audit.ts';
import { TAKEOVER_MS } from '../platform/idempotency.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { type HttpSession, type NodeProcess, signIn, startNodeProcess } from './node-process.ts';

/**
 * Crash test (issue 6 §2): N clients create requests as fast as they can against a REAL node process, which
 * is SIGKILLed at a random moment and restarted on the same database and DATA_DIR. Every acknowledged (2xx)
 * creation must be there with its title, description and requester; no marker may appear twice; a client
 * retrying its in-flight creation with the same Idempotency-Key never makes a second one; the audit chain
 * stays intact. `npm run test:crash` runs it with more rounds and clients (RELAIS_CRASH_ROUNDS, _CLIENTS).
 */
const ROUNDS = Number(process.env.RELAIS_CRASH_ROUNDS ?? 2);
const CLIENTS = Number(process.env.RELAIS_CRASH_CLIENTS ?? 8);
const USERS = ['demandeur@horizon.test', 'lukas.meyer@horizon.test', 'amandine.lopez@horizon.test', 'assistante@horizon.test'];
const RUN = Date.now().toString(36);

interface Attempt {
  marker: string;
  key: string;
  client: number;
  body: { serviceId: string; title: string; description: string; answers: Record<string, string> };
}
interface Client {
  session: HttpSession;
  userId: string;
}

let db: TestDatabase;
let node: NodeProcess;
let env: Record<string, string>;
let clients: Client[] = [];
let serviceId = '';
const totals = {
  acknowledged: 0,
  inFlight: 0,
  retriedCreated: 0,
  retriedReplayed: 0,
  retriedCommitted: 0,
  lost: 0,
  duplicated: 0,
};

before(async () => {
  const template = process.env.RELAIS_DEMO_TEMPLATE;
  db = await freshDatabase(undefined, template);
  env = { RELAIS_DEMO: template ? '0' : '1' };
  node = await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, env });
  clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const session = await signIn(node.url, USERS[i % USERS.length], 'Groupe Horizon');
      const me = await session.call<{ user: { id: string } }>('GET', '/api/me');
      return { session, userId: me.body.user.id };
    }),
  );
  const services = await clients[0].session.call<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  serviceId = services.body.items.find((s) => s.name === 'Demande de devis')?.id ?? assert.fail('service Demande de devis');
});
after(async () => {
  await node?.kill('SIGKILL');
  await db?.drop();
});

/** A created request, or an error (a 409 names what the key already created). */
interface Answer {
  id: string;
  message?: string;
  details: { targets: { targetType: string; targetId: string }[] };
}

/** POST /api/requests with the client's session and an Idempotency-Key; a dead node rejects (no answer). */
async function create(c: Client, a: Attempt) {
  const res = await c.session.call<Answer>('POST', '/api/requests', a.body, { 'Idempotency-Key': a.key });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', body: res.body };
}

const IN_PROGRESS = 'Une requête avec cette clé d’idempotence est encore en cours.';
const IDEMPOTENCY_COMMITTED =
  'Cette création a déjà été enregistrée, mais sa réponse n’a pas pu vous parvenir\u00a0: rechargez la liste pour la retrouver.';

/** Retries while the key is « en cours » (the dead process's reservation, taken over after TAKEOVER_MS). */
async function retryUntilSettled(c: Client, a: Attempt) {
  const deadline = Date.now() + TAKEOVER_MS + 10_000;
  while (true) {
    const res = await create(c, a);
    if (res.status !== 409 || res.body.message !== IN_PROGRESS || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function attempt(round: number, client: number, seq: number): Attempt {
  const marker = `crash-${RUN}-r${round}-c${client}-n${seq}`;
  return {
    marker,
    key: randomUUID(),
    client,
    body: { serviceId, title: `Demande ${marker}`, description: `Description ${marker}`, answers: { besoin: marker } },
  };
}

/** One client: creates until the node dies; returns what was acknowledged and the attempt that got no answer. */
async function hammer(round: number, i: number, unexpected: string[]) {
  const acked: (Attempt & { id: string })[] = [];
  for (let seq = 0; ; seq++) {
    const a = attempt(round, i, seq);
    try {
      const res = await create(clients[i], a);
      if (res.status === 201) acked.push({ ...a, id: res.body.id });
      else unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
    } catch {
      return { acked, inFlight: a };
    }
  }
}

async function rowsByMarker(round: number) {
  const rows = await db.database.db
    .selectFrom('requests')
    .select(['id', 'title', 'description', 'requester_id'])
    .where('title', 'like', `Demande crash-${RUN}-r${round}-%`)
    .execute();
  const byMarker = new Map<string, typeof rows>();
  for (const r of rows) {
    const marker = r.title.slice('Demande '.length);
    byMarker.set(marker, [...(byMarker.get(marker) ?? []), r]);
  }
  return byMarker;
}

for (let round = 1; round <= ROUNDS; round++) {
  test(`round ${round}: SIGKILL under ${CLIENTS} writers, restart: 0 lost, 0 duplicated, retries replayed`, async (c) => {
    const unexpected: string[] = [];
    const running = clients.map((_, i) => hammer(round, i, unexpected));
    const delay = 500 + Math.floor(Math.random() * 2500);
    await new Promise((resolve) => setTimeout(resolve, delay));
    await node.kill('SIGKILL');
    const results = await Promise.all(running);
    assert.deepEqual(unexpected, [], 'every creation before the crash succeeds');
    node = await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, port: node.port, env });

    // The in-flight creation retried with the same key after the restart, as a client would (again while the
    // dead process's reservation is « en cours », until it is taken over): created once, or replayed, or — the
    // creation committed but its answer was lost — a 409 naming the request created. Never a second creation.
    let created = 0;
    let replayed = 0;
    let committed = 0;
    for (const { inFlight } of results) {
      const first = await retryUntilSettled(clients[inFlight.client], inFlight);
      if (first.status === 409) {
        assert.equal(first.body.message, IDEMPOTENCY_COMMITTED, JSON.stringify(first.body));
        const target = first.body.details.targets.find((t: { targetType: string }) => t.targetType === 'request');
        assert.ok(target, 'the 409 names the request created');
        const row = (await rowsByMarker(round)).get(inFlight.marker);
        assert.equal(row?.[0]?.id, target.targetId, 'it is the request of that attempt');
        committed++;
        continue;
      }
      assert.equal(first.status, 201, `retry of ${inFlight.marker}: ${JSON.stringify(first.body)}`);
      const again = await create(clients[inFlight.client], inFlight);
      assert.equal(again.status, 201);
      assert.equal(again.replayed, true, 'a second retry is a replay');
      assert.equal(again.body.id, first.body.id, 'the same request');
      if (first.replayed) replayed++;
      else created++;
    }

    const acked = results.flatMap((r) => r.acked);
    assert.ok(acked.length > 0, 'some creations were acknowledged before the crash');
    const rows = await rowsByMarker(round);
    const lost = acked.filter((a) => {
      const found = rows.get(a.marker)?.[0];
      return (
        !found || found.id !== a.id || found.description !== a.body.description || found.requester_id !== clients[a.client].userId
      );
    });
    const duplicated = [...rows].filter(([, list]) => list.length > 1).map(([marker]) => marker);
    const inFlightRows = results.reduce((n, { inFlight }) => n + (rows.get(inFlight.marker)?.length ?? 0), 0);
    assert.equal(inFlightRows, created + replayed + committed, 'each in-flight creation exactly once after its retry');
    Object.assign(totals, {
      acknowledged: totals.acknowledged + acked.length,
      inFlight: totals.inFlight + results.length,
      retriedCreated: totals.retriedCreated + created,
      retriedReplayed: totals.retriedReplayed + replayed,
      retriedCommitted: totals.retriedCommitted + committed,
      lost: totals.lost + lost.length,
      duplicated: totals.duplicated + duplicated.length,
    });
    c.diagnostic(
      `kill after ${delay} ms: ${acked.length} acknowledged, ${results.length} in flight ` +
        `(${created} created on retry, ${replayed} replayed, ${committed} committed with a lost answer), ${lost.length} lost, ` +
        `${duplicated.length} duplicated`,
    );
    assert.deepEqual(
      lost.map((a) => a.marker),
      [],
      'no acknowledged creation lost',
    );
    assert.deepEqual(duplicated, [], 'no creation duplicated');
    assert.equal(rows.size, acked.length + inFlightRows, 'nothing else was created');

    const chains = await verifyAll(db.database.db);
    assert.deepEqual(
      chains.filter((ch) => !ch.ok),
      [],
      'audit chains intact',
    );
  });
}

test('totals', (c) => {
  c.diagnostic(JSON.stringify(totals));
  assert.equal(totals.lost + totals.duplicated, 0);
});
