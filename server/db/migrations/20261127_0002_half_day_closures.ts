import type { AnyDb, MigrationFactory } from './types.ts';

/** Half-day closures: a closure may cover only part of each day (start_time/end_time, local "HH:MM"). */
export const halfDayClosures: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('site_closures').addColumn('start_time', 'text').execute();
    await db.schema.alterTable('site_closures').addColumn('end_time', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('site_closures').dropColumn('end_time').execute();
    await db.schema.alterTable('site_closures').dropColumn('start_time').execute();
  },
});
