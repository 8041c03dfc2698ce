import type { Kdb } from '../db/database.ts';
import type { Scope } from './actor.ts';
import { AppError } from './errors.ts';
import { type TenantTable, tenant } from './tenancy.ts';

/**
 * Every id an input links to must exist in the actor's organisation: 422 naming the unknown ids
 * otherwise, so nothing ever links across tenants. `fields` maps each input path to [table, id].
 */
export async function assertReferences(trx: Kdb, scope: Scope, refs: Record<string, [TenantTable, string | null | undefined]>) {
  const fields: { path: string; code: string; message: string }[] = [];
  for (const [path, [table, id]] of Object.entries(refs)) {
    if (!id) continue;
    const row = await tenant
      .selectFrom(trx, scope, table)
      .select('id' as never)
      .where('id' as never, '=', id as never)
      .executeTakeFirst();
    if (!row) fields.push({ path, code: 'unknown_reference', message: 'unknown_reference_field' });
  }
  if (fields.length)
    throw new AppError('unprocessable', 'unknown_reference', { fields }, { ids: fields.map((f) => f.path).join(', ') });
}
