import { z } from 'zod';
import { AUTONOMY_LEVELS, CONFIDENTIALITY, PRIORITIES, ZApprovalRole, ZForm } from '../../../common/catalog.ts';

const Id = z.string().min(1).max(64);
const Version = z.number().int().min(1);
/** Steps copied onto every new request of the service, ticked by the assistant. */
const Checklist = z.array(z.string().trim().min(1).max(200)).max(30);

export const ZCategoryInput = z.object({
  name: z.string().trim().min(1).max(80),
  icon: z.string().trim().min(1).max(40).default('folder'),
  position: z.number().int().min(0).max(1000).default(0),
});
/** Patches list fields without defaults: a field left out stays as it is. */
export const ZCategoryPatch = z
  .object({
    name: z.string().trim().min(1).max(80),
    icon: z.string().trim().min(1).max(40),
    position: z.number().int().min(0).max(1000),
  })
  .partial()
  .extend({ version: Version });

export const ZServiceInput = z.object({
  categoryId: Id,
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(''),
  teamId: Id.nullable().default(null),
  functionId: Id.nullable().default(null),
  autonomyLevel: z.union(AUTONOMY_LEVELS.map((n) => z.literal(n))).default(2),
  requiredSkills: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  confidentiality: z.enum(CONFIDENTIALITY).default('normal'),
  defaultPriority: z.enum(PRIORITIES).default('P3'),
  slaPolicyId: Id.nullable().default(null),
  approvalRole: ZApprovalRole.default(null),
  form: ZForm.default([]),
  checklist: Checklist.optional(),
  active: z.boolean().default(true),
  /** Satisfaction survey on resolution (server/modules/csat); left out: on (the column defaults to true). */
  csatEnabled: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).default(0),
});
export const ZServicePatch = z
  .object({
    categoryId: Id,
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000),
    teamId: Id.nullable(),
    functionId: Id.nullable(),
    autonomyLevel: z.union(AUTONOMY_LEVELS.map((n) => z.literal(n))),
    requiredSkills: z.array(z.string().trim().min(1).max(40)).max(20),
    confidentiality: z.enum(CONFIDENTIALITY),
    defaultPriority: z.enum(PRIORITIES),
    slaPolicyId: Id.nullable(),
    approvalRole: ZApprovalRole,
    form: ZForm,
    checklist: Checklist,
    active: z.boolean(),
    csatEnabled: z.boolean(),
    position: z.number().int().min(0).max(1000),
  })
  .partial()
  .extend({ version: Version });

export type TCategoryInput = z.infer<typeof ZCategoryInput>;
export type TCategoryPatch = z.infer<typeof ZCategoryPatch>;
export type TServiceInput = z.infer<typeof ZServiceInput>;
export type TServicePatch = z.infer<typeof ZServicePatch>;
