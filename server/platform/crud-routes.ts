import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Scope } from './actor.ts';
import type { Ctx } from './context.ts';
import type { Deps } from './deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from './route-helpers.ts';

export const ZIdParam = z.object({ id: z.string().min(1).max(64) });

export interface CrudService<C, P> {
  list(ctx: Ctx, scope: Scope): Promise<unknown[]>;
  get(ctx: Ctx, scope: Scope, id: string): Promise<unknown>;
  create(ctx: Ctx, scope: Scope, input: C): Promise<unknown>;
  update(ctx: Ctx, scope: Scope, id: string, patch: P): Promise<unknown>;
  remove(ctx: Ctx, scope: Scope, id: string): Promise<void>;
}

export interface CrudSpec<C, P> {
  /** e.g. /api/functions */
  path: string;
  /** policy prefix and loader name, e.g. 'function' → function.read/create/update/delete */
  resource: string;
  tag: string;
  /** OpenAPI summaries in French: [list, create, get, update, delete] */
  summaries: [string, string, string, string, string];
  create: z.ZodType<C>;
  patch: z.ZodType<P>;
  service: CrudService<C, P>;
}

/**
 * The five REST routes of a tenant resource (list, create, get, update with version, delete), each
 * declaring its policy action and loader so the auth hook and the authorization matrix cover them.
 */
export function registerCrud<C, P>(fastify: FastifyInstance, deps: Deps, spec: CrudSpec<C, P>): void {
  const app = zapp(fastify);
  const { path, resource: r, tag, summaries: s, service } = spec;
  const one = `${path}/:id`;
  app.get(path, { config: { action: `${r}.read` }, schema: doc(tag, s[0]) }, async (request) => ({
    items: await service.list(ctxOf(deps, request), scopeOfRequest(request)),
  }));
  app.post(
    path,
    { config: { action: `${r}.create` }, schema: { ...doc(tag, s[1]), body: spec.create } },
    async (request, reply) =>
      reply.status(201).send(await service.create(ctxOf(deps, request), scopeOfRequest(request), request.body as C)),
  );
  app.get(
    one,
    { config: { action: `${r}.read`, resource: r }, schema: { ...doc(tag, s[2]), params: ZIdParam } },
    async (request) => service.get(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    one,
    { config: { action: `${r}.update`, resource: r }, schema: { ...doc(tag, s[3]), params: ZIdParam, body: spec.patch } },
    async (request) => service.update(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body as P),
  );
  app.delete(
    one,
    { config: { action: `${r}.delete`, resource: r }, schema: { ...doc(tag, s[4]), params: ZIdParam } },
    async (request, reply) => {
      await service.remove(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
}
