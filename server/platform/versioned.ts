import type { Kdb } from '../db/database.ts';
import type { Scope } from './actor.ts';
import { notFound, versionConflict } from './errors.ts';
import { nowIso } from './ids.ts';
import { type TenantTable, tenant } from './tenancy.ts';

type Row = Record<string, unknown> & { id: string; version: number };

/** Loads one row of the actor's organisation or throws 404. */
export async function findOrThrow(db: Kdb, scope: Scope, table: TenantTable, id: string): Promise<Row> {
  const row = await tenant
    .selectFrom(db, scope, table)
    .selectAll()
    .where('id' as never, '=', id as never)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as unknown as Row;
}

/**
 * Optimistic concurrency (DESIGN rule 4): updates only if `version` still matches, bumping it;
 * otherwise 409 with the current state as the presenter shows it (404 if the row is gone).
 */
export async function updateVersioned(
  trx: Kdb,
  scope: Scope,
  table: TenantTable,
  id: string,
  version: number,
  set: Record<string, unknown>,
  present: (row: Row) => Promise<unknown> | unknown,
): Promise<void> {
  const res = await tenant
    .updateTable(trx, scope, table)
    .set({ ...set, version: version + 1, updated_at: nowIso() } as never)
    .where('id' as never, '=', id as never)
    .where('version' as never, '=', version as never)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  const current = await findOrThrow(trx, scope, table, id);
  throw versionConflict(await present(current));
}
