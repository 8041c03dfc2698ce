import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusinessMinutes, businessMinutesBetween, NoBusinessHoursError, type WorkCalendar } from './business-time.ts';

const SPLIT: [string, string][] = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
];
const week = (ranges: [string, string][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: [],
  sun: [],
});
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

const add = (c: WorkCalendar, start: string, minutes: number) => addBusinessMinutes(c, new Date(start), minutes).toISOString();

test('spills over the lunch break and the evening to the next morning', () => {
  assert.equal(add(LYON, '2026-03-23T11:00:00+01:00', 120), '2026-03-23T13:00:00.000Z'); // 11:00→12:30 + 13:30→14:00
  assert.equal(add(LYON, '2026-03-23T17:00:00+01:00', 60), '2026-03-24T08:00:00.000Z'); // Tue 09:00 Paris
});

test('work arriving at night or at the weekend starts at the next opening', () => {
  assert.equal(add(LYON, '2026-03-21T23:00:00+01:00', 30), '2026-03-23T08:00:00.000Z');
  assert.equal(add(LYON, '2026-03-24T05:00:00+01:00', 0), '2026-03-24T07:30:00.000Z');
  assert.equal(add(LYON, '2026-03-24T12:45:00+01:00', 15), '2026-03-24T12:45:00.000Z'); // 13:30 + 15 min
});

test('Paris clock changes: last Sunday of March and of October', () => {
  // Friday 27 March 17:00 CET + 1 h → Monday 30 March 09:00 CEST (UTC+2).
  assert.equal(add(LYON, '2026-03-27T17:00:00+01:00', 60), '2026-03-30T07:00:00.000Z');
  // Friday 23 October 17:00 CEST + 1 h → Monday 26 October 09:00 CET (UTC+1).
  assert.equal(add(LYON, '2026-10-23T17:00:00+02:00', 60), '2026-10-26T08:00:00.000Z');
  // A whole business week across the March change is exactly 5 × 8 h.
  assert.equal(
    businessMinutesBetween(LYON, new Date('2026-03-23T00:00:00+01:00'), new Date('2026-03-30T00:00:00+02:00')),
    5 * 8 * 60,
  );
  assert.equal(
    businessMinutesBetween(LYON, new Date('2026-10-19T00:00:00+02:00'), new Date('2026-10-26T00:00:00+01:00')),
    5 * 8 * 60,
  );
});

test('Strasbourg skips Good Friday and Easter Monday; Lyon works on Good Friday', () => {
  assert.equal(add(STRASBOURG, '2026-04-02T17:00:00+02:00', 60), '2026-04-07T07:00:00.000Z');
  assert.equal(add(LYON, '2026-04-02T17:00:00+02:00', 60), '2026-04-03T07:00:00.000Z');
  assert.equal(add(STRASBOURG, '2026-12-24T17:00:00+01:00', 60), '2026-12-28T08:00:00.000Z'); // 25 and 26 Dec
});

test('La Réunion: its own time zone (UTC+4, no DST) and 20 December', () => {
  // Friday 17 December 2027 17:00 → Monday 20 is a holiday → Tuesday 21 at 09:00 local = 05:00Z.
  assert.equal(add(REUNION, '2027-12-17T17:00:00+04:00', 60), '2027-12-21T05:00:00.000Z');
  assert.equal(add(LYON, '2027-12-17T17:00:00+01:00', 60), '2027-12-20T08:00:00.000Z');
});

test('Lille: 07:00–15:00 without a break', () => {
  assert.equal(add(LILLE, '2026-03-23T14:00:00+01:00', 120), '2026-03-24T07:00:00.000Z'); // 1 h Mon + 1 h Tue from 07:00
  assert.equal(add(LILLE, '2026-03-23T11:00:00+01:00', 120), '2026-03-23T12:00:00.000Z'); // no lunch break
});

test('custom closures: whole days and half days', () => {
  const inventory = cal({ closures: [{ startsOn: '2026-03-24', endsOn: '2026-03-25', label: 'x' } as never] });
  assert.equal(add(inventory, '2026-03-23T17:00:00+01:00', 60), '2026-03-26T08:00:00.000Z');
  const morning = cal({ closures: [{ startsOn: '2026-03-24', endsOn: '2026-03-24', startTime: '08:30', endTime: '12:30' }] });
  assert.equal(add(morning, '2026-03-23T17:00:00+01:00', 60), '2026-03-24T13:00:00.000Z'); // 30 min Mon + Tue 13:30→14:00
});

test('businessMinutesBetween inverts addBusinessMinutes on every calendar', () => {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (const c of [LYON, STRASBOURG, LILLE, REUNION]) {
    for (let i = 0; i < 60; i++) {
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 365 * 24 * 60) * 60_000);
      const minutes = Math.floor(rand() * 5000);
      const end = addBusinessMinutes(c, start, minutes);
      assert.equal(businessMinutesBetween(c, start, end), minutes, `${c.timezone} ${start.toISOString()} + ${minutes}`);
    }
  }
});

test('a calendar without any opening fails clearly instead of looping', () => {
  const never = cal({ businessHours: week([]) });
  assert.throws(() => addBusinessMinutes(never, new Date('2026-03-23T10:00:00Z'), 10), NoBusinessHoursError);
});
