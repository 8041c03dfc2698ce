import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { tenant } from '../platform/tenancy.ts';
import { mailAddressService } from '../modules/mail/mail.service.ts';

/** The demo's inbound addresses (reserved `.test` domain), each with the service its new requests use. */
export const DEMO_MAIL_ADDRESSES = [
  { address: 'demandes@horizon.test', service: 'Commande de fournitures', team: 'Pôle assistantes' },
  { address: 'rh@horizon.test', service: 'Attestation employeur', team: null },
  { address: 'services-generaux@horizon.test', service: 'Intervention de maintenance', team: null },
] as const;

/** Inbound addresses of Groupe Horizon, through the mail service (unknown senders held for review). */
export async function seedMail(ctx: Ctx, scope: Scope): Promise<void> {
  const db = ctx.database.db;
  for (const a of DEMO_MAIL_ADDRESSES) {
    const service = await tenant
      .selectFrom(db, scope, 'services')
      .select('id')
      .where('name', '=', a.service)
      .executeTakeFirstOrThrow();
    const team = a.team
      ? await tenant.selectFrom(db, scope, 'teams').select('id').where('name', 'like', `${a.team}%`).executeTakeFirst()
      : null;
    await mailAddressService.create(ctx, scope, { address: a.address, serviceId: service.id, teamId: team?.id ?? null });
  }
}
