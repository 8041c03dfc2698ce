import { type SqlBool, sql } from 'kysely';
import type { AnyDb, MigrationFactory } from './types.ts';

/**
 * The open statuses, written out (a migration must not follow later code changes). The open-queue
 * filter (request-list.ts) sends the same list as literals in the same order: SQLite uses a partial
 * index only when the query's WHERE repeats the index's predicate, and it cannot see through bound
 * parameters.
 */
export const OPEN_STATUS_LITERALS = [
  'pending_approval',
  'new',
  'assigned',
  'in_progress',
  'waiting_requester',
  'waiting_third_party',
] as const;

const openPredicate = sql<SqlBool>`status in (${sql.join(OPEN_STATUS_LITERALS.map((s) => sql.lit(s)))})`;

/**
 * Indexes measured by the requests benchmark (bench/README.md) on a million requests:
 * - `requests_open_due`: the open queue sorted by SLA due date reads its first page in index order
 *   (open requests only, due date ascending with NULLs last, then id) instead of sorting every open
 *   request of the organisation with its joins;
 * - `requests_assignee_load` replaces `requests_assignee` with the priority as last column, so the
 *   assignment's weighted open load per assistant (assignment.ts `loadsOf`, on every creation) is
 *   counted from the index without reading the rows.
 */
export const requestIndexes: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema
      .createIndex('requests_open_due')
      .on('requests')
      .columns(['organization_id', 'resolution_due_at', 'id'])
      .where(openPredicate)
      .execute();
    await db.schema
      .createIndex('requests_assignee_load')
      .on('requests')
      .columns(['organization_id', 'assignee_id', 'status', 'priority'])
      .execute();
    await db.schema.dropIndex('requests_assignee').execute();
  },
  async down(db: AnyDb) {
    await db.schema
      .createIndex('requests_assignee')
      .on('requests')
      .columns(['organization_id', 'assignee_id', 'status'])
      .execute();
    await db.schema.dropIndex('requests_assignee_load').execute();
    await db.schema.dropIndex('requests_open_due').execute();
  },
});
