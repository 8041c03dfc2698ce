import { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { Attachment, ParsedMail } from 'mailparser';
import type { Kdb } from '../../db/database.ts';
import type { MailAddressesTable } from '../../db/schema.ts';
import { type Actor, type Scope, systemActor } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { createUser } from '../people/people.service.ts';
import { createRequest } from '../requests/request-create.ts';
import { addComment } from '../requests/request-actions.ts';
import { recordUploads } from '../requests/attachments.service.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import { ZCreateRequest } from '../requests/requests.schemas.ts';
import { type Received, receiveAll } from '../requests/upload-receive.ts';
import { mailCtx, memberActor } from './mail.actors.ts';
import { requestOfOutbound } from './mail.outbound.ts';
import { stripQuoted } from './mail.strip.ts';

/** A mail that cannot be handled as it is: quarantined with this reason (kept, reprocessable). */
export class QuarantineError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

type AddressRow = Selectable<MailAddressesTable>;

/** The sender as a member who may comment on the request (its requester, a watcher, staff), or null. */
export async function partyActor(deps: Deps, organizationId: string, requestId: string, from: string) {
  const actor = await memberActor(deps.database.db, organizationId, from);
  if (!actor) return null;
  const subject = await loadRequestSubject(deps.database.db, { organizationId }, requestId);
  return subject && can(actor, 'request.comment', subject) ? actor : null;
}

/**
 * The request a mail without token follows up: a `[DEM-2026-000123]` reference in the subject, or an
 * `In-Reply-To` / `References` naming a mail Relais sent about a request (outbound_messages) or a mail that
 * created or answered a request of the organisation.
 */
export async function requestByReference(db: Kdb, organizationId: string, mail: ParsedMail): Promise<string | null> {
  const ref = /\[([A-Z0-9]{1,12}-\d{4}-\d{4,})\]/i.exec(mail.subject ?? '')?.[1];
  if (ref) {
    const r = await db
      .selectFrom('requests')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('reference', '=', ref.toUpperCase())
      .executeTakeFirst();
    if (r) return r.id;
  }
  const refs = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].filter(Boolean).slice(-50);
  if (!refs.length) return null;
  const sent = await requestOfOutbound(db, organizationId, refs);
  if (sent) return sent;
  const m = await db
    .selectFrom('inbound_messages')
    .select('request_id')
    .where('organization_id', '=', organizationId)
    .where('message_id', 'in', refs)
    .where('request_id', 'is not', null)
    .executeTakeFirst();
  return m?.request_id ?? null;
}

/** The new part of a mail's text (quoted history and signature removed), as posted. */
export const bodyOf = (mail: ParsedMail) => stripQuoted(mail.text ?? '').slice(0, 20000);
/** The title a new request from this mail gets. */
export const titleOf = (mail: ParsedMail) => (mail.subject ?? '').trim().slice(0, 200) || '(sans objet)';

/** A public reply on the request as that member (source e-mail), with its attachments. */
export async function deliverReply(deps: Deps, organizationId: string, requestId: string, actor: Actor, mail: ParsedMail) {
  const body = bodyOf(mail) || (mail.attachments.length ? '(pièces jointes)' : '');
  if (!body) throw new QuarantineError('empty_body');
  await addComment(mailCtx(deps, actor), { organizationId }, requestId, { body, internal: false });
  await attachFiles(deps, { organizationId }, actor, requestId, mail.attachments);
}

/**
 * A new request from a mail: as the member using the sender's address, or per the organisation's policy
 * for unknown senders (create a requester account, hold for review, reject). Service and team come from
 * the address; title from the subject; description is the new part of the body.
 */
export async function deliverNew(deps: Deps, address: AddressRow, mail: ParsedMail, from: string, forceCreate: boolean) {
  const scope = { organizationId: address.organization_id };
  let actor = from ? await memberActor(deps.database.db, scope.organizationId, from) : null;
  if (!actor) {
    if (!from) throw new QuarantineError('no_sender');
    const org = await deps.database.db
      .selectFrom('organizations')
      .select('mail_unknown_sender')
      .where('id', '=', scope.organizationId)
      .executeTakeFirstOrThrow();
    const policy = forceCreate ? 'create_requester' : org.mail_unknown_sender;
    if (policy === 'reject') return { status: 'rejected', reason: 'unknown_sender' } as const;
    if (policy !== 'create_requester') return { status: 'quarantined', reason: 'unknown_sender' } as const;
    actor = await createRequester(deps, scope, from, mail.from?.value?.[0]?.name ?? '');
  }
  const input = ZCreateRequest.parse({
    serviceId: address.service_id,
    title: titleOf(mail),
    description: bodyOf(mail),
    source: 'email',
  });
  const created = await createRequest(mailCtx(deps, actor), scope, input, {
    optionalForm: true,
    ...(address.team_id ? { teamId: address.team_id } : {}),
  });
  await attachFiles(deps, scope, actor, created.id, mail.attachments);
  return { status: 'created', requestId: created.id as string } as const;
}

async function createRequester(deps: Deps, scope: Scope, email: string, name: string): Promise<Actor> {
  const ctx = mailCtx(deps, systemActor(scope.organizationId));
  const displayName = name.trim().slice(0, 120) || email.split('@')[0];
  await createUser(deps, ctx, scope, { email, displayName, role: 'requester', siteId: null });
  const actor = await memberActor(deps.database.db, scope.organizationId, email);
  if (!actor) throw new QuarantineError('requester_not_created');
  return actor;
}

/**
 * Stores the mail's files with the same checks as uploads (type from the bytes, size limit, markup and
 * executables refused); refused files are listed in an internal note instead of being stored.
 */
async function attachFiles(deps: Deps, scope: Scope, actor: Actor, requestId: string, atts: Attachment[]) {
  const files: Received[] = [];
  const refused: string[] = [];
  for (const a of atts) {
    if (a.related) continue; // images embedded in the HTML body (signature logos)
    const name = a.filename || 'piece-jointe';
    const parts = (async function* () {
      yield { type: 'file' as const, fieldname: 'file', filename: name, file: Readable.from([a.content]) };
    })();
    try {
      files.push(...(await receiveAll(actor, deps.storage, parts, deps.config.maxUploadBytes, async (u) => u.files)));
    } catch {
      refused.push(name);
    }
  }
  try {
    if (files.length) await recordUploads(mailCtx(deps, actor), scope, requestId, files, false);
  } catch (err) {
    await Promise.all(files.map((f) => deps.storage.remove(f.key)));
    throw err;
  }
  if (refused.length) {
    const body = `Pièces jointes du courriel refusées (type ou taille non acceptés)\u00a0: ${refused.join(', ')}`;
    await addComment(mailCtx(deps, systemActor(scope.organizationId)), scope, requestId, { body, internal: true });
  }
}
