import type { Role } from '../../common/roles.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertOperator } from '../modules/auth/setup.service.ts';
import { createFunction } from '../modules/org/functions.service.ts';
import { addClosure, createSite } from '../modules/org/sites.service.ts';
import { createTeam } from '../modules/org/teams.service.ts';
import { seedArchive } from './demo-archive.ts';
import { seedCannedResponses } from './demo-canned.ts';
import { seedChannels } from './demo-channels.ts';
import { seedCsat } from './demo-csat.ts';
import { withoutSurveyMail } from '../modules/csat/csat.survey.ts';
import { seedCatalog } from './demo-catalog-seed.ts';
import { seedKnowledgeBase } from './demo-kb.ts';
import { seedMail } from './demo-mail.ts';
import { holdDemoNotifications, seedNotifications } from './demo-notifications.ts';
import { seedPortal } from './demo-portal.ts';
import { seedRecurring } from './demo-recurring.ts';
import { seedRequests } from './demo-requests.ts';
import { seedWebhooks } from './demo-webhooks.ts';
import { createUser } from '../modules/people/people.service.ts';
import { systemActor } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { withTransaction } from '../platform/context.ts';
import type { Deps } from '../platform/deps.ts';
import { newId, nowIso } from '../platform/ids.ts';
import {
  BELLEVUE,
  DEMO_PASSWORD,
  type DemoPerson,
  HORIZON_CLOSURES,
  HORIZON_FUNCTIONS,
  HORIZON_PEOPLE,
  HORIZON_SITES,
  HORIZON_TEAMS,
} from './demo-data.ts';

/** True when the database holds no organisation yet (first start). */
export async function isEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.database.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return !row;
}

async function newOrg(deps: Deps, name: string, slug: string): Promise<Ctx> {
  const id = newId();
  const ctx: Ctx = { database: deps.database, events: deps.events, actor: systemActor(id), ip: '127.0.0.1' };
  await withTransaction(ctx, async (trx, record) => {
    const now = nowIso();
    await trx
      .insertInto('organizations')
      .values({ id, name, slug, require_mfa_staff: false, created_at: now, updated_at: now })
      .execute();
    await record({ action: 'org.created', targetType: 'organization', targetId: id, summary: { name, demo: true } });
  });
  return ctx;
}

async function addPeople(deps: Deps, ctx: Ctx, people: DemoPerson[], siteIds: Map<string, string>, passwordHash: string) {
  const scope = { organizationId: ctx.actor?.organizationId ?? '' };
  const ids = new Map<string, string>();
  for (const p of people) {
    const input = {
      email: p.email,
      displayName: p.name,
      role: p.role as Role,
      siteId: p.site ? (siteIds.get(p.site) ?? null) : null,
      skills: p.skills,
    };
    ids.set(p.email, (await createUser(deps, ctx, scope, input, { passwordHash })).id);
  }
  return ids;
}

/** Seeds the demo group (5 sites, 5 functions, 3 teams, one account per role) and a second, small tenant. */
export async function seedDemo(deps: Deps): Promise<void> {
  const resume = holdDemoNotifications();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await seedOperator(deps, passwordHash);
  const ctx = await newOrg(deps, 'Groupe Horizon', 'horizon');
  const scope = { organizationId: ctx.actor?.organizationId ?? '' };
  const siteIds = new Map<string, string>();
  for (const { key, ...site } of HORIZON_SITES) siteIds.set(key, (await createSite(ctx, scope, site)).id);
  for (const c of HORIZON_CLOSURES) await addClosure(ctx, scope, siteIds.get(c.site) ?? '', c);
  const fnIds = new Map<string, string>();
  for (const f of HORIZON_FUNCTIONS) fnIds.set(f.code, (await createFunction(ctx, scope, f)).id);
  const userIds = await addPeople(deps, ctx, HORIZON_PEOPLE, siteIds, passwordHash);
  const teamIds = new Map<string, string>();
  for (const t of HORIZON_TEAMS) {
    const team = await createTeam(ctx, scope, {
      name: t.name,
      model: t.model,
      coordinatorId: t.coordinator ? (userIds.get(t.coordinator) ?? null) : null,
      providerName: t.providerName,
      contractRef: t.contractRef,
      assignmentRule: t.assignmentRule,
      siteIds: t.sites.map((s) => siteIds.get(s) ?? ''),
      functionIds: t.functions.map((f) => fnIds.get(f) ?? ''),
      memberIds: t.members.map((m) => userIds.get(m) ?? ''),
    });
    teamIds.set(t.key, team.id);
  }
  await seedCatalog(ctx, scope, teamIds, fnIds);
  await seedRecurring(ctx, scope, { siteIds, teamIds, userIds });
  await withoutSurveyMail(() => seedRequests(ctx, scope));
  await seedCannedResponses(ctx, scope, teamIds);
  await seedKnowledgeBase(ctx, scope);
  await seedCsat(ctx, scope);
  await seedArchive(deps, ctx, scope, { siteIds, teamIds, fnIds, siteNames: new Map(HORIZON_SITES.map((s) => [s.key, s.name])) });
  await seedPortal(ctx, scope, siteIds);
  await seedMail(ctx, scope);
  await seedWebhooks(deps, ctx, scope);
  await seedChannels(deps, scope, { siteIds, teamIds, userIds });
  await seedBellevue(deps, passwordHash);
  await seedNotifications(deps, resume);
}

async function seedOperator(deps: Deps, passwordHash: string) {
  const ctx: Ctx = { database: deps.database, events: deps.events, actor: systemActor(null), ip: '127.0.0.1' };
  await withTransaction(ctx, (trx, record) =>
    insertOperator(trx, record, { email: 'operateur@relais.test', displayName: 'Opérateur Relais', passwordHash }),
  );
}

async function seedBellevue(deps: Deps, passwordHash: string) {
  const ctx = await newOrg(deps, 'Atelier Bellevue', 'bellevue');
  const scope = { organizationId: ctx.actor?.organizationId ?? '' };
  const { key, ...site } = BELLEVUE.site;
  const siteIds = new Map([[key, (await createSite(ctx, scope, site)).id]]);
  const fn = await createFunction(ctx, scope, BELLEVUE.functions[0]);
  const userIds = await addPeople(deps, ctx, BELLEVUE.people, siteIds, passwordHash);
  await createTeam(ctx, scope, {
    name: 'Pôle assistantes Bellevue',
    model: 'shared_pool',
    coordinatorId: userIds.get('coordinatrice@horizon.test') ?? null,
    providerName: null,
    contractRef: null,
    siteIds: [...siteIds.values()],
    functionIds: [fn.id],
    memberIds: [userIds.get('coordinatrice@horizon.test') ?? ''],
  });
}
