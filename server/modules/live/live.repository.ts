import type { Kdb } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { SESSION_IDLE_MS } from '../auth/auth.repository.ts';

/** ok: keep going; gone: the credential no longer works (log out); changed: reconnect to get a fresh actor. */
export type Standing = 'ok' | 'gone' | 'changed';

interface Credential {
  userId: string;
  organizationId: string | null;
  expired: boolean;
  disabled: boolean;
}

/**
 * Re-checks, without touching the session (an open socket is not activity), that the credential a
 * socket was opened with still stands: logout, revocation, expiry, a disabled user, another organisation
 * or another role/site end the socket instead of leaving it listening with yesterday's rights.
 */
export async function standingOf(db: Kdb, actor: Actor, now = Date.now()): Promise<Standing> {
  const cred =
    actor.via === 'token'
      ? await tokenCredential(db, actor.tokenId ?? '', now)
      : await sessionCredential(db, actor.sessionId ?? '', now);
  if (!cred || cred.expired || cred.disabled || cred.userId !== actor.userId) return 'gone';
  if ((cred.organizationId ?? actor.organizationId) !== actor.organizationId) return 'changed';
  if (!actor.organizationId) return 'ok';
  const m = await tenant
    .selectFrom(db, { organizationId: actor.organizationId }, 'memberships')
    .select(['role', 'site_id'])
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!m) return actor.role === 'operator' ? 'ok' : 'changed';
  return m.role === actor.role && m.site_id === actor.siteId ? 'ok' : 'changed';
}

async function sessionCredential(db: Kdb, sessionId: string, now: number): Promise<Credential | undefined> {
  const s = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.organization_id', 'sessions.expires_at', 'sessions.last_seen_at', 'users.disabled'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!s) return undefined;
  const expired = Date.parse(s.expires_at) < now || Date.parse(s.last_seen_at) + SESSION_IDLE_MS < now;
  return { userId: s.user_id, organizationId: s.organization_id, expired, disabled: !!s.disabled };
}

async function tokenCredential(db: Kdb, tokenId: string, now: number): Promise<Credential | undefined> {
  const t = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.user_id', 'api_tokens.organization_id', 'api_tokens.expires_at', 'users.disabled'])
    .where('api_tokens.id', '=', tokenId)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!t) return undefined;
  const expired = !!t.expires_at && Date.parse(t.expires_at) < now;
  return { userId: t.user_id, organizationId: t.organization_id, expired, disabled: !!t.disabled };
}
