import { z } from 'zod';
import { PRIORITIES } from '../../../common/catalog-enums.ts';
import { REQUEST_STATUSES } from '../../../common/requests.ts';
import { ZListQuery } from '../requests/requests.schemas.ts';

const Id = z.string().min(1).max(64);
const Tag = z.string().trim().min(1).max(40);
const q = ZListQuery.shape;
const VIEW_SORTS = ['due', 'created', '-created', 'updated', 'priority'] as const;

/**
 * A queue's filters: the request list's filters (ZListQuery without cursor, limit and q), with arrays
 * for status and priority. `assigneeId` / `requesterId` may be 'me' (whoever looks) or 'none'.
 */
export const ZViewFilters = z.object({
  status: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).optional(),
  open: q.open,
  assigneeId: q.assigneeId,
  requesterId: q.requesterId,
  teamId: q.teamId,
  siteId: q.siteId,
  functionId: q.functionId,
  serviceId: q.serviceId,
  priority: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  tag: q.tag,
  sla: q.sla,
  /** Queues sort by SLA due date unless told otherwise (relevance needs a search, which views do not keep). */
  sort: z.enum(VIEW_SORTS).default('due'),
});
export type TViewFilters = z.infer<typeof ZViewFilters>;

export const ZViewInput = z.object({
  name: z.string().trim().min(1).max(80),
  filters: ZViewFilters.default({ sort: 'due' }),
  /** Shared with the whole staff (coordination and key users only); personal otherwise. */
  shared: z.boolean().default(false),
  position: z.number().int().min(0).max(10000).default(0),
});
export const ZViewPatch = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  filters: ZViewFilters.optional(),
  shared: z.boolean().optional(),
  position: z.number().int().min(0).max(10000).optional(),
  version: z.number().int().min(1),
});
export type TViewInput = z.infer<typeof ZViewInput>;
export type TViewPatch = z.infer<typeof ZViewPatch>;

const Ids = z.array(Id).min(1).max(200);
/** One action on up to 200 requests; each one is checked as if it were patched alone. */
export const ZBulk = z.discriminatedUnion('action', [
  z.object({ ids: Ids, action: z.literal('assign'), value: Id.nullable() }),
  z.object({ ids: Ids, action: z.literal('status'), value: z.enum(REQUEST_STATUSES) }),
  z.object({ ids: Ids, action: z.literal('priority'), value: z.enum(PRIORITIES) }),
  z.object({ ids: Ids, action: z.literal('add_tag'), value: Tag }),
  z.object({ ids: Ids, action: z.literal('remove_tag'), value: Tag }),
]);
export type TBulk = z.infer<typeof ZBulk>;
