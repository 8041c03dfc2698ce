import type { Locale } from '../../common/messages.ts';
import type { ActorRole } from '../../common/roles.ts';

/** Who is calling: resolved once per request from the session cookie or the API token. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  isOperator: boolean;
  /** Current organisation (tenant) or null when none is selected. */
  organizationId: string | null;
  /** Role in the current organisation; 'operator' when a platform operator works in an organisation without a membership. */
  role: ActorRole | null;
  /** Home site of the membership in the current organisation. */
  siteId: string | null;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /** CSRF token of the session (cookie-authenticated writes must echo it in X-CSRF-Token). */
  csrfToken: string | null;
  /** API token scopes ('read', 'write'); sessions have both. */
  scopes: readonly string[];
  mfaPending: boolean;
  totpEnabled: boolean;
}

/** The tenant scope every repository query goes through. */
export interface Scope {
  organizationId: string;
}

/** The actor of writes made by Relais itself (demo seed, scheduled jobs), audited as « Relais ». */
export function systemActor(organizationId: string | null): Actor {
  return {
    userId: '',
    email: 'systeme@relais',
    displayName: 'Relais',
    locale: 'fr',
    isOperator: true,
    organizationId,
    role: 'operator',
    siteId: null,
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    scopes: ['read', 'write'],
    mfaPending: false,
    totpEnabled: true,
  };
}
