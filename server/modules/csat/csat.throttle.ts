import type { Kdb } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';

const WINDOW_MS = 15 * 60_000;
/** Unknown survey tokens tolerated per IP and window before the links answer 429 (a typo, not a scan). */
export const LINK_FAILURE_LIMIT = 20;
const key = (ip: string) => `csat-link:${ip}`;

/**
 * The public survey links are guessed at like passwords: the same database-backed counter as the login
 * (table login_throttle, valid across nodes), under its own key so a scan never locks anyone's login.
 */
export async function assertLinkNotThrottled(db: Kdb, ip: string): Promise<void> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('key', '=', key(ip)).executeTakeFirst();
  const until = row?.locked_until ? Date.parse(row.locked_until) : 0;
  if (until > Date.now()) {
    const seconds = Math.ceil((until - Date.now()) / 1000);
    throw new AppError('rate_limited', 'rate_limited', undefined, { minutes: Math.ceil(seconds / 60), retryAfter: seconds });
  }
}

/** Counts an unknown token; locks the IP for the rest of the window at the limit. */
export async function recordLinkFailure(db: Kdb, ip: string): Promise<void> {
  const now = Date.now();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key(ip)).executeTakeFirst();
  const fresh = !row || Date.parse(row.window_started_at) + WINDOW_MS < now;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? nowIso() : row.window_started_at;
  const locked = failures >= LINK_FAILURE_LIMIT ? new Date(Date.parse(windowStart) + WINDOW_MS).toISOString() : null;
  await db
    .insertInto('login_throttle')
    .values({ key: key(ip), failures, window_started_at: windowStart, locked_until: locked })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures, window_started_at: windowStart, locked_until: locked }))
    .execute();
}
