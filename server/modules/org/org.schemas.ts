import { PRIORITIES } from '../../../common/catalog-enums.ts';
import { z } from 'zod';
import { ASSIGNMENT_RULES } from '../../../common/requests.ts';
import { HOLIDAY_REGIONS, TEAM_MODELS, WEEKDAYS } from '../../../common/roles.ts';

const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'hhmm_format');
const Range = z.tuple([HHMM, HHMM]).refine(([a, b]) => a < b, 'range_order');

const DayRanges = z
  .array(Range)
  .max(3)
  .refine((ranges) => [...ranges].sort().every((r, i, s) => i === 0 || s[i - 1][1] <= r[0]), 'ranges_overlap');

export const ZBusinessHours = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DayRanges])) as Record<(typeof WEEKDAYS)[number], typeof DayRanges>,
);

export const ZSiteInput = z.object({
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().min(1).max(300),
  timezone: z.string().refine((tz) => TIMEZONES.has(tz), 'unknown_timezone'),
  holidayRegion: z.enum(HOLIDAY_REGIONS),
  businessHours: ZBusinessHours,
});
export const ZSitePatch = ZSiteInput.partial().extend({ version: z.number().int().min(1) });

const ISO_DATE = z.iso.date();
/** A closure covers whole days, or only startTime–endTime of each day (half days) when both are given. */
export const ZClosureInput = z
  .object({
    startsOn: ISO_DATE,
    endsOn: ISO_DATE,
    label: z.string().trim().min(1).max(120),
    startTime: HHMM.nullable().optional(),
    endTime: HHMM.nullable().optional(),
  })
  .refine((c) => c.startsOn <= c.endsOn, { message: 'dates_order', path: ['endsOn'] })
  .refine((c) => !c.startTime === !c.endTime, { message: 'both_times', path: ['endTime'] })
  .refine((c) => !c.startTime || !c.endTime || c.startTime < c.endTime, { message: 'range_order', path: ['endTime'] });
export const ZClosureParams = z.object({ id: z.string().min(1).max(64), closureId: z.string().min(1).max(64) });
export const ZYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ZFunctionInput = z.object({
  name: z.string().trim().min(1).max(80),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'code_chars'),
});
export const ZFunctionPatch = ZFunctionInput.partial().extend({ version: z.number().int().min(1) });

const Ids = z.array(z.string().min(1).max(64)).max(500);
export const ZTeamInput = z.object({
  name: z.string().trim().min(1).max(120),
  model: z.enum(TEAM_MODELS),
  coordinatorId: z.string().min(1).max(64).nullable().default(null),
  providerName: z.string().trim().max(120).nullable().default(null),
  contractRef: z.string().trim().max(80).nullable().default(null),
  siteIds: Ids.default([]),
  functionIds: Ids.default([]),
  memberIds: Ids.default([]),
  /** How new requests of the team's services are assigned; the database defaults to 'manual'. */
  assignmentRule: z.enum(ASSIGNMENT_RULES).optional(),
});
export const ZTeamPatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  model: z.enum(TEAM_MODELS).optional(),
  coordinatorId: z.string().min(1).max(64).nullable().optional(),
  providerName: z.string().trim().max(120).nullable().optional(),
  contractRef: z.string().trim().max(80).nullable().optional(),
  siteIds: Ids.optional(),
  functionIds: Ids.optional(),
  memberIds: Ids.optional(),
  assignmentRule: z.enum(ASSIGNMENT_RULES).optional(),
  version: z.number().int().min(1),
});

const Level = z.enum(['high', 'medium', 'low']);
const ZRow = z.object({ high: z.enum(PRIORITIES), medium: z.enum(PRIORITIES), low: z.enum(PRIORITIES) });

export const ZOrgPatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  requireMfaStaff: z.boolean().optional(),
  /** Prefix of request references (DEM-2026-000042): 2 to 8 capitals or digits. */
  requestPrefix: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,7}$/, 'request_prefix')
    .optional(),
  /** Days after resolution during which a request may be reopened. */
  reopenDays: z.number().int().min(0).max(365).optional(),
  /** impact → urgency → priority; null restores the default ITIL matrix. */
  priorityMatrix: z.record(Level, ZRow).nullable().optional(),
  version: z.number().int().min(1),
});

export type TSiteInput = z.infer<typeof ZSiteInput>;
export type TSitePatch = z.infer<typeof ZSitePatch>;
export type TTeamInput = z.infer<typeof ZTeamInput>;
export type TTeamPatch = z.infer<typeof ZTeamPatch>;
