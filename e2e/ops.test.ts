/**
 * The operator's ops page end to end, in real Chromium against the real server (embedded SQLite, demo data):
 * the page shows the running node, the schedules, the last backup; a failed job (written into the database as
 * a node would leave it) is retried from the page and then runs; the full list filters failed jobs. axe-core
 * finds no serious or critical violation (desktop and phone).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { newId } from '../server/platform/ids.ts';
import { axeScanner, type E2E, screenshotPath, signInAs, startE2E } from './harness.ts';

let e2e: E2E;
let sqlite: Database.Database;
const { scan, violations } = axeScanner();
const JOB = 'task:staged-uploads';

before(async () => {
  e2e = await startE2E();
  const file = path.join(e2e.dataDir, 'relais.db');
  assert.ok(existsSync(file), file);
  sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
});
after(async () => {
  sqlite?.close();
  await e2e?.close();
});

/** A job that used up its attempts, as the runner leaves it (a real periodic task, so the retry succeeds). */
function insertFailedJob(): string {
  const id = newId();
  const at = (ms: number) => new Date(Date.now() - ms).toISOString();
  sqlite
    .prepare(
      `insert into jobs (id, name, payload, state, run_at, attempts, max_attempts, last_error, created_at, updated_at, finished_at)
       values (?, ?, '{}', 'failed', ?, 1, 1, ?, ?, ?, ?)`,
    )
    .run(
      id,
      JOB,
      at(600_000),
      'ECONNREFUSED 10.0.0.5:25 : serveur de courrier injoignable',
      at(600_000),
      at(590_000),
      at(590_000),
    );
  return id;
}

function insertBackup(hoursAgo: number): void {
  const at = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  sqlite
    .prepare(
      'insert into backup_runs (id, file, dialect, bytes, tables, files, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(newId(), '/sauvegardes/relais-nuit.tar', 'sqlite', 48_234_496, 52, 318, at(hoursAgo + 0.05), at(hoursAgo));
}

const jobState = (id: string) => (sqlite.prepare('select state from jobs where id = ?').get(id) as { state: string }).state;

test('the operator retries a failed job from the ops page, which then runs', async () => {
  insertBackup(2);
  const id = insertFailedJob();
  const { page, context } = await signInAs(e2e, 'operateur@relais.test', '/plateforme');
  await page.getByRole('link', { name: 'Exploitation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Exploitation' }).waitFor();
  const nodes = page.getByTestId('ops-nodes');
  await nodes.getByText('actif').first().waitFor();
  await page.getByTestId('ops-schedules').getByText('sla-watch').waitFor();
  const backup = page.getByTestId('ops-backup');
  await backup.getByText('il y a 2\u00a0h').waitFor();
  assert.equal(await page.getByTestId('ops-backup-warning').count(), 0, 'a 2-hour-old backup is no warning');
  const row = page.locator(`[data-job="${id}"]`);
  await row.getByText('serveur de courrier injoignable').waitFor();
  await row.getByText('1/1').waitFor();
  await scan(page);
  await page.screenshot({ path: screenshotPath('ops.png'), fullPage: true });

  await row.getByRole('button', { name: `Relancer le travail ${JOB}` }).click();
  await page.getByText(`Travail ${JOB} relancé.`).waitFor();
  await row.waitFor({ state: 'detached' });
  let state = jobState(id);
  for (let i = 0; i < 100 && state !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = jobState(id);
  }
  assert.equal(state, 'done', 'the retried job ran on the node');
  await context.close();
});

test('the full list filters the failed jobs; the page fits a phone', async () => {
  insertFailedJob();
  const { page, context } = await signInAs(e2e, 'operateur@relais.test', '/plateforme', { width: 390, height: 844 });
  await page.goto('/plateforme/exploitation');
  await page.getByRole('link', { name: 'Voir tous les travaux en échec' }).click();
  await page.getByRole('heading', { level: 1, name: 'Travaux' }).waitFor();
  assert.match(page.url(), /state=failed/);
  const table = page.getByTestId('ops-jobs');
  await table.getByText('serveur de courrier injoignable').first().waitFor();
  const rows = table.locator('tbody tr');
  const total = await rows.count();
  assert.ok(total >= 1);
  assert.equal(await rows.filter({ hasText: 'En échec' }).count(), total, 'only failed jobs are listed');
  await scan(page);
  await page.goto('/plateforme/exploitation');
  await page.getByTestId('ops-nodes').waitFor();
  await scan(page);
  await context.close();
});

test('axe: no serious or critical violation', () => {
  assert.deepEqual(violations, []);
});
