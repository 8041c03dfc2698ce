import { type Selectable, sql } from 'kysely';
import type { Database, Kdb } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';
import type { Deps } from './deps.ts';
import { currentRequestId } from './log-context.ts';
import { newId } from './ids.ts';

/**
 * The job queue every node shares (issue 6). A job is a row: pending → running (claimed by one node with a
 * lease, `FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has one writer) → done; a failure goes back to pending
 * after a backoff (30 s, 1 min, 2 min … 1 h) until `max_attempts`, then stays failed with its reason for the
 * operator. A node that dies mid-job leaves a lease that expires: another node takes the job again, so no
 * queued job is lost (handlers are idempotent: they read what is due and mark what they did).
 */
export type Job = Selectable<JobsTable>;

export interface JobDefinition {
  name: string;
  maxAttempts?: number;
  run(deps: Deps, payload: Record<string, unknown>, job: Job): Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** How long a claim holds before another node may take the job (renewed while the job runs; JOB_LEASE_SECONDS). */
export const LEASE_MS = 60_000;

const definitions = new Map<string, JobDefinition>();

export function defineJob(definition: JobDefinition): void {
  if (definitions.has(definition.name)) throw new Error(`travail déclaré deux fois : ${definition.name}`);
  definitions.set(definition.name, definition);
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return definitions.get(name);
}

export interface EnqueueOptions {
  runAt?: Date;
  /** One job per key: a second enqueue with the same key is ignored (returns null). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job (inside the caller's transaction when given one); remembers the HTTP request that asked for it. */
export async function enqueueJob(
  db: Kdb,
  name: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const now = new Date().toISOString();
  const id = newId();
  const inserted = await db
    .insertInto('jobs')
    .values({
      id,
      name,
      payload: JSON.stringify(payload),
      state: 'pending',
      run_at: (options.runAt ?? new Date()).toISOString(),
      max_attempts: options.maxAttempts ?? definitions.get(name)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      dedupe_key: options.dedupeKey ?? null,
      request_id: currentRequestId(),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/**
 * Claims up to `limit` jobs that are due (or whose claim expired: their node died) for `nodeId`. On
 * PostgreSQL, SKIP LOCKED lets several nodes claim at once without waiting on each other or taking the same row.
 */
export async function claimJobs(
  database: Database,
  nodeId: string,
  limit: number,
  now = new Date(),
  leaseMs = LEASE_MS,
): Promise<Job[]> {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
  const due = database.db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', at)]),
        eb.and([eb('state', '=', 'running'), eb('locked_until', '<', at)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit);
  const rows = await database.db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      locked_by: nodeId,
      locked_until: lockedUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where('id', 'in', database.dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    .returningAll()
    .execute();
  return rows;
}

/** Keeps this node's claims alive while their jobs run. */
export async function renewLeases(db: Kdb, nodeId: string, ids: string[], now = new Date(), leaseMs = LEASE_MS): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', 'in', ids)
    .where('locked_by', '=', nodeId)
    .where('state', '=', 'running')
    .execute();
}

/** Delay before the next attempt: 30 s doubled per attempt, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Records the outcome of a claimed job; a stale claim (another node took the job over) changes nothing. */
export async function finishJob(db: Kdb, job: Job, nodeId: string, error: unknown, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const owned = db.updateTable('jobs').where('id', '=', job.id).where('locked_by', '=', nodeId).where('state', '=', 'running');
  if (!error) {
    await owned.set({ state: 'done', finished_at: at, updated_at: at, locked_until: null, last_error: null }).execute();
    return;
  }
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'erreur inconnue';
  const retry = job.attempts < job.max_attempts;
  await owned
    .set({
      state: retry ? 'pending' : 'failed',
      run_at: retry ? new Date(now.getTime() + backoffMs(job.attempts)).toISOString() : job.run_at,
      finished_at: retry ? null : at,
      last_error: reason,
      locked_until: null,
      updated_at: at,
    })
    .execute();
}

/** Puts a failed job back in the queue now, with a fresh count of attempts (the operator's « Relancer »). */
export async function retryJob(db: Kdb, id: string): Promise<boolean> {
  const at = new Date().toISOString();
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', run_at: at, attempts: 0, finished_at: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Finished jobs are kept a day for the operator's page (a 15 s task makes 5 760 a day), failed ones a month. */
export async function purgeFinishedJobs(db: Kdb, now: Date): Promise<void> {
  const day = 86_400_000;
  await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'done'), eb('finished_at', '<', new Date(now.getTime() - day).toISOString())]),
        eb.and([eb('state', '=', 'failed'), eb('finished_at', '<', new Date(now.getTime() - 30 * day).toISOString())]),
      ]),
    )
    .execute();
}

/** Jobs waiting or failed, by name (the operator's page and /metrics). */
export async function queueDepth(db: Kdb): Promise<{ name: string; state: string; count: number }[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['name', 'state', sql<number>`count(*)`.as('count')])
    .where('state', 'in', ['pending', 'running', 'failed'])
    .groupBy(['name', 'state'])
    .execute();
  return rows.map((r) => ({ name: r.name, state: r.state, count: Number(r.count) }));
}
