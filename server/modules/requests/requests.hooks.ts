import type { Database, Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';

/**
 * Work that must commit with every write to a request (e.g. the full-text index), registered by the
 * modules that own it so the requests service does not depend on them.
 */
export type RequestWriteHook = (trx: Kdb, database: Database, scope: Scope, requestId: string) => Promise<void>;

const hooks: RequestWriteHook[] = [];

export function onRequestWritten(hook: RequestWriteHook): void {
  hooks.push(hook);
}

export async function runRequestHooks(trx: Kdb, database: Database, scope: Scope, requestId: string): Promise<void> {
  for (const hook of hooks) await hook(trx, database, scope, requestId);
}

/** A timeline event as it is written (notifications react to assignments, replies, approvals, SLA crossings). */
export type TimelineHook = (
  trx: Kdb,
  scope: Scope,
  requestId: string,
  event: { kind: string; public: boolean; actorId: string | null; data?: Record<string, unknown> },
) => Promise<void>;

const timelineHooks: TimelineHook[] = [];

export function onTimelineEvent(hook: TimelineHook): void {
  timelineHooks.push(hook);
}

export async function runTimelineHooks(...args: Parameters<TimelineHook>): Promise<void> {
  for (const hook of timelineHooks) await hook(...args);
}
