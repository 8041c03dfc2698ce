import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth-hook.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, ctxOf, doc, noContent, zapp } from '../../platform/route-helpers.ts';
import { completeMfa, confirmPasswordReset, login, logout, requestPasswordReset } from './auth.service.ts';
import { ZLogin, ZLoginResult, ZMfa, ZMfaResult, ZResetConfirm, ZResetRequest, ZSetup } from './auth.schemas.ts';
import { SESSION_MAX_AGE_S } from './session.ts';
import { needsSetup, setupFirstOperator } from './setup.service.ts';
import { presentMe } from './me.service.ts';

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.baseUrl.startsWith('https://'),
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** Login, second factor, logout, password reset and first-run setup. */
export async function authRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const client = (r: { ip: string; headers: Record<string, unknown> }) => ({
    ip: r.ip,
    userAgent: String(r.headers['user-agent'] ?? ''),
  });

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { ...doc('auth', 'Connexion par e-mail et mot de passe'), body: ZLogin, response: { 200: ZLoginResult } },
    },
    async (request, reply) => {
      const result = await login(deps, ctxOf(deps, request), request.body.email, request.body.password, client(request));
      setSessionCookie(deps, reply, result.token);
      return { mfaRequired: result.mfaRequired, csrfToken: result.csrfToken, home: result.home };
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { action: 'self.mfa', allowMfaPending: true },
      schema: { ...doc('auth', 'Second facteur (TOTP ou code de secours)'), body: ZMfa, response: { 200: ZMfaResult } },
    },
    async (request) => {
      const actor = actorOf(request);
      await completeMfa(deps, ctxOf(deps, request), actor, request.body.code);
      const me = await presentMe(deps, { ...actor, mfaPending: false });
      return { csrfToken: me.csrfToken, home: me.home };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { action: 'self.logout', allowMfaPending: true }, schema: doc('auth', 'Déconnexion') },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.via === 'session') await logout(ctxOf(deps, request), actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.post(
    '/api/auth/password-reset',
    { config: { public: true }, schema: { ...doc('auth', 'Demande de réinitialisation du mot de passe'), body: ZResetRequest } },
    async (request, reply) => {
      await requestPasswordReset(deps, ctxOf(deps, request), request.body.email);
      return reply.status(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { config: { public: true }, schema: { ...doc('auth', 'Nouveau mot de passe avec le jeton reçu'), body: ZResetConfirm } },
    async (request, reply) => {
      await confirmPasswordReset(ctxOf(deps, request), request.body.token, request.body.password);
      return noContent(reply);
    },
  );

  app.get(
    '/api/setup',
    {
      config: { public: true },
      schema: { ...doc('auth', 'Premier démarrage à faire ?'), response: { 200: z.object({ needsSetup: z.boolean() }) } },
    },
    async () => ({
      needsSetup: await needsSetup(deps.database.db),
    }),
  );

  app.post(
    '/api/setup',
    {
      config: { public: true },
      schema: { ...doc('auth', 'Crée le premier opérateur (base vide)'), body: ZSetup, response: { 200: ZLoginResult } },
    },
    async (request, reply) => {
      await setupFirstOperator(ctxOf(deps, request), request.body);
      const result = await login(deps, ctxOf(deps, request), request.body.email, request.body.password, client(request));
      setSessionCookie(deps, reply, result.token);
      return { mfaRequired: false, csrfToken: result.csrfToken, home: result.home };
    },
  );
}
