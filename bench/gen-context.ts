/**
 * What the generator reads from (and adds to) the seeded demo organisation before generating history:
 * its sites and calendars, catalogue, SLA targets, teams, and ~2,000 requester accounts created in bulk.
 */
import type { FormField } from '../common/catalog.ts';
import type { Database } from '../server/db/database.ts';
import type { Targets } from '../server/modules/requests/sla-clock.ts';
import { workCalendarOf } from '../server/modules/sla/sla.service.ts';
import { HORIZON_SITES } from '../server/seed/demo-data.ts';
import { columns, insertRows } from './bulk.ts';
import { idAt, personName, type Random, Weighted } from './gen-random.ts';
import type { GenContext, GenService, GenSite } from './gen-rows.ts';
import { SERVICE_WORDS } from './gen-words.ts';

const SITE_WEIGHTS: Record<string, number> = { lyon: 40, marseille: 20, strasbourg: 15, lille: 15, reunion: 10 };
const PRIORITIES: [string, number][] = [
  ['P1', 3],
  ['P2', 17],
  ['P3', 50],
  ['P4', 30],
];
const SOURCES: [string, number][] = [
  ['portal', 70],
  ['email', 20],
  ['phone', 5],
  ['chat', 3],
  ['api', 2],
];

const USER_COLUMNS = columns(
  'id email display_name password_hash locale is_operator:bool totp_enabled:bool disabled:bool created_at:ts updated_at:ts',
);
const MEMBER_COLUMNS = columns('id organization_id user_id role site_id created_at:ts updated_at:ts');

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** Creates `count` requester accounts (users + memberships) spread over the sites by weight; no password. */
export async function addRequesters(
  database: Database,
  orgId: string,
  siteWeights: Weighted<string>,
  count: number,
  rnd: Random,
) {
  const now = new Date().toISOString();
  const b = (v: boolean) => (database.dialect === 'sqlite' ? (v ? 1 : 0) : v);
  const users: unknown[][] = [];
  const members: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const name = personName(rnd);
    const id = idAt(Date.now(), rnd);
    users.push([
      id,
      `${ascii(name).replace(/-/g, '.')}.${i}@horizon.test`,
      name,
      null,
      'fr',
      b(false),
      b(false),
      b(false),
      now,
      now,
    ]);
    members.push([idAt(Date.now(), rnd), orgId, id, 'requester', siteWeights.pick(rnd), now, now]);
  }
  await database.db.transaction().execute(async (trx) => {
    await insertRows(trx, database.dialect, 'users', USER_COLUMNS, users);
    await insertRows(trx, database.dialect, 'memberships', MEMBER_COLUMNS, members);
  });
}

async function loadSites(database: Database, orgId: string): Promise<GenSite[]> {
  const rows = await database.db.selectFrom('sites').select(['id', 'name']).where('organization_id', '=', orgId).execute();
  const requesters = await database.db
    .selectFrom('memberships')
    .select(['user_id', 'site_id'])
    .where('organization_id', '=', orgId)
    .where('role', '=', 'requester')
    .execute();
  const out: GenSite[] = [];
  for (const s of rows) {
    const calendar = await workCalendarOf(database.db, { organizationId: orgId }, s.id);
    out.push({ id: s.id, calendar, requesters: requesters.filter((r) => r.site_id === s.id).map((r) => r.user_id) });
  }
  return out;
}

/** Site weight by the demo site's key (Lyon 40 %, Marseille 20 %, Strasbourg 15 %, Lille 15 %, Saint-Denis 10 %). */
export async function siteWeights(database: Database, orgId: string): Promise<Map<string, number>> {
  const rows = await database.db.selectFrom('sites').select(['id', 'name']).where('organization_id', '=', orgId).execute();
  const key = (name: string) => HORIZON_SITES.find((s) => s.name === name)?.key ?? '';
  return new Map(rows.map((s) => [s.id, SITE_WEIGHTS[key(s.name)] ?? 5]));
}

async function loadServices(database: Database, orgId: string): Promise<GenService[]> {
  const rows = await database.db
    .selectFrom('services')
    .select(['id', 'name', 'team_id', 'function_id', 'confidentiality', 'approval_role', 'sla_policy_id', 'form'])
    .where('organization_id', '=', orgId)
    .where('active', '=', true)
    .execute();
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    teamId: s.team_id,
    functionId: s.function_id,
    confidentiality: s.confidentiality,
    approvalRole: s.approval_role,
    slaPolicyId: s.sla_policy_id,
    form: (s.form ?? []) as FormField[],
  }));
}

/** Team members with their home site, and who is cleared on a team's confidential work. */
async function loadTeams(database: Database, orgId: string) {
  const members = await database.db
    .selectFrom('team_members')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.user_id', '=', 'team_members.user_id')
        .onRef('memberships.organization_id', '=', 'team_members.organization_id'),
    )
    .select(['team_members.team_id', 'team_members.user_id', 'memberships.site_id'])
    .where('team_members.organization_id', '=', orgId)
    .execute();
  const teams = await database.db
    .selectFrom('teams')
    .select(['id', 'coordinator_id'])
    .where('organization_id', '=', orgId)
    .execute();
  const cleared = new Map<string, string[]>();
  for (const t of teams) {
    const ids = members.filter((m) => m.team_id === t.id).map((m) => m.user_id);
    cleared.set(t.id, [...new Set([...ids, ...(t.coordinator_id ? [t.coordinator_id] : [])])]);
  }
  const assignee = (teamId: string | null, siteId: string, rnd: Random): string | null => {
    const team = members.filter((m) => m.team_id === teamId);
    if (!team.length) return null;
    const local = team.filter((m) => m.site_id === siteId);
    return (local.length && rnd.chance(0.75) ? rnd.pick(local) : rnd.pick(team)).user_id;
  };
  return { cleared, assignee };
}

/** Everything generateRequest needs, read once from the organisation. */
export async function loadContext(database: Database, orgId: string, now: number): Promise<GenContext> {
  const org = await database.db
    .selectFrom('organizations')
    .select('request_prefix')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const weights = await siteWeights(database, orgId);
  const sites = await loadSites(database, orgId);
  const services = await loadServices(database, orgId);
  const policies = await database.db
    .selectFrom('sla_policies')
    .select(['id', 'targets'])
    .where('organization_id', '=', orgId)
    .execute();
  const { cleared, assignee } = await loadTeams(database, orgId);
  return {
    organizationId: orgId,
    prefix: org.request_prefix,
    dialect: database.dialect,
    now,
    sites: new Weighted(sites.filter((s) => s.requesters.length).map((s) => [s, weights.get(s.id) ?? 5])),
    siteIds: sites.map((s) => s.id),
    services: new Weighted(services.map((s) => [s, SERVICE_WORDS[s.name]?.weight ?? 1])),
    priorities: new Weighted(PRIORITIES),
    sources: new Weighted(SOURCES),
    targets: new Map(policies.map((p) => [p.id, p.targets as Record<string, Targets>])),
    assignee,
    cleared,
  };
}
