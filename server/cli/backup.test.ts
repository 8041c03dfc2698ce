import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { newId } from '../platform/ids.ts';
import { ADMIN_URL, adminQuery, testDialect } from '../test/database.ts';
import { readTables } from '../test/table-rows.ts';
import { CaptureMailer, login, type TestApp, testApp } from '../test/harness.ts';
import { backupCli, createBackup, storedFiles } from './backup.ts';
import { CliError } from './backup-db.ts';
import { restoreBackup, restoreCli, verifyArchive } from './restore.ts';

const dialect = testDialect();
const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'relais-backup-test-'));
const dropLater: string[] = [];
let t: TestApp;
let source: Config;
let storedCount = 0;
const CONTENTS = [Buffer.from('Facture n° 42 — pièce jointe'), Buffer.alloc(300_000, 7)];

/** An empty target: a new data directory and, on PostgreSQL, a new empty database. */
async function emptyTarget(name: string): Promise<Config> {
  const dataDir = path.join(work, name);
  let url: string | undefined;
  if (dialect === 'postgres') {
    const db = `relais_bk_${Date.now().toString(36)}_${name.replace(/\W/g, '')}`;
    await adminQuery(`create database ${db}`);
    dropLater.push(db);
    url = ADMIN_URL.replace(/\/[^/]*$/, `/${db}`);
  }
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RELAIS_DEMO: '0', ...(url ? { DATABASE_URL: url } : {}) });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const quiet = () => {
  const lines: string[] = [];
  return { lines, out: { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } };
};

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

before(async () => {
  t = await testApp({ demo: true });
  for (const body of CONTENTS) await t.deps.storage.put(Readable.from([body]));
  await mkdir(path.join(t.db.dataDir, 'files', 'tmp'), { recursive: true });
  writeFileSync(path.join(t.db.dataDir, 'files', 'tmp', 'upload.part'), 'partiel');
  storedCount = (await storedFiles(path.join(t.db.dataDir, 'files'))).length;
  assert.ok(storedCount >= 2);
  source = loadConfig({ DATA_DIR: t.db.dataDir, DATABASE_URL: t.db.url, LOG_LEVEL: 'silent', RELAIS_DEMO: '0' });
});

after(async () => {
  await t.close();
  for (const db of dropLater) await adminQuery(`drop database if exists ${db} with (force)`);
  rmSync(work, { recursive: true, force: true });
});

test('a backup restored into an empty target holds every row and every file; npm start can use it', async () => {
  const archive = path.join(work, 'idle.tar');
  const made = await createBackup(source, { to: archive });
  assert.equal(made.files, storedCount);
  assert.ok(made.rows > 100 && made.tables > 40, `${made.rows} rows, ${made.tables} tables`);
  const run = await t.deps.database.db.selectFrom('backup_runs').selectAll().where('file', '=', archive).executeTakeFirst();
  assert.equal(Number(run?.bytes), made.bytes);
  assert.equal(run?.files, storedCount);

  const target = await emptyTarget('idle');
  const restored = await restoreBackup(target, archive);
  assert.equal(restored.rows, made.rows);

  // Every table, ordered by primary key, row for row (the backup's own run row was written after the snapshot).
  const before = await readTables(dialect, source.databaseUrl);
  const afterRestore = await readTables(dialect, target.databaseUrl);
  before.backup_runs = before.backup_runs.filter((r) => r.file !== archive);
  assert.deepEqual(Object.keys(afterRestore).sort(), Object.keys(before).sort());
  for (const name of Object.keys(before)) assert.deepEqual(afterRestore[name], before[name], `table ${name}`);

  const files = await storedFiles(path.join(source.dataDir, 'files'));
  assert.equal(files.length, storedCount);
  assert.deepEqual(await storedFiles(path.join(target.dataDir, 'files')), files);
  for (const f of files) assert.equal(sha(path.join(target.dataDir, 'files', f)), sha(path.join(source.dataDir, 'files', f)));
  assert.ok(!existsSync(path.join(target.dataDir, 'files', 'tmp')), 'partial uploads are not backed up');
  assert.equal(
    readFileSync(path.join(target.dataDir, 'secret.key'), 'utf8'),
    readFileSync(path.join(source.dataDir, 'secret.key'), 'utf8'),
  );

  await assertStarts(target);

  // Restoring again into the now non-empty target is refused, and so is a data dir that only has files.
  const { lines, out } = quiet();
  const again = await restoreBackupCli(archive, target, out);
  assert.equal(again, 1);
  assert.match(lines.join('\n'), /Restauration refusée\u00a0: la base .* (existe déjà|n’est pas vide)/);
  const filesOnly = await emptyTarget('files-only');
  await mkdir(path.join(filesOnly.dataDir, 'files', 'ab'), { recursive: true });
  writeFileSync(path.join(filesOnly.dataDir, 'files', 'ab', 'ab000000-0000-7000-8000-000000000000'), 'x');
  await assert.rejects(restoreBackup(filesOnly, archive), /contient déjà des fichiers/);
});

/** What `npm start` does on a restored target: nothing left to migrate, the app serves the demo accounts. */
async function assertStarts(target: Config): Promise<void> {
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl,
    LOG_LEVEL: 'silent',
    RELAIS_DEMO: '0',
  });
  assert.equal(config.secretKey, source.secretKey);
  const database = await openDatabase(config.databaseUrl);
  try {
    assert.deepEqual(await migrateToLatest(database), []);
    const { app } = await buildApp({ config, database, mailer: new CaptureMailer(), logger: false });
    await app.ready();
    const session = await login(app, 'dirigeant@horizon.test');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    assert.equal(me.statusCode, 200);
    await app.close();
  } finally {
    await database.destroy();
  }
}

