import type { Selectable } from 'kysely';
import { simpleParser } from 'mailparser';
import type { InboundMessagesTable, MailAddressesTable } from '../../db/schema.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { ADDRESS_ACTIONS, INBOUND_ACTIONS } from './mail.policy.ts';
import { handle, routeOfRow } from './mail.process.ts';
import type { TMailAddressInput, TMailAddressPatch } from './mail.schemas.ts';

type AddressRow = Selectable<MailAddressesTable>;
type InboundRow = Selectable<InboundMessagesTable>;

const acts = (ctx: Ctx, list: readonly string[]) => (ctx.actor ? allowedActions(ctx.actor, list) : []);

export function presentAddress(ctx: Ctx, row: AddressRow) {
  return {
    id: row.id,
    address: row.address,
    serviceId: row.service_id,
    teamId: row.team_id,
    version: row.version,
    allowedActions: acts(ctx, ADDRESS_ACTIONS),
  };
}

export function presentInbound(ctx: Ctx, row: InboundRow) {
  return {
    id: row.id,
    messageId: row.message_id,
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    reason: row.reason,
    requestId: row.request_id,
    attempts: row.attempts,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    allowedActions: ['quarantined', 'rejected'].includes(row.status)
      ? acts(ctx, INBOUND_ACTIONS)
      : acts(ctx, ['mail_inbound.delete']),
  };
}

/** The organisation's inbound addresses, by address. */
export const mailAddressService = {
  async list(ctx: Ctx, scope: Scope) {
    const rows = await tenant.selectFrom(ctx.database.db, scope, 'mail_addresses').selectAll().orderBy('address').execute();
    return rows.map((r) => presentAddress(ctx, r));
  },
  async get(ctx: Ctx, scope: Scope, id: string) {
    return presentAddress(ctx, (await findOrThrow(ctx.database.db, scope, 'mail_addresses', id)) as unknown as AddressRow);
  },
  /** Addresses are unique on the whole platform (409 on `address`): a mail belongs to one organisation. */
  async create(ctx: Ctx, scope: Scope, input: TMailAddressInput) {
    const id = newId();
    const now = nowIso();
    await withTransaction(ctx, async (trx, record) => {
      await assertReferences(trx, scope, { serviceId: ['services', input.serviceId], teamId: ['teams', input.teamId] });
      const row = {
        id,
        address: input.address,
        service_id: input.serviceId,
        team_id: input.teamId,
        created_at: now,
        updated_at: now,
      };
      await uniqueOn(
        'address',
        trx
          .insertInto('mail_addresses')
          .values(tenant.values(scope, [row]))
          .execute(),
      );
      await record({ action: 'mail.address_created', targetType: 'mail_address', targetId: id, summary: { after: input } });
    });
    return mailAddressService.get(ctx, scope, id);
  },
  async update(ctx: Ctx, scope: Scope, id: string, patch: TMailAddressPatch) {
    const { version, serviceId, teamId, address } = patch;
    const set: Record<string, unknown> = {
      ...(address !== undefined ? { address } : {}),
      ...(serviceId !== undefined ? { service_id: serviceId } : {}),
      ...(teamId !== undefined ? { team_id: teamId } : {}),
    };
    await withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'mail_addresses', id);
      await assertReferences(trx, scope, { serviceId: ['services', serviceId], teamId: ['teams', teamId] });
      await uniqueOn(
        'address',
        updateVersioned(trx, scope, 'mail_addresses', id, version, set, (row) =>
          presentAddress(ctx, row as unknown as AddressRow),
        ),
      );
      await record({
        action: 'mail.address_updated',
        targetType: 'mail_address',
        targetId: id,
        summary: diff(before, { ...before, ...set }),
      });
    });
    return mailAddressService.get(ctx, scope, id);
  },
  async remove(ctx: Ctx, scope: Scope, id: string) {
    await withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'mail_addresses', id);
      await tenant.deleteFrom(trx, scope, 'mail_addresses').where('id', '=', id).execute();
      await record({
        action: 'mail.address_deleted',
        targetType: 'mail_address',
        targetId: id,
        summary: { before: { address: before.address } },
      });
    });
  },
};

