import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, ctxOf, doc, noContent, zapp } from '../../platform/route-helpers.ts';
import { ZIdParam } from '../../platform/crud-routes.ts';
import { ZMeUpdate, ZPasswordChange, ZSwitchOrg, ZTokenCreate, ZTotpDisable, ZTotpEnable } from './auth.schemas.ts';
import { resolveSession } from './auth.repository.ts';
import {
  changePassword,
  listSessions,
  presentMe,
  revokeSession,
  switchOrganization,
  totpDisable,
  totpEnable,
  totpSetup,
  updateMe,
} from './me.service.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const SWITCH_DOC =
  'Change l’organisation courante de la session. Un utilisateur membre de plusieurs organisations (personnel du prestataire) ' +
  'choisit ici celle dans laquelle il travaille ; toutes les routes /api/* suivantes portent sur elle. Les jetons d’API sont liés à une organisation.';

/** The caller's own profile, sessions, two-factor authentication and API tokens. */
export async function meRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const me = (request: Parameters<typeof actorOf>[0]) => presentMe(deps, actorOf(request));

  app.get(
    '/api/me',
    {
      config: { action: 'self.read', allowMfaPending: true },
      schema: doc('me', 'Utilisateur courant, organisations, rôle et actions permises'),
    },
    async (request) => me(request),
  );

  app.patch(
    '/api/me',
    { config: { action: 'self.update' }, schema: { ...doc('me', 'Modifier son profil'), body: ZMeUpdate } },
    async (request) => {
      await updateMe(ctxOf(deps, request), actorOf(request), request.body);
      return presentMe(deps, { ...actorOf(request), locale: request.body.locale ?? actorOf(request).locale });
    },
  );

  app.post(
    '/api/me/password',
    { config: { action: 'self.password' }, schema: { ...doc('me', 'Changer son mot de passe'), body: ZPasswordChange } },
    async (request, reply) => {
      await changePassword(ctxOf(deps, request), actorOf(request), request.body.currentPassword, request.body.newPassword);
      return noContent(reply);
    },
  );

  app.post(
    '/api/me/organization',
    {
      config: { action: 'self.switch' },
      schema: { tags: ['me'], summary: 'Changer d’organisation courante', description: SWITCH_DOC, body: ZSwitchOrg },
    },
    async (request) => {
      await switchOrganization(ctxOf(deps, request), actorOf(request), request.body.organizationId);
      const cookie = request.cookies.relais_session ?? '';
      const actor = (await resolveSession(deps.database.db, cookie)) ?? actorOf(request);
      return presentMe(deps, actor);
    },
  );

  app.get(
    '/api/me/sessions',
    { config: { action: 'self.sessions' }, schema: doc('me', 'Sessions actives') },
    async (request) => ({
      items: await listSessions(ctxOf(deps, request), actorOf(request)),
    }),
  );

  app.delete(
    '/api/me/sessions/:id',
    { config: { action: 'self.sessions' }, schema: { ...doc('me', 'Révoquer une session'), params: ZIdParam } },
    async (request, reply) => {
      await revokeSession(ctxOf(deps, request), actorOf(request), request.params.id);
      return noContent(reply);
    },
  );

  app.post(
    '/api/me/totp/setup',
    { config: { action: 'self.totp' }, schema: doc('me', 'Démarrer l’activation de la double authentification') },
    async (request) => totpSetup(deps, actorOf(request)),
  );

  app.post(
    '/api/me/totp/enable',
    { config: { action: 'self.totp' }, schema: { ...doc('me', 'Activer la double authentification'), body: ZTotpEnable } },
    async (request) => ({
      recoveryCodes: await totpEnable(deps, ctxOf(deps, request), actorOf(request), request.body.code),
    }),
  );

  app.post(
    '/api/me/totp/disable',
    { config: { action: 'self.totp' }, schema: { ...doc('me', 'Désactiver la double authentification'), body: ZTotpDisable } },
    async (request, reply) => {
      await totpDisable(ctxOf(deps, request), actorOf(request), request.body.password);
      return noContent(reply);
    },
  );

  app.get('/api/me/tokens', { config: { action: 'self.tokens' }, schema: doc('me', 'Jetons d’API') }, async (request) => ({
    items: await listTokens(ctxOf(deps, request), actorOf(request)),
  }));

  app.post(
    '/api/me/tokens',
    {
      config: { action: 'self.tokens' },
      schema: { ...doc('me', 'Créer un jeton d’API (affiché une seule fois)'), body: ZTokenCreate },
    },
    async (request, reply) => reply.status(201).send(await createToken(ctxOf(deps, request), actorOf(request), request.body)),
  );

  app.delete(
    '/api/me/tokens/:id',
    { config: { action: 'self.tokens' }, schema: { ...doc('me', 'Révoquer un jeton d’API'), params: ZIdParam } },
    async (request, reply) => {
      await revokeToken(ctxOf(deps, request), actorOf(request), request.params.id);
      return noContent(reply);
    },
  );
}
