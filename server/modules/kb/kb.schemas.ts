import { z } from 'zod';
import { KB_STATUSES, KB_TYPES } from '../../../common/kb.ts';

const Id = z.string().min(1).max(64);
const Ids = z.array(Id).max(100);
/** Markdown is stored verbatim (no trim): what the author typed is what the revision keeps. */
const Body = z.string().max(200_000);
const Title = z.string().trim().min(1).max(200);
const Day = z.iso.date();
const Version = z.number().int().min(1);

export const ZAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('requesters'), siteIds: Ids.default([]) }),
  z.object({ kind: z.literal('staff') }),
  z.object({ kind: z.literal('teams'), teamIds: Ids.min(1) }),
]);
export type TAudience = z.infer<typeof ZAudience>;

export const ZSpaceInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(''),
});
export const ZSpacePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  version: Version,
});

export const ZArticleInput = z.object({
  spaceId: Id,
  title: Title,
  body: Body.default(''),
  type: z.enum(KB_TYPES),
  audience: ZAudience,
  serviceIds: Ids.default([]),
  ownerId: Id.nullable().optional(),
  reviewAt: Day.nullable().optional(),
});
export type TArticleInput = z.infer<typeof ZArticleInput>;

/** Every field optional except `version`; a change of title or body adds a revision (with `note`). */
export const ZArticlePatch = z.object({
  version: Version,
  title: Title.optional(),
  body: Body.optional(),
  type: z.enum(KB_TYPES).optional(),
  audience: ZAudience.optional(),
  serviceIds: Ids.optional(),
  ownerId: Id.nullable().optional(),
  reviewAt: Day.nullable().optional(),
  spaceId: Id.optional(),
  note: z.string().trim().max(500).optional(),
});
export type TArticlePatch = z.infer<typeof ZArticlePatch>;

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZArticleQuery = z.object({
  q: z.string().max(500).optional(),
  spaceId: Id.optional(),
  type: z.enum(KB_TYPES).optional(),
  status: z.enum(KB_STATUSES).optional(),
  serviceId: Id.optional(),
  reviewDue: Bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TArticleQuery = z.infer<typeof ZArticleQuery>;

export const ZSuggestQuery = z.object({ q: z.string().max(2000).default(''), serviceId: Id.optional() });
export const ZTransition = z.object({ to: z.enum(KB_STATUSES), version: Version });
export const ZDiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const ZRestore = z.object({ revision: z.number().int().min(1), version: Version });
export const ZVote = z.object({ helpful: z.boolean() });
export const ZFromRequest = z.object({ requestId: Id, spaceId: Id.optional() });
/** Bodies of actions that take none (`{}` or nothing at all). */
export const ZEmpty = z.object({}).optional();
