import { z } from 'zod';
import { DOCUMENT_TYPES, RETENTION_CLASSES } from '../../../common/archive.ts';
import { ALL_ROLES } from '../../../common/roles.ts';

const Id = z.string().min(1).max(64);
const Role = z.enum(ALL_ROLES as unknown as [string, ...string[]]);

export const ZPermissions = z.object({
  readRoles: z.array(Role).max(10).default([]),
  writeRoles: z.array(Role).max(10).default([]),
  readTeams: z.array(Id).max(50).default([]),
  writeTeams: z.array(Id).max(50).default([]),
});

/** A folder; `permissions` null inherits the parent's (or the default for a root folder). */
export const ZFolderInput = z.object({
  name: z.string().trim().min(1).max(120),
  parentId: Id.nullable().default(null),
  siteId: Id.nullable().default(null),
  functionId: Id.nullable().default(null),
  permissions: ZPermissions.nullable().default(null),
});
export const ZFolderPatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  parentId: Id.nullable().optional(),
  siteId: Id.nullable().optional(),
  functionId: Id.nullable().optional(),
  permissions: ZPermissions.nullable().optional(),
  version: z.number().int().min(1),
});

const Tags = z.array(z.string().trim().min(1).max(40)).max(20);

/** Metadata of a new document (multipart fields next to the file). */
export const ZDocumentMeta = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(DOCUMENT_TYPES).default('autre'),
  retention: z.enum(RETENTION_CLASSES).default('standard'),
  description: z.string().trim().max(4000).default(''),
  tags: Tags.default([]),
});
export const ZDocumentPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  retention: z.enum(RETENTION_CLASSES).optional(),
  description: z.string().trim().max(4000).optional(),
  tags: Tags.optional(),
  /** Moves the document to another folder (write permission on both). */
  folderId: Id.optional(),
  version: z.number().int().min(1),
});
export const ZDocumentSearch = z.object({
  q: z.string().max(200).optional(),
  folderId: Id.optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  retention: z.enum(RETENTION_CLASSES).optional(),
  siteId: Id.optional(),
});
export const ZDownloadQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const ZFromAttachment = z.object({
  attachmentId: Id,
  folderId: Id,
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(DOCUMENT_TYPES),
  retention: z.enum(RETENTION_CLASSES),
});
export const ZFromArchive = z.object({
  documentId: Id,
  version: z.number().int().min(1).optional(),
  internal: z.boolean().default(false),
});

export type TFolderInput = z.infer<typeof ZFolderInput>;
export type TFolderPatch = z.infer<typeof ZFolderPatch>;
export type TDocumentMeta = z.infer<typeof ZDocumentMeta>;
export type TDocumentPatch = z.infer<typeof ZDocumentPatch>;
export type TDocumentSearch = z.infer<typeof ZDocumentSearch>;
export type TFromAttachment = z.infer<typeof ZFromAttachment>;
export type TFromArchive = z.infer<typeof ZFromArchive>;
