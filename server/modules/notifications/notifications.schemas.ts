import { z } from 'zod';
import { NOTIFICATION_MODES, NOTIFICATION_TYPES } from '../../../common/notifications.ts';

export const ZNotificationList = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** ISO instant: notifications created strictly before it (the next page). */
  before: z.string().datetime({ offset: true }).optional(),
});

const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const ZNotificationSettings = z.object({
  types: z.partialRecord(z.enum(NOTIFICATION_TYPES), z.enum(NOTIFICATION_MODES)),
  quietHours: z.object({ start: ZHhmm, end: ZHhmm }).nullable(),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

/** An outbox file name as the OutboxMailer writes it: never a path. */
export const ZOutboxName = z.object({ name: z.string().regex(/^[0-9A-Za-z-]{1,120}\.eml$/) });
