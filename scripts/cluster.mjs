#!/usr/bin/env node
// `npm run cluster -- --nodes 2 [--port-base 8080] [--no-build]`: several Relais nodes on one PostgreSQL database and one
// DATA_DIR, as behind a load balancer. Node 1 starts first (it may create the secret key in DATA_DIR and seed
// the demo), the others once it answers; only node 1 listens for inbound mail. Ctrl-C stops every node gracefully.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ensureWebBuild, ROOT } from './web-build.mjs';

function fail(message) {
  console.error(message);
  process.exit(1);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        nodes: { type: 'string', default: '2' },
        'port-base': { type: 'string', default: process.env.PORT || '8080' },
        /** API only: do not build the web application (web/dist is then not served if missing). */
        'no-build': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    fail(`Option invalide\u00a0: ${err.message}\nUsage\u00a0: npm run cluster -- --nodes 2 [--port-base 8080] [--no-build]`);
  }
  const nodes = Number(values.nodes);
  const portBase = Number(values['port-base']);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 32) fail('--nodes doit être un nombre entier entre 1 et 32.');
  if (!Number.isInteger(portBase) || portBase < 1 || portBase + nodes - 1 > 65535)
    fail('--port-base doit être un numéro de port (les nœuds prennent les ports suivants, jusqu’à 65535).');
  const databaseUrl = process.env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl))
    fail(
      'Plusieurs nœuds partagent une base PostgreSQL\u00a0: définissez DATABASE_URL=postgres://… ' +
        '(SQLite ne sert qu’un seul processus, utilisez « npm start »).',
    );
  return { nodes, portBase, build: !values['no-build'] };
}

const { nodes, portBase, build } = options();
const dataDir = path.resolve(process.env.DATA_DIR || './data');
const host = process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
/** Running nodes: { n, port, child }. */
const running = [];
let stopping = false;

function prefix(stream, out, label) {
  createInterface({ input: stream }).on('line', (line) => out.write(`${label} ${line}\n`));
}

function startNode(n) {
  const port = portBase + n - 1;
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  // Only node 1 takes the inbound SMTP port; the others listen on a port the system picks (never used).
  if (n > 1) env.SMTP_INBOUND_PORT = '0';
  // Own process group: a terminal's Ctrl-C reaches the launcher only, which forwards one signal to each node.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `[nœud ${n}]`;
  prefix(child.stdout, process.stdout, label);
  prefix(child.stderr, process.stderr, label);
  const node = { n, port, child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  running.push(node);
  node.exited.then((code) => {
    if (stopping) return;
    console.error(`${label} arrêté de lui-même (code ${code})\u00a0: arrêt des autres nœuds.`);
    process.exitCode = 1;
    stopAll('SIGTERM');
  });
  return node;
}

async function waitHealthy(node, timeoutMs = 180_000) {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${node.port}/api/health`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.child.exitCode !== null || stopping) return false;
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`[nœud ${node.n}] ne répond pas sur ${url} après ${timeoutMs / 1000} s.`);
  return false;
}

async function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of running) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  const codes = await Promise.all(running.map((node) => node.exited));
  if (codes.some((c) => c !== 0 && c !== null)) process.exitCode ||= 1;
  process.exit();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(signal));
// Last resort if the launcher itself dies: no node is left behind.
process.on('exit', () => {
  for (const { child } of running) if (child.exitCode === null) child.kill('SIGTERM');
});

if (build) ensureWebBuild();
console.log(
  `Démarrage de ${nodes} nœud(s) Relais sur ${process.env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}, DATA_DIR=${dataDir}`,
);
const first = startNode(1);
if (!(await waitHealthy(first))) await stopAll('SIGTERM');
const others = Array.from({ length: nodes - 1 }, (_, i) => startNode(i + 2));
const healthy = await Promise.all(others.map((node) => waitHealthy(node)));
if (healthy.includes(false)) await stopAll('SIGTERM');
if (!stopping) {
  console.log(`\nGrappe prête (${nodes} nœud(s))\u00a0:`);
  for (const { n, port } of running) console.log(`  nœud ${n}\u00a0: http://localhost:${port}`);
  console.log('Placez un répartiteur de charge devant ces adresses (voir docs/operations.md). Ctrl-C arrête tout.\n');
}
