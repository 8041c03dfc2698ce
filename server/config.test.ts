import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-config-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('defaults: embedded SQLite in DATA_DIR, port 8080, demo on, French-first local URL', () => {
  const dir = tempDir();
  const config = loadConfig({ DATA_DIR: dir });
  const { secretKey, ...rest } = config;
  assert.deepEqual(rest, {
    port: 8080,
    host: '0.0.0.0',
    dataDir: dir,
    databaseUrl: `sqlite:${path.join(dir, 'relais.db')}`,
    dialect: 'sqlite',
    baseUrl: 'http://localhost:8080',
    demo: true,
    logLevel: 'info',
    trustProxy: false,
    webhookAllowedHosts: [],
    smtp: {
      url: undefined,
      from: 'Relais <relais@relais.test>',
      inboundPort: 2525,
      inboundHost: '127.0.0.1',
      replyDomain: 'relais.test',
    },
    maxUploadBytes: 20 * 1024 * 1024,
    jobLeaseMs: 60_000,
    jobs: true,
  });
  assert.ok(secretKey.length >= 32);
});

test('explicit values are parsed: PostgreSQL URL, flags, base URL without trailing slash', () => {
  const dir = tempDir();
  const config = loadConfig({
    DATA_DIR: dir,
    PORT: '3000',
    DATABASE_URL: 'postgresql://relais@db.internal:5432/relais',
    BASE_URL: 'https://relais.example.org/',
    SECRET_KEY: 'x'.repeat(32),
    RELAIS_DEMO: 'no',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
  });
  assert.equal(config.port, 3000);
  assert.equal(config.dialect, 'postgres');
  assert.equal(config.databaseUrl, 'postgresql://relais@db.internal:5432/relais');
  assert.equal(config.baseUrl, 'https://relais.example.org');
  assert.equal(config.secretKey, 'x'.repeat(32));
  assert.equal(config.demo, false);
  assert.equal(config.trustProxy, true);
  assert.equal(config.logLevel, 'warn');
  assert.equal(loadConfig({ DATA_DIR: dir, PORT: '9000' }).baseUrl, 'http://localhost:9000');
  assert.equal(loadConfig({ DATA_DIR: dir, RELAIS_DEMO: '0' }).demo, false);
  assert.equal(loadConfig({ DATA_DIR: dir, RELAIS_DEMO: '1' }).demo, true);
  assert.equal(loadConfig({ DATA_DIR: dir, RELAIS_JOBS: '0' }).jobs, false);
  assert.equal(loadConfig({ DATA_DIR: dir, JOB_LEASE_SECONDS: '5' }).jobLeaseMs, 5_000);
  assert.throws(
    () => loadConfig({ DATA_DIR: dir, JOB_LEASE_SECONDS: '1' }),
    /JOB_LEASE_SECONDS: doit être compris entre 3 et 3600/,
  );
});

test('a relative DATA_DIR is resolved to an absolute path and created', () => {
  const parent = tempDir();
  const config = loadConfig({ DATA_DIR: path.relative(process.cwd(), path.join(parent, 'a', 'b')) });
  assert.equal(config.dataDir, path.join(parent, 'a', 'b'));
  assert.ok(statSync(config.dataDir).isDirectory());
});

test('every problem is listed in one ConfigError, in French, before anything is written', () => {
  const dir = path.join(tempDir(), 'never-created');
  const env = {
    DATA_DIR: dir,
    PORT: 'abc',
    DATABASE_URL: 'mysql://root@localhost/relais',
    SECRET_KEY: 'court',
    LOG_LEVEL: 'verbose',
  };
  let error: unknown;
  try {
    loadConfig(env);
  } catch (err) {
    error = err;
  }
  assert.ok(error instanceof ConfigError, 'ConfigError expected');
  const lines = error.message.split('\n');
  assert.equal(lines[0], 'Configuration invalide\u00a0:');
  const named = lines.slice(1).map((l) => l.match(/^ {2}- (\w+): .+/)?.[1]);
  assert.deepEqual(named.sort(), ['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SECRET_KEY']);
  assert.match(error.message, /DATABASE_URL: doit commencer par postgres:\/\/, postgresql:\/\/ ou sqlite:/);
  assert.match(error.message, /SECRET_KEY: doit contenir au moins 32 caractères/);
  assert.equal(existsSync(dir), false);
});

test('out-of-range port and invalid BASE_URL are refused too', () => {
  const dir = tempDir();
  assert.throws(
    () => loadConfig({ DATA_DIR: dir, PORT: '70000' }),
    (err: Error) => err instanceof ConfigError && /- PORT: /.test(err.message),
  );
  assert.throws(
    () => loadConfig({ DATA_DIR: dir, BASE_URL: 'pas une url' }),
    (err: Error) => err instanceof ConfigError && /- BASE_URL: /.test(err.message),
  );
  assert.throws(
    () => loadConfig({ DATA_DIR: dir, RELAIS_DEMO: 'peut-être' }),
    (err: Error) => err instanceof ConfigError && /- RELAIS_DEMO: /.test(err.message),
  );
});

test('without SECRET_KEY a secret is generated once, kept in DATA_DIR (0600) and reused', () => {
  const dir = tempDir();
  const file = path.join(dir, 'secret.key');
  assert.equal(existsSync(file), false);
  const first = loadConfig({ DATA_DIR: dir }).secretKey;
  assert.ok(first.length >= 32, 'at least 32 characters');
  assert.match(first, /^[A-Za-z0-9_-]+$/);
  assert.equal(readFileSync(file, 'utf8').trim(), first);
  if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(loadConfig({ DATA_DIR: dir }).secretKey, first);
  assert.notEqual(loadConfig({ DATA_DIR: tempDir() }).secretKey, first, 'another installation gets another secret');
});

test('an explicit SECRET_KEY wins and nothing is written to DATA_DIR', () => {
  const dir = tempDir();
  const secret = 'k'.repeat(40);
  assert.equal(loadConfig({ DATA_DIR: dir, SECRET_KEY: secret }).secretKey, secret);
  assert.equal(existsSync(path.join(dir, 'secret.key')), false);
});

test('an empty variable counts as unset', () => {
  const dir = tempDir();
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: '', PORT: '', SECRET_KEY: '' });
  assert.equal(config.databaseUrl, `sqlite:${path.join(dir, 'relais.db')}`);
  assert.equal(config.port, 8080);
  assert.equal(config.secretKey, readFileSync(path.join(dir, 'secret.key'), 'utf8').trim());
});
