/** `manifest.json` of a Relais backup archive: what it holds and the checksum of every entry. */
import { z } from 'zod';

export const MANIFEST = 'manifest.json';
/** SHA-256 of manifest.json, the archive's last entry: a damaged manifest is named as such. */
export const MANIFEST_SUM = 'manifest.json.sha256';
export const FORMAT = 'relais-backup';
export const VERSION = 1;

/** Names an archive may contain: the database artefact, the secret key and stored files (no `..`, no absolute path). */
export const ENTRY_NAME = /^(database\/relais\.(db|dump)|secret\.key|files(\/[A-Za-z0-9][A-Za-z0-9._-]*)+)$/;

const ZEntry = z.object({
  path: z.string().regex(ENTRY_NAME),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  created_at: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
  /** `file`: DATA_DIR/secret.key is in the archive; `environment`: SECRET_KEY was set, keep it separately. */
  secret_key: z.enum(['file', 'environment']),
  tables: z.record(z.string(), z.number().int().min(0)),
  database: ZEntry,
  entries: z.array(ZEntry),
});

export type Manifest = z.infer<typeof ZManifest>;
export type ManifestEntry = z.infer<typeof ZEntry>;

/** French number formatting for the summaries (espace fine insécable as thousands separator). */
export function fmtInt(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} o`;
  const units = ['Kio', 'Mio', 'Gio', 'Tio'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(v)} ${units[u]}`;
}

export function fmtSeconds(ms: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000)} s`;
}

export function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((a, b) => a + b, 0);
}
