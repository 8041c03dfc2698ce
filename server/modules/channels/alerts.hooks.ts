import { markdownToText } from '../../../common/markdown.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { notify } from '../notifications/notify.ts';
import { requestNow } from '../requests/request-sla.ts';
import type { ChannelRow } from './channels.service.ts';
import { channelReaders, mentionDirectory, parseMentions, type Resolved, resolveMentions } from './mentions.ts';

/** A message just written, as the hooks of messages.service.ts hand it over (inside its transaction). */
export interface WrittenMessage {
  id: string;
  channel: ChannelRow;
  body: string;
  threadRootId: string | null;
  urgent: boolean;
}

const MINUTE = 60_000;
const EXCERPT = 120;

/** The start of a message as plain text (notification titles and mails). */
export function excerptOf(body: string): string {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
}

/** In-app link to a message; a thread reply links to its root with the thread open (`thread=1`). */
export const messageUrl = (channelId: string, messageId: string, threadRootId: string | null = null) =>
  threadRootId ? `/canaux/${channelId}?message=${threadRootId}&thread=1` : `/canaux/${channelId}?message=${messageId}`;

/** Params of a chat notification: who wrote, in which channel, the start of the text. */
export async function messageParams(db: Kdb, authorId: string | null, channelName: string, body: string) {
  const author = authorId
    ? await db.selectFrom('users').select('display_name').where('id', '=', authorId).executeTakeFirst()
    : undefined;
  return { actor: author?.display_name ?? 'Relais', channel: channelName, excerpt: excerptOf(body) };
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The organisation's delays (minutes) before a repeat and before the escalation. */
export async function alertDelays(db: Kdb, scope: Scope) {
  const org = await db
    .selectFrom('organizations')
    .select(['alert_repeat_minutes', 'alert_escalate_minutes'])
    .where('id', '=', scope.organizationId)
    .executeTakeFirstOrThrow();
  return { repeatMinutes: org.alert_repeat_minutes, escalateMinutes: org.alert_escalate_minutes };
}

/**
 * Opens the alert of an urgent root message and notifies its targets at once (urgent: mailed now, quiet
 * hours bypassed): the mentioned readers if any, else the channel's members; never the author.
 */
async function openAlert(trx: Kdb, scope: Scope, m: WrittenMessage, authorId: string | null, mentioned: Resolved[]) {
  const reached = unique(mentioned.flatMap((r) => r.userIds));
  let targets = reached.length ? [...(await channelReaders(trx, scope, m.channel, reached))] : [];
  if (!targets.length) {
    const members = await tenant
      .selectFrom(trx, scope, 'channel_members')
      .select('user_id')
      .where('channel_id', '=', m.channel.id)
      .execute();
    targets = members.map((r) => r.user_id);
  }
  targets = targets.filter((id) => id !== authorId);
  const delays = await alertDelays(trx, scope);
  const now = new Date(requestNow());
  const after = (minutes: number) => new Date(now.getTime() + minutes * MINUTE).toISOString();
  const alert = {
    id: newId(),
    message_id: m.id,
    channel_id: m.channel.id,
    author_id: authorId,
    targets: JSON.stringify(targets),
    created_at: now.toISOString(),
    next_repeat_at: after(delays.repeatMinutes),
    escalate_at: after(delays.escalateMinutes),
  };
  await trx
    .insertInto('message_alerts')
    .values(tenant.values(scope, [alert]))
    .execute();
  const params = { variant: 'message', ...(await messageParams(trx, authorId, m.channel.name, m.body)) };
  await notify(trx, scope, {
    userIds: targets,
    type: 'urgent_alert',
    params,
    targetType: 'message',
    targetId: m.id,
    url: messageUrl(m.channel.id, m.id),
    urgent: true,
    actorId: authorId,
  });
  return new Set(targets);
}

/** `mention` notifications to the readers of the channel among those mentioned (minus `skip`). */
async function notifyMentions(
  trx: Kdb,
  scope: Scope,
  m: WrittenMessage,
  authorId: string | null,
  mentioned: Resolved[],
  skip: Set<string>,
) {
  const reached = unique(mentioned.flatMap((r) => r.userIds)).filter((id) => id !== authorId && !skip.has(id));
  if (!reached.length) return;
  const readers = await channelReaders(trx, scope, m.channel, reached);
  const params = { variant: 'message', ...(await messageParams(trx, authorId, m.channel.name, m.body)) };
  await notify(trx, scope, {
    userIds: reached.filter((id) => readers.has(id)),
    type: 'mention',
    params,
    targetType: 'message',
    targetId: m.id,
    url: messageUrl(m.channel.id, m.id, m.threadRootId),
    actorId: authorId,
  });
}

/** After a post (same transaction): mentions notify, an urgent root message opens its alert. */
export async function onMessagePosted(trx: Kdb, scope: Scope, actor: Actor, m: WrittenMessage): Promise<void> {
  const authorId = actor.userId || null;
  const opens = m.urgent && !m.threadRootId;
  const handles = parseMentions(m.body);
  if (!opens && !handles.length) return;
  const mentioned = handles.length ? resolveMentions(await mentionDirectory(trx, scope), m.body) : [];
  const alerted = opens ? await openAlert(trx, scope, m, authorId, mentioned) : new Set<string>();
  await notifyMentions(trx, scope, m, authorId, mentioned, alerted);
}

/** After an edit (same transaction): only the mentions the previous body did not have notify. */
export async function onMessageEdited(trx: Kdb, scope: Scope, actor: Actor, m: WrittenMessage, before: string) {
  const old = new Set(parseMentions(before));
  if (!parseMentions(m.body).some((h) => !old.has(h))) return;
  const directory = await mentionDirectory(trx, scope);
  const already = new Set(resolveMentions(directory, before).flatMap((r) => r.userIds));
  const mentioned = resolveMentions(directory, m.body).filter((r) => !old.has(r.handle));
  await notifyMentions(trx, scope, m, actor.userId || null, mentioned, already);
}
