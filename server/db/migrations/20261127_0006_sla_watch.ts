import type { AnyDb, MigrationFactory } from './types.ts';

/**
 * Indexes for the SLA watch (server/modules/requests/sla-watch.ts), which scans every organisation
 * every 30 s. Equality on status and on the stored clock level, then a range on the instant: the scan
 * reads only the open requests that actually crossed a threshold, however many closed ones there are.
 */
export const slaWatch: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema
      .createIndex('requests_sla_watch')
      .on('requests')
      .columns(['status', 'sla_state', 'resolution_at_risk_at'])
      .execute();
    await db.schema
      .createIndex('requests_first_response_watch')
      .on('requests')
      .columns(['status', 'first_response_state', 'first_responded_at', 'first_response_due_at'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('requests_first_response_watch').execute();
    await db.schema.dropIndex('requests_sla_watch').execute();
  },
});
