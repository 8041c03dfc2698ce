/**
 * Time is local to the site (DESIGN rule 7): opening hours in the site's time zone across the March and
 * October clock changes, regional public holidays and custom closures. Fixed instants, no database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BusinessHours, type Closure, holidaysFor, isClosedDay, siteClock } from './calendar.ts';

const DAY: [string, string][] = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
];
const HOURS: BusinessHours = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] };
const paris = { timezone: 'Europe/Paris', holiday_region: 'metropole', business_hours: HOURS };
const strasbourg = { ...paris, holiday_region: '67' };
const reunion = { timezone: 'Indian/Reunion', holiday_region: 'RE', business_hours: HOURS };

const at = (site: typeof paris, iso: string, closures: Closure[] = []) => siteClock(site, closures, new Date(iso));
const open = (site: typeof paris, iso: string, closures: Closure[] = []) => at(site, iso, closures).openNow;

test('Paris in winter (UTC+1): opening, lunch break and closing follow local time, end excluded', () => {
  // Friday 27 March 2026, the last weekday before the change.
  assert.equal(at(paris, '2026-03-27T07:29:00Z').localTime, '2026-03-27T08:29:00+01:00');
  assert.equal(open(paris, '2026-03-27T07:29:00Z'), false);
  assert.equal(open(paris, '2026-03-27T07:30:00Z'), true);
  assert.equal(open(paris, '2026-03-27T11:29:00Z'), true);
  assert.equal(open(paris, '2026-03-27T11:30:00Z'), false, '12:30 local: lunch');
  assert.equal(open(paris, '2026-03-27T12:30:00Z'), true, '13:30 local');
  assert.equal(open(paris, '2026-03-27T16:29:00Z'), true);
  assert.equal(open(paris, '2026-03-27T16:30:00Z'), false, '17:30 local: closed');
});

test('Paris after the March change (UTC+2): the same UTC instant is an hour later locally', () => {
  // Sunday 29 March 2026, 01:00 UTC: 02:00 CET becomes 03:00 CEST.
  assert.equal(at(paris, '2026-03-29T00:59:00Z').localTime, '2026-03-29T01:59:00+01:00');
  assert.equal(at(paris, '2026-03-29T01:00:00Z').localTime, '2026-03-29T03:00:00+02:00');
  assert.equal(open(paris, '2026-03-29T08:00:00Z'), false, 'Sunday');
  // Monday 30 March: 06:30 UTC is 08:30 local, open; on Friday it was 07:30 local, closed.
  assert.equal(at(paris, '2026-03-30T06:30:00Z').localTime, '2026-03-30T08:30:00+02:00');
  assert.equal(open(paris, '2026-03-30T06:30:00Z'), true);
  assert.equal(open(paris, '2026-03-27T06:30:00Z'), false);
  assert.equal(open(paris, '2026-03-30T15:29:00Z'), true);
  assert.equal(open(paris, '2026-03-30T15:30:00Z'), false, '17:30 CEST');
});

test('Paris across the October change (back to UTC+1)', () => {
  // Friday 23 October 2026 (CEST) and Monday 26 October 2026 (CET); the change is Sunday 25 at 01:00 UTC.
  assert.equal(at(paris, '2026-10-23T06:30:00Z').localTime, '2026-10-23T08:30:00+02:00');
  assert.equal(open(paris, '2026-10-23T06:30:00Z'), true);
  assert.equal(at(paris, '2026-10-25T00:59:00Z').localTime, '2026-10-25T02:59:00+02:00');
  assert.equal(at(paris, '2026-10-25T01:00:00Z').localTime, '2026-10-25T02:00:00+01:00');
  assert.equal(at(paris, '2026-10-26T06:30:00Z').localTime, '2026-10-26T07:30:00+01:00');
  assert.equal(open(paris, '2026-10-26T06:30:00Z'), false, '07:30 CET');
  assert.equal(open(paris, '2026-10-26T07:30:00Z'), true, '08:30 CET');
  assert.equal(open(paris, '2026-10-26T16:29:00Z'), true);
  assert.equal(open(paris, '2026-10-26T16:30:00Z'), false);
});

test('La Réunion (UTC+4) has no clock change: same local hours in March and October', () => {
  for (const [utc, local] of [
    ['2026-03-27T04:30:00Z', '2026-03-27T08:30:00+04:00'],
    ['2026-03-30T04:30:00Z', '2026-03-30T08:30:00+04:00'],
    ['2026-10-23T04:30:00Z', '2026-10-23T08:30:00+04:00'],
    ['2026-10-26T04:30:00Z', '2026-10-26T08:30:00+04:00'],
  ]) {
    assert.equal(at(reunion, utc).localTime, local);
    assert.equal(open(reunion, utc), true, local);
  }
  assert.equal(open(reunion, '2026-03-30T04:29:00Z'), false);
  assert.equal(open(reunion, '2026-10-26T13:30:00Z'), false, '17:30 local');
  // When Paris opens on Monday 30 March (06:30 UTC), Réunion is at 10:30 and open too; at 13:45 UTC Paris
  // is open (15:45) while Réunion has closed (17:45).
  assert.equal(open(reunion, '2026-03-30T13:45:00Z'), false);
  assert.equal(open(paris, '2026-03-30T13:45:00Z'), true);
});

test('the local date, not the UTC date, decides the weekday', () => {
  // Friday 20:30 UTC is already Saturday 00:30 in Réunion.
  assert.equal(at(reunion, '2026-03-27T20:30:00Z').localTime, '2026-03-28T00:30:00+04:00');
  const night = { ...reunion, business_hours: { ...HOURS, fri: [['00:00', '23:59']], sat: [] } as BusinessHours };
  assert.equal(open(night, '2026-03-27T19:30:00Z'), true, 'Friday 23:30 local');
  assert.equal(open(night, '2026-03-27T20:30:00Z'), false, 'Saturday 00:30 local');
});

test('public holidays close the site according to its region', () => {
  // Friday 1 May 2026, Fête du travail, everywhere.
  assert.equal(open(paris, '2026-05-01T08:00:00Z'), false);
  assert.equal(open(paris, '2026-04-30T08:00:00Z'), true);
  // Good Friday 3 April 2026: closed in Alsace-Moselle only.
  assert.equal(open(strasbourg, '2026-04-03T08:00:00Z'), false);
  assert.equal(open(paris, '2026-04-03T08:00:00Z'), true);
  // Monday 20 December 2027: abolition of slavery in Réunion only.
  assert.equal(open(reunion, '2027-12-20T06:00:00Z'), false);
  assert.equal(open(paris, '2027-12-20T09:00:00Z'), true);
  assert.equal(open(reunion, '2027-12-21T06:00:00Z'), true);
  assert.equal(isClosedDay('67', [], '2026-12-26'), true);
  assert.equal(isClosedDay('metropole', [], '2026-12-26'), false);
});

test('custom closures close whole local days, both ends included', () => {
  const closures: Closure[] = [{ starts_on: '2026-08-03', ends_on: '2026-08-14', label: 'Fermeture estivale' }];
  assert.equal(open(paris, '2026-07-31T08:00:00Z', closures), true);
  assert.equal(open(paris, '2026-08-03T08:00:00Z', closures), false);
  assert.equal(open(paris, '2026-08-10T08:00:00Z', closures), false);
  assert.equal(open(paris, '2026-08-14T15:00:00Z', closures), false);
  assert.equal(open(paris, '2026-08-17T06:30:00Z', closures), true);
  assert.equal(isClosedDay('metropole', closures, '2026-08-14'), true);
  assert.equal(isClosedDay('metropole', closures, '2026-08-15'), true, 'Assomption');
  assert.equal(isClosedDay('metropole', closures, '2026-08-16'), false);
});

test('next holiday: today counts, the year rolls over, names follow the locale', () => {
  assert.deepEqual(at(reunion, '2026-12-19T08:00:00Z').nextHoliday, { date: '2026-12-20', name: 'Abolition de l’esclavage' });
  assert.deepEqual(at(paris, '2026-12-19T08:00:00Z').nextHoliday, { date: '2026-12-25', name: 'Noël' });
  assert.deepEqual(at(paris, '2026-12-25T08:00:00Z').nextHoliday, { date: '2026-12-25', name: 'Noël' });
  assert.deepEqual(at(strasbourg, '2026-12-25T23:30:00Z').nextHoliday, { date: '2026-12-26', name: 'Lendemain de Noël' });
  assert.deepEqual(at(paris, '2026-12-28T08:00:00Z').nextHoliday, { date: '2027-01-01', name: 'Nouvel An' });
  assert.deepEqual(siteClock(paris, [], new Date('2026-04-30T08:00:00Z'), 'en').nextHoliday, {
    date: '2026-05-01',
    name: 'Labour Day',
  });
});

test('holiday regions: Alsace-Moselle and each overseas department add their own days', () => {
  const extra = (region: string) => {
    const base = new Set(holidaysFor('metropole', 2026).map((h) => h.date));
    return holidaysFor(region, 2026)
      .filter((h) => !base.has(h.date))
      .map((h) => h.date);
  };
  assert.equal(holidaysFor('metropole', 2026).length, 11);
  assert.deepEqual(extra('57'), ['2026-04-03', '2026-12-26']);
  assert.deepEqual(extra('68'), ['2026-04-03', '2026-12-26']);
  assert.deepEqual(extra('67'), ['2026-04-03', '2026-12-26']);
  assert.deepEqual(extra('GP'), ['2026-04-03', '2026-05-27']);
  assert.deepEqual(extra('MQ'), ['2026-04-03', '2026-05-22']);
  assert.deepEqual(extra('GF'), ['2026-06-10']);
  assert.deepEqual(extra('RE'), ['2026-12-20']);
  assert.deepEqual(extra('YT'), ['2026-04-27']);
});
