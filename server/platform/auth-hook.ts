import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STAFF_ROLES, type Role } from '../../common/roles.ts';
import type { Database } from '../db/database.ts';
import { resolveSession, resolveToken } from '../modules/auth/auth.repository.ts';
import type { Actor } from './actor.ts';
import { authorize } from './authz.ts';
import { AppError } from './errors.ts';
import { loaderFor } from './loaders.ts';

export const SESSION_COOKIE = 'relais_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Policy action checked before validation; 'self.*' needs only a user, 'platform.*' an operator. */
    action?: string;
    /** No authentication at all (login, health, reset). */
    public?: boolean;
    /** Loader name for the `:id` param: another organisation's id answers 404 before validation. */
    resource?: string;
    /** Reachable while the session still waits for its TOTP code. */
    allowMfaPending?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    subject: unknown;
  }
}

async function resolveActor(database: Database, request: FastifyRequest): Promise<Actor | null> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return resolveToken(database.db, auth.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return resolveSession(database.db, cookie);
}

/** True when the organisation demands TOTP from staff and this staff member has not enrolled yet. */
function mustEnrolMfa(actor: Actor, requireMfaStaff: boolean): boolean {
  return requireMfaStaff && !actor.totpEnabled && STAFF_ROLES.includes(actor.role as Role);
}

/**
 * Resolves the actor on every request, then for each route: public or authenticated, CSRF for cookie
 * writes, token scopes, MFA, tenant loading of `:id` (404) and the policy check (403) — before body
 * validation, so the answer never depends on what the client sent.
 */
export function registerAuthHooks(app: FastifyInstance, database: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('subject', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await resolveActor(database, request);
  });
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    // An unknown route is not a resource: the not-found handler answers 404 whoever asks.
    if (request.is404 || !request.url.startsWith('/api/') || config.public || isDocs(request)) return;
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated');
    if (actor.mfaPending && !config.allowMfaPending) throw new AppError('mfa_required');
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) checkCsrf(request);
    if (actor.via === 'token' && !actor.scopes.includes(SAFE_METHODS.has(request.method) ? 'read' : 'write')) {
      throw new AppError('forbidden');
    }
    const action = config.action;
    if (!action) throw new AppError('forbidden'); // deny by default: a route must declare its action
    if (action.startsWith('self.')) return;
    // Tokens are created from a session that already passed the organisation's MFA rule.
    const enrolCheck = actor.via === 'session' && !action.startsWith('platform.') && actor.organizationId;
    if (enrolCheck && mustEnrolMfa(actor, await orgRequiresMfa(database, actor.organizationId ?? ''))) {
      throw new AppError('mfa_enrolment_required');
    }
    if (config.resource) {
      if (!actor.organizationId) throw new AppError('not_found');
      const id = (request.params as { id?: string }).id ?? '';
      const subject = await loaderFor(config.resource)(database.db, { organizationId: actor.organizationId }, id, actor);
      if (!subject) throw new AppError('not_found');
      request.subject = subject;
      authorize(actor, action, subject);
      return;
    }
    authorize(actor, action);
  });
}

/** The interactive API documentation (swagger-ui, registered by its plugin) is public like the OpenAPI file. */
function isDocs(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/docs') ?? false;
}

function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  if (!sent || sent !== request.actor?.csrfToken) throw new AppError('csrf_failed');
}

/** True when the actor's organisation demands TOTP from staff and this staff member has not enrolled yet. */
export async function enrolmentRequired(database: Database, actor: Actor): Promise<boolean> {
  return !!actor.organizationId && mustEnrolMfa(actor, await orgRequiresMfa(database, actor.organizationId));
}

async function orgRequiresMfa(database: Database, organizationId: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('organizations')
    .select('require_mfa_staff')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return !!row?.require_mfa_staff;
}
