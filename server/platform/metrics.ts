import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import client from 'prom-client';
import { OPEN_STATUSES } from '../../common/requests.ts';
import type { Deps } from './deps.ts';
import type { Mailer } from './mailer.ts';

/**
 * Prometheus metrics on GET /metrics: HTTP latency histogram by route, database pool, Node process, and the
 * state of the work (jobs, live sockets, mail, SLA breaches). One registry per app instance so tests can build
 * several apps in one process.
 */
export function registerMetrics(app: FastifyInstance, deps: Deps): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'relais_' });
  const latency = new client.Histogram({
    name: 'relais_http_request_duration_seconds',
    help: 'Durée des requêtes HTTP par route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'relais_db_pool_connections',
    help: 'Connexions du pool de base de données (total, inactives, en attente)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = deps.database.pool;
      if (!pool) return this.set({ state: 'total' }, 1);
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  registerWorkMetrics(registry, deps);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}

type Counts = { key: string; count: number }[];

/**
 * A gauge read from the database at scrape time (a cheap indexed count). The tables are shared: every node
 * reports the same cluster-wide value (aggregate with max, not sum). A failing database leaves the gauge
 * empty rather than failing the whole scrape.
 */
function dbGauge(registry: client.Registry, name: string, help: string, label: string | null, read: () => Promise<Counts>) {
  new client.Gauge({
    name,
    help,
    labelNames: label ? [label] : [],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read().catch(() => null);
      for (const r of rows ?? []) {
        if (label) this.set({ [label]: r.key }, r.count);
        else this.set(r.count);
      }
    },
  });
}

const counted = (rows: { key: string; count: unknown }[]): Counts => rows.map((r) => ({ key: r.key, count: Number(r.count) }));

function registerWorkMetrics(registry: client.Registry, deps: Deps): void {
  const db = () => deps.database.db;
  const count = sql<number>`count(*)`.as('count');
  dbGauge(registry, 'relais_jobs', 'Travaux de la file par état (en attente, en cours, en échec)', 'state', async () => {
    const rows = await db()
      .selectFrom('jobs')
      .select(['state as key', count])
      .where('state', 'in', ['pending', 'running', 'failed'])
      .groupBy('state')
      .execute();
    const found = counted(rows);
    return ['pending', 'running', 'failed'].map((key) => ({ key, count: found.find((r) => r.key === key)?.count ?? 0 }));
  });
  dbGauge(registry, 'relais_job_failures', 'Travaux en échec définitif (gardés 30 jours), par nom', 'name', async () =>
    counted(await db().selectFrom('jobs').select(['name as key', count]).where('state', '=', 'failed').groupBy('name').execute()),
  );
  dbGauge(
    registry,
    'relais_mail_inbound_total',
    'Courriels reçus par statut (créé, réponse, ignoré, quarantaine, rejeté…)',
    'status',
    async () => counted(await db().selectFrom('inbound_messages').select(['status as key', count]).groupBy('status').execute()),
  );
  dbGauge(
    registry,
    'relais_sla_breaches',
    'Demandes ouvertes dont un délai SLA est dépassé (résolution ou première réponse)',
    null,
    async () => {
      const row = await db()
        .selectFrom('requests')
        .select(count)
        .where('status', 'in', OPEN_STATUSES as string[])
        .where((eb) => eb.or([eb('sla_state', '=', 'breached'), eb('first_response_state', '=', 'breached')]))
        .executeTakeFirst();
      return [{ key: '', count: Number(row?.count ?? 0) }];
    },
  );
  new client.Gauge({
    name: 'relais_websocket_connections',
    help: 'WebSockets ouverts sur ce nœud (mises à jour en direct)',
    registers: [registry],
    collect() {
      this.set(deps.liveConnections?.() ?? 0);
    },
  });
  const sent = new client.Counter({
    name: 'relais_mail_outbound_total',
    help: 'Courriels envoyés par ce nœud depuis son démarrage (notifications, enquêtes, réinitialisations…)',
    registers: [registry],
  });
  deps.mailer = countingMailer(deps.mailer, () => sent.inc());
}

/** Counts what the mailer really sent (a failed send is not counted: the caller retries it). */
function countingMailer(inner: Mailer, onSent: () => void): Mailer {
  return {
    async send(mail) {
      await inner.send(mail);
      onSent();
    },
  };
}
