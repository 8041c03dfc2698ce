import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Day = z.iso.date();

/** A rating: 1 (very dissatisfied) to 5 (very satisfied), with an optional comment for the steering roles. */
export const ZRating = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).nullish(),
});
export const ZTokenParam = z.object({ token: z.string().min(1).max(200) });
/** `?note=` of the e-mailed links is read by the page only; the API ignores it (a GET never records). */
export const ZTokenQuery = z.object({ note: z.string().max(10).optional() });

export const CSAT_GROUPS = ['team', 'site', 'service', 'assistant'] as const;
/** Period on the survey's creation (the resolution), days in UTC, both ends included. */
const ZPeriod = z.object({ from: Day.optional(), to: Day.optional() });
export const ZSummaryQuery = ZPeriod.extend({ groupBy: z.enum(CSAT_GROUPS).default('team') });
export const ZCommentsQuery = ZPeriod.extend({
  teamId: Id.optional(),
  siteId: Id.optional(),
  serviceId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});

export type TRating = z.infer<typeof ZRating>;
export type TPeriod = z.infer<typeof ZPeriod>;
export type TSummaryQuery = z.infer<typeof ZSummaryQuery>;
export type TCommentsQuery = z.infer<typeof ZCommentsQuery>;
