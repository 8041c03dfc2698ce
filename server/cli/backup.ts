/**
 * `npm run backup -- --to FILE`: an online backup (Relais may keep running and writing) of the database and of
 * the stored files into one tar: the database snapshot first, then `secret.key`, then every stored file (taken
 * after the snapshot: files are only ever added, so each one the snapshot references is there), then
 * `manifest.json` (row counts, size and SHA-256 of every entry). Exit 0 with a summary, 1 with a French message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, constants, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { newId } from '../platform/ids.ts';
import { CliError, type DbSnapshot, snapshotPostgres, snapshotSqlite } from './backup-db.ts';
import {
  ENTRY_NAME,
  FORMAT,
  fmtBytes,
  fmtInt,
  fmtSeconds,
  MANIFEST,
  MANIFEST_SUM,
  type Manifest,
  totalRows,
  VERSION,
} from './backup-manifest.ts';
import { ArchiveError, TarWriter, type WrittenEntry } from './tar.ts';

export interface BackupResult {
  file: string;
  dialect: Config['dialect'];
  migration: string | null;
  tables: number;
  rows: number;
  files: number;
  filesBytes: number;
  bytes: number;
  durationMs: number;
  /** Warnings worth printing (files skipped, run not recorded). */
  warnings: string[];
}

/** Every stored file under DATA_DIR/files, relative, sorted; `tmp/` (partial uploads) is skipped. */
export async function storedFiles(root: string, rel = ''): Promise<string[]> {
  const dir = path.join(root, rel);
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const d of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory() && child !== 'tmp') out.push(...(await storedFiles(root, child)));
    else if (d.isFile()) out.push(child);
  }
  return out;
}

async function checkTarget(target: string, dataDir: string): Promise<void> {
  if (existsSync(target)) throw new CliError(`Le fichier ${target} existe déjà\u00a0: choisissez un autre nom.`);
  if (target.startsWith(path.join(dataDir, 'files') + path.sep))
    throw new CliError('La sauvegarde ne peut pas être écrite dans le dossier des fichiers stockés.');
  const dir = path.dirname(target);
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory()) throw new CliError(`Impossible d’écrire la sauvegarde\u00a0: le dossier ${dir} n’existe pas.`);
  await access(dir, constants.W_OK).catch(() => {
    throw new CliError(`Impossible d’écrire la sauvegarde\u00a0: pas de droit d’écriture dans ${dir}.`);
  });
}

/** DATA_DIR/secret.key when it is the key in use (not SECRET_KEY from the environment). */
function secretKeyFile(config: Config): string | null {
  const file = path.join(config.dataDir, 'secret.key');
  return existsSync(file) && readFileSync(file, 'utf8').trim() === config.secretKey ? file : null;
}

async function writeArchive(config: Config, part: string, snap: DbSnapshot, warnings: string[]): Promise<Manifest> {
  const tar = await TarWriter.create(part);
  try {
    const database = (await tar.addFile(snap.entry, snap.file)) as WrittenEntry;
    await rm(snap.file, { force: true });
    const entries: WrittenEntry[] = [database];
    const secret = secretKeyFile(config);
    if (secret) entries.push((await tar.addFile('secret.key', secret)) as WrittenEntry);
    const filesDir = path.join(config.dataDir, 'files');
    for (const rel of await storedFiles(filesDir)) {
      const name = `files/${rel}`;
      if (!ENTRY_NAME.test(name)) warnings.push(`fichier ignoré (nom inattendu)\u00a0: ${name}`);
      const entry = ENTRY_NAME.test(name) ? await tar.addFile(name, path.join(filesDir, rel)) : null;
      if (entry) entries.push(entry);
    }
    const manifest: Manifest = {
      format: FORMAT,
      version: VERSION,
      created_at: new Date().toISOString(),
      dialect: config.dialect,
      migration: snap.migration,
      secret_key: secret ? 'file' : 'environment',
      tables: snap.tables,
      database,
      entries,
    };
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await tar.addBuffer(MANIFEST, json);
    await tar.addBuffer(MANIFEST_SUM, Buffer.from(`${createHash('sha256').update(json).digest('hex')}\n`));
    await tar.close();
    return manifest;
  } catch (err) {
    await tar.abort();
    throw err;
  }
}

