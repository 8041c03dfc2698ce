import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkCalendar } from '../../platform/business-time.ts';
import { nextOccurrences, occurrencesBetween, renderTemplate, type Rule, ZRule } from './rules.ts';

const SPLIT: [string, string][] = [
  ['08:30', '12:30'],
  ['13:30', '17:30'],
];
const hours = { mon: SPLIT, tue: SPLIT, wed: SPLIT, thu: SPLIT, fri: SPLIT, sat: [], sun: [] };
const site = (timezone: string, holidayRegion: string, closures: WorkCalendar['closures'] = []): WorkCalendar => ({
  timezone,
  holidayRegion,
  businessHours: hours,
  closures,
});
const lyon = site('Europe/Paris', 'metropole');
const strasbourg = site('Europe/Paris', '67');
const reunion = site('Indian/Reunion', 'RE');
const rule = (r: Record<string, unknown>): Rule => ZRule.parse(r);

test('5th business day of May 2026 in Lyon skips 1 and 8 May (and the weekends)', () => {
  const r = rule({ kind: 'monthly_business_day', n: 5, time: '09:00' });
  const got = occurrencesBetween(r, lyon, '2026-05-01', '2026-06-01');
  assert.deepEqual(got, [{ occurrence: '2026-05-11', date: '2026-05-11', at: '2026-05-11T07:00:00.000Z' }]);
  // June 2026 has no holiday: Mon 1 … Fri 5.
  assert.equal(occurrencesBetween(r, lyon, '2026-06-01', '2026-07-01')[0].date, '2026-06-05');
  // A closure of the site counts like a holiday.
  const closed = site('Europe/Paris', 'metropole', [{ startsOn: '2026-05-11', endsOn: '2026-05-11' }]);
  assert.equal(occurrencesBetween(r, closed, '2026-05-01', '2026-06-01')[0].date, '2026-05-12');
  // A half-day closure leaves the day open.
  const half = site('Europe/Paris', 'metropole', [
    { startsOn: '2026-05-11', endsOn: '2026-05-11', startTime: '08:30', endTime: '12:30' },
  ]);
  assert.equal(occurrencesBetween(r, half, '2026-05-01', '2026-06-01')[0].date, '2026-05-11');
});

test('weekly Monday 09:00 in Réunion: 20 December (abolition of slavery) moves to Tuesday, in UTC+4', () => {
  const r = rule({ kind: 'weekly', weekdays: ['mon'], time: '09:00' });
  const got = occurrencesBetween(r, reunion, '2027-12-13', '2027-12-28');
  assert.deepEqual(got, [
    { occurrence: '2027-12-13', date: '2027-12-13', at: '2027-12-13T05:00:00.000Z' },
    { occurrence: '2027-12-20', date: '2027-12-21', at: '2027-12-21T05:00:00.000Z' },
    { occurrence: '2027-12-27', date: '2027-12-27', at: '2027-12-27T05:00:00.000Z' },
  ]);
  // In Lyon the same Monday is an ordinary day; with 'skip' the Réunion one disappears, with 'previous' it goes back to Friday.
  assert.equal(occurrencesBetween(r, lyon, '2027-12-20', '2027-12-21')[0].date, '2027-12-20');
  const skip = rule({ kind: 'weekly', weekdays: ['mon'], time: '09:00', ifClosed: 'skip' });
  assert.deepEqual(
    occurrencesBetween(skip, reunion, '2027-12-13', '2027-12-28').map((o) => o.occurrence),
    ['2027-12-13', '2027-12-27'],
  );
  const previous = rule({ kind: 'weekly', weekdays: ['mon'], time: '09:00', ifClosed: 'previous' });
  assert.equal(occurrencesBetween(previous, reunion, '2027-12-14', '2027-12-21')[0].date, '2027-12-17');
});

test('Good Friday is a holiday in Alsace only', () => {
  const third = rule({ kind: 'monthly_day', day: 3, time: '10:00' });
  assert.equal(occurrencesBetween(third, lyon, '2026-04-01', '2026-05-01')[0].date, '2026-04-03');
  // Alsace: Friday 3 April (Good Friday), the weekend and Easter Monday are closed → Tuesday 7.
  assert.deepEqual(occurrencesBetween(third, strasbourg, '2026-04-01', '2026-05-01'), [
    { occurrence: '2026-04-03', date: '2026-04-07', at: '2026-04-07T08:00:00.000Z' },
  ]);
  const thirdBusiness = rule({ kind: 'monthly_business_day', n: 3, time: '10:00' });
  assert.equal(occurrencesBetween(thirdBusiness, strasbourg, '2026-04-01', '2026-05-01')[0].date, '2026-04-07');
  assert.equal(occurrencesBetween(thirdBusiness, lyon, '2026-04-01', '2026-05-01')[0].date, '2026-04-03');
});

