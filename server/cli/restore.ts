/**
 * `npm run restore -- FILE`: restores a backup made by `npm run backup` into an EMPTY data directory / database.
 * Every checksum is verified before anything is written (a damaged archive is refused, naming the first bad
 * entry), then again on the restored files read back, and the row count of every table is compared with the
 * manifest. SQLite → the database file is put in place; PostgreSQL → `pg_restore` in one transaction.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Config, loadConfig } from '../config.ts';
import { explain, storedFiles } from './backup.ts';
import { CliError, postgresCounts, postgresTableCount, restorePostgres, sqliteFileCounts, sqlitePath } from './backup-db.ts';
import {
  fmtBytes,
  fmtInt,
  fmtSeconds,
  MANIFEST,
  MANIFEST_SUM,
  type Manifest,
  type ManifestEntry,
  totalRows,
  ZManifest,
} from './backup-manifest.ts';
import { ArchiveError, hashChunks, walkTar } from './tar.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readSmall(chunks: AsyncIterable<Buffer>, size: number, name: string): Promise<Buffer> {
  if (size > 64 * 1024 * 1024) throw new ArchiveError(`entrée «\u00a0${name}\u00a0» trop volumineuse`);
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

function parseManifest(json: Buffer | null, sum: Buffer | null): Manifest {
  if (!json || !sum) throw new ArchiveError('manifeste absent\u00a0: ce fichier n’est pas une sauvegarde Relais complète');
  if (sha256(json) !== sum.toString('utf8').trim()) throw new ArchiveError(`entrée altérée\u00a0: «\u00a0${MANIFEST}\u00a0»`);
  let data: unknown;
  try {
    data = JSON.parse(json.toString('utf8'));
  } catch {
    throw new ArchiveError(`entrée altérée\u00a0: «\u00a0${MANIFEST}\u00a0» (JSON illisible)`);
  }
  const parsed = ZManifest.safeParse(data);
  if (!parsed.success) throw new ArchiveError('manifeste non reconnu\u00a0: format ou version de sauvegarde inconnus');
  return parsed.data;
}

/** Reads the whole archive and checks every entry against the manifest; returns the manifest. Writes nothing. */
export async function verifyArchive(file: string): Promise<Manifest> {
  if (!existsSync(file)) throw new CliError(`Archive introuvable\u00a0: ${file}`);
  const sums = new Map<string, { bytes: number; sha256: string }>();
  let json: Buffer | null = null;
  let sum: Buffer | null = null;
  await walkTar(file, async (name, size, chunks) => {
    if (name === MANIFEST) json = await readSmall(chunks, size, name);
    else if (name === MANIFEST_SUM) sum = await readSmall(chunks, size, name);
    else if (sums.has(name)) throw new ArchiveError(`entrée en double\u00a0: «\u00a0${name}\u00a0»`);
    else sums.set(name, await hashChunks(chunks));
  });
  const manifest = parseManifest(json, sum);
  const expected = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const [name, got] of sums) {
    const e = expected.get(name);
    if (!e) throw new ArchiveError(`entrée inattendue\u00a0: «\u00a0${name}\u00a0»`);
    if (e.sha256 !== got.sha256 || e.bytes !== got.bytes)
      throw new ArchiveError(
        `entrée altérée\u00a0: «\u00a0${name}\u00a0» (SHA-256 attendu ${e.sha256.slice(0, 12)}…, lu ${got.sha256.slice(0, 12)}…)`,
      );
  }
  if (!expected.has(manifest.database.path)) throw new ArchiveError('manifeste non reconnu\u00a0: base de données absente');
  const missing = manifest.entries.find((e) => !sums.has(e.path));
  if (missing) throw new ArchiveError(`entrée manquante\u00a0: «\u00a0${missing.path}\u00a0»`);
  return manifest;
}

const LABEL = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

function dbLabel(config: Config): string {
  if (config.dialect === 'sqlite') return sqlitePath(config.databaseUrl);
  const u = new URL(config.databaseUrl);
  return `${u.host}${u.pathname}`;
}

