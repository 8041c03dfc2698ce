/**
 * The authorization matrix (DESIGN rules 1–2), generated from the routes the app registers:
 * every route × every role × {own site, other site, other organisation}. A route added later is
 * covered without editing this file; a route without a declared action fails (deny by default).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RouteOptions } from 'fastify';
import { ALL_ROLES, type ActorRole, type Role } from '../../common/roles.ts';
import type { Actor } from '../platform/actor.ts';
import { can, type Subject } from '../platform/authz.ts';
import { registeredResources } from '../platform/loaders.ts';
import { loadRequestSubject } from '../modules/requests/requests.repository.ts';
import {
  newCategory,
  newFunction,
  newMember,
  newOrganization,
  newRequest,
  newRecurringSchedule,
  newService,
  newSite,
  newSlaPolicy,
  newTeam,
  newView,
  newCanned,
  newInboundMessage,
  newMailAddress,
  newChannel,
  newChannelMessage,
  newKbArticle,
  newKbSpace,
  newAnnouncement,
  newArchiveDocument,
  newArchiveFolder,
  newWebhook,
  newWebhookDelivery,
  sessionFor,
  setHomeSite,
} from './factories.ts';
import { as, type TestApp, testApp } from './harness.ts';

type Where = 'ownSite' | 'otherSite' | 'otherOrg';
const WHERE: Where[] = ['ownSite', 'otherSite', 'otherOrg'];

let t: TestApp;
let orgA: string;
let orgB: string;
let siteA1: string;
let siteA2: string;
let siteB: string;
const actors = new Map<ActorRole, string>();

before(async () => {
  t = await testApp();
  const { deps } = t;
  orgA = await newOrganization(deps);
  orgB = await newOrganization(deps);
  [siteA1, siteA2, siteB] = [await newSite(deps, orgA), await newSite(deps, orgA), await newSite(deps, orgB)];
  for (const role of ALL_ROLES) {
    if (role === 'operator') continue;
    actors.set(role, await newMember(deps, orgA, role as Role, siteA1));
  }
  await newMember(deps, orgB, 'org_admin', siteB);
  const opId = await newMember(deps, orgB, 'requester', null, 'operateur-matrice@test.test');
  await deps.database.db.updateTable('users').set({ is_operator: true }).where('id', '=', opId).execute();
  // The operator works inside orgA without a membership there (role 'operator').
  actors.set('operator', opId);
});
after(() => t.close());

/** A fresh subject for a resource at the given place; writes never run against shared fixtures. */
async function subject(resource: string, where: Where): Promise<{ id: string; subject: Subject }> {
  const { deps } = t;
  const org = where === 'otherOrg' ? orgB : orgA;
  const site = where === 'ownSite' ? siteA1 : where === 'otherSite' ? siteA2 : siteB;
  switch (resource) {
    case 'site': {
      const id = where === 'otherOrg' ? await newSite(deps, orgB) : await newSite(deps, orgA);
      return { id, subject: { siteId: id } };
    }
    case 'function':
      return { id: await newFunction(deps, org), subject: {} };
    case 'team':
      return { id: await newTeam(deps, org), subject: {} };
    case 'user': {
      const id = await newMember(deps, org, 'requester', site);
      return { id, subject: { userId: id, siteId: site } };
    }
    case 'category':
      return { id: await newCategory(deps, org), subject: {} };
    case 'service':
      return { id: await newService(deps, org), subject: {} };
    case 'request': {
      const requesterId = await newMember(deps, org, 'requester', site);
      const id = await newRequest(deps, org, { requesterId, siteId: site });
      return { id, subject: (await loadRequestSubject(deps.database.db, { organizationId: org }, id)) ?? {} };
    }
    case 'slapolicy':
      return { id: await newSlaPolicy(deps, org), subject: {} };
    case 'view':
      return { id: await newView(deps, org), subject: { userId: null, restricted: false, cleared: [] } };
    case 'kbspace':
      return { id: await newKbSpace(deps, org), subject: {} };
    case 'kbarticle':
      return { id: await newKbArticle(deps, org), subject: {} };
    case 'canned':
      return { id: await newCanned(deps, org), subject: {} };
    case 'mail_address':
      return { id: await newMailAddress(deps, org), subject: {} };
    case 'mail_inbound':
      return { id: await newInboundMessage(deps, org), subject: {} };
    case 'channel': {
      const { id, ownerId } = await newChannel(deps, org);
      return { id, subject: { siteId: null, parties: [ownerId] } };
    }
    case 'message': {
      const { id, authorId } = await newChannelMessage(deps, org);
      return { id, subject: { userId: authorId } };
    }
    case 'recurring': {
      const id = await newRecurringSchedule(deps, org, { siteId: site });
      return { id, subject: { siteId: site } };
    }
    case 'announcement':
      return { id: await newAnnouncement(deps, org), subject: {} };
    case 'archivefolder':
      return { id: await newArchiveFolder(deps, org), subject: {} };
    case 'archivedoc':
      return { id: await newArchiveDocument(deps, org), subject: {} };
    case 'webhook':
      return { id: await newWebhook(deps, org), subject: {} };
    case 'webhookdelivery':
      return { id: await newWebhookDelivery(deps, org), subject: {} };
    default:
      throw new Error(`Ajoutez une fabrique pour la ressource « ${resource} » dans authz-matrix.test.ts`);
  }
}

