import type { Ctx } from '../../platform/context.ts';
import { diff, withTransaction } from '../../platform/context.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { type MailboxRow, probeMailbox } from './mail.imap.ts';
import type { TImapInput, TImapPatch } from './mail.imap.schemas.ts';
import { IMAP_ACTIONS } from './mail.policy.ts';

/** A polled mailbox as the API shows it: never its password, with the last poll and its error. */
export function presentMailbox(ctx: Ctx, row: MailboxRow) {
  return {
    id: row.id,
    host: row.host,
    port: row.port,
    tls: Boolean(row.tls),
    username: row.username,
    folder: row.folder,
    afterAction: row.after_action,
    addressId: row.address_id,
    enabled: Boolean(row.enabled),
    lastPolledAt: row.last_polled_at,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    lastImported: row.last_imported,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, IMAP_ACTIONS) : [],
  };
}

const load = async (ctx: Ctx, scope: Scope, id: string) =>
  (await findOrThrow(ctx.database.db, scope, 'imap_mailboxes', id)) as unknown as MailboxRow;

/** What an audit entry may show of a mailbox (no password, encrypted or not). */
const audited = (r: Record<string, unknown>) => {
  const { password_encrypted: _p, password: _q, poll_claim: _c, poll_claimed_at: _a, ...rest } = r;
  return rest;
};

/** The organisation's polled mailboxes (admin API under /api/mail/imap); the password is encrypted at rest. */
export const imapMailboxService = (deps: Deps) => ({
  async list(ctx: Ctx, scope: Scope) {
    const rows = await tenant
      .selectFrom(ctx.database.db, scope, 'imap_mailboxes')
      .selectAll()
      .orderBy('host')
      .orderBy('username')
      .execute();
    return rows.map((r) => presentMailbox(ctx, r));
  },
  async get(ctx: Ctx, scope: Scope, id: string) {
    return presentMailbox(ctx, await load(ctx, scope, id));
  },
  async create(ctx: Ctx, scope: Scope, input: TImapInput) {
    const id = newId();
    const now = nowIso();
    const { password, addressId, afterAction, ...rest } = input;
    await withTransaction(ctx, async (trx, record) => {
      await assertReferences(trx, scope, { addressId: ['mail_addresses', addressId] });
      const row = {
        id,
        ...rest,
        address_id: addressId,
        after_action: afterAction,
        password_encrypted: deps.cipher.encrypt(password),
        created_at: now,
        updated_at: now,
      };
      await trx
        .insertInto('imap_mailboxes')
        .values(tenant.values(scope, [row]))
        .execute();
      await record({ action: 'mail.imap_created', targetType: 'imap_mailbox', targetId: id, summary: { after: audited(input) } });
    });
    return this.get(ctx, scope, id);
  },
  async update(ctx: Ctx, scope: Scope, id: string, patch: TImapPatch) {
    const { version, password, addressId, afterAction, ...rest } = patch;
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (addressId !== undefined) set.address_id = addressId;
    if (afterAction !== undefined) set.after_action = afterAction;
    if (password !== undefined) set.password_encrypted = deps.cipher.encrypt(password);
    // A changed setting is tried afresh: the last error no longer describes it.
    if (Object.keys(set).length) Object.assign(set, { last_error: null, last_error_code: null });
    await withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'imap_mailboxes', id);
      await assertReferences(trx, scope, { addressId: ['mail_addresses', addressId] });
      await updateVersioned(trx, scope, 'imap_mailboxes', id, version, set, (row) =>
        presentMailbox(ctx, row as unknown as MailboxRow),
      );
      const summary = diff(audited(before), audited({ ...before, ...set }));
      await record({ action: 'mail.imap_updated', targetType: 'imap_mailbox', targetId: id, summary });
    });
    return this.get(ctx, scope, id);
  },
  async remove(ctx: Ctx, scope: Scope, id: string) {
    await withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'imap_mailboxes', id);
      await tenant.deleteFrom(trx, scope, 'imap_mailboxes').where('id', '=', id).execute();
      const summary = { before: { host: before.host, username: before.username } };
      await record({ action: 'mail.imap_deleted', targetType: 'imap_mailbox', targetId: id, summary });
    });
  },
});

/** « Tester la connexion »: connects with the stored settings, opens the folder, counts its messages. */
export async function testMailbox(deps: Deps, ctx: Ctx, scope: Scope, id: string) {
  return probeMailbox(deps, await load(ctx, scope, id), ctx.actor?.locale ?? 'fr');
}
