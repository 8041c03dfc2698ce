import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LiveTestClient } from '../modules/live/live.test-client.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { type HttpSession, type NodeProcess, signIn, startNodeProcess } from './node-process.ts';

/**
 * Graceful stop of a REAL node (SIGTERM): an upload streaming slowly when the signal arrives still completes
 * (201), an open WebSocket is told to reconnect (1012), the process exits 0 within 10 s and its
 * `cluster_nodes` row is marked stopped. Whether /api/ready was seen red during the drain is reported.
 */
let db: TestDatabase;
let node: NodeProcess;
let session: HttpSession;
let requestId: string;

before(async () => {
  const template = process.env.RELAIS_DEMO_TEMPLATE;
  db = await freshDatabase(undefined, template);
  node = await startNodeProcess({ databaseUrl: db.url, dataDir: db.dataDir, env: { RELAIS_DEMO: template ? '0' : '1' } });
  session = await signIn(node.url, 'demandeur@horizon.test', 'Groupe Horizon');
  const services = await session.call<{ items: { id: string; name: string }[] }>('GET', '/api/catalog/services');
  const serviceId = services.body.items.find((s) => s.name === 'Demande de devis')?.id;
  const created = await session.call<{ id: string }>('POST', '/api/requests', {
    serviceId,
    title: 'Arrêt en douceur',
    answers: { besoin: 'Chaises' },
  });
  assert.equal(created.status, 201);
  requestId = created.body.id;
});
after(async () => {
  await node?.kill('SIGKILL');
  await db?.drop();
});

/** A multipart body with one PDF, sent in `chunks` pieces `everyMs` apart (a slow client's upload). */
function slowUpload(chunks: number, everyMs: number) {
  const boundary = '----relais-lent';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lent.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const pieces = [Buffer.from(`${head}%PDF-1.7\n`), ...Array.from({ length: chunks }, () => Buffer.alloc(16 * 1024, 0x20))];
  pieces.push(Buffer.from(`\n%%EOF\n\r\n--${boundary}--\r\n`));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent > 0) await new Promise((r) => setTimeout(r, everyMs));
      const next = pieces[sent++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return fetch(`${node.url}/api/requests/${requestId}/attachments`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'X-CSRF-Token': session.csrfToken,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

test('SIGTERM: the in-flight upload completes, WebSockets get 1012, exit 0 within 10 s, node row stopped', async (c) => {
  const ws = await LiveTestClient.open(`${node.url.replace(/^http/, 'ws')}/api/live`, {
    cookie: session.cookie,
    origin: node.url,
  });
  const upload = slowUpload(15, 100);
  await new Promise((r) => setTimeout(r, 300));
  const signalled = Date.now();
  const exited = node.kill('SIGTERM');
  // Readiness while draining: red (503) or already refusing connections; never green.
  const seen = new Set<string>();
  let polling = true;
  const poll = (async () => {
    await new Promise((r) => setTimeout(r, 50)); // the signal is handled on the node's next turn
    while (polling) {
      seen.add(
        await fetch(`${node.url}/api/ready`).then(
          (r) => String(r.status),
          () => 'refused',
        ),
      );
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const res = await upload;
  const uploadedAfter = Date.now() - signalled;
  assert.equal(res.status, 201, await res.clone().text());
  assert.equal((await ws.closed).code, 1012);
  const code = await exited;
  const exitMs = Date.now() - signalled;
  polling = false;
  await poll;
  assert.equal(code, 0, node.output.slice(-20).join('\n'));
  assert.ok(exitMs < 10_000, `exited after ${exitMs} ms`);
  assert.ok(!seen.has('200'), `/api/ready stayed green while draining: ${[...seen]}`);
  const row = await db.database.db
    .selectFrom('cluster_nodes')
    .select('stopped_at')
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  assert.ok(row?.stopped_at, 'cluster_nodes.stopped_at set');
  c.diagnostic(`upload answered 201 ${uploadedAfter} ms after SIGTERM; exit 0 after ${exitMs} ms; /api/ready seen: ${[...seen]}`);
});
