import { Readable } from 'node:stream';
import type { Role } from '../../common/roles.ts';
import { openSession } from '../modules/auth/session.ts';
import { createCanned } from '../modules/canned/canned.service.ts';
import { processInbound } from '../modules/mail/mail.process.ts';
import { mailAddressService } from '../modules/mail/mail.service.ts';
import { imapMailboxService } from '../modules/mail/mail.imap.service.ts';
import { seedChannel, seedMessage } from '../modules/channels/channels.fixtures.ts';
import { seedMessageFile } from '../modules/channels/message-files.fixtures.ts';
import { createArticle } from '../modules/kb/articles.service.ts';
import { ZArticleInput } from '../modules/kb/kb.schemas.ts';
import { createSpace } from '../modules/kb/spaces.service.ts';
import { createDocument } from '../modules/archive/documents.service.ts';
import { createFolder } from '../modules/archive/folders.service.ts';
import { ZFolderInput } from '../modules/archive/archive.schemas.ts';
import { createAnnouncement } from '../modules/portal/announcements.service.ts';
import { ZAnnouncementInput } from '../modules/portal/portal.schemas.ts';
import { createCategory } from '../modules/catalog/categories.service.ts';
import { ZServiceInput } from '../modules/catalog/catalog.schemas.ts';
import { createService } from '../modules/catalog/services.service.ts';
import { createRequest } from '../modules/requests/request-create.ts';
import { ZCreateRequest } from '../modules/requests/requests.schemas.ts';
import { createView } from '../modules/queues/views.service.ts';
import { ZScheduleInput } from '../modules/recurring/recurring.schemas.ts';
import { createSchedule } from '../modules/recurring/schedules.service.ts';
import { createPolicy } from '../modules/sla/policies.service.ts';
import { createWebhook, pingWebhook } from '../modules/webhooks/webhooks.service.ts';
import { createFunction } from '../modules/org/functions.service.ts';
import { createSite } from '../modules/org/sites.service.ts';
import { createTeam } from '../modules/org/teams.service.ts';
import { createUser, updateUser } from '../modules/people/people.service.ts';
import { systemActor } from '../platform/actor.ts';
import { type Ctx, withTransaction } from '../platform/context.ts';
import type { Deps } from '../platform/deps.ts';
import { newId, nowIso } from '../platform/ids.ts';
import type { Session } from './harness.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export function systemCtx(deps: Deps, organizationId: string | null): Ctx {
  return { database: deps.database, events: deps.events, actor: systemActor(organizationId), ip: '127.0.0.1' };
}

/** Test data goes through the services (and so through the audit chain), never hand-written SQL. */
export async function newOrganization(deps: Deps, name = unique('Organisation')): Promise<string> {
  const id = newId();
  await withTransaction(systemCtx(deps, id), async (trx, record) => {
    const now = nowIso();
    await trx
      .insertInto('organizations')
      .values({ id, name, slug: unique('org').toLowerCase(), require_mfa_staff: false, created_at: now, updated_at: now })
      .execute();
    await record({ action: 'org.created', targetType: 'organization', targetId: id, summary: { name } });
  });
  return id;
}

const HOURS = {
  mon: [
    ['08:30', '12:30'],
    ['13:30', '17:30'],
  ],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
} as never;

export async function newSite(deps: Deps, organizationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = {
    name: unique('Site'),
    address: '1 rue de la Paix, 75002 Paris',
    timezone: 'Europe/Paris',
    holidayRegion: 'metropole' as const,
    businessHours: HOURS,
    ...overrides,
  };
  return (await createSite(systemCtx(deps, organizationId), { organizationId }, input as never)).id;
}

export async function newFunction(deps: Deps, organizationId: string): Promise<string> {
  const code = unique('F')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-18);
  return (await createFunction(systemCtx(deps, organizationId), { organizationId }, { name: `Fonction ${code}`, code })).id;
}

