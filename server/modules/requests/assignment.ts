import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { insertEvent } from './requests.repository.ts';

/**
 * Assignment of a new request: an explicit assignee (recurring template) wins; otherwise the team's
 * rule decides (assignment-rules.ts). Writes the assignee, the explanation and the timeline event.
 */
export async function assignOnCreate(trx: Kdb, scope: Scope, requestId: string, assigneeId: string | null): Promise<void> {
  if (!assigneeId) return;
  await tenant
    .updateTable(trx, scope, 'requests')
    .set({
      assignee_id: assigneeId,
      status: 'assigned',
      assignment_note: JSON.stringify({ rule: 'template' }),
      updated_at: nowIso(),
    })
    .where('id', '=', requestId)
    .execute();
  await insertEvent(trx, scope, requestId, {
    kind: 'assigned',
    public: false,
    actorId: null,
    data: { to: assigneeId, rule: 'template' },
  });
}