function actorFor(role: ActorRole, userId: string, siteId: string | null): Actor {
  return { userId, role, isOperator: role === 'operator', organizationId: orgA, siteId } as Actor;
}

const apiRoutes = () =>
  t.routes.filter((r) => {
    const url = r.url ?? '';
    return url.startsWith('/api/') && !url.startsWith('/api/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS';
  });

test('every API route declares an action or is explicitly public', () => {
  const undeclared = apiRoutes().filter((r) => !r.config?.public && !r.config?.action);
  assert.deepEqual(
    undeclared.map((r) => `${r.method} ${r.url}`),
    [],
  );
  for (const r of apiRoutes())
    if (r.config?.resource) assert.ok(registeredResources().includes(r.config.resource), `${r.url}: loader`);
});

test('route × role × {own site, other site, other organisation}', async () => {
  const failures: string[] = [];
  let requests = 0;
  for (const route of apiRoutes()) {
    if (route.config?.public) continue;
    for (const role of ALL_ROLES) {
      for (const where of WHERE) {
        requests++;
        const problem = await probe(route, role, where);
        if (problem) failures.push(problem);
      }
    }
  }
  assert.ok(requests > 300, `matrice trop petite : ${requests}`);
  assert.deepEqual(failures, []);
});

async function probe(route: RouteOptions, role: ActorRole, where: Where): Promise<string | null> {
  const { deps } = t;
  const userId = actors.get(role) ?? '';
  const resource = route.config?.resource;
  const made = resource ? await subject(resource, where) : null;
  // For a site, "own site" means the actor's home site is that site.
  const home = resource === 'site' && where === 'ownSite' ? (made?.id ?? siteA1) : siteA1;
  if (role !== 'operator') await setHomeSite(deps, orgA, userId, home);
  const session = await sessionFor(deps, userId, orgA);
  const url = String(route.url).replace(/:(\w+)/g, (_, name: string) =>
    name === 'id' && made ? made.id : '00000000-0000-7000-8000-000000000000',
  );
  const method = String(route.method) as 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const res = await as(t.app, session)(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
  const action = String(route.config?.action);
  const label = `${method} ${route.url} as ${role} on ${where}: ${res.statusCode}`;
  if (res.statusCode >= 500) return `${label} (erreur serveur)`;
  if (resource && where === 'otherOrg') return res.statusCode === 404 ? null : `${label}, attendu 404`;
  const allowed = action.startsWith('self.') || can(actorFor(role, userId, home), action, made?.subject ?? {});
  if (allowed) return [401, 403].includes(res.statusCode) ? `${label}, attendu autorisé` : null;
  return res.statusCode === 403 ? null : `${label}, attendu 403`;
}

test('the DPO / auditor is read-only outside their own profile', async () => {
  const writes = apiRoutes().filter(
    (r) => r.method !== 'GET' && !r.config?.public && !String(r.config?.action).startsWith('self.'),
  );
  assert.ok(writes.length > 10);
  for (const route of writes) {
    const made = route.config?.resource ? await subject(route.config.resource, 'ownSite') : null;
    const session = await sessionFor(t.deps, actors.get('dpo') ?? '', orgA);
    const url = String(route.url).replace(/:(\w+)/g, () => made?.id ?? 'x');
    const res = await as(t.app, session)(String(route.method) as 'POST', url, route.method === 'DELETE' ? undefined : {});
    assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
  }
});

test('an assistant manages closures of their own site only', async () => {
  const session = await sessionFor(t.deps, actors.get('assistant') ?? '', orgA);
  await setHomeSite(t.deps, orgA, actors.get('assistant') ?? '', siteA1);
  const body = { startsOn: '2027-01-02', endsOn: '2027-01-02', label: 'Inventaire' };
  assert.equal((await as(t.app, session)('POST', `/api/sites/${siteA1}/closures`, body)).statusCode, 201);
  assert.equal((await as(t.app, session)('POST', `/api/sites/${siteA2}/closures`, body)).statusCode, 403);
  assert.equal((await as(t.app, session)('POST', `/api/sites/${siteB}/closures`, body)).statusCode, 404);
});
