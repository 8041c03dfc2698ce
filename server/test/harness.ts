import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Deps } from '../platform/deps.ts';
import type { Mailer, OutgoingMail } from '../platform/mailer.ts';
import { seedDemo } from '../seed/demo.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

/** Keeps sent mail in memory so tests can read reset links. */
export class CaptureMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: TestDatabase;
  mail: CaptureMailer;
  routes: RouteOptions[];
  close(): Promise<void>;
}

/** A full Relais app on a fresh database of the dialect under test, optionally with the demo data. */
export async function testApp(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  // `npm test` seeds the demo once per dialect (server/test/demo-template.ts); each suite starts from a copy.
  const template = options.demo ? process.env.RELAIS_DEMO_TEMPLATE : undefined;
  const db = await freshDatabase(undefined, template);
  const config = loadConfig({
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    BASE_URL: 'https://relais.example.test',
    LOG_LEVEL: 'silent',
    RELAIS_DEMO: '0',
    ...options.env,
  });
  const mail = new CaptureMailer();
  const { app, deps, routes } = await buildApp({ config, database: db.database, mailer: mail, logger: false });
  await app.ready();
  if (options.demo && !template) await seedDemo(deps);
  return {
    app,
    deps,
    db,
    mail,
    routes,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the API and returns the session cookie and CSRF token. */
export async function login(app: FastifyInstance, email: string, password = 'relais-demo'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'relais_session');
  return { cookie: `relais_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

/** Logs in and works in the named organisation (a member of several starts in the first one alphabetically). */
export async function loginIn(app: FastifyInstance, email: string, organizationName = 'Groupe Horizon'): Promise<Session> {
  const session = await login(app, email);
  const me = (await as(app, session)('GET', '/api/me')).json();
  if (me.organization?.name !== organizationName) {
    const target = me.memberships.find((m: { organizationName: string }) => m.organizationName === organizationName);
    await as(app, session)('POST', '/api/me/organization', { organizationId: target.organizationId });
  }
  return session;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends a request as a logged-in user (cookie + CSRF header on writes). */
export function as(app: FastifyInstance, session: Session | null) {
  return (
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> => {
    const opts: InjectOptions = { method, url, headers: { ...headers } };
    if (session) {
      opts.headers = { ...opts.headers, cookie: session.cookie };
      if (method !== 'GET') opts.headers['x-csrf-token'] = session.csrf;
    }
    if (payload !== undefined) opts.payload = payload as InjectOptions['payload'];
    return app.inject(opts);
  };
}
