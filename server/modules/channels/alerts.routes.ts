import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { pushCount } from '../notifications/notifications.delivery.ts';
import { acknowledgeAlert, getAlertSettings, openAlerts, updateAlertSettings } from './alerts.service.ts';
import { readableChannel } from './channels.service.ts';
import { mentionable } from './mentions.ts';
import './alerts.policy.ts';
import './alerts.task.ts';

export const ZAlertSettings = z.object({
  repeatMinutes: z.number().int().min(1).max(120),
  escalateMinutes: z.number().int().min(1).max(1440),
});
const ZAlertsQuery = z.object({ state: z.enum(['open']).default('open') });
const ZMentionableQuery = z.object({ q: z.string().trim().max(100).default('') });

const tag = (summary: string) => doc('channels', summary);

/** Urgent alerts (take charge, the open ones for the banner, the organisation's delays) and mention lookup. */
export async function alertRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const ctx = (request: Parameters<typeof ctxOf>[1]) => ctxOf(deps, request);
  app.post(
    '/api/messages/:id/acknowledge',
    {
      config: { action: 'message.acknowledge', resource: 'message' },
      schema: { ...tag('Prendre en charge une alerte urgente'), params: ZIdParam },
    },
    async (request) => {
      const scope = scopeOfRequest(request);
      const view = await acknowledgeAlert(ctx(request), scope, request.params.id);
      await pushCount(deps, scope, actorOf(request).userId);
      return view;
    },
  );
  app.get(
    '/api/alerts',
    { config: { action: 'alert.read' }, schema: { ...tag('Alertes urgentes en attente'), querystring: ZAlertsQuery } },
    async (request) => ({ items: await openAlerts(ctx(request), scopeOfRequest(request)) }),
  );
  app.get(
    '/api/channels/:id/mentionable',
    {
      config: { action: 'channel.read', resource: 'channel' },
      schema: { ...tag('Personnes et groupes mentionnables'), params: ZIdParam, querystring: ZMentionableQuery },
    },
    async (request) => {
      const scope = scopeOfRequest(request);
      const { channel } = await readableChannel(deps.database.db, scope, actorOf(request), request.params.id);
      return { items: await mentionable(deps.database.db, scope, channel, request.query.q) };
    },
  );
  app.get(
    '/api/organization/alert-settings',
    { config: { action: 'alert_settings.read' }, schema: tag('Délais des alertes urgentes') },
    async (request) => getAlertSettings(ctx(request), scopeOfRequest(request)),
  );
  app.put(
    '/api/organization/alert-settings',
    { config: { action: 'alert_settings.update' }, schema: { ...tag('Modifier les délais des alertes'), body: ZAlertSettings } },
    async (request) => updateAlertSettings(ctx(request), scopeOfRequest(request), request.body),
  );
}
