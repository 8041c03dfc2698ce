import { DateTime } from 'luxon';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { addBusinessMinutes, NoBusinessHoursError, type WorkCalendar } from '../../platform/business-time.ts';
import type { BusinessHours } from '../../platform/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';

/** The working calendar of a site of the actor's organisation (404 for another organisation's site). */
export async function workCalendarOf(db: Kdb, scope: Scope, siteId: string): Promise<WorkCalendar> {
  const site = await tenant.selectFrom(db, scope, 'sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new AppError('not_found');
  const closures = await tenant
    .selectFrom(db, scope, 'site_closures')
    .select(['starts_on', 'ends_on', 'start_time', 'end_time'])
    .where('site_id', '=', siteId)
    .execute();
  return {
    timezone: site.timezone,
    holidayRegion: site.holiday_region,
    businessHours: site.business_hours as BusinessHours,
    closures: closures.map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on, startTime: c.start_time, endTime: c.end_time })),
  };
}

/** When N business minutes starting at `start` end on a site's calendar (the admins' "simulate" tool). */
export async function simulate(db: Kdb, scope: Scope, input: { siteId: string; start: string; minutes: number }) {
  const calendar = await workCalendarOf(db, scope, input.siteId);
  try {
    const end = addBusinessMinutes(calendar, new Date(input.start), input.minutes);
    const local = DateTime.fromJSDate(end, { zone: calendar.timezone });
    return {
      siteId: input.siteId,
      timezone: calendar.timezone,
      start: new Date(input.start).toISOString(),
      minutes: input.minutes,
      end: end.toISOString(),
      endLocal: local.toISO({ suppressMilliseconds: true }) ?? '',
    };
  } catch (err) {
    if (err instanceof NoBusinessHoursError) throw new AppError('unprocessable', 'no_business_hours');
    throw err;
  }
}
