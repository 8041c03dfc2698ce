import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import type { Deps } from '../platform/deps.ts';
import { createWebhook } from '../modules/webhooks/webhooks.service.ts';

/**
 * One demo subscription, inactive: the ERP of the head office, to plug in. Its address is in a
 * documentation range (TEST-NET-3), so the demo never posts anywhere until a key user changes it.
 */
export async function seedWebhooks(deps: Deps, ctx: Ctx, scope: Scope): Promise<void> {
  await createWebhook(deps, ctx, scope, {
    url: 'https://203.0.113.10/relais/evenements',
    description: 'ERP du siège — à brancher (adresse d’exemple)',
    eventTypes: ['request.created', 'request.updated', 'request.sla_breached'],
    active: false,
  });
}
