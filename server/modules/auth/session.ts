import type { Kdb } from '../../db/database.ts';
import { newSecret, nowIso, sha256 } from '../../platform/ids.ts';

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Opens a session; only the token's hash is stored. `mfaPending` sessions can only finish the TOTP step. */
export async function openSession(
  db: Kdb,
  input: { userId: string; organizationId: string | null; mfaPending: boolean; ip: string; userAgent: string },
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: input.userId,
      organization_id: input.organizationId,
      csrf_token: csrfToken,
      mfa_pending: input.mfaPending,
      ip: input.ip,
      user_agent: input.userAgent.slice(0, 300),
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(Date.now() + SESSION_MAX_AGE_S * 1000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function revokeUserSessions(db: Kdb, userId: string, exceptId: string | null = null): Promise<void> {
  let q = db.updateTable('sessions').set({ revoked_at: nowIso() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}
