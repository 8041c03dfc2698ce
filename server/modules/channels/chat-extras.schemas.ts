import { z } from 'zod';
import { PRIORITIES } from '../../../common/catalog-enums.ts';

const Id = z.string().min(1).max(64);

/** A message turned into a request: the client prefills title, description and requester (the author). */
export const ZToRequest = z.object({
  serviceId: Id,
  requesterId: Id.optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20000).default(''),
  priority: z.enum(PRIORITIES).optional(),
});
export const ZMute = z.object({ muted: z.boolean() });

export type TToRequest = z.infer<typeof ZToRequest>;
