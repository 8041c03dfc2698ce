import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase, testDialect } from './database.ts';
import { freePort } from './node-process.ts';
import { waitFor } from './wait.ts';

/**
 * `npm run cluster` (scripts/cluster.mjs): refuses SQLite with a French message; on PostgreSQL starts the
 * nodes one after the other on consecutive ports with one DATA_DIR (one secret key), only node 1 on the
 * inbound SMTP port, prefixes their output, and stops them all gracefully on SIGTERM.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const skip = testDialect() !== 'postgres' && 'plusieurs nœuds : PostgreSQL seulement';
let db: TestDatabase;

before(async () => {
  if (skip) return;
  db = await freshDatabase('postgres', process.env.RELAIS_DEMO_TEMPLATE);
});
after(async () => {
  await db?.drop();
});

function launch(args: string[], env: Record<string, string>) {
  const { SECRET_KEY: _key, PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/cluster.mjs', ...args], {
    cwd: ROOT,
    env: { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Two consecutive free ports (the launcher gives node N the port base + N - 1). */
async function portPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await portFree(port + 1))) return port;
  }
}

/** Waits for `check` while the launcher runs (its early exit fails at once). */
function whileRunning(what: string, check: () => boolean, child: ChildProcess, ms = 90_000) {
  return waitFor(
    what,
    () => {
      if (child.exitCode !== null) throw new Error(`le lanceur s’est arrêté avant : ${what}`);
      return check();
    },
    ms,
    200,
  );
}

test('without a PostgreSQL DATABASE_URL the launcher refuses in French and exits 1', async () => {
  const run = launch(['--nodes', '2', '--no-build'], { DATABASE_URL: 'sqlite:/tmp/relais-cluster-refus.db' });
  assert.equal(await run.exited, 1);
  assert.match(run.output(), /Plusieurs nœuds partagent une base PostgreSQL\u00a0: définissez DATABASE_URL=postgres:\/\//);
  const bad = launch(['--nodes', '0', '--no-build'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' });
  assert.equal(await bad.exited, 1);
  assert.match(bad.output(), /--nodes doit être un nombre entier entre 1 et 32/);
});

test('two nodes on consecutive ports share the data directory, only node 1 takes the SMTP port, SIGTERM stops both', {
  skip,
}, async () => {
  const base = await portPair();
  const smtp = await freePort();
  const env = { DATABASE_URL: db.url, DATA_DIR: db.dataDir, RELAIS_DEMO: '0', SMTP_INBOUND_PORT: String(smtp) };
  const run = launch(['--nodes', '2', '--port-base', String(base), '--no-build'], env);
  try {
    await whileRunning('grappe prête', () => run.output().includes('Grappe prête'), run.child);
    for (const port of [base, base + 1]) assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 200);
    const out = run.output();
    assert.match(out, /^\[nœud 1\] /m);
    assert.match(out, /^\[nœud 2\] /m);
    assert.match(out, new RegExp(`nœud 2\u00a0: http://localhost:${base + 1}`));
    // Without SECRET_KEY, node 1 wrote the key into the shared DATA_DIR and node 2 read the same file.
    assert.ok(existsSync(path.join(db.dataDir, 'secret.key')));
    assert.ok(readFileSync(path.join(db.dataDir, 'secret.key'), 'utf8').trim().length >= 32);
    // Node 2 would log this if it had tried the port node 1 holds.
    assert.doesNotMatch(out, /SMTP entrant non démarré/);
    const nodes = await db.database.db.selectFrom('cluster_nodes').select(['port', 'stopped_at']).execute();
    assert.deepEqual(nodes.map((n) => n.port).sort(), [base, base + 1]);
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
    const stopped = await db.database.db.selectFrom('cluster_nodes').select('stopped_at').execute();
    assert.ok(
      stopped.every((n) => n.stopped_at !== null),
      'chaque nœud s’est arrêté proprement',
    );
    for (const port of [base, base + 1]) assert.equal(await portFree(port), true);
  } finally {
    // The nodes run in their own process group: stop them through the launcher, never leave them behind.
    if (run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }
});
