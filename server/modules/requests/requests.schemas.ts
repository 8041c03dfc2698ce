import { z } from 'zod';
import { PRIORITIES } from '../../../common/catalog-enums.ts';
import { IMPACTS, REQUEST_SOURCES, REQUEST_STATUSES, URGENCIES } from '../../../common/requests.ts';

const Id = z.string().min(1).max(64);
const Tag = z.string().trim().min(1).max(40);

export const ZCreateRequest = z.object({
  serviceId: Id,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20000).default(''),
  answers: z.record(z.string(), z.unknown()).default({}),
  /** Site and function default to the requester's home site and the service's function. */
  siteId: Id.optional(),
  functionId: Id.nullable().optional(),
  /** Created on behalf of someone (staff only). */
  requesterId: Id.optional(),
  source: z.enum(REQUEST_SOURCES).optional(),
  impact: z.enum(IMPACTS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  tags: z.array(Tag).max(20).default([]),
  watcherIds: z.array(Id).max(20).default([]),
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

/** Every field optional except `version`; no defaults, so a field left out stays as it is. */
export const ZPatchRequest = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(20000).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  impact: z.enum(IMPACTS).nullable().optional(),
  urgency: z.enum(URGENCIES).nullable().optional(),
  assigneeId: Id.nullable().optional(),
  teamId: Id.nullable().optional(),
  siteId: Id.optional(),
  functionId: Id.nullable().optional(),
  serviceId: Id.optional(),
  tags: z.array(Tag).max(20).optional(),
  answers: z.record(z.string(), z.unknown()).optional(),
});
export type TPatchRequest = z.infer<typeof ZPatchRequest>;

export const ZComment = z.object({
  body: z.string().trim().min(1).max(20000),
  internal: z.boolean().default(false),
  /** Status to move to with the reply (e.g. waiting_requester), in the same transaction. */
  status: z.enum(REQUEST_STATUSES).optional(),
});
export type TComment = z.infer<typeof ZComment>;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

/** `relevance` (best match first) applies with `q`; without `q` it falls back to `due`. */
export const REQUEST_SORTS = ['due', 'created', '-created', 'updated', 'priority', 'relevance'] as const;

export const ZListQuery = z.object({
  status: csv(REQUEST_STATUSES as unknown as readonly [string, ...string[]]).optional(),
  /** Only open work (not resolved, closed, cancelled or rejected). */
  open: z.enum(['true', 'false']).optional(),
  assigneeId: Id.optional(),
  requesterId: Id.optional(),
  /** Only the requests the actor follows as a watcher (portal « Que je suis »). */
  watching: z.enum(['true']).optional(),
  /** Only the requests waiting for the actor's approval (portal « À approuver »). */
  approving: z.enum(['true']).optional(),
  teamId: Id.optional(),
  siteId: Id.optional(),
  functionId: Id.optional(),
  serviceId: Id.optional(),
  priority: csv(PRIORITIES).optional(),
  tag: Tag.optional(),
  sla: z.enum(['breached', 'at_risk', 'due_1h', 'paused']).optional(),
  q: z.string().max(200).optional(),
  /** Default: `relevance` when `q` is given, `due` otherwise. */
  sort: z.enum(REQUEST_SORTS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListQuery = z.infer<typeof ZListQuery>;
