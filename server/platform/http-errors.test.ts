import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from './errors.ts';
import { isDatabaseUnavailable } from './http-errors.ts';

const err = (props: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), props);

test('isDatabaseUnavailable: PostgreSQL gone, restarting or unreachable', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003'])
    assert.equal(isDatabaseUnavailable(err({ code })), true, code);
  assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
  assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
  assert.equal(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')), true);
  // Node's dual-stack connect: an AggregateError whose parts are refusals; a cause two levels down.
  assert.equal(isDatabaseUnavailable(new AggregateError([err({ code: 'ECONNREFUSED' })], 'connect')), true);
  assert.equal(isDatabaseUnavailable(err({ cause: err({ cause: err({ code: '57P01' }) }) })), true);
});

test('isDatabaseUnavailable: ordinary failures stay what they are', () => {
  for (const code of ['23505', '23503', '40001', '42P01', '22P02', 'SQLITE_CONSTRAINT', 'SQLITE_BUSY', 'ENOSPC'])
    assert.equal(isDatabaseUnavailable(err({ code })), false, code);
  assert.equal(isDatabaseUnavailable(new AppError('conflict')), false);
  assert.equal(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint')), false);
  assert.equal(isDatabaseUnavailable(null), false);
  assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false);
  const deep = err({ cause: err({ cause: err({ cause: err({ code: '57P01' }) }) }) });
  assert.equal(isDatabaseUnavailable(deep), false, 'not deeper than two levels');
});
