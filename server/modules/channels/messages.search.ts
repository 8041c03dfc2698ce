import { sql } from 'kysely';
import { markdownToText } from '../../../common/markdown.ts';
import type { Dialect, Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { tenant } from '../../platform/tenancy.ts';
import { cleanText, fts5Match, highlight, pgQuery, pgVector, searchTerms } from '../search/search.module.ts';

/** At most this many matches are returned (newest first among the best). */
export const MESSAGE_SEARCH_CAP = 50;

/**
 * (Re)indexes one message with the writing transaction: the plain text of its Markdown body; a deleted
 * message leaves the index (its text is only in its revisions).
 */
export async function indexMessage(trx: Kdb, dialect: Dialect, scope: Scope, messageId: string): Promise<void> {
  const row = await tenant
    .selectFrom(trx, scope, 'messages')
    .select(['id', 'channel_id', 'body', 'deleted_at'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  await tenant.deleteFrom(trx, scope, 'message_search').where('message_id', '=', messageId).execute();
  if (!row || row.deleted_at) return;
  const doc = {
    message_id: row.id,
    organization_id: scope.organizationId,
    channel_id: row.channel_id,
    body_text: cleanText(markdownToText(row.body)),
  };
  const values = dialect === 'postgres' ? { ...doc, tsv: pgVector([[doc.body_text, 'A']]) } : doc;
  await trx.insertInto('message_search').values(values).execute();
}

/** Ids of the messages matching every term (accents folded), in the given channels, best first then newest. */
export async function searchMessages(db: Kdb, dialect: Dialect, scope: Scope, q: string, channelIds: string[]) {
  const terms = searchTerms(q);
  if (!terms.length || !channelIds.length) return [];
  const org = scope.organizationId;
  const inChannels = sql`s.channel_id in (${sql.join(channelIds)})`;
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ id: string }>`
          select s.message_id as id from message_search as s join messages as m on m.id = s.message_id
          where s.organization_id = ${org} and ${inChannels} and s.tsv @@ ${pgQuery(terms)}
          order by m.created_at desc, m.id desc limit ${MESSAGE_SEARCH_CAP}`.execute(db)
      : await sql<{ id: string }>`
          select s.message_id as id from message_search_fts cross join message_search as s
          join messages as m on m.id = s.message_id
          where message_search_fts match ${fts5Match(terms)} and s.id = message_search_fts.rowid
            and s.organization_id = ${org} and ${inChannels}
          order by m.created_at desc, m.id desc limit ${MESSAGE_SEARCH_CAP}`.execute(db);
  return rows.map((r) => r.id);
}

/** Highlighted snippets (⟦ ⟧) of the messages found. */
export async function messageSnippets(db: Kdb, scope: Scope, q: string, ids: string[]) {
  const terms = searchTerms(q);
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = await tenant
    .selectFrom(db, scope, 'message_search')
    .select(['message_id', 'body_text'])
    .where('message_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.message_id, highlight([r.body_text], terms, 24) ?? r.body_text.slice(0, 160));
  return out;
}
