import { z } from 'zod';

const Id = z.string().min(1).max(64);

/** Policies for mail from a sender who is not a member of the organisation. */
export const UNKNOWN_SENDER_POLICIES = ['create_requester', 'hold', 'reject'] as const;

/** An inbound address: the service its new requests use (required) and optionally the team in charge. */
export const ZMailAddressInput = z.object({
  address: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  serviceId: Id,
  teamId: Id.nullable().default(null),
});
export const ZMailAddressPatch = z.object({
  address: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase())
    .optional(),
  serviceId: Id.optional(),
  teamId: Id.nullable().optional(),
  version: z.number().int().min(1),
});
export const ZMailSettings = z.object({ unknownSender: z.enum(UNKNOWN_SENDER_POLICIES) });
/** `createRequester`: the unknown sender gets a requester account this time (a held mail let through). */
export const ZReprocess = z.object({ createRequester: z.boolean().default(false) });
export const ZQuarantineQuery = z.object({
  status: z.enum(['quarantined', 'rejected', 'ignored', 'created', 'replied', 'all']).default('quarantined'),
});

export type TMailAddressInput = z.infer<typeof ZMailAddressInput>;
export type TMailAddressPatch = z.infer<typeof ZMailAddressPatch>;
