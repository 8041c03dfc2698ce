import { z } from 'zod';
import { ROLES } from './roles.ts';

import { FIELD_TYPES, PRIORITIES } from './catalog-enums.ts';

export { AUTONOMY_LEVELS, CONFIDENTIALITY, FIELD_TYPES, type FieldType, PRIORITIES, type Priority } from './catalog-enums.ts';

/** One field of a service's dynamic form, as the key user designs it (labels in the organisation's words). */
export const ZFormField = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'field_key'),
    label: z.string().trim().min(1).max(120),
    help: z.string().trim().max(300).optional(),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(120)).max(50).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().min(1).max(20000).optional(),
  })
  .refine((f) => !['choice', 'multi_choice'].includes(f.type) || (f.options?.length ?? 0) >= 2, {
    message: 'field_options',
    path: ['options'],
  });
export type FormField = z.infer<typeof ZFormField>;

export const ZForm = z
  .array(ZFormField)
  .max(40)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'field_keys_unique');

export const ZSlaTargets = z.record(
  z.enum(PRIORITIES),
  z.object({
    firstResponse: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 90),
    resolution: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
    nextUpdate: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 90)
      .nullable()
      .optional(),
  }),
);

export const ZApprovalRole = z.enum(ROLES).nullable();
