import { markdownToText, renderMarkdown } from '../../../common/markdown.ts';
import type { KbAudience, KbStatus, KbType } from '../../../common/kb.ts';
import type { Actor } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { KB_ARTICLE_ACTIONS } from './kb.policy.ts';
import type { ArticleRow } from './kb.repository.ts';

const EXCERPT = 200;

/** The first ~200 characters of an article's plain text, cut on a word. */
export function excerptOf(body: string): string {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT - 40))} …`;
}

/** The audience as the API sends it (rows written before a field was added read with defaults). */
export function audienceOf(row: ArticleRow): KbAudience {
  const a = row.audience;
  if (a.kind === 'staff') return { kind: 'staff' };
  if (a.kind === 'teams') return { kind: 'teams', teamIds: a.teamIds ?? [] };
  return { kind: 'requesters', siteIds: a.siteIds ?? [] };
}

/** A list entry (docs/api-contract.md `KbArticleSummary`): `snippet` replaces the excerpt when searched. */
export function presentSummary(row: ArticleRow, serviceIds: string[], today: string, snippet?: string) {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    title: row.title,
    type: row.type as KbType,
    status: row.status as KbStatus,
    audience: audienceOf(row),
    serviceIds,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    reviewAt: row.review_on,
    reviewDue: row.status === 'published' && !!row.review_on && row.review_on <= today,
    excerpt: snippet ?? excerptOf(row.body),
    views: row.views,
    helpful: Number(row.helpful_count),
    unhelpful: Number(row.unhelpful_count),
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    version: row.version,
    revision: row.revision,
  };
}
export type KbSummary = ReturnType<typeof presentSummary>;

/** One article with its Markdown, the safe HTML rendering, the actor's vote and allowed actions. */
export function presentArticle(actor: Actor, row: ArticleRow, serviceIds: string[], today: string, myVote: boolean | null) {
  return {
    ...presentSummary(row, serviceIds, today),
    body: row.body,
    html: renderMarkdown(row.body),
    createdAt: row.created_at,
    createdBy: row.created_by,
    sourceRequestId: row.source_request_id,
    myVote,
    allowedActions: allowedActions(actor, KB_ARTICLE_ACTIONS).filter((a) => a !== 'kb.delete' || deletable(row.status)),
  };
}

/** Only drafts and archived articles may be deleted (a published one is archived first). */
export const deletable = (status: string) => status === 'draft' || status === 'archived';
