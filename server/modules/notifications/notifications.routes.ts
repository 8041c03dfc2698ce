import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, doc, zapp } from '../../platform/route-helpers.ts';
import { sendStoredFile } from '../requests/sniff.ts';
import { listenForNotifications } from './notifications.delivery.ts';
import './notifications.policy.ts';
import { ZNotificationList, ZNotificationSettings, ZOutboxName } from './notifications.schemas.ts';
import { countUnread, getSettings, listNotifications, markAllRead, markRead, putSettings } from './notifications.service.ts';
import { listOutbox, outboxFile } from './outbox.ts';
import './request-events.ts';

/** The notification centre (own notifications, preferences) and the operator's mail outbox. */
export async function notificationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const tag = (summary: string) => doc('notifications', summary);
  const stop = listenForNotifications(deps, (err) => fastify.log.error({ err }, 'notification delivery failed'));
  fastify.addHook('onClose', async () => stop());
  app.get(
    '/api/notifications',
    { config: { action: 'self.notifications' }, schema: { ...tag('Mes notifications'), querystring: ZNotificationList } },
    async (request) => listNotifications(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/notifications/unread-count',
    { config: { action: 'self.notifications' }, schema: tag('Nombre de notifications non lues') },
    async (request) => countUnread(deps, actorOf(request)),
  );
  app.post(
    '/api/notifications/read-all',
    { config: { action: 'self.notifications' }, schema: tag('Tout marquer comme lu') },
    async (request) => markAllRead(deps, actorOf(request)),
  );
  app.post(
    '/api/notifications/:id/read',
    { config: { action: 'self.notifications' }, schema: { ...tag('Marquer une notification comme lue'), params: ZIdParam } },
    async (request) => markRead(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/me/notification-settings',
    { config: { action: 'self.notifications' }, schema: tag('Mes préférences de notification') },
    async (request) => getSettings(deps, actorOf(request)),
  );
  app.put(
    '/api/me/notification-settings',
    { config: { action: 'self.notifications' }, schema: { ...tag('Modifier mes préférences'), body: ZNotificationSettings } },
    async (request) => putSettings(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/admin/outbox',
    { config: { action: 'platform.outbox.read' }, schema: tag('Boîte d’envoi (courriels écrits dans DATA_DIR/outbox)') },
    async () => listOutbox(deps),
  );
  app.get(
    '/api/admin/outbox/:name',
    { config: { action: 'platform.outbox.read' }, schema: { ...tag('Télécharger un courriel (.eml)'), params: ZOutboxName } },
    async (request, reply) => {
      const { meta, body } = await outboxFile(deps, request.params.name);
      return sendStoredFile(reply, meta, body);
    },
  );
}
