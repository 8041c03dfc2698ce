import type { DeleteQueryBuilder, DeleteResult, SelectQueryBuilder, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Kdb } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Actor, Scope } from './actor.ts';
import { AppError } from './errors.ts';

/** Tables that belong to one organisation (they carry organization_id). */
export type TenantTable = {
  [K in keyof DB]: DB[K] extends { organization_id: string } ? K : never;
}[keyof DB];

/** The actor's tenant scope; fails when no organisation is selected. */
export function scopeOf(actor: Actor): Scope {
  if (!actor.organizationId) throw new AppError('forbidden', 'not_a_member');
  return { organizationId: actor.organizationId };
}

/**
 * The one tenant-scoping helper (DESIGN rule 1): every read, update and delete of a tenant table starts
 * here, so another organisation's rows are simply not found (404), never leaked.
 */
export const tenant = {
  selectFrom<T extends TenantTable>(db: Kdb, scope: Scope, table: T): SelectQueryBuilder<DB, T, object> {
    const q = db.selectFrom(table) as unknown as SelectQueryBuilder<DB, TenantTable, object>;
    return q.where(`${table}.organization_id` as never, '=', scope.organizationId as never) as never;
  },
  updateTable<T extends TenantTable>(db: Kdb, scope: Scope, table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    const q = db.updateTable(table) as unknown as UpdateQueryBuilder<DB, TenantTable, TenantTable, UpdateResult>;
    return q.where('organization_id' as never, '=', scope.organizationId as never) as never;
  },
  deleteFrom<T extends TenantTable>(db: Kdb, scope: Scope, table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    const q = db.deleteFrom(table) as unknown as DeleteQueryBuilder<DB, TenantTable, DeleteResult>;
    return q.where('organization_id' as never, '=', scope.organizationId as never) as never;
  },
  /** Stamps organization_id on rows to insert, whatever the caller passed. */
  values<R extends object>(scope: Scope, rows: R[]): (R & { organization_id: string })[] {
    return rows.map((r) => ({ ...r, organization_id: scope.organizationId }));
  },
};
