import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { Realtime, RealtimeEnvelope } from './realtime.ts';

/** Live messages between nodes, and "a job was enqueued" wake-ups. */
export const LIVE_CHANNEL = 'relais_live';
export const JOBS_CHANNEL = 'relais_jobs';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD = 7_900;

export interface PgNotifyOptions {
  url: string;
  database: Database;
  realtime: Realtime;
  onJobs: () => void;
  log: FastifyBaseLogger;
}

/**
 * The cross-node transport of the realtime hub on PostgreSQL (no Redis): a node sends what it publishes
 * with NOTIFY and hands what it hears on its own LISTEN connection to `realtime.receive`. The listening
 * connection comes back by itself after a database restart (1 s, then up to 10 s between attempts).
 */
export async function startPgNotify(options: PgNotifyOptions): Promise<{ close(): Promise<void>; wakeJobs(): void }> {
  const { default: pgModule } = await import('pg');
  const { database, realtime, log } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 1_000;
  // A dropped connection may report both 'error' and 'end': it is replaced once.
  const retired = new WeakSet<pg.Client>();

  const connect = async () => {
    if (closed) return;
    const c = new pgModule.Client({ connectionString: options.url, connectionTimeoutMillis: 3000 });
    c.on('notification', (msg) => {
      if (msg.channel === JOBS_CHANNEL) return options.onJobs();
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      try {
        realtime.receive(JSON.parse(msg.payload) as RealtimeEnvelope);
      } catch (err) {
        log.warn({ err }, 'message temps réel illisible ignoré');
      }
    });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}; LISTEN ${JOBS_CHANNEL}`);
      client = c;
      delay = 1_000;
      // Jobs enqueued while we were away are picked up now.
      options.onJobs();
    } catch (err) {
      log.warn({ err }, 'écoute PostgreSQL indisponible, nouvel essai');
      reconnect(c);
    }
  };
  const reconnect = (c: pg.Client) => {
    if (retired.has(c)) return;
    retired.add(c);
    if (client === c) client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    if (closed) return;
    setTimeout(() => void connect(), delay).unref();
    delay = Math.min(delay * 2, 10_000);
  };
  const notify = (channel: string, payload: string) =>
    sql`select pg_notify(${channel}, ${payload})`
      .execute(database.db)
      .catch((err) => log.warn({ err, channel }, 'NOTIFY non envoyé'));

  realtime.attach({
    send(envelope) {
      const payload = JSON.stringify(envelope);
      if (payload.length > MAX_PAYLOAD) return log.warn({ bytes: payload.length }, 'message temps réel trop long pour NOTIFY');
      void notify(LIVE_CHANNEL, payload);
    },
  });
  await connect();
  return {
    wakeJobs: () => void notify(JOBS_CHANNEL, ''),
    async close() {
      closed = true;
      realtime.attach(null);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
