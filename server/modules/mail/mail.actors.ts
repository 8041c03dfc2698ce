import type { Locale } from '../../../common/messages.ts';
import type { ActorRole } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';

/**
 * The member of an organisation whose account uses this address (case-insensitive), as an actor, or null:
 * an inbound mail acts as that person, with their role, exactly as if they had used the portal.
 */
export async function memberActor(db: Kdb, organizationId: string, email: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale', 'users.is_operator', 'users.totp_enabled'])
    .select(['memberships.role', 'memberships.site_id'])
    .where('memberships.organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.toLowerCase()))
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: (row.locale === 'en' ? 'en' : 'fr') as Locale,
    isOperator: Boolean(row.is_operator),
    organizationId,
    role: row.role as ActorRole,
    siteId: row.site_id,
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    scopes: ['read', 'write'],
    mfaPending: false,
    totpEnabled: Boolean(row.totp_enabled),
  };
}

/** A service context acting as `actor`, from the SMTP listener (no HTTP request behind it). */
export const mailCtx = (deps: Deps, actor: Actor | null): Ctx => ({
  database: deps.database,
  events: deps.events,
  actor,
  ip: '127.0.0.1',
});
