import type { Mentionable } from '../../../common/alerts.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { type ChannelLike, canSeeChannel } from './channels.visibility.ts';

/**
 * Mentions in a chat message (issue 5 §5): `@handle` outside code spans and blocks, where a handle is a
 * member's e-mail local part, a team's slug (from its name) or `@coordination` (the organisation's
 * coordinators, unless a team owns that slug). Handles compare without case nor accents.
 */
export interface Resolved extends Mentionable {
  /** Who the mention reaches (the user, the team's members, the coordinators). */
  userIds: string[];
}

export const COORDINATION = 'coordination';

/** Lower case, without accents (é → e). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A team's handle: its name folded, every run of other characters a dash. */
export function slugOf(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const FENCED = /(^|\n)[ \t]*(`{3,}|~{3,})[\s\S]*?(\n[ \t]*\2|$)/g;
const INLINE = /(`+)[\s\S]*?\1/g;
const MENTION = /(?<![\p{L}\p{N}_.@/-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** The folded handles mentioned in a Markdown body, in order, once each (never inside code). */
export function parseMentions(body: string): string[] {
  const text = body.replace(FENCED, '\n').replace(INLINE, ' ');
  const out: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = fold(match[1].replace(/[._-]+$/, ''));
    if (handle && !out.includes(handle)) out.push(handle);
  }
  return out;
}

/**
 * The organisation's mentionable handles: members first, then teams, then the coordinators' group.
 * `members`: also load who each team and the group reach (for notifying; not needed to display).
 */
export async function mentionDirectory(db: Kdb, scope: Scope, members = true): Promise<Map<string, Resolved>> {
  const people = await tenant
    .selectFrom(db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'memberships.role'])
    .where('users.disabled', '=', false)
    .execute();
  const teams = await tenant.selectFrom(db, scope, 'teams').select(['id', 'name']).orderBy('name').execute();
  const links =
    members && teams.length ? await tenant.selectFrom(db, scope, 'team_members').select(['team_id', 'user_id']).execute() : [];
  const out = new Map<string, Resolved>();
  for (const p of people) {
    const handle = fold(p.email.split('@')[0] ?? '');
    if (handle && !out.has(handle)) out.set(handle, { kind: 'user', id: p.id, handle, name: p.display_name, userIds: [p.id] });
  }
  for (const team of teams) {
    const handle = slugOf(team.name);
    if (!handle || out.has(handle)) continue;
    const userIds = links.filter((l) => l.team_id === team.id).map((l) => l.user_id);
    out.set(handle, { kind: 'team', id: team.id, handle, name: team.name, userIds });
  }
  if (!out.has(COORDINATION)) {
    const userIds = people.filter((p) => p.role === 'coordinator').map((p) => p.id);
    out.set(COORDINATION, { kind: 'group', id: COORDINATION, handle: COORDINATION, name: 'Coordination', userIds });
  }
  return out;
}

/** The mentions of a body that name someone, resolved against a directory. */
export function resolveMentions(directory: Map<string, Resolved>, body: string): Resolved[] {
  return parseMentions(body).flatMap((h) => directory.get(h) ?? []);
}

export const publicMention = ({ kind, id, handle, name }: Resolved): Mentionable => ({ kind, id, handle, name });

/**
 * Who among `userIds` (all members of the organisation when omitted) may read the channel, by the
 * same rule as channels.visibility.ts, from their role and site in the organisation.
 */
export async function channelReaders(
  db: Kdb,
  scope: Scope,
  channel: ChannelLike & { id: string },
  userIds?: readonly string[],
): Promise<Set<string>> {
  if (userIds && !userIds.length) return new Set();
  let people = tenant.selectFrom(db, scope, 'memberships').select(['user_id', 'role', 'site_id']);
  let joined = tenant.selectFrom(db, scope, 'channel_members').select('user_id').where('channel_id', '=', channel.id);
  if (userIds) {
    people = people.where('user_id', 'in', [...userIds]);
    joined = joined.where('user_id', 'in', [...userIds]);
  }
  const members = new Set((await joined.execute()).map((m) => m.user_id));
  const out = new Set<string>();
  for (const p of await people.execute()) {
    const actor = { userId: p.user_id, role: p.role, siteId: p.site_id, isOperator: false } as Actor;
    if (canSeeChannel(actor, channel, members.has(p.user_id))) out.add(p.user_id);
  }
  return out;
}

/** Up to 10 handles for the composer: readers of the channel, teams and the group, matching `q`. */
export async function mentionable(db: Kdb, scope: Scope, channel: ChannelLike & { id: string }, q: string) {
  const directory = await mentionDirectory(db, scope, false);
  const readers = await channelReaders(db, scope, channel);
  const wanted = fold(q.replace(/^@/, '').trim());
  const matches = (m: Resolved) => !wanted || m.handle.startsWith(wanted) || fold(m.name).includes(wanted);
  return [...directory.values()]
    .filter((m) => (m.kind !== 'user' || readers.has(m.id)) && matches(m))
    .sort(
      (a, b) => Number(!a.handle.startsWith(wanted)) - Number(!b.handle.startsWith(wanted)) || a.handle.localeCompare(b.handle),
    )
    .slice(0, 10)
    .map(publicMention);
}
