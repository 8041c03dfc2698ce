import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { enrolmentRequired } from '../../platform/auth-hook.ts';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import type { Realtime } from '../../platform/realtime.ts';
import { actorOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { LiveHub } from './live.service.ts';
import { presenceStore } from './presence.service.ts';

const ZPresence = z.object({ mode: z.enum(['viewing', 'replying', 'left']) });
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const hubs = new WeakMap<Realtime, LiveHub>();

/** The live hub of an app (tests drive its heartbeat without waiting 30 s). */
export function liveHubOf(realtime: Realtime): LiveHub | undefined {
  return hubs.get(realtime);
}

/**
 * Browsers send cookies with a cross-site WebSocket handshake but always send `Origin`: accept our own
 * origin (BASE_URL or the Host asked for), and in development any loopback origin when BASE_URL is loopback
 * (the Vite server). No Origin at all is a non-browser client (API token, scripts): nothing to hijack.
 */
export function originAllowed(origin: string | undefined, host: string, baseUrl: string): boolean {
  if (origin === undefined) return true;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  const base = new URL(baseUrl);
  if (from.origin === base.origin || from.host === host) return true;
  return LOOPBACK.has(base.hostname) && LOOPBACK.has(from.hostname);
}

async function checkHandshake(deps: Deps, request: FastifyRequest): Promise<void> {
  if (!originAllowed(request.headers.origin, request.host, deps.config.baseUrl)) throw new AppError('forbidden');
  if (await enrolmentRequired(deps.database, actorOf(request))) throw new AppError('mfa_enrolment_required');
}

/**
 * Live updates: the WebSocket `GET /api/live` (session cookie or Bearer token, checked before the upgrade)
 * and presence over HTTP for pages that render before their socket is up or clients without WebSocket.
 */
export async function liveRoutes(fastify: FastifyInstance, deps: Deps) {
  const store = presenceStore(deps.realtime);
  const hub = new LiveHub(deps, store, fastify.log);
  hubs.set(deps.realtime, hub);
  deps.liveConnections = () => hub.connectionCount;
  store.start();
  hub.start();
  fastify.addHook('onClose', async () => {
    hub.stop();
    store.close();
  });
  fastify.get(
    '/api/live',
    { websocket: true, config: { action: 'self.live' }, preHandler: (request) => checkHandshake(deps, request) },
    (socket, request) => hub.connect(socket, actorOf(request)),
  );
  const app = zapp(fastify);
  app.get(
    '/api/requests/:id/presence',
    {
      config: { action: 'request.presence', resource: 'request' },
      schema: { ...doc('requests', 'Qui consulte ou répond à cette demande en ce moment'), params: ZIdParam },
    },
    async (request) => ({ people: store.people(scopeOfRequest(request).organizationId, request.params.id) }),
  );
  app.post(
    '/api/requests/:id/presence',
    {
      config: { action: 'request.announce', resource: 'request' },
      schema: {
        ...doc('requests', 'Signaler sa présence (sans WebSocket) : à renvoyer toutes les 20 s'),
        params: ZIdParam,
        body: ZPresence,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { organizationId } = scopeOfRequest(request);
      const connectionId = `http:${sha256(actor.sessionId ?? actor.tokenId ?? actor.userId)}`;
      const { userId, displayName: name } = actor;
      store.announce({ organizationId, requestId: request.params.id, connectionId, userId, name, mode: request.body.mode });
      return { people: store.people(organizationId, request.params.id) };
    },
  );
}
