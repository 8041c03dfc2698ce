import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { newId, nowIso } from '../../platform/ids.ts';

/** Appends checklist items to a request (from its service or its recurring template), in order. */
export async function addChecklistItems(trx: Kdb, scope: Scope, requestId: string, labels: string[]): Promise<void> {
  if (!labels.length) return;
  const now = nowIso();
  await trx
    .insertInto('checklist_items')
    .values(
      labels.map((label, position) => ({
        id: newId(),
        organization_id: scope.organizationId,
        request_id: requestId,
        label,
        position,
        created_at: now,
      })),
    )
    .execute();
}
