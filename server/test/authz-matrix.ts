/**
 * The authorization matrix (DESIGN rules 1–2), generated from the routes the app registers:
 * every route × every role × {own site, other site, other organisation}. A route added later is
 * covered without editing any file; a route without a declared action fails (deny by default).
 * This module holds the fixture and the probe; the routes are split across three test files
 * (authz-matrix*.test.ts: reads, and writes in two halves) so each stays well inside the per-file timeout.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { RouteOptions } from 'fastify';
import { ALL_ROLES, type ActorRole, type Role } from '../../common/roles.ts';
import type { Actor } from '../platform/actor.ts';
import { can, type Subject } from '../platform/authz.ts';
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
  newImapMailbox,
  newChannel,
  newChannelMessage,
  newMessageFile,
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
import { as, type Session, type TestApp, testApp } from './harness.ts';

type Where = 'ownSite' | 'otherSite' | 'otherOrg';
const WHERE: Where[] = ['ownSite', 'otherSite', 'otherOrg'];

export let t: TestApp;
let orgA: string;
let orgB: string;
let siteA1: string;
let siteA2: string;
let siteB: string;
export const actors = new Map<ActorRole, string>();
export let orgs: { a: string; b: string; siteA1: string; siteA2: string; siteB: string };

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
  orgs = { a: orgA, b: orgB, siteA1, siteA2, siteB };
});
after(() => t.close());

/** A fresh subject for a resource at the given place; writes never run against shared fixtures. */
export async function subject(resource: string, where: Where): Promise<{ id: string; subject: Subject }> {
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
    case 'mail_imap':
      return { id: await newImapMailbox(deps, org), subject: {} };
    case 'channel': {
      const { id, ownerId } = await newChannel(deps, org);
      return { id, subject: { siteId: null, parties: [ownerId] } };
    }
    case 'message': {
      const { id, authorId } = await newChannelMessage(deps, org);
      return { id, subject: { userId: authorId } };
    }
    case 'message_file':
      return { id: await newMessageFile(deps, org), subject: {} };
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

export const apiRoutes = () =>
  t.routes.filter((r) => {
    const url = r.url ?? '';
    return url.startsWith('/api/') && !url.startsWith('/api/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS';
  });

const sessions = new Map<string, Session>();
const homes = new Map<string, string | null>();

/** One session per actor while it lasts (a session does not depend on the home site). */
async function sessionOf(userId: string): Promise<Session> {
  let s = sessions.get(userId);
  if (!s) {
    s = await sessionFor(t.deps, userId, orgA);
    sessions.set(userId, s);
  }
  return s;
}

/** Moves an actor's home site only when it changes (each move is an audited update). */
async function homeAt(userId: string, site: string): Promise<void> {
  if (homes.get(userId) === site) return;
  await setHomeSite(t.deps, orgA, userId, site);
  homes.set(userId, site);
}

const reads = new Map<string, { id: string; subject: Subject }>();

/** A subject for the probe: fresh for a write (never against shared fixtures), shared by reads. */
async function subjectFor(resource: string, where: Where, write: boolean) {
  if (write) return subject(resource, where);
  const key = `${resource}:${where}`;
  let made = reads.get(key);
  if (!made) {
    made = await subject(resource, where);
    reads.set(key, made);
  }
  return made;
}

/** Probes every role at every place on the routes picked (by position among the non-public API routes). */
export async function probeRoutes(pick: (route: RouteOptions, index: number) => boolean): Promise<number> {
  const failures: string[] = [];
  let requests = 0;
  const routes = apiRoutes().filter((r) => !r.config?.public);
  for (const [index, route] of routes.entries()) {
    if (!pick(route, index)) continue;
    for (const role of ALL_ROLES) {
      for (const where of WHERE) {
        requests++;
        const problem = await probe(route, role, where);
        if (problem) failures.push(problem);
      }
    }
  }
  assert.deepEqual(failures, []);
  return requests;
}

async function probe(route: RouteOptions, role: ActorRole, where: Where): Promise<string | null> {
  const userId = actors.get(role) ?? '';
  const resource = route.config?.resource;
  const made = resource ? await subjectFor(resource, where, route.method !== 'GET') : null;
  // For a site, "own site" means the actor's home site is that site.
  const home = resource === 'site' && where === 'ownSite' ? (made?.id ?? siteA1) : siteA1;
  if (role !== 'operator') await homeAt(userId, home);
  const session = await sessionOf(userId);
  const url = String(route.url).replace(/:(\w+)/g, (_, name: string) =>
    name === 'id' && made ? made.id : '00000000-0000-7000-8000-000000000000',
  );
  const method = String(route.method) as 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const res = await as(t.app, session)(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
  // A write that went through may have ended the session (logout, new password): open a new one next time.
  if (method !== 'GET' && res.statusCode < 300) sessions.delete(userId);
  const action = String(route.config?.action);
  const label = `${method} ${route.url} as ${role} on ${where}: ${res.statusCode}`;
  if (res.statusCode >= 500) return `${label} (erreur serveur)`;
  if (resource && where === 'otherOrg') return res.statusCode === 404 ? null : `${label}, attendu 404`;
  const allowed = action.startsWith('self.') || can(actorFor(role, userId, home), action, made?.subject ?? {});
  if (allowed) return [401, 403].includes(res.statusCode) ? `${label}, attendu autorisé` : null;
  return res.statusCode === 403 ? null : `${label}, attendu 403`;
}