export async function getMailSettings(ctx: Ctx, scope: Scope) {
  const org = await ctx.database.db
    .selectFrom('organizations')
    .select('mail_unknown_sender')
    .where('id', '=', scope.organizationId)
    .executeTakeFirstOrThrow();
  return { unknownSender: org.mail_unknown_sender, allowedActions: acts(ctx, ['mail_settings.update']) };
}

/** The policy for mail from senders who are not members (create a requester, hold for review, reject). */
export async function updateMailSettings(ctx: Ctx, scope: Scope, unknownSender: string) {
  await withTransaction(ctx, async (trx, record) => {
    await trx
      .updateTable('organizations')
      .set({ mail_unknown_sender: unknownSender, updated_at: nowIso() })
      .where('id', '=', scope.organizationId)
      .execute();
    await record({
      action: 'mail.settings_updated',
      targetType: 'organization',
      targetId: scope.organizationId,
      summary: { unknownSender },
    });
  });
  return getMailSettings(ctx, scope);
}

/** Received mail in a state (default: the quarantine), newest first. */
export async function listInbound(ctx: Ctx, scope: Scope, status: string) {
  let q = tenant.selectFrom(ctx.database.db, scope, 'inbound_messages').selectAll();
  if (status !== 'all') q = q.where('status', '=', status);
  const rows = await q.orderBy('received_at', 'desc').orderBy('id').limit(200).execute();
  return rows.map((r) => presentInbound(ctx, r));
}

async function inboundOrThrow(ctx: Ctx, scope: Scope, id: string) {
  const row = await tenant
    .selectFrom(ctx.database.db, scope, 'inbound_messages')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function readRaw(deps: Deps, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of deps.storage.get(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Runs a quarantined (or rejected) mail through the gateway again from its kept raw bytes — after the
 * cause is fixed (address, member added) or with `createRequester` to let an unknown sender in.
 */
export async function reprocessInbound(deps: Deps, ctx: Ctx, scope: Scope, id: string, createRequester: boolean) {
  const row = await inboundOrThrow(ctx, scope, id);
  if (!['quarantined', 'rejected'].includes(row.status)) throw new AppError('conflict', 'mail_not_quarantined');
  const mail = await simpleParser(await readRaw(deps, row.raw_key)).catch(() => {
    throw new AppError('unprocessable', 'mail_unparseable');
  });
  const rcpt = row.to_address.split(', ').filter(Boolean);
  const route = await routeOfRow(deps, row, mail);
  const counted = { ...row, attempts: row.attempts + 1 };
  await tenant
    .updateTable(ctx.database.db, scope, 'inbound_messages')
    .set({ attempts: counted.attempts })
    .where('id', '=', id)
    .execute();
  const done = await handle(deps, counted, mail, { mailFrom: row.from_address, rcptTo: rcpt }, route, {
    createRequester,
    reprocess: true,
  });
  await withTransaction(ctx, (_trx, record) =>
    record({
      action: 'mail.reprocessed',
      targetType: 'inbound_message',
      targetId: id,
      summary: { status: done.status, reason: done.reason },
    }),
  );
  return presentInbound(ctx, done);
}

/** Deletes a received mail and its raw bytes (spam, a mail handled by hand). */
export async function deleteInbound(deps: Deps, ctx: Ctx, scope: Scope, id: string) {
  const row = await inboundOrThrow(ctx, scope, id);
  await withTransaction(ctx, async (trx, record) => {
    await tenant.deleteFrom(trx, scope, 'inbound_messages').where('id', '=', id).execute();
    await record({
      action: 'mail.deleted',
      targetType: 'inbound_message',
      targetId: id,
      summary: { from: row.from_address, subject: row.subject },
    });
  });
  await deps.storage.remove(row.raw_key);
}
