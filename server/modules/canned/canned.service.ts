import type { Selectable } from 'kysely';
import { DateTime } from 'luxon';
import { fillTemplate } from '../../../common/canned.ts';
import type { CannedResponsesTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions, can } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { withNames } from '../requests/request-present.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import { CANNED_ACTIONS } from './canned.policy.ts';
import type { TCannedInput, TCannedPatch } from './canned.schemas.ts';

type Row = Selectable<CannedResponsesTable>;

export function presentCanned(ctx: Ctx, row: Row) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    teamId: row.team_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, CANNED_ACTIONS) : [],
  };
}

/** The responses usable for a team's requests (its own and the organisation-wide ones), or all of them. */
export async function listCanned(ctx: Ctx, scope: Scope, teamId?: string) {
  let q = tenant.selectFrom(ctx.database.db, scope, 'canned_responses').selectAll();
  if (teamId) q = q.where((eb) => eb.or([eb('team_id', '=', teamId), eb('team_id', 'is', null)]));
  const rows = await q.orderBy('title').orderBy('id').execute();
  return rows.map((r) => presentCanned(ctx, r));
}

export async function getCanned(ctx: Ctx, scope: Scope, id: string) {
  return presentCanned(ctx, (await findOrThrow(ctx.database.db, scope, 'canned_responses', id)) as unknown as Row);
}

export async function createCanned(ctx: Ctx, scope: Scope, input: TCannedInput) {
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx, record) => {
    await assertReferences(trx, scope, { teamId: ['teams', input.teamId] });
    await trx
      .insertInto('canned_responses')
      .values(
        tenant.values(scope, [
          { id, title: input.title, body: input.body, team_id: input.teamId, created_at: now, updated_at: now },
        ]),
      )
      .execute();
    await record({ action: 'canned.created', targetType: 'canned_response', targetId: id, summary: { after: input } });
  });
  return getCanned(ctx, scope, id);
}

export async function updateCanned(ctx: Ctx, scope: Scope, id: string, patch: TCannedPatch) {
  const { version, teamId, ...rest } = patch;
  const set: Record<string, unknown> = { ...rest, ...(teamId !== undefined ? { team_id: teamId } : {}) };
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'canned_responses', id);
    await assertReferences(trx, scope, { teamId: ['teams', teamId] });
    await updateVersioned(trx, scope, 'canned_responses', id, version, set, (row) => presentCanned(ctx, row as unknown as Row));
    await record({
      action: 'canned.updated',
      targetType: 'canned_response',
      targetId: id,
      summary: diff(before, { ...before, ...set }),
    });
  });
  return getCanned(ctx, scope, id);
}

export async function deleteCanned(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'canned_responses', id);
    await tenant.deleteFrom(trx, scope, 'canned_responses').where('id', '=', id).execute();
    await record({
      action: 'canned.deleted',
      targetType: 'canned_response',
      targetId: id,
      summary: { before: { title: before.title } },
    });
  });
}

/** « jeudi 3 décembre 2026 à 14 h 00 » (« 1er » on the first): a due date as a French reply writes it, in the site's zone. */
export function frenchDueDate(iso: string | null, timezone: string): string {
  if (!iso) return '—';
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).setLocale('fr');
  const day = at.day === 1 ? '1er' : String(at.day);
  return `${at.toFormat('cccc')} ${day} ${at.toFormat("LLLL yyyy 'à' H'\u00a0h\u00a0'mm")}`;
}

/**
 * A canned response filled for one request the actor may read: requester's first name, reference,
 * resolution due date (site time zone), title and the actor's name. Unknown variables stay visible.
 */
export async function renderCanned(ctx: Ctx, scope: Scope, id: string, requestId: string) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const canned = (await findOrThrow(db, scope, 'canned_responses', id)) as unknown as Row;
  const subject = await loadRequestSubject(db, scope, requestId);
  if (!subject) throw notFound();
  if (!can(actor, 'request.read', subject)) throw new AppError('forbidden');
  const row = await withNames(tenant.selectFrom(db, scope, 'requests'))
    .where('requests.id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const body = fillTemplate(canned.body, {
    prenom: (row.requester_name ?? '').trim().split(/\s+/)[0] ?? '',
    reference: row.reference,
    echeance: frenchDueDate(row.resolution_due_at, row.site_timezone ?? 'Europe/Paris'),
    titre: row.title,
    assistant: actor.displayName,
  });
  return { body };
}
