import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../test/harness.ts';
import { withTransaction } from './context.ts';
import type { AppError } from './errors.ts';
import { TAKEOVER_MS } from './idempotency.ts';
import { sha256 } from './ids.ts';
import { enterRequest, setIdempotency } from './log-context.ts';

/** Runs `fn` as a request holding the given reservation. */
async function runWithIdempotency<T>(reservation: { id: string; token: string }, fn: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    setImmediate(() => {
      enterRequest('test-idem');
      setIdempotency(reservation);
      fn().then(resolve, reject);
    });
  });
}

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

const fn = (code: string) => ({ name: `Juridique ${code}`, code });

test('a retried creation with the same Idempotency-Key creates once and replays the response', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  const first = await call('POST', '/api/functions', fn('JUR'), { 'idempotency-key': 'creation-juridique-0001' });
  const second = await call('POST', '/api/functions', fn('JUR'), { 'idempotency-key': 'creation-juridique-0001' });
  assert.equal(first.statusCode, 201);
  assert.equal(second.statusCode, 201);
  assert.equal(second.headers['idempotent-replayed'], 'true');
  assert.equal(second.json().id, first.json().id);
  const list = (await call('GET', '/api/functions')).json().items.filter((f: { code: string }) => f.code === 'JUR');
  assert.equal(list.length, 1);
});

test('without a key, the same creation twice is a duplicate (409), proving the key is what deduplicates', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  assert.equal((await call('POST', '/api/functions', fn('QUAL'))).statusCode, 201);
  assert.equal((await call('POST', '/api/functions', fn('QUAL'))).statusCode, 409);
});

test('the same key on another route is refused (422); a failed attempt can be retried', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  const key = { 'idempotency-key': 'cle-partagee-0002' };
  assert.equal((await call('POST', '/api/functions', fn('COM'), key)).statusCode, 201);
  const other = await call('POST', '/api/teams', { name: 'Équipe X', model: 'dedicated' }, key);
  assert.equal(other.statusCode, 422);
  const bad = { 'idempotency-key': 'cle-apres-erreur-0003' };
  assert.equal((await call('POST', '/api/functions', { name: '', code: 'X' }, bad)).statusCode, 400);
  // Invalid input never reaches the handler: the key is not burnt and the corrected request goes through.
  assert.equal((await call('POST', '/api/functions', fn('CORR'), bad)).statusCode, 201);
});

/** The reservation row of a key, as a crash would have left it. */
const keyRow = async (userEmail: string, key: string) => {
  const user = await t.deps.database.db.selectFrom('users').select('id').where('email', '=', userEmail).executeTakeFirstOrThrow();
  return t.deps.database.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('id', '=', sha256(`${user.id}\n${key}`));
};

test('a crash before the commit: the retry takes the abandoned reservation over and creates once', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  const key = { 'idempotency-key': 'crash-avant-commit-0004' };
  // The first attempt created the key and died: simulate by leaving a pending reservation behind.
  const user = await t.deps.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'referent@horizon.test')
    .executeTakeFirstOrThrow();
  const stale = new Date(Date.now() - TAKEOVER_MS - 1000).toISOString();
  await t.deps.database.db
    .insertInto('idempotency_keys')
    .values({
      id: sha256(`${user.id}\n${key['idempotency-key']}`),
      user_id: user.id,
      route: 'POST /api/functions',
      status_code: 0,
      response: 'null',
      created_at: stale,
    })
    .execute();
  const retry = await call('POST', '/api/functions', fn('CRASH'), key);
  assert.equal(retry.statusCode, 201, retry.body);
  const again = await call('POST', '/api/functions', fn('CRASH'), key);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(again.json().id, retry.json().id);
});

test('a crash after the commit: the retry does not create again and names what was created (409)', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  const key = { 'idempotency-key': 'crash-apres-commit-0005' };
  const first = await call('POST', '/api/functions', fn('LOST'), key);
  assert.equal(first.statusCode, 201);
  // The commit marked the reservation; the process died before the response was stored.
  const row = await (await keyRow('referent@horizon.test', key['idempotency-key'])).executeTakeFirstOrThrow();
  await t.deps.database.db
    .updateTable('idempotency_keys')
    .set({ status_code: 1, response: JSON.stringify({ targets: [{ targetType: 'function', targetId: first.json().id }] }) })
    .where('id', '=', row.id)
    .execute();
  const retry = await call('POST', '/api/functions', fn('LOST'), key);
  assert.equal(retry.statusCode, 409);
  assert.equal(retry.json().code, 'conflict');
  assert.match(retry.json().message, /déjà été enregistrée/);
  assert.equal(retry.json().details.targets[0].targetId, first.json().id);
  const list = (await call('GET', '/api/functions')).json().items.filter((f: { code: string }) => f.code === 'LOST');
  assert.equal(list.length, 1);
});

test('inside the transaction the reservation is marked committed; a taken-over reservation rolls the slow write back', async () => {
  const call = as(t.app, await login(t.app, 'referent@horizon.test'));
  const key = 'marque-dans-la-transaction-0006';
  assert.equal((await call('POST', '/api/functions', fn('MARK'), { 'idempotency-key': key })).statusCode, 201);
  const row = await (await keyRow('referent@horizon.test', key)).executeTakeFirstOrThrow();
  assert.equal(row.status_code, 201, 'the response replaced the commit mark');
  // A write whose reservation token no longer matches (a retry took it over) fails and leaves nothing.
  const before = await t.deps.database.db.selectFrom('functions').select('id').execute();
  const ctx = { database: t.deps.database, events: t.deps.events, actor: null, ip: '127.0.0.1' };
  await assert.rejects(
    runWithIdempotency({ id: row.id, token: '2000-01-01T00:00:00.000Z' }, () =>
      withTransaction(ctx, async (trx) => {
        await trx.updateTable('functions').set({ name: 'Jamais' }).where('id', '=', before[0].id).execute();
      }),
    ),
    (err: AppError) => err.messageKey === 'idempotency_in_progress',
  );
  const unchanged = await t.deps.database.db
    .selectFrom('functions')
    .select('name')
    .where('id', '=', before[0].id)
    .executeTakeFirstOrThrow();
  assert.notEqual(unchanged.name, 'Jamais');
});
