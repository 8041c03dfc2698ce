import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Database } from '../db/database.ts';

/**
 * Prometheus metrics on GET /metrics: HTTP latency histogram by route, database pool, Node process.
 * One registry per app instance so tests can build several apps in one process.
 */
export function registerMetrics(app: FastifyInstance, database: Database): void {
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
      const pool = database.pool;
      if (!pool) return this.set({ state: 'total' }, 1);
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