export async function newTeam(deps: Deps, organizationId: string): Promise<string> {
  const input = {
    name: unique('Équipe'),
    model: 'shared_pool' as const,
    coordinatorId: null,
    providerName: null,
    contractRef: null,
    siteIds: [],
    functionIds: [],
    memberIds: [],
  };
  return (await createTeam(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

export async function newCategory(deps: Deps, organizationId: string): Promise<string> {
  return (
    await createCategory(
      systemCtx(deps, organizationId),
      { organizationId },
      { name: unique('Catégorie'), icon: 'folder', position: 0 },
    )
  ).id;
}

export async function newService(deps: Deps, organizationId: string, categoryId?: string): Promise<string> {
  const category = categoryId ?? (await newCategory(deps, organizationId));
  const input = ZServiceInput.parse({ categoryId: category, name: unique('Service') });
  return (await createService(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

export const DEMO_TARGETS = {
  P1: { firstResponse: 60, resolution: 240 },
  P2: { firstResponse: 240, resolution: 480 },
  P3: { firstResponse: 480, resolution: 1440 },
  P4: { firstResponse: 960, resolution: 2400 },
};

export async function newSlaPolicy(deps: Deps, organizationId: string): Promise<string> {
  return (
    await createPolicy(
      systemCtx(deps, organizationId),
      { organizationId },
      { name: unique('Contrat'), targets: DEMO_TARGETS, isDefault: false },
    )
  ).id;
}

export async function newMember(
  deps: Deps,
  organizationId: string,
  role: Role,
  siteId: string | null = null,
  email = `${unique(role)}@test.test`,
): Promise<string> {
  const ctx = systemCtx(deps, organizationId);
  return (
    await createUser(
      deps,
      ctx,
      { organizationId },
      { email, displayName: `Personne ${role}`, role, siteId },
      { passwordHash: 'not-a-valid-hash' },
    )
  ).id;
}

export async function setHomeSite(deps: Deps, organizationId: string, userId: string, siteId: string | null): Promise<void> {
  const m = await deps.database.db
    .selectFrom('memberships')
    .select('version')
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await updateUser(systemCtx(deps, organizationId), { organizationId }, userId, { siteId, version: m.version });
}

/** A session opened directly (no password hashing): fast enough for the thousand requests of the matrix. */
export async function sessionFor(deps: Deps, userId: string, organizationId: string | null): Promise<Session> {
  const s = await openSession(deps.database.db, {
    userId,
    organizationId,
    mfaPending: false,
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  return { cookie: `relais_session=${s.token}`, csrf: s.csrfToken };
}

/** A request through the real creation path (reference, SLA clocks, timeline, audit). */
export async function newRequest(
  deps: Deps,
  organizationId: string,
  opts: { requesterId?: string; siteId?: string; serviceId?: string; title?: string; confidential?: boolean } = {},
): Promise<string> {
  const siteId = opts.siteId ?? (await newSite(deps, organizationId));
  const requesterId = opts.requesterId ?? (await newMember(deps, organizationId, 'requester', siteId));
  let serviceId = opts.serviceId;
  if (!serviceId) {
    const input = ZServiceInput.parse({
      categoryId: await newCategory(deps, organizationId),
      name: unique('Service'),
      confidentiality: opts.confidential ? 'confidential' : 'normal',
    });
    serviceId = (await createService(systemCtx(deps, organizationId), { organizationId }, input)).id;
  }
  const input = ZCreateRequest.parse({ serviceId, title: opts.title ?? unique('Demande'), requesterId, siteId });
  return (await createRequest(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** A saved view shared with the staff (owner null), as the coordination would create it. */
export async function newView(deps: Deps, organizationId: string, filters: Record<string, unknown> = {}): Promise<string> {
  const input = { name: unique('Vue'), filters: { sort: 'due' as const, ...filters }, shared: true, position: 0 };
  return (await createView(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** A canned response (organisation-wide unless a team is given). */
export async function newCanned(deps: Deps, organizationId: string, teamId: string | null = null): Promise<string> {
  const input = { title: unique('Réponse'), body: 'Bonjour {{prenom}}, votre demande {{reference}} avance.', teamId };
  return (await createCanned(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** An inbound mail address of the organisation (new requests use a new service). */
export async function newMailAddress(deps: Deps, organizationId: string): Promise<string> {
  const serviceId = await newService(deps, organizationId);
  const input = {
    address: `${unique('boite')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}@matrice.test`,
    serviceId,
    teamId: null,
  };
  return (await mailAddressService.create(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** A polled IMAP mailbox feeding a new inbound address (its server: a closed loopback port). */
export async function newImapMailbox(deps: Deps, organizationId: string): Promise<string> {
  const addressId = await newMailAddress(deps, organizationId);
  const input = { host: '127.0.0.1', port: 1, tls: false, username: unique('imap'), password: 'secret', folder: 'INBOX' };
  const box = { ...input, addressId, afterAction: 'flag' as const, enabled: true };
  return (await imapMailboxService(deps).create(systemCtx(deps, organizationId), { organizationId }, box)).id;
}

/** A mail from an unknown sender held in the organisation's quarantine (default policy: hold). */
export async function newInboundMessage(deps: Deps, organizationId: string): Promise<string> {
  const row = await deps.database.db
    .selectFrom('mail_addresses')
    .select('address')
    .where('id', '=', await newMailAddress(deps, organizationId))
    .executeTakeFirstOrThrow();
  const raw = Buffer.from(
    `From: inconnu@ailleurs.test\r\nTo: ${row.address}\r\nSubject: Bonjour\r\nMessage-ID: <${unique('m')}@matrice.test>\r\n\r\nTexte\r\n`,
  );
  const out = await processInbound(deps, raw, { mailFrom: 'inconnu@ailleurs.test', rcptTo: [row.address] });
  return out.id as string;
}

/** A public topic channel whose owner is a new member; returns the channel and its owner. */
export async function newChannel(deps: Deps, organizationId: string): Promise<{ id: string; ownerId: string }> {
  const ownerId = await newMember(deps, organizationId, 'assistant', null);
  const id = await seedChannel(deps, organizationId, { kind: 'topic', name: unique('Canal') }, [], [ownerId]);
  return { id, ownerId };
}

/** A message of a new public channel, posted by that channel's owner. */
export async function newChannelMessage(deps: Deps, organizationId: string): Promise<{ id: string; authorId: string }> {
  const channel = await newChannel(deps, organizationId);
  const id = await seedMessage(deps, organizationId, channel.id, channel.ownerId, 'Bonjour à tous');
  return { id, authorId: channel.ownerId };
}

/** A file attached to a message of a new public channel. */
export async function newMessageFile(deps: Deps, organizationId: string): Promise<string> {
  const message = await newChannelMessage(deps, organizationId);
  return seedMessageFile(deps, organizationId, message.id);
}

/** A recurring schedule (every Monday at 09:00) through the real service, on a new site unless one is given. */
export async function newRecurringSchedule(
  deps: Deps,
  organizationId: string,
  opts: { siteId?: string; serviceId?: string; requesterId?: string; rule?: Record<string, unknown> } = {},
): Promise<string> {
  const siteId = opts.siteId ?? (await newSite(deps, organizationId));
  const input = ZScheduleInput.parse({
    name: unique('Récurrent'),
    serviceId: opts.serviceId ?? (await newService(deps, organizationId)),
    siteId,
    requesterId: opts.requesterId ?? (await newMember(deps, organizationId, 'requester', siteId)),
    title: 'Tournée de {date}',
    rule: opts.rule ?? { kind: 'weekly', weekdays: ['mon'], time: '09:00' },
  });
  return (await createSchedule(systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** A portal announcement (current, every site unless told otherwise) through the real service. */
export async function newAnnouncement(deps: Deps, organizationId: string, input: Record<string, unknown> = {}): Promise<string> {
  const parsed = ZAnnouncementInput.parse({ title: unique('Annonce'), body: 'Le **standard** ferme à 16 h.', ...input });
  return (await createAnnouncement(systemCtx(deps, organizationId), { organizationId }, parsed)).id;
}

/** An archive folder (open to every role, writable by all but the DPO unless permissions are given). */
export async function newArchiveFolder(deps: Deps, organizationId: string, input: Record<string, unknown> = {}): Promise<string> {
  const all = ['requester', 'assistant', 'coordinator', 'org_admin', 'external_agent', 'dpo', 'executive', 'operator'];
  const permissions = { readRoles: all, writeRoles: all.filter((r) => r !== 'dpo'), readTeams: [], writeTeams: [] };
  const parsed = ZFolderInput.parse({ name: unique('Dossier'), permissions, ...input });
  return (await createFolder(systemCtx(deps, organizationId), { organizationId }, parsed)).id;
}

/** An archive document with a small text file stored through deps.storage, in a new folder unless one is given. */
export async function newArchiveDocument(
  deps: Deps,
  organizationId: string,
  folderId?: string,
  text = 'Bonjour',
): Promise<string> {
  const folder = folderId ?? (await newArchiveFolder(deps, organizationId));
  const stored = await deps.storage.put(Readable.from([Buffer.from(text)]));
  const file = { ...stored, fileName: 'note.txt', contentType: 'text/plain' };
  const meta = { name: unique('Document'), type: 'autre' as const, retention: 'standard' as const, description: '', tags: [] };
  return (await createDocument(systemCtx(deps, organizationId), { organizationId }, folder, file, meta)).id;
}

/** A knowledge-base space through the real service. */
export async function newKbSpace(deps: Deps, organizationId: string): Promise<string> {
  return (await createSpace(systemCtx(deps, organizationId), { organizationId }, { name: unique('Espace'), description: '' })).id;
}

/** A knowledge-base article (a draft for requesters of every site unless told otherwise), in a new space unless one is given. */
export async function newKbArticle(deps: Deps, organizationId: string, input: Record<string, unknown> = {}): Promise<string> {
  const parsed = ZArticleInput.parse({
    spaceId: input.spaceId ?? (await newKbSpace(deps, organizationId)),
    title: unique('Article'),
    body: 'Réponse **claire**.',
    type: 'faq',
    audience: { kind: 'requesters', siteIds: [] },
    ...input,
  });
  return (await createArticle(systemCtx(deps, organizationId), { organizationId }, parsed)).id;
}

/** A webhook subscription to request creation, on a public documentation address (TEST-NET-3, passes the guard). */
export async function newWebhook(deps: Deps, organizationId: string, url = 'https://203.0.113.10/relais'): Promise<string> {
  const input = { url, eventTypes: ['request.created' as const], description: unique('Webhook'), active: true };
  return (await createWebhook(deps, systemCtx(deps, organizationId), { organizationId }, input)).id;
}

/** A queued « ping » delivery of a new subscription (not sent: only the routes kick the sender). */
export async function newWebhookDelivery(deps: Deps, organizationId: string): Promise<string> {
  const hook = await newWebhook(deps, organizationId);
  return (await pingWebhook(systemCtx(deps, organizationId), { organizationId }, hook)).id;
}
