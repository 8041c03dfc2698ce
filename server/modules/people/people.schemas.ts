import { z } from 'zod';
import { ROLES } from '../../../common/roles.ts';
import { ZPassword } from '../auth/auth.schemas.ts';

/** Skills matched against a service's required skills (assignment); out-of-office until an instant. */
const Skills = z.array(z.string().trim().min(1).max(40)).max(30);
const Until = z.iso.datetime({ offset: true }).nullable();

export const ZUserCreate = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  siteId: z.string().min(1).max(64).nullable().default(null),
  password: ZPassword.optional(),
  skills: Skills.optional(),
  unavailableUntil: Until.optional(),
});
export const ZUserPatch = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  siteId: z.string().min(1).max(64).nullable().optional(),
  skills: Skills.optional(),
  unavailableUntil: Until.optional(),
  version: z.number().int().min(1),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;
export type TUserPatch = z.infer<typeof ZUserPatch>;
