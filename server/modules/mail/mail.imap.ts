/**
 * IMAP polling: mailboxes hosted elsewhere (imap_mailboxes) read every minute. A poller takes a mailbox's
 * lease first (two ticks or two nodes never read the same box at once; a crashed poller's lease expires),
 * fetches the unseen messages not yet marked by UID, runs each raw message through processInbound (same
 * Message-ID dedupe, same quarantine) and only once that is recorded flags (\Seen + $RelaisImported) or
 * deletes it on the server. A crash in between fetches the message again next time: the Message-ID dedupe
 * makes that a no-op, and the message is then flagged. Errors are kept on the mailbox row, in French.
 */
import type { Selectable } from 'kysely';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { type Locale, translate } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import type { ImapMailboxesTable } from '../../db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { isReplyAddress } from './mail.addresses.ts';
import { type Envelope, processInbound } from './mail.process.ts';

export type MailboxRow = Selectable<ImapMailboxesTable>;

/** The keyword set with \Seen on a processed message (`flag` action). */
export const IMPORTED_KEYWORD = '$RelaisImported';
/** A poller's hold on a mailbox; longer than a batch takes, so only a crashed poller loses it. */
export const POLL_LEASE_MS = 10 * 60_000;
/** Messages handled per mailbox and tick (the rest wait for the next tick). */
const BATCH = 50;
const TIMEOUT_MS = 15_000;