/** One row in `backup_runs` (the operator's page shows the last one); a failure here is only a warning. */
async function recordRun(config: Config, run: Omit<BackupResult, 'warnings' | 'migration'>, started: Date): Promise<void> {
  const database = await openDatabase(config.databaseUrl);
  try {
    await database.db
      .insertInto('backup_runs')
      .values({
        id: newId(),
        file: run.file,
        dialect: run.dialect,
        bytes: run.bytes,
        tables: run.tables,
        files: run.files,
        started_at: started.toISOString(),
        finished_at: new Date().toISOString(),
      })
      .execute();
  } finally {
    await database.destroy();
  }
}

/** Makes the backup; throws CliError (or a system error) on failure, leaving no partial archive behind. */
export async function createBackup(config: Config, options: { to: string; pgDump?: string }): Promise<BackupResult> {
  const started = new Date();
  const target = path.resolve(options.to);
  await checkTarget(target, config.dataDir);
  const work = await mkdtemp(path.join(path.dirname(target), '.relais-backup-'));
  const warnings: string[] = [];
  let manifest: Manifest;
  try {
    const snap =
      config.dialect === 'sqlite'
        ? await snapshotSqlite(config.databaseUrl, work)
        : await snapshotPostgres(config.databaseUrl, work, options.pgDump);
    const part = path.join(work, 'archive.tar');
    manifest = await writeArchive(config, part, snap, warnings);
    await rename(part, target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const files = manifest.entries.filter((e) => e.path.startsWith('files/'));
  const result = {
    file: target,
    dialect: config.dialect,
    migration: manifest.migration,
    tables: Object.keys(manifest.tables).length,
    rows: totalRows(manifest.tables),
    files: files.length,
    filesBytes: files.reduce((a, e) => a + e.bytes, 0),
    bytes: (await stat(target)).size,
    durationMs: Date.now() - started.getTime(),
  };
  await recordRun(config, result, started).catch((err: Error) => {
    warnings.push(`sauvegarde non inscrite dans backup_runs\u00a0: ${err.message}`);
  });
  return { ...result, warnings };
}

export function backupSummary(r: BackupResult): string {
  return [
    `Sauvegarde terminée\u00a0: ${r.file}`,
    `  base ${r.dialect}\u00a0: ${fmtInt(r.tables)} tables, ${fmtInt(r.rows)} lignes (migration ${r.migration ?? 'aucune'})`,
    `  fichiers\u00a0: ${fmtInt(r.files)} (${fmtBytes(r.filesBytes)})`,
    `  archive\u00a0: ${fmtBytes(r.bytes)}, en ${fmtSeconds(r.durationMs)}`,
    ...r.warnings.map((w) => `  attention\u00a0: ${w}`),
  ].join('\n');
}

const SYSTEM: Record<string, string> = {
  ENOSPC: 'plus d’espace disque',
  EDQUOT: 'quota disque dépassé',
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EROFS: 'système de fichiers en lecture seule',
  ENOENT: 'fichier ou dossier introuvable',
  EIO: 'erreur d’entrée-sortie',
};

/** The one-line French explanation printed before exit 1 (never a stack). */
export function explain(err: unknown, what: string): string {
  if (err instanceof CliError || err instanceof ConfigError || err instanceof ArchiveError) return err.message;
  const e = err as NodeJS.ErrnoException;
  const reason = (e.code && SYSTEM[e.code]) ?? e.message ?? String(err);
  return `${what} impossible\u00a0: ${reason}${e.path ? ` (${e.path})` : ''}`;
}

/** The CLI: parses `--to FILE`, prints the summary or the reason of the failure, returns the exit code. */
export async function backupCli(argv: string[], out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  let to: string | undefined;
  try {
    to = parseArgs({ args: argv, options: { to: { type: 'string' } } }).values.to;
  } catch {
    to = undefined;
  }
  if (!to) {
    out.error('Usage\u00a0: npm run backup -- --to /chemin/relais-AAAA-MM-JJ.tar');
    return 1;
  }
  try {
    const result = await createBackup(loadConfig(), { to });
    out.log(backupSummary(result));
    return 0;
  } catch (err) {
    out.error(explain(err, 'Sauvegarde'));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(await backupCli(process.argv.slice(2)));
}
