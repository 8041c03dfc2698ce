import { z } from 'zod';
import { PRIORITIES } from '../../../common/catalog-enums.ts';
import { ZRule } from './rules.ts';

const Id = z.string().min(1).max(64);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'answer_date');
/** Labels copied onto each created request (after the service's own checklist). */
export const ZChecklistLabels = z.array(z.string().trim().min(1).max(200)).max(30);

/**
 * A recurring schedule: the request template (service, site, team, on whose behalf, assignee, title and
 * description with {mois}/{date} placeholders, priority, checklist) and its rule. Without `requesterId`
 * the creator is the requester; without `assigneeId` the team's assignment rule applies.
 */
export const ZScheduleInput = z.object({
  name: z.string().trim().min(1).max(120),
  serviceId: Id,
  siteId: Id,
  teamId: Id.nullable().default(null),
  requesterId: Id.optional(),
  assigneeId: Id.nullable().default(null),
  title: z.string().trim().min(1).max(180),
  description: z.string().trim().max(10000).default(''),
  priority: z.enum(PRIORITIES).default('P3'),
  rule: ZRule,
  checklist: ZChecklistLabels.default([]),
  active: z.boolean().default(true),
});
/** Every field optional except `version`; no defaults, so a field left out stays as it is. */
export const ZSchedulePatch = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  serviceId: Id.optional(),
  siteId: Id.optional(),
  teamId: Id.nullable().optional(),
  requesterId: Id.optional(),
  assigneeId: Id.nullable().optional(),
  title: z.string().trim().min(1).max(180).optional(),
  description: z.string().trim().max(10000).optional(),
  priority: z.enum(PRIORITIES).optional(),
  rule: ZRule.optional(),
  checklist: ZChecklistLabels.optional(),
  active: z.boolean().optional(),
});
export type TScheduleInput = z.infer<typeof ZScheduleInput>;
export type TSchedulePatch = z.infer<typeof ZSchedulePatch>;

export const PLANNING_MAX_DAYS = 62;

export const ZPlanningQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  teamId: Id.optional(),
  siteId: Id.optional(),
});
export type TPlanningQuery = z.infer<typeof ZPlanningQuery>;
