/**
 * SLA clocks as pure functions: explicit calendars and fixed instants, expected instants computed by
 * hand. Lyon/Strasbourg/Réunion open 08:30–12:30 and 13:30–17:30 (480 business minutes a day), Lille
 * 07:00–15:00. Paris is UTC+1 until Sunday 29 March 2026 and from Sunday 25 October 2026, UTC+2 between.
 * Targets are the demo contract: P1 60/240, P2 240/480, P3 480/1440, P4 960/2400 (first response/resolution).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkCalendar } from '../../platform/business-time.ts';
import { slaState } from './request-present.ts';
import {
  type ClockState,
  minutesLeft,
  pause,
  resolutionLevel,
  resume,
  retarget,
  settle,
  startClocks,
  type Targets,
} from './sla-clock.ts';

const SPLIT: [string, string][] = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
];
const week = (r: [string, string][]) => ({ mon: r, tue: r, wed: r, thu: r, fri: r, sat: [], sun: [] });
const cal = (over: Partial<WorkCalendar> = {}): WorkCalendar => ({
  timezone: 'Europe/Paris',
  holidayRegion: 'metropole',
  businessHours: week(SPLIT),
  closures: [],
  ...over,
});
const LYON = cal();
const STRASBOURG = cal({ holidayRegion: '67' });
const LILLE = cal({ businessHours: week([['07:00', '15:00']]) });
const REUNION = cal({ timezone: 'Indian/Reunion', holidayRegion: 'RE' });
const P: Record<string, Targets> = {
  P1: { firstResponse: 60, resolution: 240 },
  P2: { firstResponse: 240, resolution: 480 },
  P3: { firstResponse: 480, resolution: 1440 },
  P4: { firstResponse: 960, resolution: 2400 },
};
const Z = (s: string) => new Date(s).toISOString();

/** The three instants of a clock state, for one deepEqual. */
const due = (s: Partial<ClockState>) => [s.first_response_due_at, s.resolution_due_at, s.resolution_at_risk_at];
/** Applies a partial change as request-update does (Object.assign on the row). */
const apply = (s: ClockState, change: Partial<ClockState>): ClockState => ({ ...s, ...change });

test('work arriving at night, at the weekend or at lunch starts at the next opening', () => {
  // Tuesday 24 March 02:00 CET → 08:30 CET = 07:30Z. P3: 480 = all of Tuesday → 17:30 CET; 1440 = Tue, Wed, Thu
  // → Thursday 17:30 CET; at risk 1080 = Tue + Wed + 120 → Thursday 10:30 CET.
  const night = startClocks(LYON, '2026-03-24T01:00:00Z', P.P3);
  assert.equal(night.sla_started_at, Z('2026-03-24T07:30:00Z'));
  assert.deepEqual(due(night), [Z('2026-03-24T16:30:00Z'), Z('2026-03-26T16:30:00Z'), Z('2026-03-26T09:30:00Z')]);
  assert.equal(night.sla_state, 'ok');
  assert.equal(night.first_response_state, 'ok');
  // Saturday 21 March 14:00 CET → Monday 23 08:30 CET. P1: +60 → 09:30; +240 → 12:30; at risk +180 → 11:30 (CET).
  const weekend = startClocks(LYON, '2026-03-21T13:00:00Z', P.P1);
  assert.equal(weekend.sla_started_at, Z('2026-03-23T07:30:00Z'));
  assert.deepEqual(due(weekend), [Z('2026-03-23T08:30:00Z'), Z('2026-03-23T11:30:00Z'), Z('2026-03-23T10:30:00Z')]);
  // Friday 20 March 19:00 CET, after closing → Monday 08:30 as well.
  assert.equal(startClocks(LYON, '2026-03-20T18:00:00Z', P.P1).sla_started_at, Z('2026-03-23T07:30:00Z'));
  // Monday 12:45 CET, lunch break → 13:30 CET; inside opening hours the exact instant is kept.
  assert.equal(startClocks(LYON, '2026-03-23T11:45:00Z', P.P1).sla_started_at, Z('2026-03-23T12:30:00Z'));
  assert.equal(startClocks(LYON, '2026-03-23T09:17:23.456Z', P.P1).sla_started_at, '2026-03-23T09:17:23.456Z');
});

