import { sql } from 'kysely';
import { type AnyDb, columnTypes, type MigrationFactory } from './types.ts';

/**
 * Scale-out (issue 6): the job queue shared by every node (`platform/jobs.ts`: claimed with `FOR UPDATE SKIP
 * LOCKED` on PostgreSQL, one writer on SQLite), the schedules of periodic tasks (one job per period across the
 * cluster), the nodes seen (heartbeat, for the operator's page) and the backups made by `npm run backup`.
 */
export const jobs: MigrationFactory = (dialect) => {
  const t = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', t.json, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('run_at', t.ts, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', t.ts)
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('request_id', 'text')
        .addColumn('created_at', t.ts, (c) => c.notNull())
        .addColumn('updated_at', t.ts, (c) => c.notNull())
        .addColumn('finished_at', t.ts)
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_name_state').on('jobs').columns(['name', 'state']).execute();
      await db.schema
        .createTable('job_schedules')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('every_ms', 'integer', (c) => c.notNull())
        .addColumn('next_run_at', t.ts, (c) => c.notNull())
        .addColumn('last_run_at', t.ts)
        .addColumn('last_node', 'text')
        .execute();
      await db.schema
        .createTable('cluster_nodes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hostname', 'text', (c) => c.notNull())
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('port', 'integer')
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('started_at', t.ts, (c) => c.notNull())
        .addColumn('seen_at', t.ts, (c) => c.notNull())
        .addColumn('stopped_at', t.ts)
        .execute();
      // Notifications not yet pushed to the sockets: every write looks for them (notifications.delivery.ts).
      await db.schema
        .createIndex('notifications_unpushed')
        .on('notifications')
        .columns(['organization_id'])
        .where(sql.ref('pushed_at'), 'is', null)
        .execute();
      await db.schema
        .createTable('backup_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('dialect', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('tables', 'integer', (c) => c.notNull())
        .addColumn('files', 'integer', (c) => c.notNull())
        .addColumn('started_at', t.ts, (c) => c.notNull())
        .addColumn('finished_at', t.ts, (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('backup_runs').execute();
      await db.schema.dropIndex('notifications_unpushed').execute();
      await db.schema.dropTable('cluster_nodes').execute();
      await db.schema.dropTable('job_schedules').execute();
      await db.schema.dropTable('jobs').execute();
    },
  };
};
