import { sql } from 'kysely';
import { registerTask } from '../platform/scheduler.ts';

/** Keeps SQLite's planner statistics current as the data grows (PostgreSQL's autovacuum does it there). */
registerTask({
  name: 'sqlite-optimize',
  everyMs: 3600_000,
  async run(deps) {
    if (deps.database.dialect === 'sqlite') await sql`pragma optimize`.execute(deps.database.db);
  },
});
