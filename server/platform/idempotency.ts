import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Kdb } from '../db/database.ts';
import { AppError, isUniqueViolation } from './errors.ts';
import { nowIso, sha256 } from './ids.ts';
import { currentIdempotency, setIdempotency } from './log-context.ts';

const PENDING = 0;
/** The creation committed but its response was never stored (the process died in between). */
const COMMITTED = 1;
const TTL_MS = 24 * 3600_000;
/** A reservation still pending after this long lost its process: a retry takes it over. */
export const TAKEOVER_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyId: string | null;
  }
}

/**
 * `Idempotency-Key` on creations (DESIGN rule 4): the first POST with a key reserves it and stores its
 * response; a retry with the same key replays that response instead of creating twice; a retry while
 * the first is still running answers 409; the same key on another route answers 422.
 *
 * A crash must neither duplicate nor leave the client stuck: the reservation is marked COMMITTED inside the
 * creation's own transaction (`markCommitted`, called by `withTransaction`), checked against the
 * reservation's token. A retry of a key still pending after TAKEOVER_MS (its process died before committing)
 * takes the reservation over and runs the creation; if the dead request was only slow, its commit finds the
 * token changed and rolls back. A retry of a committed key whose response was lost answers 409
 * `idempotency_committed` naming what was created.
 */
export function registerIdempotency(app: FastifyInstance, database: Database): void {
  app.decorateRequest('idempotencyId', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor || !request.url.startsWith('/api/')) return;
    if (key.length < 8 || key.length > 200) throw new AppError('bad_request');
    const id = sha256(`${request.actor.userId}\n${key}`);
    const route = `${request.method} ${request.url}`;
    if (await reserve(database.db, request, id, route)) return;
    const row = await database.db.selectFrom('idempotency_keys').selectAll().where('id', '=', id).executeTakeFirst();
    const abandoned =
      row?.status_code === PENDING && row.route === route && Date.parse(row.created_at) + TAKEOVER_MS < Date.now();
    if (abandoned && (await takeOver(database.db, request, id, route, row.created_at))) return;
    return replay(database, id, route, reply);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const id = request.idempotencyId;
    if (!id) return payload;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Only a reservation that created nothing is released; a committed one keeps answering for its creation.
      await database.db.deleteFrom('idempotency_keys').where('id', '=', id).where('status_code', '=', PENDING).execute();
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

async function reserve(db: Kdb, request: FastifyRequest, id: string, route: string): Promise<boolean> {
  const token = nowIso();
  try {
    await db
      .insertInto('idempotency_keys')
      .values({ id, user_id: request.actor?.userId ?? '', route, status_code: PENDING, response: 'null', created_at: token })
      .execute();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return false;
  }
  request.idempotencyId = id;
  setIdempotency({ id, token });
  return true;
}

/** Removes an abandoned reservation (only if still the same one) and reserves the key again for this request. */
async function takeOver(db: Kdb, request: FastifyRequest, id: string, route: string, token: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('idempotency_keys')
    .where('id', '=', id)
    .where('status_code', '=', PENDING)
    .where('created_at', '=', token)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) === 1 && reserve(db, request, id, route);
}

/**
 * Inside a write's transaction: marks this request's reservation as committed, with what it created. If the
 * reservation was taken over by a retry meanwhile, the write is rolled back (the retry makes it, once).
 */
export async function markCommitted(trx: Kdb, targets: { targetType: string; targetId: string | null }[]): Promise<void> {
  const reservation = currentIdempotency();
  if (!reservation) return;
  const marked = await trx
    .updateTable('idempotency_keys')
    .set({ status_code: COMMITTED, response: JSON.stringify({ targets }) })
    .where('id', '=', reservation.id)
    .where('created_at', '=', reservation.token)
    .where('status_code', 'in', [PENDING, COMMITTED])
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) throw new AppError('conflict', 'idempotency_in_progress');
}

async function replay(database: Database, id: string, route: string, reply: FastifyReply) {
  const row = await database.db.selectFrom('idempotency_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || Date.parse(row.created_at) + TTL_MS < Date.now()) {
    await database.db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
    throw new AppError('conflict', 'idempotency_retry');
  }
  if (row.route !== route) throw new AppError('unprocessable', 'idempotency_mismatch');
  if (row.status_code === PENDING) throw new AppError('conflict', 'idempotency_in_progress');
  if (row.status_code === COMMITTED) {
    const response = typeof row.response === 'string' ? JSON.parse(row.response) : row.response;
    throw new AppError('conflict', 'idempotency_committed', response as Record<string, unknown>);
  }
  reply.header('idempotent-replayed', 'true');
  return reply
    .status(row.status_code)
    .type('application/json; charset=utf-8')
    .send(typeof row.response === 'string' ? row.response : JSON.stringify(row.response));
}
