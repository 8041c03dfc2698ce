import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../test/harness.ts';

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
