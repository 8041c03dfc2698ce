import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError, isUniqueViolation } from './errors.ts';
import { nowIso, sha256 } from './ids.ts';

const PENDING = 0;
const TTL_MS = 24 * 3600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyId: string | null;
  }
}

/**
 * `Idempotency-Key` on creations (DESIGN rule 4): the first POST with a key reserves it and stores its
 * response; a retry with the same key replays that response instead of creating twice; a retry while
 * the first is still running answers 409; the same key on another route answers 422.
 */
export function registerIdempotency(app: FastifyInstance, database: Database): void {
  app.decorateRequest('idempotencyId', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor || !request.url.startsWith('/api/')) return;
    if (key.length < 8 || key.length > 200) throw new AppError('bad_request');
    const id = sha256(`${request.actor.userId}\n${key}`);
    const route = `${request.method} ${request.url}`;
    try {
      await database.db
        .insertInto('idempotency_keys')
        .values({ id, user_id: request.actor.userId, route, status_code: PENDING, response: 'null', created_at: nowIso() })
        .execute();
      request.idempotencyId = id;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return replay(database, id, route, reply);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const id = request.idempotencyId;
    if (!id) return payload;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await database.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
    } else {
      await database.db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response: payload })
        .where('id', '=', id)
        .execute();
    }
    return payload;
  });
}

async function replay(database: Database, id: string, route: string, reply: FastifyReply) {
  const row = await database.db.selectFrom('idempotency_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || Date.parse(row.created_at) + TTL_MS < Date.now()) {
    await database.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
    throw new AppError('conflict', 'idempotency_retry');
  }
  if (row.route !== route) throw new AppError('unprocessable', 'idempotency_mismatch');
  if (row.status_code === PENDING) throw new AppError('conflict', 'idempotency_in_progress');
  reply.header('idempotent-replayed', 'true');
  return reply
    .status(row.status_code)
    .type('application/json; charset=utf-8')
    .send(typeof row.response === 'string' ? row.response : JSON.stringify(row.response));
}
