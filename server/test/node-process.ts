import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The same key on every node of a test cluster (sessions and encrypted fields are shared). */
export const TEST_SECRET_KEY = 'cle-de-test-du-cluster-relais-0123456789abcdef';

export interface NodeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the node printed (JSON log lines), for assertions and for a failure's message. */
  output: string[];
  /** Sends a signal and resolves with the exit code once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A free TCP port on the loopback (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real Relais process (`server/main.ts`) on a database and a data directory, as `npm start` or a
 * cluster node would, and waits until `/api/health` answers. Tests of crashes, restarts and several nodes
 * use it; `kill()` with SIGKILL is a crash, with SIGTERM a graceful stop.
 */
export async function startNodeProcess(options: {
  databaseUrl: string;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      BASE_URL: `http://127.0.0.1:${port}`,
      SECRET_KEY: TEST_SECRET_KEY,
      SMTP_INBOUND_PORT: String(await freePort()),
      RELAIS_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (true) {
    if (child.exitCode !== null) throw new Error(`le nœud s’est arrêté au démarrage :\n${output.join('\n')}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`le nœud ne répond pas sur ${url} :\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    child,
    output,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface HttpSession {
  cookie: string;
  csrfToken: string;
  /** A JSON call with the session's cookie and CSRF token. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>;
}

/** Signs in over real HTTP (a node process) and optionally switches to an organisation by name. */
export async function signIn(
  baseUrl: string,
  email: string,
  organizationName?: string,
  password = 'relais-demo',
): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`connexion refusée pour ${email} : ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const session: HttpSession = {
    cookie,
    csrfToken,
    async call(method, path, body, headers = {}) {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          cookie,
          'X-CSRF-Token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : {}) as never, headers: r.headers };
    },
  };
  if (organizationName) {
    type Me = { organization?: { name: string }; memberships: { organizationId: string; organizationName: string }[] };
    const me = (await session.call<Me>('GET', '/api/me')).body;
    const target = me.memberships.find((m) => m.organizationName === organizationName);
    if (me.organization?.name !== organizationName && target)
      await session.call('POST', '/api/me/organization', { organizationId: target.organizationId });
  }
  return session;
}
