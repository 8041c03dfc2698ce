import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';

/** Liveness (the process answers) and readiness (the database answers). */
export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['ops'], summary: 'Vivant' } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/api/ready',
    { config: { public: true }, schema: { tags: ['ops'], summary: 'Prêt (base de données joignable)' } },
    async (_request, reply) => {
      if (deps.draining) return reply.status(503).send({ status: 'draining', database: true });
      const ok = await Promise.race([deps.database.ping(), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', database: ok });
    },
  );
}
