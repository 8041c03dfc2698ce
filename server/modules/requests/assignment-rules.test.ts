import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Candidate, chooseAssignee, rotation } from './assignment-rules.ts';

const c = (userId: string, load = 0, skills: string[] = [], unavailableUntil: string | null = null): Candidate => ({
  userId,
  name: userId.toUpperCase(),
  skills,
  load,
  unavailableUntil,
});
const now = new Date('2026-12-03T10:00:00Z');
const opts = { lastAssigneeId: null, requiredSkills: [] as string[], now };

test('rotation starts after the last assignee, even when that person has left the team', () => {
  const people = [c('c'), c('a'), c('d')];
  assert.deepEqual(
    rotation(people, 'a').map((p) => p.userId),
    ['c', 'd', 'a'],
  );
  assert.deepEqual(
    rotation(people, 'b').map((p) => p.userId),
    ['c', 'd', 'a'],
    'b left: the next one after b',
  );
  assert.deepEqual(
    rotation(people, 'z').map((p) => p.userId),
    ['a', 'c', 'd'],
  );
});

test('rules: manual does nothing; ties of least loaded follow the rotation; skills ignore case; unavailable skipped', () => {
  assert.equal(chooseAssignee('manual', [c('a')], opts), null);
  const team = [c('a', 4), c('b', 2), c('c', 2), c('d', 0, [], '2026-12-04T00:00:00Z')];
  assert.equal(chooseAssignee('least_loaded', team, { ...opts, lastAssigneeId: 'b' })?.pick?.userId, 'c');
  assert.equal(chooseAssignee('least_loaded', team, { ...opts, lastAssigneeId: 'c' })?.pick?.userId, 'b');
  const skilled = [c('a', 3, [' Paie ']), c('b', 1, ['rh']), c('c', 2, ['PAIE', 'rh'])];
  const choice = chooseAssignee('skills', skilled, { ...opts, requiredSkills: ['paie'] });
  assert.deepEqual([choice?.pick?.userId, choice?.note], ['c', { rule: 'skills', candidates: 2, skill: ['paie'], load: 2 }]);
  const back = chooseAssignee('round_robin', [c('a', 0, [], '2026-12-03T09:59:00Z')], opts);
  assert.equal(back?.pick?.userId, 'a', 'the out-of-office period has ended');
  assert.deepEqual(chooseAssignee('skills', [c('a', 0, [], '2027-01-01T00:00:00Z')], { ...opts, requiredSkills: ['paie'] }), {
    pick: null,
    note: { rule: 'skills', candidates: 0, skill: ['paie'], unavailable: ['A'] },
  });
});