test('Paris DST weeks: the last Sunday of March and of October', () => {
  // Friday 27 March 16:00 CET: 90 min left that day. P1: +60 → 17:00 CET = 16:00Z; 240 = 90 + 150 on Monday
  // 30 March from 08:30 CEST → 11:00 CEST = 09:00Z; at risk 180 = 90 + 90 → 10:00 CEST = 08:00Z.
  const march = startClocks(LYON, '2026-03-27T15:00:00Z', P.P1);
  assert.deepEqual(due(march), [Z('2026-03-27T16:00:00Z'), Z('2026-03-30T09:00:00Z'), Z('2026-03-30T08:00:00Z')]);
  // Paused across the change, Friday 17:00 CET → Monday 09:30 CEST: 30 + 60 = 90 business minutes (not the
  // 63.5 wall-clock hours). Due 240 + 90 = 330 = 90 Friday + 240 Monday → 12:30 CEST; at risk 270 → 11:30 CEST.
  const paused = apply(march, pause(march, '2026-03-27T16:00:00Z'));
  const resumed = apply(paused, resume(LYON, paused, P.P1, '2026-03-30T07:30:00Z'));
  assert.equal(resumed.sla_paused_minutes, 90);
  assert.deepEqual(due(resumed).slice(1), [Z('2026-03-30T10:30:00Z'), Z('2026-03-30T09:30:00Z')]);
  // Friday 23 October 16:00 CEST: the same arithmetic lands on Monday 26 October in CET (UTC+1).
  const october = startClocks(LYON, '2026-10-23T14:00:00Z', P.P1);
  assert.deepEqual(due(october), [Z('2026-10-23T15:00:00Z'), Z('2026-10-26T10:00:00Z'), Z('2026-10-26T09:00:00Z')]);
  // Monday 26 October 09:00 CET: two business hours left (09:00 → 11:00).
  assert.equal(minutesLeft(LYON, october, new Date('2026-10-26T08:00:00Z')), 120);
});

test('Strasbourg across Good Friday and Easter Monday; Lyon works on Good Friday', () => {
  // Thursday 2 April 2026 16:30 CEST, P2: 60 min on Thursday; Friday 3 (Good Friday in Alsace-Moselle),
  // the weekend and Monday 6 (Easter Monday) are closed → Tuesday 7 April from 08:30 CEST.
  // First response 240 = 60 + 180 → 11:30 CEST; resolution 480 = 60 + 240 + 180 → 16:30 CEST;
  // at risk 360 = 60 + 240 + 60 → 14:30 CEST.
  const s = startClocks(STRASBOURG, '2026-04-02T14:30:00Z', P.P2);
  assert.deepEqual(due(s), [Z('2026-04-07T09:30:00Z'), Z('2026-04-07T14:30:00Z'), Z('2026-04-07T12:30:00Z')]);
  // Lyon (metropole): Good Friday is a working day, so the same minutes end on Friday 3 April.
  const l = startClocks(LYON, '2026-04-02T14:30:00Z', P.P2);
  assert.deepEqual(due(l), [Z('2026-04-03T09:30:00Z'), Z('2026-04-03T14:30:00Z'), Z('2026-04-03T12:30:00Z')]);
  // Thursday evening 18:00 CEST in Strasbourg: the clock starts on Tuesday 7 April at 08:30 CEST.
  assert.equal(startClocks(STRASBOURG, '2026-04-02T16:00:00Z', P.P3).sla_started_at, Z('2026-04-07T06:30:00Z'));
});

test('Réunion (UTC+4) across 20 December, abolition of slavery', () => {
  // Friday 17 December 2027 15:00 local, P2: 150 min on Friday; Monday 20 is closed in Réunion → Tuesday 21.
  // First response 240 = 150 + 90 → 10:00 local = 06:00Z; resolution 480 = 150 + 240 + 90 → 15:00 local;
  // at risk 360 = 150 + 210 → 12:00 local = 08:00Z.
  const r = startClocks(REUNION, '2027-12-17T11:00:00Z', P.P2);
  assert.deepEqual(due(r), [Z('2027-12-21T06:00:00Z'), Z('2027-12-21T11:00:00Z'), Z('2027-12-21T08:00:00Z')]);
  // The same time zone with the metropole's holidays would work on Monday 20 (10:00 local).
  const metropole = startClocks(cal({ timezone: 'Indian/Reunion' }), '2027-12-17T11:00:00Z', P.P2);
  assert.equal(metropole.first_response_due_at, Z('2027-12-20T06:00:00Z'));
});

