/**
 * Delivery after commit. Live: rows not yet pushed are marked and each recipient's sockets get their new
 * unread count. Mail (outbox on the row): a sender claims a user's due rows with a fresh claim token (a
 * lease: a crashed sender's claim expires), sends one mail per immediate row and one digest for the
 * digest rows, then marks them sent; a failure releases the claim. The after-commit listener and the
 * minute task race safely: whoever wins the claim sends, so a mail is never lost nor sent twice.
 */
import { sql } from 'kysely';
import type { Scope } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { eachItem, registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import type { OutgoingMail } from '../../platform/mailer.ts';
import { recordOutbound } from '../mail/mail.outbound.ts';
import { digestMail, type MailNotification, type MailUser, notificationMail } from './notifications.mail.ts';

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 200;

/** The user's unread count in one organisation. */
export async function unreadCount(deps: Deps, scope: Scope, userId: string): Promise<number> {
  const row = await tenant
    .selectFrom(deps.database.db, scope, 'notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Tells a user's sockets their unread count changed (after a new notification or a read elsewhere). */
export async function pushCount(deps: Deps, scope: Scope, userId: string): Promise<void> {
  const unread = await unreadCount(deps, scope, userId);
  const payload = { type: 'notifications.changed' as const, unread };
  deps.realtime.publish({ kind: 'user', organizationId: scope.organizationId, userId, payload });
}

/** Pushes the organisation's notifications committed since the last push. */
export async function pushPending(deps: Deps, scope: Scope): Promise<void> {
  // One statement: two writers pushing at once never mark (nor lock) the same rows twice.
  const rows = await tenant
    .updateTable(deps.database.db, scope, 'notifications')
    .set({ pushed_at: requestNow() })
    .where('pushed_at', 'is', null)
    .returning('user_id')
    .execute();
  for (const userId of new Set(rows.map((r) => r.user_id))) await pushCount(deps, scope, userId);
}

/** Claims a user's due rows for this sender; returns the claimed rows (empty when another sender has them). */
async function claim(deps: Deps, scope: Scope, userId: string, now: Date) {
  const db = deps.database.db;
  const token = newId();
  const leaseStart = new Date(now.getTime() - LEASE_MS).toISOString();
  await tenant
    .updateTable(db, scope, 'notifications')
    .set({ mail_claim: token, mail_claimed_at: now.toISOString(), mail_attempts: sql`mail_attempts + 1` as never })
    .where('user_id', '=', userId)
    .where('mail_state', 'in', ['pending', 'digest'])
    .where('mail_due_at', '<=', now.toISOString())
    .where('mail_attempts', '<', MAX_ATTEMPTS)
    .where((eb) => eb.or([eb('mail_claimed_at', 'is', null), eb('mail_claimed_at', '<', leaseStart)]))
    .execute();
  return tenant
    .selectFrom(db, scope, 'notifications')
    .select(['id', 'organization_id', 'user_id', 'type', 'params', 'target_type', 'target_id', 'url', 'mail_state'])
    .where('mail_claim', '=', token)
    .orderBy('created_at')
    .execute();
}

/**
 * Sends a user's due mails if this sender wins the claim; returns how many mails went out. Each mail's
 * rows are marked sent right after it goes, so a later failure only hands back the rows not yet sent.
 */
export async function mailUser(deps: Deps, scope: Scope, userId: string, now: Date): Promise<number> {
  const rows = await claim(deps, scope, userId, now);
  if (!rows.length) return 0;
  const db = deps.database.db;
  const pending = new Set(rows.map((r) => r.id));
  const settle = (ids: string[], set: { mail_state: string; mailed_at: string } | { mail_claim: null; mail_claimed_at: null }) =>
    tenant.updateTable(db, scope, 'notifications').set(set).where('id', 'in', ids).execute();
  try {
    const user = await db
      .selectFrom('users')
      .select(['email', 'display_name', 'locale', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const batches = user.disabled ? [] : composeAll(deps, rows, user);
    for (const { mail, ids, requestId } of batches) {
      if (requestId && mail.messageId) await recordOutbound(db, scope.organizationId, requestId, mail.messageId);
      await deps.mailer.send(mail);
      await settle(ids, { mail_state: 'sent', mailed_at: now.toISOString() });
      for (const id of ids) pending.delete(id);
    }
    // A disabled user's rows are closed without a mail.
    if (pending.size) await settle([...pending], { mail_state: 'sent', mailed_at: now.toISOString() });
    return batches.length;
  } catch (err) {
    if (pending.size) await settle([...pending], { mail_claim: null, mail_claimed_at: null });
    throw err;
  }
}

/** One mail per immediate row, plus one digest for the digest rows, each with the rows it covers. */
function composeAll(deps: Deps, rows: (MailNotification & { mail_state: string })[], user: MailUser) {
  const out: { mail: OutgoingMail; ids: string[]; requestId?: string }[] = rows
    .filter((r) => r.mail_state === 'pending')
    .map((n) => ({
      mail: notificationMail(deps, n, user),
      ids: [n.id],
      ...(n.target_type === 'request' && n.target_id ? { requestId: n.target_id } : {}),
    }));
  const digest = rows.filter((r) => r.mail_state === 'digest');
  if (digest.length) out.push({ mail: digestMail(deps, digest, user), ids: digest.map((r) => r.id) });
  return out;
}

/**
 * Every due mail of every organisation (or one): the system's own read of the outbox; each send goes
 * through its tenant. One failing address does not hold back the others; the first failure is rethrown.
 */
export async function mailDue(deps: Deps, now = new Date(requestNow()), organizationId?: string): Promise<number> {
  let q = deps.database.db
    .selectFrom('notifications')
    .select(['organization_id', 'user_id'])
    .distinct()
    .where('mail_state', 'in', ['pending', 'digest'])
    .where('mail_due_at', '<=', now.toISOString())
    .where('mail_attempts', '<', MAX_ATTEMPTS)
    .limit(BATCH);
  if (organizationId) q = q.where('organization_id', '=', organizationId);
  return eachItem(await q.execute(), (r) => mailUser(deps, { organizationId: r.organization_id }, r.user_id, now));
}

registerTask({
  name: 'notifications-mail',
  everyMs: 60_000,
  async run(deps, now) {
    await mailDue(deps, now);
  },
});

let paused = 0;

/** Runs `fn` without after-commit delivery (the demo seed; tests that drive the task themselves). */
export async function withoutDelivery<T>(fn: () => Promise<T>): Promise<T> {
  paused++;
  try {
    return await fn();
  } finally {
    paused--;
  }
}

/** Stops after-commit delivery until the returned function is called (the demo seed, from start to end). */
export function pauseDelivery(): () => void {
  paused++;
  let resumed = false;
  return () => {
    if (!resumed) paused--;
    resumed = true;
  };
}

/** Right after each commit: push the organisation's new notifications and send its due mails. */
export function listenForNotifications(deps: Deps, log: (err: unknown) => void): () => void {
  return deps.events.subscribe((e) => {
    if (paused > 0) return;
    const scope = { organizationId: e.organizationId };
    pushPending(deps, scope)
      .then(() => mailDue(deps, new Date(requestNow()), e.organizationId))
      .catch(log);
  });
}