test('the local time holds across the clock changes (UTC offset follows)', () => {
  const r = rule({ kind: 'weekly', weekdays: ['mon'], time: '09:00' });
  const spring = occurrencesBetween(r, lyon, '2026-03-23', '2026-04-01').map((o) => o.at);
  assert.deepEqual(spring, ['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  const autumn = occurrencesBetween(r, lyon, '2026-10-19', '2026-10-28').map((o) => o.at);
  assert.deepEqual(autumn, ['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
});

test('quarterly declarations: the 15th of January, April, July, October; the 31st is the month’s last day', () => {
  const vat = rule({ kind: 'monthly_day', day: 15, time: '09:00', everyMonths: 3, startMonth: 1 });
  const dates = occurrencesBetween(vat, lyon, '2026-01-01', '2027-01-01').map((o) => o.occurrence);
  assert.deepEqual(dates, ['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']);
  // 15 August 2026 is a Saturday and a holiday: moved to Monday 17 when the cycle starts in February.
  const aug = rule({ kind: 'monthly_day', day: 15, time: '09:00', everyMonths: 6, startMonth: 2 });
  assert.deepEqual(
    occurrencesBetween(aug, lyon, '2026-01-01', '2027-01-01').map((o) => o.date),
    ['2026-02-16', '2026-08-17'],
  );
  const last = rule({ kind: 'monthly_day', day: 31, time: '09:00', ifClosed: 'previous' });
  assert.deepEqual(
    occurrencesBetween(last, lyon, '2026-04-01', '2026-07-01').map((o) => o.date),
    ['2026-04-30', '2026-05-29', '2026-06-30'],
  );
});

test('bounds: [from, to) on instants; next occurrences look far enough for yearly rules', () => {
  const r = rule({ kind: 'weekly', weekdays: ['mon', 'thu'], time: '09:00' });
  assert.equal(occurrencesBetween(r, lyon, '2026-11-30T08:00:00.000Z', '2026-12-01').length, 1);
  assert.equal(occurrencesBetween(r, lyon, '2026-11-30T08:00:00.001Z', '2026-12-01').length, 0);
  assert.deepEqual(occurrencesBetween(r, lyon, '2026-12-01', '2026-11-01'), []);
  const next = nextOccurrences(r, lyon, new Date('2026-11-27T10:00:00Z'));
  assert.deepEqual(
    next.map((o) => o.date),
    ['2026-11-30', '2026-12-03', '2026-12-07'],
  );
  const yearly = rule({ kind: 'monthly_business_day', n: 1, time: '09:00', everyMonths: 12, startMonth: 1 });
  assert.deepEqual(
    nextOccurrences(yearly, lyon, new Date('2026-11-27T10:00:00Z'), 2).map((o) => o.date),
    ['2027-01-04', '2028-01-03'],
  );
});

test('rules are validated: unknown kind, bad time, duplicate weekdays, extra keys', () => {
  for (const bad of [
    { kind: 'daily', time: '09:00' },
    { kind: 'weekly', weekdays: ['mon'], time: '9h' },
    { kind: 'weekly', weekdays: ['mon', 'mon'], time: '09:00' },
    { kind: 'weekly', weekdays: [], time: '09:00' },
    { kind: 'monthly_business_day', n: 24, time: '09:00' },
    { kind: 'monthly_day', day: 5, time: '09:00', everyMonths: 2 },
    { kind: 'monthly_day', day: 5, time: '09:00', extra: 1 },
  ])
    assert.equal(ZRule.safeParse(bad).success, false, JSON.stringify(bad));
});

test('placeholders are rendered in French', () => {
  const text = renderTemplate(
    'Notes de frais — {mois} ({mois_precedent}), le {date}, {trimestre_precedent}, {inconnu}',
    '2026-11-06',
  );
  assert.equal(text, 'Notes de frais — novembre 2026 (octobre 2026), le 6 novembre 2026, 3e trimestre 2026, {inconnu}');
  // {date} is the day the work lands on; the month stays the nominal one.
  assert.equal(renderTemplate('{mois}, le {date}', '2026-01-31', '2026-02-02'), 'janvier 2026, le 2 février 2026');
});
