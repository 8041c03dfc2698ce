import { z } from 'zod';

const Id = z.string().min(1).max(64);

/** A canned response: `{{prenom}}`, `{{reference}}`, `{{echeance}}`, `{{titre}}`, `{{assistant}}` in the body. */
export const ZCannedInput = z.object({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(10000),
  /** null: usable by the whole organisation. */
  teamId: Id.nullable().default(null),
});
export const ZCannedPatch = z.object({
  title: z.string().trim().min(1).max(120).optional(),
  body: z.string().trim().min(1).max(10000).optional(),
  teamId: Id.nullable().optional(),
  version: z.number().int().min(1),
});
/** `teamId`: that team's responses plus the organisation-wide ones. */
export const ZCannedListQuery = z.object({ teamId: Id.optional() });
export const ZCannedRender = z.object({ requestId: Id });

export type TCannedInput = z.infer<typeof ZCannedInput>;
export type TCannedPatch = z.infer<typeof ZCannedPatch>;