/** Refuses a restore across dialects or into a target that already holds a database or stored files. */
async function checkTarget(config: Config, manifest: Manifest): Promise<void> {
  if (manifest.dialect !== config.dialect)
    throw new CliError(
      `Cette sauvegarde vient d’une base ${LABEL[manifest.dialect]}\u00a0: elle ne peut pas être restaurée dans une base ${LABEL[config.dialect]} (DATABASE_URL).`,
    );
  if (config.dialect === 'sqlite') {
    const db = sqlitePath(config.databaseUrl);
    if ([db, `${db}-wal`].some((f) => existsSync(f)))
      throw new CliError(`Restauration refusée\u00a0: la base ${db} existe déjà. Restaurez dans un DATA_DIR vide.`);
  } else {
    const n = await postgresTableCount(config.databaseUrl);
    if (n > 0)
      throw new CliError(
        `Restauration refusée\u00a0: la base ${dbLabel(config)} n’est pas vide (${n} tables). Restaurez dans une base neuve.`,
      );
  }
  const filesDir = path.join(config.dataDir, 'files');
  if ((await storedFiles(filesDir)).length > 0)
    throw new CliError(`Restauration refusée\u00a0: ${filesDir} contient déjà des fichiers. Restaurez dans un DATA_DIR vide.`);
}

/** Where each entry goes: the data directory, or the temporary database artefact. */
function destination(config: Config, manifest: Manifest, name: string, work: string): string {
  if (name !== manifest.database.path) return path.join(config.dataDir, name);
  return config.dialect === 'sqlite' ? `${sqlitePath(config.databaseUrl)}.restoring` : path.join(work, 'relais.dump');
}

/** Second pass over the archive: writes every entry, hashing again (the archive must not change in between). */
async function extract(file: string, config: Config, manifest: Manifest, work: string, written: string[]): Promise<void> {
  const expected = new Map(manifest.entries.map((e) => [e.path, e]));
  await walkTar(file, async (name, _size, chunks) => {
    if (name === MANIFEST || name === MANIFEST_SUM) return;
    const dest = destination(config, manifest, name, work);
    await mkdir(path.dirname(dest), { recursive: true });
    const secret = name === 'secret.key';
    const out = await open(dest, secret ? 'w' : 'wx', secret ? 0o600 : 0o644);
    if (!secret) written.push(dest);
    const hash = createHash('sha256');
    try {
      for await (const c of chunks) {
        hash.update(c);
        await out.write(c, 0, c.length);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    if (secret) await chmod(dest, 0o600);
    if (hash.digest('hex') !== expected.get(name)?.sha256)
      throw new ArchiveError(`l’archive a changé pendant la restauration\u00a0: «\u00a0${name}\u00a0»`);
  });
}

async function hashFile(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    return (await hashChunks(fh.createReadStream({ autoClose: false }))).sha256;
  } finally {
    await fh.close();
  }
}

/** Reads every restored file back and compares it with the manifest. */
async function readBack(config: Config, manifest: Manifest, work: string): Promise<void> {
  for (const e of manifest.entries) {
    const file = e.path === manifest.database.path && config.dialect === 'sqlite' ? sqlitePath(config.databaseUrl) : null;
    const actual = await hashFile(file ?? destination(config, manifest, e.path, work));
    if (actual !== e.sha256)
      throw new CliError(`Vérification après restauration\u00a0: «\u00a0${e.path}\u00a0» diffère de la sauvegarde.`);
  }
}

function compareCounts(manifest: Manifest, found: { tables: Record<string, number>; migration: string | null }): void {
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(found.tables)]);
  for (const t of [...names].sort()) {
    if (manifest.tables[t] !== found.tables[t])
      throw new CliError(
        `Vérification après restauration\u00a0: table «\u00a0${t}\u00a0»\u00a0: ${found.tables[t] ?? 'absente'} lignes au lieu de ${manifest.tables[t] ?? 'aucune'}.`,
      );
  }
  if (found.migration !== manifest.migration)
    throw new CliError(
      `Vérification après restauration\u00a0: dernière migration ${found.migration} au lieu de ${manifest.migration}.`,
    );
}

