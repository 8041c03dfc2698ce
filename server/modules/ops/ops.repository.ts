import { type Selectable, sql } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { ClusterNodesTable, JobsTable } from '../../db/schema.ts';
import { queueDepth } from '../../platform/jobs.ts';

/** A node answers « actif » when its last heartbeat (every 10 s) is this recent. */
export const ACTIVE_MS = 30_000;
/** Stopped nodes stay on the page a day after their last heartbeat. */
const STOPPED_SHOWN_MS = 86_400_000;
export const JOBS_PAGE = 50;

export type NodeState = 'active' | 'stopped' | 'silent';

/** « arrêté » when it said so on a graceful stop, « actif » when seen < 30 s ago, « muet » otherwise (crashed?). */
export function nodeState(node: Pick<Selectable<ClusterNodesTable>, 'seen_at' | 'stopped_at'>, now: Date): NodeState {
  if (node.stopped_at) return 'stopped';
  return now.getTime() - Date.parse(node.seen_at) < ACTIVE_MS ? 'active' : 'silent';
}

export function presentJob(j: Selectable<JobsTable>) {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    attempts: j.attempts,
    maxAttempts: j.max_attempts,
    runAt: j.run_at,
    lastError: j.last_error,
    lockedBy: j.locked_by,
    requestId: j.request_id,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}

async function nodes(db: Kdb, now: Date) {
  const since = new Date(now.getTime() - STOPPED_SHOWN_MS).toISOString();
  const rows = await db
    .selectFrom('cluster_nodes')
    .selectAll()
    .where((eb) => eb.or([eb('stopped_at', 'is', null), eb('seen_at', '>=', since)]))
    .orderBy('seen_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((n) => ({
    id: n.id,
    hostname: n.hostname,
    pid: n.pid,
    port: n.port,
    version: n.version,
    startedAt: n.started_at,
    seenAt: n.seen_at,
    stoppedAt: n.stopped_at,
    state: nodeState(n, now),
  }));
}

async function schedules(db: Kdb) {
  const rows = await db
    .selectFrom('job_schedules as s')
    .leftJoin('cluster_nodes as n', 'n.id', 's.last_node')
    .select(['s.name', 's.every_ms', 's.next_run_at', 's.last_run_at', 's.last_node', 'n.hostname'])
    .orderBy('s.name')
    .execute();
  return rows.map((s) => ({
    name: s.name,
    everyMs: s.every_ms,
    nextRunAt: s.next_run_at,
    lastRunAt: s.last_run_at,
    lastNode: s.last_node,
    lastNodeHostname: s.hostname ?? null,
  }));
}

async function recentFailures(db: Kdb) {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'failed')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.map(presentJob);
}

/** Mail held in quarantine, per organisation (the organisation's key users sort it out in « Courrier »). */
async function quarantine(db: Kdb) {
  const rows = await db
    .selectFrom('inbound_messages as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', sql<number>`count(*)`.as('count')])
    .where('m.status', '=', 'quarantined')
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ organizationId: r.id, organizationName: r.name, count: Number(r.count) }));
}

/** IMAP mailboxes whose last poll failed (never their credentials). */
async function imapErrors(db: Kdb) {
  const rows = await db
    .selectFrom('imap_mailboxes as b')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select(['b.id', 'o.id as organizationId', 'o.name', 'b.host', 'b.username', 'b.last_error', 'b.last_error_code'])
    .select('b.last_polled_at')
    .where('b.last_error', 'is not', null)
    .orderBy('o.name')
    .orderBy('b.host')
    .execute();
  return rows.map((b) => ({
    id: b.id,
    organizationId: b.organizationId,
    organizationName: b.name,
    host: b.host,
    username: b.username,
    lastError: b.last_error,
    lastErrorCode: b.last_error_code,
    lastPolledAt: b.last_polled_at,
  }));
}

async function lastBackup(db: Kdb) {
  const b = await db.selectFrom('backup_runs').selectAll().orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  if (!b) return null;
  const { file, dialect, bytes, tables, files } = b;
  return { file, dialect, bytes: Number(bytes), tables, files, startedAt: b.started_at, finishedAt: b.finished_at };
}

/** Everything the ops page shows, in one call (the page refreshes it every 10 s: every query is small or indexed). */
export async function opsOverview(db: Kdb, now = new Date()) {
  // One after the other: a page refresh never takes more than one pooled connection.
  const n = await nodes(db, now);
  const queue = await queueDepth(db);
  const s = await schedules(db);
  const failed = await recentFailures(db);
  const q = await quarantine(db);
  const imap = await imapErrors(db);
  const backup = await lastBackup(db);
  queue.sort((a, b) => a.name.localeCompare(b.name) || a.state.localeCompare(b.state));
  return {
    now: now.toISOString(),
    nodes: n,
    queue,
    schedules: s,
    failedJobs: failed,
    quarantine: q,
    imapErrors: imap,
    lastBackup: backup,
  };
}

export interface JobFilters {
  state?: JobsTable['state'];
  name?: string;
  cursor?: string;
}

/** A page of jobs, newest first: ids are UUIDv7 (time first, to the millisecond), so the keyset is the id alone. */
export async function listJobs(db: Kdb, filters: JobFilters) {
  let q = db
    .selectFrom('jobs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(JOBS_PAGE + 1);
  if (filters.state) q = q.where('state', '=', filters.state);
  if (filters.name) q = q.where('name', '=', filters.name);
  if (filters.cursor) q = q.where('id', '<', filters.cursor);
  const rows = await q.execute();
  const page = rows.slice(0, JOBS_PAGE);
  return { items: page.map(presentJob), nextCursor: rows.length > JOBS_PAGE ? page[page.length - 1].id : null };
}
