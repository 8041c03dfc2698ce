import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AssignmentNote, explainAssignment } from '../../../common/assignment.ts';
import type { AssignmentRule } from '../../../common/requests.ts';
import type { Role } from '../../../common/roles.ts';
import { newCategory, newMember, newOrganization, newSite, systemCtx } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/harness.ts';
import { ZServiceInput } from '../catalog/catalog.schemas.ts';
import { createService } from '../catalog/services.service.ts';
import { createTeam } from '../org/teams.service.ts';
import { createUser } from '../people/people.service.ts';
import { createRequest } from './request-create.ts';
import { updateRequest } from './request-update.ts';
import { ZCreateRequest } from './requests.schemas.ts';

let t: TestApp;
let org: string;
let site: string;
let category: string;
let requester: string;
const scope = () => ({ organizationId: org });
const ctx = () => systemCtx(t.deps, org);
let n = 0;

before(async () => {
  t = await testApp();
  org = await newOrganization(t.deps);
  site = await newSite(t.deps, org);
  category = await newCategory(t.deps, org);
  requester = await newMember(t.deps, org, 'requester', site);
});
after(() => t.close());

async function person(name: string, opts: { skills?: string[]; until?: string | null; role?: Role } = {}) {
  const input = {
    email: `p${++n}-${Date.now()}@assign.test`,
    displayName: name,
    role: opts.role ?? ('assistant' as Role),
    siteId: site,
    skills: opts.skills,
    unavailableUntil: opts.until ?? null,
  };
  return (await createUser(t.deps, ctx(), scope(), input, { passwordHash: 'x' })).id;
}

async function team(rule: AssignmentRule, memberIds: string[]) {
  const input = {
    name: `Équipe ${++n}`,
    model: 'shared_pool' as const,
    coordinatorId: null,
    providerName: null,
    contractRef: null,
    siteIds: [site],
    functionIds: [],
    memberIds,
    assignmentRule: rule,
  };
  return (await createTeam(ctx(), scope(), input)).id;
}

async function service(teamId: string, requiredSkills: string[] = [], extra: Record<string, unknown> = {}) {
  const input = ZServiceInput.parse({ categoryId: category, name: `Service ${++n}`, teamId, requiredSkills, ...extra });
  return (await createService(ctx(), scope(), input)).id;
}

async function request(serviceId: string, opts: { priority?: string; assigneeId?: string } = {}) {
  const input = ZCreateRequest.parse({ serviceId, title: `Demande ${++n}`, requesterId: requester, siteId: site });
  const r = await createRequest(ctx(), scope(), input, { priority: opts.priority, assigneeId: opts.assigneeId });
  return { ...r, note: r.assignment as AssignmentNote | null };
}

const sorted = (ids: string[]) => [...ids].sort();

test('manual teams leave new requests unassigned', async () => {
  const a = await person('Alice Manuelle');
  const r = await request(await service(await team('manual', [a])));
  assert.deepEqual([r.status, r.assignee, r.note], ['new', null, null]);
});

test('round robin takes turns in a stable order, skipping requesters and unavailable members', async () => {
  const members = [await person('Rob Un'), await person('Rob Deux'), await person('Rob Trois')];
  const away = await person('Rob Absent', { until: new Date(Date.now() + 86_400_000).toISOString() });
  const back = await person('Rob Revenu', { until: new Date(Date.now() - 60_000).toISOString() });
  const notStaff = await person('Rob Demandeur', { role: 'requester' });
  const svc = await service(await team('round_robin', [...members, away, back, notStaff]));
  const order = sorted([...members, back]);
  const got: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await request(svc);
    assert.equal(r.status, 'assigned');
    assert.deepEqual(r.note, { rule: 'round_robin', candidates: 4, unavailable: ['Rob Absent'] });
    got.push(r.assignee?.id ?? '');
    const event = r.timeline.find((e) => e.kind === 'assigned');
    assert.ok(event);
    assert.deepEqual([event.public, (event.data as { to: string }).to], [false, r.assignee?.id]);
  }
  assert.deepEqual(got, [...order, order[0]]);
});