test('Lille against its 07:00–15:00 hours (no lunch break)', () => {
  // Monday 23 March 14:00 CET, P3: 60 min on Monday, then 480 a day from 07:00.
  // First response 480 = 60 + 420 → Tuesday 14:00 CET; resolution 1440 = 60 + 480 + 480 + 420 → Thursday
  // 14:00 CET; at risk 1080 = 60 + 480 + 480 + 60 → Thursday 08:00 CET.
  const l = startClocks(LILLE, '2026-03-23T13:00:00Z', P.P3);
  assert.deepEqual(due(l), [Z('2026-03-24T13:00:00Z'), Z('2026-03-26T13:00:00Z'), Z('2026-03-26T07:00:00Z')]);
  assert.equal(startClocks(LILLE, '2026-03-23T05:00:00Z', P.P3).sla_started_at, Z('2026-03-23T06:00:00Z'), '06:00 → 07:00');
  assert.equal(startClocks(LILLE, '2026-03-23T14:30:00Z', P.P3).sla_started_at, Z('2026-03-24T06:00:00Z'), '15:30 → next 07:00');
  // Lyon's lunch break does not exist in Lille: Monday 11:00 CET + 120 min → 13:00 CET.
  assert.equal(
    startClocks(LILLE, '2026-03-23T10:00:00Z', { firstResponse: 120, resolution: 480 }).first_response_due_at,
    Z('2026-03-23T12:00:00Z'),
  );
});

test('a half-day closure is skipped like the evening', () => {
  // Closed Tuesday 24 March morning: Monday 17:00 CET + 60 = 30 on Monday + 30 from Tuesday 13:30 → 14:00 CET.
  const closed = cal({ closures: [{ startsOn: '2026-03-24', endsOn: '2026-03-24', startTime: '08:30', endTime: '12:30' }] });
  assert.equal(startClocks(closed, '2026-03-23T16:00:00Z', P.P1).first_response_due_at, Z('2026-03-24T13:00:00Z'));
});

// Monday 23 March 2026 09:00 CET, Lyon, P3. Before any pause: due 1440 → Thursday 26 09:00 CET (three
// business days); at risk 1080 = 450 (Monday) + 480 + 150 → Wednesday 11:00 CET.
const MONDAY = '2026-03-23T08:00:00Z';

test('three pause cycles: each pause pushes the resolution (not the first response) by its business minutes', () => {
  let s: ClockState = startClocks(LYON, MONDAY, P.P3);
  assert.deepEqual(due(s).slice(1), [Z('2026-03-26T08:00:00Z'), Z('2026-03-25T10:00:00Z')]);
  const firstResponse = s.first_response_due_at;
  const cycle = (from: string, to: string) => {
    s = apply(s, pause(s, from));
    assert.deepEqual(pause(s, to), {}, 'a second pause changes nothing');
    s = apply(s, resume(LYON, s, P.P3, to));
    assert.equal(s.sla_paused_at, null);
    assert.deepEqual(resume(LYON, s, P.P3, to), {}, 'resuming a running clock changes nothing');
  };
  // 1. Monday 10:00 → 11:00 CET: 60. Due 1500 → Thursday 10:00 CET; at risk 1140 → Wednesday 12:00 CET.
  cycle('2026-03-23T09:00:00Z', '2026-03-23T10:00:00Z');
  assert.equal(s.sla_paused_minutes, 60);
  assert.deepEqual(due(s).slice(1), [Z('2026-03-26T09:00:00Z'), Z('2026-03-25T11:00:00Z')]);
  // 2. Tuesday 16:00 → Wednesday 10:00 CET: 90 + 90 = 180, total 240. Due 1680 → Thursday 14:00 CET
  // (240 + 30 after lunch); at risk 1320 → Wednesday 16:00 CET.
  cycle('2026-03-24T15:00:00Z', '2026-03-25T09:00:00Z');
  assert.equal(s.sla_paused_minutes, 240);
  assert.deepEqual(due(s).slice(1), [Z('2026-03-26T13:00:00Z'), Z('2026-03-25T15:00:00Z')]);
  // 3. Wednesday 12:00 → 14:30 CET across lunch: 30 + 60 = 90, total 330. Due 1770 → Thursday 15:30 CET;
  // at risk 1410 → Wednesday 17:30 CET.
  cycle('2026-03-25T11:00:00Z', '2026-03-25T13:30:00Z');
  assert.equal(s.sla_paused_minutes, 330);
  assert.deepEqual(due(s).slice(1), [Z('2026-03-26T14:30:00Z'), Z('2026-03-25T16:30:00Z')]);
  assert.equal(s.first_response_due_at, firstResponse, 'the first-response clock never pauses');
  // Wednesday 14:30 CET: 180 business minutes to 17:30, then 240 + 120 on Thursday to 15:30 = 540, i.e.
  // 1440 minus the 900 minutes worked (Monday 60 + 330, Tuesday 390, Wednesday 10:00–12:00 120).
  assert.equal(minutesLeft(LYON, s, new Date('2026-03-25T13:30:00Z')), 540);
});