/** restoreCli reads the target from the environment, like the npm script. */
async function restoreBackupCli(archive: string, target: Config, out: Pick<Console, 'log' | 'error'>): Promise<number> {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = target.dataDir;
  process.env.DATABASE_URL = target.databaseUrl;
  try {
    return await restoreCli([archive], out);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('the npm scripts back up while the application writes, and restore that consistent snapshot', async () => {
  const archive = path.join(work, 'online.tar');
  const count = async () =>
    Number(
      (
        await t.deps.database.db
          .selectFrom('backup_runs')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) {
      const at = new Date().toISOString();
      const row = {
        id: newId(),
        file: `écrivain-${written}`,
        dialect,
        bytes: 1,
        tables: 1,
        files: 0,
        started_at: at,
        finished_at: at,
      };
      await t.deps.database.db.insertInto('backup_runs').values(row).execute();
      written++;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const env = { DATA_DIR: source.dataDir, DATABASE_URL: source.databaseUrl, RELAIS_DEMO: '0' };
  const made = await run('server/cli/backup.ts', ['--to', archive], env);
  writing = false;
  await writer;
  assert.equal(made.code, 0, made.output);
  assert.match(made.output, /Sauvegarde terminée\u00a0: .*online\.tar\n {2}base \w+\u00a0: \d+ tables, [\d\u202f ]+ lignes/);
  assert.ok(written > 20, `the writer kept writing during the backup (${written} rows)`);
  const manifest = await verifyArchive(archive);
  assert.ok(manifest.tables.backup_runs > before && manifest.tables.backup_runs < (await count()), 'a snapshot taken mid-way');

  const target = await emptyTarget('online');
  const restored = await run('server/cli/restore.ts', [archive], { DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl });
  assert.equal(restored.code, 0, restored.output);
  assert.match(
    restored.output,
    /Restauration terminée.*\n.*lignes vérifiées\n {2}fichiers\u00a0: \d+ \(.*\).*vérifiées avant et après/,
  );
});

test('a damaged or truncated archive is refused before anything is written, naming the bad entry', async () => {
  const archive = path.join(work, 'intact.tar');
  await createBackup(source, { to: archive });
  const bytes = readFileSync(archive);
  const at = bytes.indexOf(CONTENTS[0]);
  assert.ok(at > 0);
  const key = (await storedFiles(path.join(source.dataDir, 'files'))).find((f) =>
    readFileSync(path.join(source.dataDir, 'files', f)).equals(CONTENTS[0]),
  );
  const tampered = path.join(work, 'tampered.tar');
  bytes[at + 3] ^= 0x01;
  writeFileSync(tampered, bytes);
  const target = await emptyTarget('tampered');
  const { lines, out } = quiet();
  assert.equal(await restoreBackupCli(tampered, target, out), 1);
  const expected = `^Archive refusée\u00a0: entrée altérée\u00a0: «\u00a0files/${key}\u00a0» \\(SHA-256 attendu [0-9a-f]{12}…, lu [0-9a-f]{12}…\\)\\. Rien n’a été restauré\\.$`;
  assert.match(lines.join('\n'), new RegExp(expected));
  assert.deepEqual(await storedFiles(path.join(target.dataDir, 'files')), []);
  if (dialect === 'sqlite') assert.ok(!existsSync(path.join(target.dataDir, 'relais.db')));

  const truncated = path.join(work, 'truncated.tar');
  copyFileSync(archive, truncated);
  truncateSync(truncated, at + 10);
  await assert.rejects(restoreBackup(target, truncated), /archive tronquée dans l’entrée «\u00a0files\//);
  await assert.rejects(restoreBackup(target, path.join(work, 'absent.tar')), /Archive introuvable/);
  await restoreBackup(target, archive); // the refusals left the target empty
});

test('refusals: other dialect, unwritable target, unreachable database, missing pg_dump', async () => {
  const archive = path.join(work, 'dialect.tar');
  await createBackup(source, { to: archive });
  const other =
    dialect === 'sqlite'
      ? loadConfig({ DATA_DIR: path.join(work, 'pg'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' })
      : loadConfig({ DATA_DIR: path.join(work, 'sq'), LOG_LEVEL: 'silent' });
  await assert.rejects(restoreBackup(other, archive), /ne peut pas être restaurée dans une base/);

  const { lines, out } = quiet();
  assert.equal(await backupCli(['--to', path.join(work, 'absent', 'x.tar')], out), 1);
  assert.match(lines[0], /Impossible d’écrire la sauvegarde\u00a0: le dossier .*absent n’existe pas\./);
  assert.equal(await backupCli([], out), 1);
  assert.match(lines[1], /^Usage\u00a0: npm run backup -- --to/);
  await assert.rejects(createBackup(source, { to: archive }), /existe déjà/);

  const unreachable =
    dialect === 'sqlite'
      ? loadConfig({ DATA_DIR: path.join(work, 'nodb'), LOG_LEVEL: 'silent' })
      : loadConfig({ DATA_DIR: source.dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/relais', LOG_LEVEL: 'silent' });
  await assert.rejects(createBackup(unreachable, { to: path.join(work, 'u.tar') }), (err: Error) => {
    assert.ok(err instanceof CliError);
    assert.match(err.message, dialect === 'sqlite' ? /^Base SQLite introuvable/ : /^Base PostgreSQL injoignable/);
    return true;
  });
  if (dialect === 'postgres')
    await assert.rejects(
      createBackup(source, { to: path.join(work, 'p.tar'), pgDump: '/nulle/part/pg_dump' }),
      /pg_dump introuvable/,
    );
  assert.ok(!existsSync(path.join(work, 'u.tar')) && !existsSync(path.join(work, 'p.tar')), 'no partial archive left');
});
