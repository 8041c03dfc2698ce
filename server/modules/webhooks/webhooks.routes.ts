import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { abortDeliveries, listenForWebhooks, sendDelivery } from './webhooks.dispatch.ts';
import { ZDeliveryListQuery, ZWebhookInput, ZWebhookPatch } from './webhooks.schemas.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
  rotateSecret,
  updateWebhook,
} from './webhooks.service.ts';

const PATH = '/api/webhooks';

/** Signed webhooks: subscriptions per organisation, their secret (shown once), the delivery log, ping and redelivery. */
export async function webhookRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const one = { params: ZIdParam };
  const tag = (summary: string) => doc('webhooks', summary);
  const r = (action: string) => ({ action, resource: 'webhook' });
  const stop = listenForWebhooks(deps, (err) => fastify.log.error({ err }, 'envoi de webhook en échec'));
  fastify.addHook('onClose', async () => {
    stop();
    abortDeliveries();
  });
  /** Sends a just-queued delivery now, without holding the answer (the task retries on failure). */
  const kick = (organizationId: string, id: string) =>
    void sendDelivery(deps, organizationId, id).catch((err) => fastify.log.error({ err }, 'envoi de webhook en échec'));

  app.get(
    PATH,
    { config: { action: 'webhook.read' }, schema: tag('Abonnements webhooks de l’organisation') },
    async (request) => ({
      items: await listWebhooks(ctxOf(deps, request), scopeOfRequest(request)),
    }),
  );
  app.post(
    PATH,
    {
      config: { action: 'webhook.manage' },
      schema: { ...tag('Créer un abonnement (le secret n’est montré qu’ici)'), body: ZWebhookInput },
    },
    async (request, reply) =>
      reply.status(201).send(await createWebhook(deps, ctxOf(deps, request), scopeOfRequest(request), request.body)),
  );
  app.get(`${PATH}/:id`, { config: r('webhook.read'), schema: { ...tag('Un abonnement'), ...one } }, async (request) =>
    getWebhook(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    `${PATH}/:id`,
    { config: r('webhook.manage'), schema: { ...tag('Modifier un abonnement (version requise)'), ...one, body: ZWebhookPatch } },
    async (request) => updateWebhook(deps, ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.delete(
    `${PATH}/:id`,
    { config: r('webhook.manage'), schema: { ...tag('Supprimer un abonnement'), ...one } },
    async (request, reply) => {
      await deleteWebhook(ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
  app.post(
    `${PATH}/:id/secret`,
    { config: r('webhook.manage'), schema: { ...tag('Régénérer le secret (montré une seule fois)'), ...one } },
    async (request) => rotateSecret(deps, ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.post(
    `${PATH}/:id/ping`,
    { config: r('webhook.manage'), schema: { ...tag('Envoyer un « ping »'), ...one } },
    async (request, reply) => {
      const scope = scopeOfRequest(request);
      const made = await pingWebhook(ctxOf(deps, request), scope, request.params.id);
      kick(scope.organizationId, made.id);
      return reply.status(202).send(made);
    },
  );
  app.get(
    `${PATH}/:id/deliveries`,
    { config: r('webhook.read'), schema: { ...tag('Journal des envois'), ...one, querystring: ZDeliveryListQuery } },
    async (request) => ({
      items: await listDeliveries(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.query.limit),
    }),
  );
  app.post(
    '/api/webhook-deliveries/:id/redeliver',
    { config: { action: 'webhook.manage', resource: 'webhookdelivery' }, schema: { ...tag('Renvoyer le même contenu'), ...one } },
    async (request, reply) => {
      const scope = scopeOfRequest(request);
      const made = await redeliver(ctxOf(deps, request), scope, request.params.id);
      kick(scope.organizationId, made.id);
      return reply.status(202).send(made);
    },
  );
}
