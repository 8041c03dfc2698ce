import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './database.ts';
import { foundation } from './migrations/20261127_0001_foundation.ts';
import { halfDayClosures } from './migrations/20261127_0002_half_day_closures.ts';
import { catalog } from './migrations/20261127_0003_catalog.ts';
import { requests } from './migrations/20261127_0004_requests.ts';
import { search } from './migrations/20261127_0005_search.ts';
import { slaWatch } from './migrations/20261127_0006_sla_watch.ts';
import { requestIndexes } from './migrations/20261127_0008_request_indexes.ts';
import { portal } from './migrations/20261127_0012_portal.ts';
import { archive } from './migrations/20261127_0010_archive.ts';
import { kb } from './migrations/20261127_0009_kb.ts';
import { csat } from './migrations/20261127_0011_csat.ts';
import { portalIndexes } from './migrations/20261127_0013_portal_indexes.ts';
import { notifications } from './migrations/20261127_0014_notifications.ts';
import { mailInbound } from './migrations/20261127_0015_mail_inbound.ts';
import { webhooks } from './migrations/20261127_0016_webhooks.ts';
import { channels } from './migrations/20261127_0017_channels.ts';
import { alerts } from './migrations/20261127_0018_alerts.ts';
import { messageFiles } from './migrations/20261127_0019_message_files.ts';
import { imap } from './migrations/20261127_0020_imap.ts';
import { jobs } from './migrations/20261127_0021_jobs.ts';
import type { AnyDb, MigrationFactory } from './migrations/types.ts';

/** Every migration, in order. Names are timestamped; add new ones at the end. */
const MIGRATIONS: Record<string, MigrationFactory> = {
  '20261127_0001_foundation': foundation,
  '20261127_0002_half_day_closures': halfDayClosures,
  '20261127_0003_catalog': catalog,
  '20261127_0004_requests': requests,
  '20261127_0005_search': search,
  '20261127_0006_sla_watch': slaWatch,
  '20261127_0008_request_indexes': requestIndexes,
  '20261127_0009_kb': kb,
  '20261127_0010_archive': archive,
  '20261127_0011_csat': csat,
  '20261127_0012_portal': portal,
  '20261127_0013_portal_indexes': portalIndexes,
  '20261127_0014_notifications': notifications,
  '20261127_0015_mail_inbound': mailInbound,
  '20261127_0016_webhooks': webhooks,
  '20261127_0017_channels': channels,
  '20261127_0018_alerts': alerts,
  '20261127_0019_message_files': messageFiles,
  '20261127_0020_imap': imap,
  '20261127_0021_jobs': jobs,
};

/** Names in order (the migration test walks them down and up). */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

function migrator(database: Database): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, factory] of Object.entries(MIGRATIONS)) out[name] = factory(database.dialect);
      return out;
    },
  };
  return new Migrator({ db: database.db as unknown as AnyDb, provider });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}: ${r.status}`);
}

/** Brings the schema to the latest migration; returns what ran. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateToLatest());
}

/** Undoes the last migration (used by `npm run migrate -- down` and the migration test). */
export async function migrateDown(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateDown());
}
