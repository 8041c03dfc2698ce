import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import {
  ZChannelInput,
  ZChannelPatch,
  ZMemberInput,
  ZMemberQuery,
  ZMessageInput,
  ZMessagePatch,
  ZMessagesQuery,
  ZReadInput,
  ZSearchQuery,
} from './channels.schemas.ts';
import {
  createChannel,
  deleteMember,
  getChannel,
  joinChannel,
  leaveChannel,
  listChannels,
  listMembers,
  putMember,
  updateChannel,
} from './channels.service.ts';
import {
  deleteMessage,
  editMessage,
  listMessages,
  markRead,
  messageRevisions,
  postMessage,
  searchChannelMessages,
} from './messages.service.ts';

const PATH = '/api/channels';
const one = { params: ZIdParam };
const tag = (summary: string) => doc('channels', summary);
const ch = (action: string) => ({ action, resource: 'channel' });
const msg = (action: string) => ({ action, resource: 'message' });

/** Channels: list (with unread counts), search, one channel, join / leave, members. */
export async function channelRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const ctx = (request: Parameters<typeof ctxOf>[1]) => ctxOf(deps, request);
  app.get(PATH, { config: { action: 'channel.read' }, schema: tag('Canaux lisibles, avec les non-lus') }, async (request) => ({
    items: await listChannels(ctx(request), scopeOfRequest(request)),
  }));
  app.post(
    PATH,
    { config: { action: 'channel.create' }, schema: { ...tag('Créer un canal'), body: ZChannelInput } },
    async (request, reply) => reply.status(201).send(await createChannel(ctx(request), scopeOfRequest(request), request.body)),
  );
  app.get(
    `${PATH}/search`,
    { config: { action: 'channel.read' }, schema: { ...tag('Rechercher dans les messages'), querystring: ZSearchQuery } },
    async (request) => {
      const scope = scopeOfRequest(request);
      const channels = await listChannels(ctx(request), scope);
      return { items: await searchChannelMessages(ctx(request), scope, request.query.q, channels) };
    },
  );
  app.get(`${PATH}/:id`, { config: ch('channel.read'), schema: { ...tag('Un canal'), ...one } }, async (request) =>
    getChannel(ctx(request), scopeOfRequest(request), request.params.id),
  );
  app.patch(
    `${PATH}/:id`,
    { config: ch('channel.update'), schema: { ...tag('Modifier un canal'), ...one, body: ZChannelPatch } },
    async (request) => updateChannel(ctx(request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.post(
    `${PATH}/:id/join`,
    { config: ch('channel.join'), schema: { ...tag('Rejoindre un canal public'), ...one } },
    async (request) => joinChannel(ctx(request), scopeOfRequest(request), request.params.id),
  );
  app.post(
    `${PATH}/:id/leave`,
    { config: ch('channel.leave'), schema: { ...tag('Quitter un canal'), ...one } },
    async (request, reply) => {
      await leaveChannel(ctx(request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
  app.get(
    `${PATH}/:id/members`,
    { config: ch('channel.read'), schema: { ...tag('Membres d’un canal'), ...one } },
    async (request) => ({
      items: await listMembers(ctx(request), scopeOfRequest(request), request.params.id),
    }),
  );
  app.post(
    `${PATH}/:id/members`,
    { config: ch('channel.members'), schema: { ...tag('Ajouter un membre'), ...one, body: ZMemberInput } },
    async (request) => ({
      items: await putMember(ctx(request), scopeOfRequest(request), request.params.id, request.body.userId, request.body.role),
    }),
  );
  app.delete(
    `${PATH}/:id/members`,
    { config: ch('channel.members'), schema: { ...tag('Retirer un membre (?userId=)'), ...one, querystring: ZMemberQuery } },
    async (request, reply) => {
      await deleteMember(ctx(request), scopeOfRequest(request), request.params.id, request.query.userId);
      return noContent(reply);
    },
  );
  await messageRoutes(fastify, deps);
}

/** Messages of a channel: newest page, post / reply, read marker; edit, delete and history of one message. */
async function messageRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const ctx = (request: Parameters<typeof ctxOf>[1]) => ctxOf(deps, request);
  app.get(
    `${PATH}/:id/messages`,
    {
      config: ch('channel.read'),
      schema: { ...tag('Messages (page la plus récente, curseur before)'), ...one, querystring: ZMessagesQuery },
    },
    async (request) => listMessages(ctx(request), scopeOfRequest(request), request.params.id, request.query),
  );
  app.post(
    `${PATH}/:id/messages`,
    { config: ch('channel.post'), schema: { ...tag('Publier un message ou une réponse'), ...one, body: ZMessageInput } },
    async (request, reply) =>
      reply.status(201).send(await postMessage(ctx(request), scopeOfRequest(request), request.params.id, request.body)),
  );
  app.post(
    `${PATH}/:id/read`,
    { config: ch('channel.mark_read'), schema: { ...tag('Marquer lu jusqu’à un message'), ...one, body: ZReadInput } },
    async (request) => markRead(ctx(request), scopeOfRequest(request), request.params.id, request.body.messageId),
  );
  app.patch(
    '/api/messages/:id',
    { config: msg('message.update'), schema: { ...tag('Modifier son message (version requise)'), ...one, body: ZMessagePatch } },
    async (request) =>
      editMessage(ctx(request), scopeOfRequest(request), request.params.id, request.body.body, request.body.version),
  );
  app.delete(
    '/api/messages/:id',
    { config: msg('message.delete'), schema: { ...tag('Supprimer un message'), ...one } },
    async (request, reply) => {
      await deleteMessage(ctx(request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
  app.get(
    '/api/messages/:id/revisions',
    { config: msg('message.revisions'), schema: { ...tag('Historique d’un message'), ...one } },
    async (request) => ({ items: await messageRevisions(ctx(request), scopeOfRequest(request), request.params.id) }),
  );
}
