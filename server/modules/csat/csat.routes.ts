import type { FastifyInstance } from 'fastify';
import { ZIdParam } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ctxOf, doc, scopeOfRequest, zapp } from '../../platform/route-helpers.ts';
import { comments, summary } from './csat.report.ts';
import { ZCommentsQuery, ZRating, ZSummaryQuery, ZTokenParam, ZTokenQuery } from './csat.schemas.ts';
import { getRequestSatisfaction, getSurveyByToken, rateByToken, rateRequest } from './csat.service.ts';
import { listenForSurveys } from './csat.survey.ts';
import './csat.policy.ts';

/**
 * Satisfaction: the public survey page's API (by e-mailed token; a GET never records), the in-app rating
 * of a request by its requester, and the figures and comments for the steering roles. Also starts the
 * after-commit survey mail for this app's event bus.
 */
export async function csatRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = zapp(fastify);
  const tag = (summary: string) => doc('csat', summary);
  const stop = listenForSurveys(deps, (err) => fastify.log.error({ err }, 'envoi de l’enquête de satisfaction en échec'));
  fastify.addHook('onClose', async () => stop());

  app.get(
    '/api/csat/surveys/:token',
    {
      config: { public: true },
      schema: { ...tag('Enquête par lien (lecture seule, n’enregistre rien)'), params: ZTokenParam, querystring: ZTokenQuery },
    },
    async (request) => getSurveyByToken(deps, request.params.token, request.ip),
  );
  app.post(
    '/api/csat/surveys/:token',
    { config: { public: true }, schema: { ...tag('Confirmer sa note depuis le lien'), params: ZTokenParam, body: ZRating } },
    async (request) => rateByToken(deps, request.params.token, request.body, request.ip),
  );
  app.get(
    '/api/requests/:id/satisfaction',
    {
      config: { action: 'csat.read', resource: 'request' },
      schema: { ...tag('Note de satisfaction d’une demande'), params: ZIdParam },
    },
    async (request) => getRequestSatisfaction(ctxOf(deps, request), scopeOfRequest(request), request.params.id),
  );
  app.put(
    '/api/requests/:id/satisfaction',
    {
      config: { action: 'csat.rate', resource: 'request' },
      schema: { ...tag('Noter sa demande (ou changer sa note, 7 jours)'), params: ZIdParam, body: ZRating },
    },
    async (request) => rateRequest(ctxOf(deps, request), scopeOfRequest(request), request.params.id, request.body),
  );
  app.get(
    '/api/csat/summary',
    {
      config: { action: 'csat.report' },
      schema: { ...tag('Satisfaction : chiffres globaux et par groupe'), querystring: ZSummaryQuery },
    },
    async (request) => summary(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
  app.get(
    '/api/csat/comments',
    { config: { action: 'csat.report' }, schema: { ...tag('Commentaires des demandeurs'), querystring: ZCommentsQuery } },
    async (request) => comments(ctxOf(deps, request), scopeOfRequest(request), request.query),
  );
}