test('least loaded weighs open work by priority; ties go to the next in turn', async () => {
  const x = await person('Xavier Chargé');
  const y = await person('Yasmine Légère');
  const other = await service(await team('manual', [x, y]));
  for (const [who, priority] of [
    [x, 'P1'],
    [y, 'P4'],
    [y, 'P4'],
  ] as const) {
    const r = await request(other, { priority });
    await updateRequest(ctx(), scope(), r.id, { version: r.version, assigneeId: who });
  }
  // Done work does not count.
  const done = await request(other, { priority: 'P1' });
  await updateRequest(ctx(), scope(), done.id, { version: done.version, assigneeId: y, status: 'resolved' });
  const svc = await service(await team('least_loaded', [x, y]));
  const first = await request(svc);
  assert.equal(first.assignee?.id, y);
  assert.deepEqual(first.note, { rule: 'least_loaded', candidates: 2, load: 2 });
  // Now 4 each (P3 weighs 2): the tie goes to the other one in turn.
  const second = await request(svc);
  assert.equal(second.assignee?.id, x);
  assert.equal(second.note?.load, 4);
});

test('skills: among those holding every required skill, else least loaded of all, said so', async () => {
  const paie = await person('Claire Paie', { skills: ['paie'] });
  const both = await person('Paul Paie-RH', { skills: ['Paie', 'rh'] });
  const none = await person('Nina Sans', { skills: [] });
  const away = await person('Léa Absente', { skills: ['paie', 'rh'], until: '2999-01-01T00:00:00.000Z' });
  const teamId = await team('skills', [paie, both, none, away]);
  const one = await request(await service(teamId, ['paie']));
  assert.ok([paie, both].includes(one.assignee?.id ?? ''));
  assert.deepEqual(one.note, { rule: 'skills', candidates: 2, skill: ['paie'], load: 0, unavailable: ['Léa Absente'] });
  assert.equal(
    explainAssignment(one.note, one.assignee?.name ?? '', 'fr'),
    `Attribuée à ${one.assignee?.name}\u00a0: la moins chargée parmi 2\u00a0personnes ayant la compétence «\u00a0paie\u00a0». Indisponibles, écartées\u00a0: Léa Absente.`,
  );
  const two = await request(await service(teamId, ['rh', 'paie']));
  assert.equal(two.assignee?.id, both);
  assert.equal(two.note?.candidates, 1);
  const fallback = await request(await service(teamId, ['juridique']));
  assert.equal(fallback.assignee?.id, none, 'the only one without work');
  assert.deepEqual(fallback.note, {
    rule: 'skills',
    candidates: 3,
    skill: ['juridique'],
    fallback: true,
    load: 0,
    unavailable: ['Léa Absente'],
  });
});

test('nobody available: the request stays in the queue with the reason; a named assignee is cleared', async () => {
  const away = await person('Hugo Absent', { until: '2999-01-01T00:00:00.000Z' });
  const teamId = await team('least_loaded', [away]);
  const r = await request(await service(teamId));
  assert.deepEqual([r.status, r.assignee], ['new', null]);
  assert.deepEqual(r.note, { rule: 'least_loaded', candidates: 0, unavailable: ['Hugo Absent'] });
  assert.match(explainAssignment(r.note, null, 'fr'), /^Non attribuée/);
  const outsider = await person('Olga Extérieure');
  const secret = await request(await service(teamId, [], { confidentiality: 'confidential' }), { assigneeId: outsider });
  assert.deepEqual([secret.status, secret.assignee?.id, secret.note], ['assigned', outsider, { rule: 'template' }]);
  const access = await t.deps.database.db
    .selectFrom('request_access')
    .select('role')
    .where('request_id', '=', secret.id)
    .where('user_id', '=', outsider)
    .execute();
  assert.deepEqual(
    access.map((a) => a.role),
    ['cleared'],
  );
});
