import type { Locale } from '../../../common/messages.ts';
import type { ActorRole } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { nowIso, sha256 } from '../../platform/ids.ts';

export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  is_operator: boolean;
  totp_enabled: boolean;
  disabled: boolean;
}

/** Role and home site of a user in an organisation; operators may enter any organisation. */
async function membershipIn(db: Kdb, user: UserRow, organizationId: string | null) {
  if (!organizationId) return null;
  const m = await db
    .selectFrom('memberships')
    .select(['role', 'site_id'])
    .where('user_id', '=', user.id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (m) return { organizationId, role: m.role as ActorRole, siteId: m.site_id };
  if (!user.is_operator) return null;
  const org = await db.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst();
  return org ? { organizationId, role: 'operator' as ActorRole, siteId: null } : null;
}

function toActor(user: UserRow, m: Awaited<ReturnType<typeof membershipIn>>, rest: Partial<Actor>): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: (user.locale === 'en' ? 'en' : 'fr') as Locale,
    isOperator: user.is_operator,
    organizationId: m?.organizationId ?? null,
    role: m?.role ?? null,
    siteId: m?.siteId ?? null,
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    scopes: ['read', 'write'],
    mfaPending: false,
    totpEnabled: user.totp_enabled,
    ...rest,
  };
}

const USER_COLUMNS = ['id', 'email', 'display_name', 'locale', 'is_operator', 'totp_enabled', 'disabled'] as const;

/** The actor behind a session cookie (the raw token; only its hash is stored), or null when invalid or idle. */
export async function resolveSession(db: Kdb, token: string): Promise<Actor | null> {
  if (!token) return null;
  const id = sha256(token);
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  const now = Date.now();
  if (!s || Date.parse(s.expires_at) < now || Date.parse(s.last_seen_at) + SESSION_IDLE_MS < now) return null;
  const user = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', s.user_id).executeTakeFirst();
  if (!user || user.disabled) return null;
  if (Date.parse(s.last_seen_at) + TOUCH_EVERY_MS < now) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', id).execute();
  }
  const m = (await membershipIn(db, user, s.organization_id)) ?? (await firstMembership(db, user));
  return toActor(user, m, { sessionId: id, csrfToken: s.csrf_token, mfaPending: s.mfa_pending });
}

/** Falls back to the user's first organisation when the session's one is gone or unset. */
export async function firstMembership(db: Kdb, user: UserRow) {
  const m = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['memberships.organization_id', 'memberships.role', 'memberships.site_id'])
    .where('memberships.user_id', '=', user.id)
    .orderBy('organizations.name')
    .executeTakeFirst();
  return m ? { organizationId: m.organization_id, role: m.role as ActorRole, siteId: m.site_id } : null;
}

/** The actor behind an API token (`rl_…`); records the last use at most once a minute. */
export async function resolveToken(db: Kdb, token: string): Promise<Actor | null> {
  const t = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!t || (t.expires_at && Date.parse(t.expires_at) < Date.now())) return null;
  const user = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', t.user_id).executeTakeFirst();
  if (!user || user.disabled) return null;
  const m = await membershipIn(db, user, t.organization_id);
  if (!m) return null;
  if (!t.last_used_at || Date.parse(t.last_used_at) + TOUCH_EVERY_MS < Date.now()) {
    await db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', t.id).execute();
  }
  return toActor(user, m, { via: 'token', tokenId: t.id, scopes: t.scopes });
}
