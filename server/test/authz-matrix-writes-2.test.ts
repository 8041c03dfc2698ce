/**
 * The authorization matrix, writes (second half of the non-GET routes) × every role × every place, each
 * probe on a fresh subject. Fixture and probe: authz-matrix.ts (its hooks run in this file's process).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeRoutes } from './authz-matrix.ts';

test('write routes (second half) × role × {own site, other site, other organisation}', async () => {
  let n = 0;
  const requests = await probeRoutes((route) => route.method !== 'GET' && n++ % 2 === 1);
  assert.ok(requests > 100, `matrice trop petite : ${requests}`);
});