/** A failure with a message key of common/messages-imap.ts. */
export class ImapProblem extends Error {
  constructor(
    readonly code: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** The message key (and values) telling an administrator what went wrong, from an imapflow or network error. */
export function describeImapError(err: unknown): { code: string; vars: Record<string, string | number> } {
  if (err instanceof ImapProblem) return { code: err.code, vars: err.vars };
  const e = (err ?? {}) as { authenticationFailed?: boolean; code?: string; message?: string };
  const message = String(e.message ?? err);
  if (e.authenticationFailed) return { code: 'imap.error.auth', vars: {} };
  if (e.code === 'ECONNREFUSED') return { code: 'imap.error.refused', vars: {} };
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return { code: 'imap.error.host', vars: {} };
  if (['ETIMEDOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ESOCKETTIMEDOUT'].includes(e.code ?? ''))
    return { code: 'imap.error.timeout', vars: {} };
  if (e.code?.startsWith('ERR_SSL') || /certificate|tls|ssl/i.test(message)) return { code: 'imap.error.tls', vars: {} };
  return { code: 'imap.error.other', vars: { detail: message.slice(0, 300) } };
}

/** Connects to the mailbox's server, runs `fn`, always closes the connection. */
export async function withImap<T>(deps: Deps, box: MailboxRow, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  let pass: string;
  try {
    pass = deps.cipher.decrypt(box.password_encrypted);
  } catch {
    throw new ImapProblem('imap.error.password');
  }
  const client = new ImapFlow({
    host: box.host,
    port: box.port,
    secure: Boolean(box.tls),
    auth: { user: box.username, pass },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * TIMEOUT_MS,
    disableAutoIdle: true,
  });
  client.on('error', () => {}); // reported through the failing command; never an uncaught 'error' event
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Opens the folder (a missing one is a clear error) and runs `fn` holding its lock. */
async function inFolder<T>(client: ImapFlow, folder: string, fn: () => Promise<T>): Promise<T> {
  const lock = await client.getMailboxLock(folder).catch(() => {
    throw new ImapProblem('imap.error.folder', { folder });
  });
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

/**
 * The envelope an IMAP message stands for: the return path from its Return-Path header (empty for a
 * bounce), else its From; the recipients are the address the mailbox feeds plus any Relais reply address
 * in To / Cc (a reply token routes the mail to its request).
 */
export async function envelopeOf(deps: Deps, raw: Buffer, address: string): Promise<Envelope> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true }).catch(() => null);
  const returnPath = mail?.headers.get('return-path') as { value?: { address?: string }[] } | string | undefined;
  const rp = typeof returnPath === 'string' ? returnPath : returnPath?.value?.[0]?.address;
  const mailFrom = rp !== undefined ? rp.replace(/[<>\s]/g, '') : (mail?.from?.value?.[0]?.address ?? '');
  const listed = [mail?.to, mail?.cc]
    .flat()
    .flatMap((a) => a?.value ?? [])
    .map((a) => a.address ?? '')
    .filter((a) => isReplyAddress(deps, a));
  return { mailFrom, rcptTo: [address, ...listed] };
}

/** Processes then flags or deletes each new message; returns how many were handled. */
async function drain(deps: Deps, client: ImapFlow, box: MailboxRow, address: string, done: { n: number }) {
  const found = await client.search({ seen: false, unKeyword: IMPORTED_KEYWORD }, { uid: true });
  const uids = (found || []).sort((a, b) => a - b).slice(0, BATCH);
  for (const uid of uids) {
    const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    const source = msg ? msg.source : undefined;
    if (!source) continue;
    // Recorded (request, reply, quarantine, duplicate…) before anything changes on the server.
    await processInbound(deps, source, await envelopeOf(deps, source, address));
    const settled =
      box.after_action === 'delete'
        ? await client.messageDelete(String(uid), { uid: true })
        : await client.messageFlagsAdd(String(uid), ['\\Seen', IMPORTED_KEYWORD], { uid: true });
    if (!settled) throw new ImapProblem('imap.error.settle', { uid });
    done.n++;
  }
}

/** Takes the mailbox for this poller unless another one holds a live lease; the claim token, or null. */
async function claimMailbox(db: Kdb, organizationId: string, id: string, now: Date): Promise<string | null> {
  const token = newId();
  const res = await tenant
    .updateTable(db, { organizationId }, 'imap_mailboxes')
    .set({ poll_claim: token, poll_claimed_at: now.toISOString() })
    .where('id', '=', id)
    .where('enabled', '=', true)
    .where((eb) =>
      eb.or([
        eb('poll_claimed_at', 'is', null),
        eb('poll_claimed_at', '<', new Date(now.getTime() - POLL_LEASE_MS).toISOString()),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? token : null;
}

/**
 * Polls one mailbox if this poller wins its lease: returns what happened (null when another poller holds
 * it or it is disabled). Never throws for a server-side problem: the error is recorded on the row.
 */
export async function pollMailbox(deps: Deps, organizationId: string, id: string, now: Date) {
  const db = deps.database.db;
  const scope = { organizationId };
  const claim = await claimMailbox(db, organizationId, id, now);
  if (!claim) return null;
  const done = { n: 0 };
  let error: { code: string; vars: Record<string, string | number> } | null = null;
  try {
    const box = await tenant.selectFrom(db, scope, 'imap_mailboxes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const address = await tenant
      .selectFrom(db, scope, 'mail_addresses')
      .select('address')
      .where('id', '=', box.address_id)
      .executeTakeFirstOrThrow();
    await withImap(deps, box, (client) => inFolder(client, box.folder, () => drain(deps, client, box, address.address, done)));
  } catch (err) {
    error = describeImapError(err);
  }
  await tenant
    .updateTable(db, scope, 'imap_mailboxes')
    .set({
      poll_claim: null,
      poll_claimed_at: null,
      last_polled_at: now.toISOString(),
      last_error: error ? translate('fr', error.code, error.vars) : null,
      last_error_code: error?.code ?? null,
      last_imported: done.n,
    })
    .where('id', '=', id)
    .where('poll_claim', '=', claim)
    .execute();
  return { imported: done.n, error: error?.code ?? null };
}

/** Every enabled mailbox of every organisation (the system's own read; each poll runs in its tenant). */
export async function pollAll(deps: Deps, now: Date): Promise<number> {
  const boxes = await deps.database.db
    .selectFrom('imap_mailboxes')
    .select(['id', 'organization_id'])
    .where('enabled', '=', true)
    .orderBy('id')
    .execute();
  let imported = 0;
  for (const b of boxes) imported += (await pollMailbox(deps, b.organization_id, b.id, now))?.imported ?? 0;
  return imported;
}

/** Connects, opens the folder and counts its messages: the « Tester la connexion » button. */
export async function probeMailbox(deps: Deps, box: MailboxRow, locale: Locale = 'fr') {
  try {
    const status = await withImap(deps, box, async (client) => {
      const found = await client.status(box.folder, { messages: true, unseen: true }).catch(() => false as const);
      if (!found) throw new ImapProblem('imap.error.folder', { folder: box.folder });
      return found;
    });
    return { ok: true, messages: status.messages ?? 0, unseen: status.unseen ?? 0, error: null, errorCode: null };
  } catch (err) {
    const e = describeImapError(err);
    return { ok: false, messages: null, unseen: null, error: translate(locale, e.code, e.vars), errorCode: e.code };
  }
}

registerTask({
  name: 'mail-imap-poll',
  everyMs: 60_000,
  async run(deps, now) {
    await pollAll(deps, now);
  },
});
