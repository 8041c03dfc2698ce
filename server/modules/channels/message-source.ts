import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { visibleRequests } from '../requests/requests.repository.ts';
import { channelVisibleTo } from './channels.policy.ts';

const EXCERPT = 200;

/** The first characters of a message, on one line (for a request's « created from a message » link). */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/**
 * The message a request was created from, for its detail view: null when none, or when the viewer may
 * not read that channel (a private channel stays invisible to outsiders).
 */
export async function sourceMessageOf(db: Kdb, scope: Scope, actor: Actor, requestId: string) {
  const row = await tenant
    .selectFrom(db, scope, 'messages')
    .innerJoin('channels', 'channels.id', 'messages.channel_id')
    .select(['messages.id', 'messages.channel_id', 'messages.body', 'channels.name'])
    .where('messages.request_id', '=', requestId)
    .orderBy('messages.created_at')
    .executeTakeFirst();
  if (!row || !(await channelVisibleTo(db, scope, row.channel_id, actor))) return null;
  return { id: row.id, channelId: row.channel_id, channelName: row.name, excerpt: excerptOf(row.body) };
}

/**
 * The requests a page of messages became (one query), by id: {id, reference, title, status} — only those
 * the viewer may read (a confidential request stays hidden: the message view then carries `request: null`).
 */
export async function requestsByMessage(db: Kdb, scope: Scope, actor: Actor, requestIds: string[]) {
  const out = new Map<string, { id: string; reference: string; title: string; status: string }>();
  const ids = [...new Set(requestIds)];
  if (!ids.length) return out;
  const rows = await visibleRequests(db, scope, actor)
    .select(['requests.id', 'requests.reference', 'requests.title', 'requests.status'])
    .where('requests.id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.id, r);
  return out;
}
