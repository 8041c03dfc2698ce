import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPEN_STATUSES } from '../../../common/requests.ts';
import { OPEN_STATUS_LITERALS } from '../../db/migrations/20261127_0008_request_indexes.ts';

test('the open-queue partial index covers exactly the open statuses (otherwise SQLite silently skips it)', () => {
  assert.deepEqual([...OPEN_STATUS_LITERALS], [...OPEN_STATUSES]);
});
