/**
 * The authorization matrix, part 1: every route declares an action, the GET routes × every role × every
 * place, the DPO is read-only, site closures. Writes: authz-matrix-writes-*.test.ts. Fixture and probe:
 * authz-matrix.ts (its hooks run in this file's process).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registeredResources } from '../platform/loaders.ts';
import { actors, apiRoutes, orgs, probeRoutes, subject, t } from './authz-matrix.ts';
import { sessionFor, setHomeSite } from './factories.ts';
import { as } from './harness.ts';

test('every API route declares an action or is explicitly public', () => {
  const undeclared = apiRoutes().filter((r) => !r.config?.public && !r.config?.action);
  assert.deepEqual(
    undeclared.map((r) => `${r.method} ${r.url}`),
    [],
  );
  for (const r of apiRoutes())
    if (r.config?.resource) assert.ok(registeredResources().includes(r.config.resource), `${r.url}: loader`);
});

test('GET routes × role × {own site, other site, other organisation}', async () => {
  const requests = await probeRoutes((route) => route.method === 'GET');
  assert.ok(requests > 300, `matrice trop petite : ${requests}`);
});

test('the DPO / auditor is read-only outside their own profile', async () => {
  const writes = apiRoutes().filter(
    (r) => r.method !== 'GET' && !r.config?.public && !String(r.config?.action).startsWith('self.'),
  );
  assert.ok(writes.length > 10);
  for (const route of writes) {
    const made = route.config?.resource ? await subject(route.config.resource, 'ownSite') : null;
    const session = await sessionFor(t.deps, actors.get('dpo') ?? '', orgs.a);
    const url = String(route.url).replace(/:(\w+)/g, () => made?.id ?? 'x');
    const res = await as(t.app, session)(String(route.method) as 'POST', url, route.method === 'DELETE' ? undefined : {});
    assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
  }
});

test('an assistant manages closures of their own site only', async () => {
  const session = await sessionFor(t.deps, actors.get('assistant') ?? '', orgs.a);
  await setHomeSite(t.deps, orgs.a, actors.get('assistant') ?? '', orgs.siteA1);
  const body = { startsOn: '2027-01-02', endsOn: '2027-01-02', label: 'Inventaire' };
  assert.equal((await as(t.app, session)('POST', `/api/sites/${orgs.siteA1}/closures`, body)).statusCode, 201);
  assert.equal((await as(t.app, session)('POST', `/api/sites/${orgs.siteA2}/closures`, body)).statusCode, 403);
  assert.equal((await as(t.app, session)('POST', `/api/sites/${orgs.siteB}/closures`, body)).statusCode, 404);
});
