import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../../common/webhooks.ts';

const Url = z.string().trim().min(8).max(2000);
const Events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

/** A subscription: https URL (http only for allowed hosts), the event types, a description, active or not. */
export const ZWebhookInput = z.object({
  url: Url,
  eventTypes: Events,
  description: z.string().trim().max(300).default(''),
  active: z.boolean().default(true),
});
export const ZWebhookPatch = z.object({
  url: Url.optional(),
  eventTypes: Events.optional(),
  description: z.string().trim().max(300).optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const ZDeliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export type TWebhookInput = z.infer<typeof ZWebhookInput>;
export type TWebhookPatch = z.infer<typeof ZWebhookPatch>;
