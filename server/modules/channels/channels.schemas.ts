import { z } from 'zod';

const Id = z.string().min(1).max(64);
export const CHANNEL_KINDS = ['site', 'team', 'topic'] as const;

/** A new channel: a site channel names its site, a team channel its team. */
export const ZChannelInput = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500).default(''),
    siteId: Id.nullable().default(null),
    teamId: Id.nullable().default(null),
    private: z.boolean().default(false),
    urgent: z.boolean().default(false),
  })
  .refine((c) => c.kind !== 'site' || !!c.siteId, { path: ['siteId'], message: 'required' })
  .refine((c) => c.kind !== 'team' || !!c.teamId, { path: ['teamId'], message: 'required' });
export const ZChannelPatch = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).optional(),
  private: z.boolean().optional(),
  urgent: z.boolean().optional(),
  archived: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const ZMemberInput = z.object({ userId: Id, role: z.enum(['member', 'owner']).default('member') });
export const ZMemberQuery = z.object({ userId: Id });
export const ZMessagesQuery = z.object({
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  threadRootId: Id.optional(),
});
export const ZMessageInput = z.object({
  body: z.string().trim().min(1).max(10000),
  threadRootId: Id.nullable().default(null),
  urgent: z.boolean().default(false),
  /** Pending uploads of the actor in this channel (POST /api/channels/:id/attachments), bound to the message. */
  attachmentIds: z.array(Id).max(10).default([]),
});
export const ZMessagePatch = z.object({ body: z.string().trim().min(1).max(10000), version: z.number().int().min(1) });
export const ZReadInput = z.object({ messageId: Id });
export const ZSearchQuery = z.object({ q: z.string().trim().min(1).max(200) });

export type TChannelInput = z.infer<typeof ZChannelInput>;
export type TChannelPatch = z.infer<typeof ZChannelPatch>;
export type TMessageInput = z.infer<typeof ZMessageInput>;
export type TMessagesQuery = z.infer<typeof ZMessagesQuery>;
