import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Scope } from './actor.ts';
import type { Ctx } from './context.ts';
import type { Deps } from './deps.ts';
import { AppError } from './errors.ts';
import { scopeOf } from './tenancy.ts';

/** The module plugin signature: a Fastify instance with the zod type provider and the shared deps. */
export type ModulePlugin = (app: FastifyInstance, deps: Deps) => Promise<void> | void;

export function zapp(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Per-request service context. */
export function ctxOf(deps: Deps, request: FastifyRequest): Ctx {
  return { database: deps.database, events: deps.events, actor: request.actor, ip: request.ip };
}

/** The authenticated actor (the auth hook has already refused anonymous calls on non-public routes). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function scopeOfRequest(request: FastifyRequest): Scope {
  return scopeOf(actorOf(request));
}

export function noContent(reply: FastifyReply) {
  return reply.status(204).send();
}

/** Tag and summary for OpenAPI, in one call. */
export function doc(tag: string, summary: string) {
  return { tags: [tag], summary };
}
