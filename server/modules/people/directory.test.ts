import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, login, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

test('every member finds colleagues by name in the directory, without e-mail or role, in their own organisation only', async () => {
  const requester = as(t.app, await login(t.app, 'demandeur@horizon.test'));
  const found = (await requester('GET', '/api/directory?q=luk')).json().items;
  assert.deepEqual(
    found.map((p: { displayName: string }) => p.displayName),
    ['Lukas Meyer'],
  );
  assert.deepEqual(Object.keys(found[0]).sort(), ['displayName', 'id', 'siteName']);
  const all = (await requester('GET', '/api/directory?limit=50')).json().items;
  assert.ok(all.length >= 10);
  assert.ok(!all.some((p: { displayName: string }) => p.displayName === 'Chloé Girard'), 'another organisation stays out');
  assert.equal((await requester('GET', '/api/directory?q=%25%25')).statusCode, 200);
  assert.equal((await requester('GET', '/api/directory?limit=500')).statusCode, 400);
});