test('priority change mid-way: targets from the original start, paused time kept', () => {
  const start = startClocks(LYON, MONDAY, P.P3);
  const paused = apply(start, pause(start, '2026-03-23T09:00:00Z'));
  const s = apply(paused, resume(LYON, paused, P.P3, '2026-03-23T10:00:00Z')); // 60 paused
  // Tuesday 10:00 CET, P3 → P4. First response 960 = 450 + 480 + 30 → Wednesday 09:00 CET. Resolution
  // 2400 + 60 = 2460 = 450 + 4 × 480 + 90 → Monday 30 March 10:00 CEST (after the clock change).
  // At risk 1800 + 60 = 1860 = 450 + 3 × 480 - 30 → Thursday 17:00 CET.
  const lower = retarget(LYON, s, P.P4, '2026-03-24T09:00:00Z');
  assert.deepEqual(due(lower), [Z('2026-03-25T08:00:00Z'), Z('2026-03-30T08:00:00Z'), Z('2026-03-26T16:00:00Z')]);
  assert.equal(lower.sla_paused_minutes, undefined, 'the paused minutes are kept as they are');
  // P3 → P1 at the same instant: first response 60 → Monday 10:00 CET; resolution 240 + 60 → Monday 15:00;
  // at risk 180 + 60 → Monday 14:00. Already overdue, yet the stored level stays 'ok': the watch raises it
  // and writes the breach event.
  const higher = retarget(LYON, s, P.P1, '2026-03-24T09:00:00Z');
  assert.deepEqual(due(higher), [Z('2026-03-23T09:00:00Z'), Z('2026-03-23T14:00:00Z'), Z('2026-03-23T13:00:00Z')]);
  assert.equal(resolutionLevel(apply(s, higher), '2026-03-24T09:00:00Z'), 'breached');
  assert.deepEqual([higher.sla_state, higher.first_response_state], ['ok', 'ok']);
  // A breached P1 lowered back to P4: due in the future again, the stored levels come down to 'ok'.
  const breached = { ...apply(s, higher), sla_state: 'breached', first_response_state: 'breached' };
  const back = retarget(LYON, breached, P.P4, '2026-03-24T09:00:00Z');
  assert.deepEqual([back.sla_state, back.first_response_state], ['ok', 'ok']);
  // Once answered, the first-response level is history: a retarget leaves it alone.
  assert.equal(
    retarget(LYON, { ...breached, first_responded_at: '2026-03-23T09:30:00Z' }, P.P4, '2026-03-24T09:00:00Z')
      .first_response_state,
    undefined,
  );
  assert.deepEqual(retarget(LYON, s, null, '2026-03-24T09:00:00Z'), {}, 'no contract, no change');
});

