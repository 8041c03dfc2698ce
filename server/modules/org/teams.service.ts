import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { TEAM_ACTIONS } from './org.policy.ts';
import type { TTeamInput, TTeamPatch } from './org.schemas.ts';

type TeamRow = Awaited<ReturnType<typeof findOrThrow>>;
interface Links {
  siteIds: string[];
  functionIds: string[];
  memberIds: string[];
}

async function linksOf(db: Kdb, scope: Scope, teamIds: string[]): Promise<Map<string, Links>> {
  const map = new Map<string, Links>(teamIds.map((id) => [id, { siteIds: [], functionIds: [], memberIds: [] }]));
  if (teamIds.length === 0) return map;
  const sites = await tenant
    .selectFrom(db, scope, 'team_sites')
    .select(['team_id', 'site_id'])
    .where('team_id', 'in', teamIds)
    .execute();
  const fns = await tenant
    .selectFrom(db, scope, 'team_functions')
    .select(['team_id', 'function_id'])
    .where('team_id', 'in', teamIds)
    .execute();
  const members = await tenant
    .selectFrom(db, scope, 'team_members')
    .select(['team_id', 'user_id'])
    .where('team_id', 'in', teamIds)
    .execute();
  for (const s of sites) map.get(s.team_id)?.siteIds.push(s.site_id);
  for (const f of fns) map.get(f.team_id)?.functionIds.push(f.function_id);
  for (const m of members) map.get(m.team_id)?.memberIds.push(m.user_id);
  return map;
}

export function presentTeam(ctx: Ctx, row: TeamRow, links: Links) {
  return {
    id: row.id,
    name: row.name as string,
    model: row.model as string,
    coordinatorId: (row.coordinator_id as string | null) ?? null,
    providerName: (row.provider_name as string | null) ?? null,
    contractRef: (row.contract_ref as string | null) ?? null,
    assignmentRule: (row.assignment_rule as string | undefined) ?? 'manual',
    ...links,
    version: row.version,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, TEAM_ACTIONS) : [],
  };
}

export async function listTeams(ctx: Ctx, scope: Scope) {
  const rows = await tenant.selectFrom(ctx.database.db, scope, 'teams').selectAll().orderBy('name').execute();
  const links = await linksOf(
    ctx.database.db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentTeam(ctx, r as unknown as TeamRow, links.get(r.id) as Links));
}

export async function getTeam(ctx: Ctx, scope: Scope, id: string) {
  const row = await findOrThrow(ctx.database.db, scope, 'teams', id);
  const links = await linksOf(ctx.database.db, scope, [id]);
  return presentTeam(ctx, row, links.get(id) as Links);
}

/** Every id linked to a team must belong to the same organisation (422 otherwise): no cross-tenant links. */
async function assertSameOrg(trx: Kdb, scope: Scope, input: Partial<Links> & { coordinatorId?: string | null }) {
  const missing: string[] = [];
  const check = async (ids: string[] | undefined, found: () => Promise<{ id: string }[]>) => {
    if (!ids?.length) return;
    const ok = new Set((await found()).map((r) => r.id));
    missing.push(...ids.filter((id) => !ok.has(id)));
  };
  await check(input.siteIds, () =>
    tenant
      .selectFrom(trx, scope, 'sites')
      .select('id')
      .where('id', 'in', input.siteIds ?? [])
      .execute(),
  );
  await check(input.functionIds, () =>
    tenant
      .selectFrom(trx, scope, 'functions')
      .select('id')
      .where('id', 'in', input.functionIds ?? [])
      .execute(),
  );
  const people = [...(input.memberIds ?? []), ...(input.coordinatorId ? [input.coordinatorId] : [])];
  await check(people, () =>
    tenant.selectFrom(trx, scope, 'memberships').select('user_id as id').where('user_id', 'in', people).execute(),
  );
  if (missing.length) throw new AppError('unprocessable', 'unknown_reference', { ids: missing }, { ids: missing.join(', ') });
}

async function writeLinks(trx: Kdb, scope: Scope, teamId: string, links: Partial<Links>) {
  const sets = [
    ['team_sites', 'site_id', links.siteIds],
    ['team_functions', 'function_id', links.functionIds],
    ['team_members', 'user_id', links.memberIds],
  ] as const;
  for (const [table, column, ids] of sets) {
    if (!ids) continue;
    await tenant.deleteFrom(trx, scope, table).where('team_id', '=', teamId).execute();
    if (ids.length)
      await trx
        .insertInto(table)
        .values(
          tenant.values(
            scope,
            [...new Set(ids)].map((id) => ({ team_id: teamId, [column]: id })),
          ) as never,
        )
        .execute();
  }
}

function columns(input: Partial<TTeamInput>) {
  const map = {
    name: 'name',
    model: 'model',
    coordinatorId: 'coordinator_id',
    providerName: 'provider_name',
    contractRef: 'contract_ref',
    assignmentRule: 'assignment_rule',
  } as const;
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map))
    if (input[key as keyof typeof map] !== undefined) out[column] = input[key as keyof typeof map];
  return out;
}

export async function createTeam(ctx: Ctx, scope: Scope, input: TTeamInput) {
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx, record) => {
    await assertSameOrg(trx, scope, input);
    await trx
      .insertInto('teams')
      .values(tenant.values(scope, [{ id, ...columns(input), created_at: now, updated_at: now } as never]))
      .execute();
    await writeLinks(trx, scope, id, input);
    await record({ action: 'team.created', targetType: 'team', targetId: id, summary: { after: input } });
  });
  return getTeam(ctx, scope, id);
}

export async function updateTeam(ctx: Ctx, scope: Scope, id: string, patch: TTeamPatch) {
  const { version, siteIds, functionIds, memberIds, ...rest } = patch;
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'teams', id);
    await assertSameOrg(trx, scope, patch);
    await updateVersioned(trx, scope, 'teams', id, version, columns(rest), async (row) =>
      presentTeam(ctx, row, (await linksOf(trx, scope, [id])).get(id) as Links),
    );
    await writeLinks(trx, scope, id, { siteIds, functionIds, memberIds });
    await record({
      action: 'team.updated',
      targetType: 'team',
      targetId: id,
      summary: { ...diff(before, { ...before, ...columns(rest) }), links: { siteIds, functionIds, memberIds } },
    });
  });
  return getTeam(ctx, scope, id);
}

export async function deleteTeam(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'teams', id);
    await tenant.deleteFrom(trx, scope, 'teams').where('id', '=', id).execute();
    await record({ action: 'team.deleted', targetType: 'team', targetId: id, summary: { before: { name: before.name } } });
  });
}
