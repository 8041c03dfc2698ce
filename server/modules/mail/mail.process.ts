import { Readable } from 'node:stream';
import { type ParsedMail, simpleParser } from 'mailparser';
import { sha256 } from '../../platform/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { findThreadToken, verifyThreadToken } from '../../platform/thread-token.ts';
import { claimMessage, finishMessage, type InboundRow, recentFromSender } from './mail.repository.ts';
import { automatedReason } from './mail.strip.ts';
import { QuarantineError, deliverNew, deliverReply, partyActor, requestByReference } from './mail.deliver.ts';
import { findAddress } from './mail.addresses.ts';

/** The SMTP envelope: the return path (empty for bounces) and the accepted recipients. */
export interface Envelope {
  mailFrom: string;
  rcptTo: string[];
}

export interface Outcome {
  id: string | null;
  status: string;
  reason: string | null;
  requestId: string | null;
  duplicate: boolean;
}

/** Mails per sender and organisation accepted in RATE_WINDOW_MS before the next ones are quarantined. */
export const RATE_LIMIT = 20;
export const RATE_WINDOW_MS = 10 * 60_000;

const lower = (s: string) => s.trim().toLowerCase();

/** Where a mail goes: its organisation, the thread token found, the inbound address it was sent to. */
export interface Route {
  organizationId: string;
  token: string | null;
  address: NonNullable<Awaited<ReturnType<typeof findAddress>>> | null;
}

/**
 * The organisation a mail is for: the request named by a thread token (reply address or subject), else the
 * first recipient configured as an inbound address. Null when nothing matches (refused at RCPT already).
 * These two lookups are deliberately platform-wide (no tenant yet): addresses are unique on the platform and
 * request ids are global; everything after runs in the organisation found here.
 */
export async function routeOf(deps: Deps, rcptTo: string[], subject: string): Promise<Route | null> {
  const token = rcptTo.map(findThreadToken).find(Boolean) ?? findThreadToken(subject);
  let address = null;
  for (const r of rcptTo) {
    address = (await findAddress(deps.database.db, r)) ?? null;
    if (address) break;
  }
  if (token) {
    const requestId = token.split('.')[0].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const req = await deps.database.db
      .selectFrom('requests')
      .select('organization_id')
      .where('id', '=', requestId)
      .executeTakeFirst();
    const organizationId = req?.organization_id ?? address?.organization_id;
    if (organizationId) return { organizationId, token, address: address?.organization_id === organizationId ? address : null };
  }
  return address ? { organizationId: address.organization_id, token: null, address } : null;
}

/** The route of a recorded mail, inside its own organisation (reprocessing, the stuck-row sweep). */
export async function routeOfRow(deps: Deps, row: InboundRow, mail: ParsedMail): Promise<Route> {
  const found = await routeOf(deps, row.to_address.split(', ').filter(Boolean), mail.subject ?? '');
  return found?.organizationId === row.organization_id
    ? found
    : { organizationId: row.organization_id, token: null, address: null };
}

/**
 * Handles one received mail end to end, without SMTP (the listener, IMAP polling and reprocessing call it):
 * keeps the raw bytes, records the Message-ID once per organisation (a redelivery only counts an attempt),
 * then ignores automated mail, applies the sender rate limit, threads replies (signed token, subject
 * reference) or creates a request. Anything that fails is quarantined with its reason, never lost.
 */
export async function processInbound(deps: Deps, raw: Buffer, envelope: Envelope): Promise<Outcome> {
  const mail = await simpleParser(raw).catch(() => null);
  const route = await routeOf(deps, envelope.rcptTo.map(lower), mail?.subject ?? '');
  if (!route) return { id: null, status: 'rejected', reason: 'no_recipient', requestId: null, duplicate: false };
  const stored = await deps.storage.put(Readable.from([raw]));
  const claim = await claimMessage(deps.database.db, {
    organizationId: route.organizationId,
    messageId: (mail?.messageId ?? `<${sha256(raw.toString('latin1'))}@sans-identifiant>`).slice(0, 500),
    from: mail ? fromOf(mail) : lower(envelope.mailFrom),
    to: envelope.rcptTo.join(', ').slice(0, 1000),
    subject: (mail?.subject ?? '').slice(0, 500),
    rawKey: stored.key,
  });
  if (claim.duplicate) {
    await deps.storage.remove(stored.key);
    return outcome(claim.row, true);
  }
  if (!mail) return outcome(await finishMessage(deps.database.db, claim.row, 'quarantined', 'unparseable'), false);
  return outcome(await handle(deps, claim.row, mail, envelope, route), false);
}

/** Runs the decision for a claimed message (also used to reprocess a quarantined one). */
export async function handle(
  deps: Deps,
  row: InboundRow,
  mail: ParsedMail,
  envelope: Envelope,
  route: Route,
  opts: { createRequester?: boolean; reprocess?: boolean } = {},
): Promise<InboundRow> {
  const db = deps.database.db;
  try {
    const contentType = String((mail.headers.get('content-type') as { value?: string } | undefined)?.value ?? '');
    const automated = automatedReason(mail.headers, contentType, envelope.mailFrom, row.from_address);
    if (automated) return finishMessage(db, row, 'ignored', automated);
    if (!opts.reprocess && (await recentFromSender(db, row, RATE_WINDOW_MS)) >= RATE_LIMIT)
      return finishMessage(db, row, 'quarantined', 'rate_limited');
    const reply = await replyTarget(deps, route, mail, row.from_address);
    if (reply) {
      await deliverReply(deps, row.organization_id, reply.requestId, reply.actor, mail);
      return finishMessage(db, row, 'replied', null, reply.requestId);
    }
    if (!route.address) return finishMessage(db, row, 'quarantined', 'no_address');
    const result = await deliverNew(deps, route.address, mail, row.from_address, opts.createRequester ?? false);
    if (result.status === 'created') return finishMessage(db, row, 'created', null, result.requestId);
    return finishMessage(db, row, result.status, result.reason);
  } catch (err) {
    const reason = err instanceof QuarantineError ? err.reason : `error: ${(err as Error).message ?? String(err)}`;
    return finishMessage(db, row, 'quarantined', reason.slice(0, 500));
  }
}

/**
 * The request a mail replies to and the member posting it: a valid signed token (a forged one throws:
 * quarantined, never posted), else a `[DEM-…]` reference in the subject — both only for a party of it.
 */
async function replyTarget(deps: Deps, route: { organizationId: string; token: string | null }, mail: ParsedMail, from: string) {
  if (route.token) {
    const ref = verifyThreadToken(deps.config.secretKey, route.organizationId, route.token);
    if (!ref) throw new QuarantineError('invalid_token');
    return { requestId: ref.requestId, actor: await partyOrThrow(deps, route.organizationId, ref.requestId, from) };
  }
  const requestId = await requestByReference(deps.database.db, route.organizationId, mail);
  if (!requestId) return null;
  const actor = await partyOrThrow(deps, route.organizationId, requestId, from).catch(() => null);
  return actor ? { requestId, actor } : null;
}

async function partyOrThrow(deps: Deps, organizationId: string, requestId: string, from: string) {
  const actor = await partyActor(deps, organizationId, requestId, from);
  if (!actor) throw new QuarantineError('sender_not_party');
  return actor;
}

function fromOf(mail: ParsedMail): string {
  return lower(mail.from?.value?.[0]?.address ?? '').slice(0, 320);
}

function outcome(row: InboundRow, duplicate: boolean): Outcome {
  return { id: row.id, status: row.status, reason: row.reason, requestId: row.request_id, duplicate };
}
