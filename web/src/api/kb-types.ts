/** Knowledge-base objects as `/api/kb` sends them (docs/api-contract.md, « Base de connaissances »). */
import type { KbAudience, KbStatus, KbType } from '../../../common/kb.ts';

export type { KbAudience, KbStatus, KbType } from '../../../common/kb.ts';
export { KB_STATUSES, KB_TRANSITIONS, KB_TYPES } from '../../../common/kb.ts';

export interface KbSpace {
  id: string;
  name: string;
  description: string;
  templateOf: string | null;
  articleCount: number;
  version?: number;
  allowedActions: string[];
}

export interface KbTemplate {
  id: string;
  name: string;
  description: string;
  articleCount: number;
}

export interface KbArticleSummary {
  id: string;
  spaceId: string;
  spaceName: string;
  title: string;
  type: KbType;
  status: KbStatus;
  audience: KbAudience;
  serviceIds: string[];
  ownerId: string | null;
  ownerName: string | null;
  /** `YYYY-MM-DD`. */
  reviewAt: string | null;
  /** Published and past its review date (organisation time). */
  reviewDue: boolean;
  /** Plain text; a search snippet with ⟦ ⟧ marks when the list was searched. */
  excerpt: string;
  views: number;
  helpful: number;
  unhelpful: number;
  updatedAt: string;
  publishedAt: string | null;
  /** Row version, sent back with every write. */
  version: number;
  /** Number of the current revision. */
  revision: number;
}

export interface KbArticle extends KbArticleSummary {
  body: string;
  /** Safe HTML of `body` (common/markdown.ts). */
  html: string;
  createdAt: string;
  createdBy: string | null;
  sourceRequestId: string | null;
  myVote: boolean | null;
  allowedActions: string[];
}

export interface KbRevision {
  number: number;
  title: string;
  body: string;
  authorName: string | null;
  createdAt: string;
  note: string | null;
}

/** A piece of a jsdiff result. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface KbDiff {
  from: number;
  to: number;
  title: DiffPart[];
  body: DiffPart[];
}

export interface KbListFilters {
  q?: string;
  spaceId?: string;
  type?: string;
  status?: string;
  serviceId?: string;
  reviewDue?: 'true';
  limit?: number;
  offset?: number;
}

export interface KbList {
  items: KbArticleSummary[];
  total: number;
}

/** What the editor sends on creation (and, partly, on update). */
export interface KbArticleInput {
  spaceId: string;
  title: string;
  body: string;
  type: KbType;
  audience: KbAudience;
  serviceIds: string[];
  ownerId?: string | null;
  reviewAt?: string | null;
}

export type KbArticlePatch = Partial<KbArticleInput> & { version: number; note?: string };

export interface KbVoteResult {
  helpful: number;
  unhelpful: number;
  myVote: boolean | null;
}