export interface RestoreResult {
  manifest: Manifest;
  target: string;
  rows: number;
  files: number;
  filesBytes: number;
  durationMs: number;
}

/** Verifies, checks the target, restores, verifies again. Throws CliError / ArchiveError on refusal or failure. */
export async function restoreBackup(config: Config, file: string, options: { pgRestore?: string } = {}): Promise<RestoreResult> {
  const started = Date.now();
  const archive = path.resolve(file);
  const manifest = await verifyArchive(archive);
  await checkTarget(config, manifest);
  const work = await mkdtemp(path.join(tmpdir(), 'relais-restore-'));
  const written: string[] = [];
  try {
    await extract(archive, config, manifest, work, written);
    if (config.dialect === 'sqlite') {
      await rename(`${sqlitePath(config.databaseUrl)}.restoring`, sqlitePath(config.databaseUrl));
      written.push(sqlitePath(config.databaseUrl));
    }
    await readBack(config, manifest, work);
    if (config.dialect === 'postgres')
      await restorePostgres(config.databaseUrl, path.join(work, 'relais.dump'), options.pgRestore);
    compareCounts(
      manifest,
      config.dialect === 'sqlite' ? sqliteFileCounts(sqlitePath(config.databaseUrl)) : await postgresCounts(config.databaseUrl),
    );
  } catch (err) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const files = manifest.entries.filter((e: ManifestEntry) => e.path.startsWith('files/'));
  return {
    manifest,
    target: dbLabel(config),
    rows: totalRows(manifest.tables),
    files: files.length,
    filesBytes: files.reduce((a, e) => a + e.bytes, 0),
    durationMs: Date.now() - started,
  };
}

export function restoreSummary(r: RestoreResult, config: Config): string {
  const m = r.manifest;
  const lines = [
    `Restauration terminée (sauvegarde du ${m.created_at}, migration ${m.migration ?? 'aucune'})`,
    `  base ${config.dialect}\u00a0: ${r.target}, ${fmtInt(Object.keys(m.tables).length)} tables, ${fmtInt(r.rows)} lignes vérifiées`,
    `  fichiers\u00a0: ${fmtInt(r.files)} (${fmtBytes(r.filesBytes)}) dans ${config.dataDir}, sommes de contrôle vérifiées avant et après`,
    `  durée\u00a0: ${fmtSeconds(r.durationMs)}`,
    'Démarrez Relais avec ces mêmes DATA_DIR et DATABASE_URL\u00a0: npm start',
  ];
  if (m.secret_key === 'environment')
    lines.push(
      'Attention\u00a0: la clé secrète n’est pas dans la sauvegarde (SECRET_KEY était définie)\u00a0; démarrez avec la même SECRET_KEY.',
    );
  return lines.join('\n');
}

/** The CLI: `restore FILE`; prints the summary or the reason of the refusal, returns the exit code. */
export async function restoreCli(argv: string[], out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const file = argv.filter((a) => !a.startsWith('-'));
  if (file.length !== 1 || argv.length !== 1) {
    out.error(
      'Usage\u00a0: npm run restore -- /chemin/relais-AAAA-MM-JJ.tar (DATA_DIR et DATABASE_URL désignent la cible, vide)',
    );
    return 1;
  }
  try {
    const config = loadConfig();
    out.log(restoreSummary(await restoreBackup(config, file[0]), config));
    return 0;
  } catch (err) {
    const message = explain(err, 'Restauration');
    out.error(err instanceof ArchiveError ? `Archive refusée\u00a0: ${message}. Rien n’a été restauré.` : message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(await restoreCli(process.argv.slice(2)));
}
