/**
 * Inbound rows stuck in `processing` (the process stopped mid-way): a periodic sweep takes each row older
 * than STUCK_AFTER_MS (its `updated_at` is the lease: the sweeper that moves it forward owns the row, so two
 * nodes never both handle it) and runs it again from its kept raw bytes. The row stays the one row of its
 * Message-ID: a redelivery meanwhile only counted an attempt. A run that stopped after creating the request
 * (or posting the reply) but before closing the row is recognised, and the row is only closed.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { InboundMessagesTable } from '../../db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { eachItem, registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { memberActor } from './mail.actors.ts';
import { bodyOf, titleOf } from './mail.deliver.ts';
import { finishMessage } from './mail.repository.ts';
import { handle, routeOfRow } from './mail.process.ts';
import { readRaw } from './mail.service.ts';

/** A row still `processing` after this long was left by a crash (handling one mail takes seconds). */
export const STUCK_AFTER_MS = 10 * 60_000;
const BATCH = 100;

type Row = Selectable<InboundMessagesTable>;

/** Takes the stuck row if no other sweeper did since it was read; the row as taken, or null. */
async function takeRow(deps: Deps, row: Row, now: Date): Promise<Row | null> {
  const scope = { organizationId: row.organization_id };
  const cutoff = new Date(now.getTime() - STUCK_AFTER_MS).toISOString();
  const res = await tenant
    .updateTable(deps.database.db, scope, 'inbound_messages')
    .set({ updated_at: now.toISOString(), attempts: sql`attempts + 1` as never })
    .where('id', '=', row.id)
    .where('status', '=', 'processing')
    .where('updated_at', '<', cutoff)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  return { ...row, attempts: row.attempts + 1, updated_at: now.toISOString() };
}

/**
 * What the interrupted run may already have done before it stopped: the request this mail created, or the
 * reply it posted — by the sender, from this mail, since it arrived. Then the row is only closed.
 */
async function doneBefore(deps: Deps, row: Row, mail: ParsedMail) {
  const db = deps.database.db;
  const scope = { organizationId: row.organization_id };
  const actor = await memberActor(db, row.organization_id, row.from_address);
  if (!actor) return null;
  const made = await tenant
    .selectFrom(db, scope, 'requests')
    .select('id')
    .where('requester_id', '=', actor.userId)
    .where('source', '=', 'email')
    .where('title', '=', titleOf(mail))
    .where('created_at', '>=', row.received_at)
    .executeTakeFirst();
  if (made) return { status: 'created', requestId: made.id };
  const posted = await tenant
    .selectFrom(db, scope, 'request_events')
    .select('request_id')
    .where('actor_id', '=', actor.userId)
    .where('kind', '=', 'reply')
    .where('body', '=', bodyOf(mail))
    .where('created_at', '>=', row.received_at)
    .executeTakeFirst();
  return posted ? { status: 'replied', requestId: posted.request_id } : null;
}

/** Runs one stuck row through the gateway again (unless it had got through already); its final status. */
async function resume(deps: Deps, row: Row): Promise<string> {
  const db = deps.database.db;
  const raw = await readRaw(deps, row.raw_key).catch(() => null);
  if (!raw) return (await finishMessage(db, row, 'quarantined', 'raw_missing')).status;
  const mail = await simpleParser(raw).catch(() => null);
  if (!mail) return (await finishMessage(db, row, 'quarantined', 'unparseable')).status;
  const done = await doneBefore(deps, row, mail);
  if (done) return (await finishMessage(db, row, done.status, null, done.requestId)).status;
  const route = await routeOfRow(deps, row, mail);
  const envelope = { mailFrom: row.from_address, rcptTo: row.to_address.split(', ').filter(Boolean) };
  return (await handle(deps, row, mail, envelope, route)).status;
}

/** Every stuck row of every organisation (the system's own read); returns how many this sweeper resumed. */
export async function sweepStuckInbound(deps: Deps, now: Date): Promise<number> {
  const rows = await deps.database.db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('status', '=', 'processing')
    .where('updated_at', '<', new Date(now.getTime() - STUCK_AFTER_MS).toISOString())
    .orderBy('updated_at')
    .limit(BATCH)
    .execute();
  return eachItem(rows, async (r) => {
    const taken = await takeRow(deps, r, now);
    if (!taken) return 0;
    await resume(deps, taken);
    return 1;
  });
}

registerTask({
  name: 'mail-stuck-sweep',
  everyMs: 60_000,
  async run(deps, now) {
    await sweepStuckInbound(deps, now);
  },
});
