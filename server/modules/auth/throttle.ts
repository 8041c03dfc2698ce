import type { Kdb } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';

const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 5, ip: 20 } as const;

function keys(email: string, ip: string) {
  return [
    { key: `account:${email.toLowerCase()}`, limit: LIMITS.account },
    { key: `ip:${ip}`, limit: LIMITS.ip },
  ];
}

/**
 * Refuses a login attempt while the account or the IP is locked. Keyed by the e-mail typed, whether
 * or not it exists, so the answer never reveals an account. Stored in the database: valid across nodes.
 */
export async function assertNotThrottled(db: Kdb, email: string, ip: string): Promise<void> {
  const rows = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where(
      'key',
      'in',
      keys(email, ip).map((k) => k.key),
    )
    .execute();
  const now = Date.now();
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)));
  if (until > now) {
    const minutes = Math.ceil((until - now) / 60_000);
    throw new AppError('rate_limited', 'rate_limited', undefined, { minutes, retryAfter: Math.ceil((until - now) / 1000) });
  }
}

/** Counts a failed attempt; locks the key for the rest of the window once its limit is reached. */
export async function recordFailure(db: Kdb, email: string, ip: string): Promise<void> {
  const now = Date.now();
  for (const { key, limit } of keys(email, ip)) {
    const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || Date.parse(row.window_started_at) + WINDOW_MS < now;
    const failures = fresh ? 1 : row.failures + 1;
    const windowStart = fresh ? nowIso() : row.window_started_at;
    const locked = failures >= limit ? new Date(Date.parse(windowStart) + WINDOW_MS).toISOString() : null;
    await db
      .insertInto('login_throttle')
      .values({ key, failures, window_started_at: windowStart, locked_until: locked })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, window_started_at: windowStart, locked_until: locked }))
      .execute();
  }
}

/** A successful login clears the account's counter (not the IP's). */
export async function clearFailures(db: Kdb, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', `account:${email.toLowerCase()}`).execute();
}