test('priority change while paused: the clock stays frozen at the pause, the pause counts on resume', () => {
  const start = startClocks(LYON, MONDAY, P.P3);
  const paused = apply(start, pause(start, '2026-03-23T09:00:00Z')); // Monday 10:00 CET, 60 elapsed
  // Tuesday 10:00 CET, still paused, P3 → P2: due from the start without the pause in progress,
  // 480 = 450 + 30 → Tuesday 09:00 CET; at risk 360 → Monday 16:00 CET.
  const change = retarget(LYON, paused, P.P2, '2026-03-24T09:00:00Z');
  const s = apply(paused, change);
  assert.deepEqual(due(s).slice(1), [Z('2026-03-24T08:00:00Z'), Z('2026-03-23T15:00:00Z')]);
  assert.equal(s.sla_paused_at, '2026-03-23T09:00:00Z', 'still paused');
  // Frozen at Monday 10:00 (60 of 480 used): not at risk, whereas a running clock would be overdue.
  assert.equal(resolutionLevel(s, '2026-03-24T09:00:00Z'), 'ok');
  assert.equal(resolutionLevel({ ...s, sla_paused_at: null }, '2026-03-24T09:00:00Z'), 'breached');
  assert.equal(minutesLeft(LYON, s, new Date('2026-03-24T09:00:00Z')), 420, 'frozen: 480 - 60');
  // Resume Wednesday 09:00 CET with P2: paused 390 (Monday) + 480 (Tuesday) + 30 = 900. Due 480 + 900 = 1380
  // → Wednesday 17:00 CET; at risk 360 + 900 = 1260 → Wednesday 15:00 CET. Still 420 minutes left.
  const r = apply(s, resume(LYON, s, P.P2, '2026-03-25T08:00:00Z'));
  assert.equal(r.sla_paused_minutes, 900);
  assert.deepEqual(due(r).slice(1), [Z('2026-03-25T16:00:00Z'), Z('2026-03-25T14:00:00Z')]);
  assert.equal(minutesLeft(LYON, r, new Date('2026-03-25T08:00:00Z')), 420);
  assert.equal(r.sla_state, 'ok');
});

test('resolved after a breach stays breached, also when resolved from a pause', () => {
  // Monday 09:00 CET, P1: resolution due 240 = 210 + 30 → Monday 14:00 CET = 13:00Z.
  const s = startClocks(LYON, MONDAY, P.P1);
  assert.equal(s.resolution_due_at, Z('2026-03-23T13:00:00Z'));
  const row = (state: ClockState, resolvedAt: string) =>
    ({ ...state, status: 'resolved', resolved_at: resolvedAt }) as unknown as Parameters<typeof slaState>[0];
  assert.equal(slaState(row(s, '2026-03-23T12:00:00Z')), 'met', 'resolved at 13:00 CET');
  assert.equal(slaState(row(s, '2026-03-23T14:00:00Z')), 'breached', 'resolved at 15:00 CET');
  assert.equal(minutesLeft(LYON, s, new Date('2026-03-23T14:00:00Z')), -60);
  // Breached (the watch stored it), paused at 14:30 CET, resolved from the pause on Tuesday 10:00 CET:
  // resuming adds 180 + 90 = 270, due 510 → Tuesday 09:30 CET, still before the resolution.
  const breached = { ...apply(s, pause(s, '2026-03-23T13:30:00Z')), sla_state: 'breached' };
  const resolved = apply(breached, resume(LYON, breached, P.P1, '2026-03-24T09:00:00Z'));
  assert.equal(resolved.resolution_due_at, Z('2026-03-24T08:30:00Z'));
  assert.equal(resolved.sla_state, 'breached');
  assert.equal(slaState(row(resolved, '2026-03-24T09:00:00Z')), 'breached');
});

test('stored levels only come down on a recompute; no contract or no hours means no clock', () => {
  assert.equal(settle('at_risk', 'ok'), 'ok');
  assert.equal(settle('breached', 'at_risk'), 'at_risk');
  assert.equal(settle('ok', 'breached'), 'ok', 'raising is the watch’s job');
  assert.equal(settle('none', 'at_risk'), 'ok');
  assert.equal(settle('at_risk', 'none'), 'none');
  const none = startClocks(LYON, MONDAY, null);
  assert.deepEqual([none.sla_started_at, ...due(none), none.sla_state], [null, null, null, null, 'none']);
  assert.deepEqual(pause(none, MONDAY), {});
  const closed = startClocks(cal({ businessHours: week([]) }), MONDAY, P.P1);
  assert.deepEqual([closed.sla_started_at, closed.resolution_due_at, closed.sla_state], [null, null, 'none']);
  assert.equal(minutesLeft(LYON, none, new Date(MONDAY)), null);
});
