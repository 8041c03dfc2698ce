import type { FastifyInstance } from 'fastify';
import { registerCrud, ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, noContent, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { ZMailAddressInput, ZMailAddressPatch, ZMailSettings, ZQuarantineQuery, ZReprocess } from './mail.schemas.ts';
import {
  deleteInbound,
  getMailSettings,
  listInbound,
  mailAddressService,
  reprocessInbound,
  updateMailSettings,
} from './mail.service.ts';
import { ZImapInput, ZImapPatch } from './mail.imap.schemas.ts';
import { imapMailboxService, testMailbox } from './mail.imap.service.ts';
import './mail.sweep.ts'; // registers the stuck-row sweep (mail.imap.ts registers the IMAP poll)

/** Inbound e-mail: addresses, the unknown-sender policy and the quarantine (reprocess, delete). */
export async function mailRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/mail/addresses',
    resource: 'mail_address',
    tag: 'mail',
    summaries: [
      'Adresses de réception',
      'Ajouter une adresse de réception',
      'Une adresse de réception',
      'Modifier une adresse de réception (version requise)',
      'Supprimer une adresse de réception',
    ],
    create: ZMailAddressInput,
    patch: ZMailAddressPatch,
    service: mailAddressService,
  });
  registerCrud(fastify, deps, {
    path: '/api/mail/imap',
    resource: 'mail_imap',
    tag: 'mail',
    summaries: [
      'Boîtes IMAP relevées',
      'Ajouter une boîte IMAP',
      'Une boîte IMAP',
      'Modifier une boîte IMAP (version requise ; mot de passe seulement s’il change)',
      'Supprimer une boîte IMAP',
    ],
    create: ZImapInput,
    patch: ZImapPatch,
    service: imapMailboxService(deps),
  });
  const app = zapp(fastify);
  const tag = (summary: string) => doc('mail', summary);
  app.post(
    '/api/mail/imap/:id/test',
    {
      config: { action: 'mail_imap.test', resource: 'mail_imap' },
      schema: { ...tag('Tester la connexion IMAP'), params: ZIdParam },
    },
    async (request) => testMailbox(deps, ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  const q = (action: string) => ({ action, resource: 'mail_inbound' });
  app.get(
    '/api/mail/settings',
    { config: { action: 'mail_settings.read' }, schema: tag('Réglages du courrier entrant') },
    async (request) => getMailSettings(ctxOf(deps, request), scopeOfRequest(request)),
  );
  app.patch(
    '/api/mail/settings',
    { config: { action: 'mail_settings.update' }, schema: { ...tag('Politique des expéditeurs inconnus'), body: ZMailSettings } },
    async (request) => updateMailSettings(ctxOf(deps, request), scopeOfRequest(request), request.body.unknownSender),
  );
  app.get(
    '/api/mail/quarantine',
    {
      config: { action: 'mail_inbound.read' },
      schema: { ...tag('Courriels reçus (quarantaine par défaut)'), querystring: ZQuarantineQuery },
    },
    async (request) => ({ items: await listInbound(ctxOf(deps, request), scopeOfRequest(request), request.query.status) }),
  );
  app.post(
    '/api/mail/quarantine/:id/reprocess',
    { config: q('mail_inbound.reprocess'), schema: { ...tag('Retraiter un courriel'), params: ZIdParam, body: ZReprocess } },
    async (request) =>
      reprocessInbound(
        deps,
        ctxOf(deps, request),
        scopeOfRequest(request),
        request.params.id,
        request.body?.createRequester ?? false,
      ),
  );
  app.delete(
    '/api/mail/quarantine/:id',
    { config: q('mail_inbound.delete'), schema: { ...tag('Supprimer un courriel reçu'), params: ZIdParam } },
    async (request, reply) => {
      await deleteInbound(deps, ctxOf(deps, request), scopeOfRequest(request), request.params.id);
      return noContent(reply);
    },
  );
}
