import { z } from 'zod';

const Id = z.string().min(1).max(64);

/** What becomes of a message on the server once Relais has recorded it. */
export const IMAP_AFTER_ACTIONS = ['flag', 'delete'] as const;

const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/);
const Folder = z.string().trim().min(1).max(200);

/**
 * A mailbox hosted elsewhere, polled over IMAP: the server (implicit TLS when `tls`, else STARTTLS when
 * offered), the account, the folder, the action after processing and the inbound address it feeds.
 */
export const ZImapInput = z.object({
  host: Host,
  port: z.number().int().min(1).max(65535).default(993),
  tls: z.boolean().default(true),
  username: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: Folder.default('INBOX'),
  afterAction: z.enum(IMAP_AFTER_ACTIONS).default('flag'),
  addressId: Id,
  enabled: z.boolean().default(true),
});
/** Every field optional but the version; a password only when it changes (it is never sent back). */
export const ZImapPatch = z.object({
  host: Host.optional(),
  port: z.number().int().min(1).max(65535).optional(),
  tls: z.boolean().optional(),
  username: z.string().trim().min(1).max(320).optional(),
  password: z.string().min(1).max(1000).optional(),
  folder: Folder.optional(),
  afterAction: z.enum(IMAP_AFTER_ACTIONS).optional(),
  addressId: Id.optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().min(1),
});

export type TImapInput = z.infer<typeof ZImapInput>;
export type TImapPatch = z.infer<typeof ZImapPatch>;
