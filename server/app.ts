import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { MODULES } from './modules/index.ts';
import { registerAuthHooks } from './platform/auth-hook.ts';
import { FieldCipher } from './platform/crypto.ts';
import type { Deps } from './platform/deps.ts';
import { EventBus } from './platform/events.ts';
import { registerErrorHandling } from './platform/http-errors.ts';
import { registerIdempotency } from './platform/idempotency.ts';
import { newId } from './platform/ids.ts';
import { acceptRequestId, enterRequest } from './platform/log-context.ts';
import { type Mailer, OutboxMailer, SmtpMailer } from './platform/mailer.ts';
import { registerMetrics } from './platform/metrics.ts';
import { closeForRestart, Realtime } from './platform/realtime.ts';
import { LocalDiskStorage } from './platform/storage.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  mailer?: Mailer;
  logger?: boolean;
}

const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');
const API_DESCRIPTION =
  'API de Relais. Authentification par cookie de session (écritures : en-tête X-CSRF-Token) ou jeton `Authorization: Bearer rl_…`. ' +
  'Les ressources portent sur l’organisation courante : changez-la avec POST /api/me/organization. Erreurs : {code, message, details}.';

/** Builds the Fastify instance from the modules; main.ts listens, tests use app.inject. */
export interface BuiltApp {
  app: FastifyInstance;
  deps: Deps;
  /** Every route registered, with its config (the authorization matrix test walks them). */
  routes: RouteOptions[];
}

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, database } = options;
  const events = new EventBus();
  // Committed events fan out to the live sockets (and, later, to the other nodes) through one hub.
  const realtime = new Realtime((err) => app.log.error({ err }, 'realtime listener failed'));
  realtime.relay(events);
  const deps: Deps = {
    config,
    database,
    events,
    realtime,
    mailer:
      options.mailer ??
      (config.smtp.url ? new SmtpMailer(config.smtp.url, config.smtp.from) : new OutboxMailer(config.dataDir, config.smtp.from)),
    cipher: new FieldCipher(config.secretKey),
    storage: new LocalDiskStorage(config.dataDir),
  };
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // One id per request, kept from a proxy's X-Request-Id, in every log line and in the jobs it enqueues.
    requestIdHeader: false,
    genReqId: (req) => acceptRequestId(req.headers['x-request-id'], newId),
  });
  app.addHook('onRequest', async (request, reply) => {
    enterRequest(request.id);
    reply.header('x-request-id', request.id);
  });
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // The API speaks JSON only: a text/plain body answers 415 instead of reaching the schemas as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'script-src': ["'self'"] } },
  });
  await app.register(cookie);
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    preClose: () => closeForRestart(app.websocketServer),
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Relais API', version: '0.1.0', description: API_DESCRIPTION } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerErrorHandling(app);
  registerAuthHooks(app, database);
  registerIdempotency(app, database);
  registerMetrics(app, deps);
  for (const mod of MODULES) await app.register(async (scoped) => mod(scoped, deps));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await serveWeb(app);
  return { app, deps, routes };
}

/** Serves the built web app and falls back to index.html for client-side routes. */
async function serveWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return;
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
