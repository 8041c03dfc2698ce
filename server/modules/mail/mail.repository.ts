import type { Selectable } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { InboundMessagesTable } from '../../db/schema.ts';
import { newId, nowIso } from '../../platform/ids.ts';

export type InboundRow = Selectable<InboundMessagesTable>;

/**
 * Records a received mail once per organisation and Message-ID. The unique key decides between concurrent
 * deliveries of the same message: the one whose row went in handles it, the others only count an attempt.
 */
export async function claimMessage(
  db: Kdb,
  m: { organizationId: string; messageId: string; from: string; to: string; subject: string; rawKey: string },
): Promise<{ row: InboundRow; duplicate: boolean }> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('inbound_messages')
    .values({
      id,
      organization_id: m.organizationId,
      message_id: m.messageId,
      from_address: m.from,
      to_address: m.to,
      subject: m.subject,
      status: 'processing',
      reason: null,
      request_id: null,
      raw_key: m.rawKey,
      attempts: 1,
      received_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'message_id']).doNothing())
    .execute();
  const byKey = (q: Kdb) =>
    q
      .selectFrom('inbound_messages')
      .selectAll()
      .where('organization_id', '=', m.organizationId)
      .where('message_id', '=', m.messageId);
  const row = await byKey(db).executeTakeFirstOrThrow();
  if (row.id === id) return { row, duplicate: false };
  await db
    .updateTable('inbound_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id)
    .execute();
  return { row: await byKey(db).executeTakeFirstOrThrow(), duplicate: true };
}

/** The final state of a handled message (status, reason, request). */
export async function finishMessage(
  db: Kdb,
  row: InboundRow,
  status: string,
  reason: string | null,
  requestId: string | null = null,
): Promise<InboundRow> {
  const set = { status, reason, request_id: requestId ?? row.request_id, updated_at: nowIso() };
  await db.updateTable('inbound_messages').set(set).where('id', '=', row.id).execute();
  return { ...row, ...set };
}

/** Other mails from the same sender to the same organisation within the window (rate limit). */
export async function recentFromSender(db: Kdb, row: InboundRow, windowMs: number): Promise<number> {
  const since = new Date(Date.parse(row.received_at) - windowMs).toISOString();
  const r = await db
    .selectFrom('inbound_messages')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organization_id', '=', row.organization_id)
    .where('from_address', '=', row.from_address)
    .where('received_at', '>=', since)
    .where('id', '!=', row.id)
    .where('status', 'in', ['created', 'replied', 'quarantined', 'rejected', 'processing'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
