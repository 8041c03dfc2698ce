/**
 * One generated request with its timeline and access rows, from the organisation's real catalogue,
 * sites, teams and people (GenContext). Distributions follow the benchmark issue: sites, services,
 * priorities, statuses by age (old work closed, the newest ~2 % open), replies and history.
 */
import type { FormField } from '../common/catalog.ts';
import type { WorkCalendar } from '../server/platform/business-time.ts';
import { firstResponseLevel, resolutionLevel, startClocks, type Targets } from '../server/modules/requests/sla-clock.ts';
import { columns as cols } from './bulk.ts';
import { accessRows, history, iso, MINUTE, WALL_PER_BUSINESS } from './gen-history.ts';
import { DAY_MS, fill, idAt, type Random, type Weighted } from './gen-random.ts';
import { CLOSINGS, OPENINGS, SERVICE_WORDS, TAGS } from './gen-words.ts';

export interface GenService {
  id: string;
  name: string;
  teamId: string | null;
  functionId: string | null;
  confidentiality: string;
  approvalRole: string | null;
  slaPolicyId: string | null;
  form: FormField[];
}

export interface GenSite {
  id: string;
  calendar: WorkCalendar;
  requesters: string[];
}

export interface GenContext {
  organizationId: string;
  prefix: string;
  dialect: 'sqlite' | 'postgres';
  now: number;
  sites: Weighted<GenSite>;
  siteIds: string[];
  services: Weighted<GenService>;
  priorities: Weighted<string>;
  sources: Weighted<string>;
  targets: Map<string, Record<string, Targets>>;
  /** Who takes a team's work on a site (site's own member first), and who is cleared on its confidential work. */
  assignee: (teamId: string | null, siteId: string, rnd: Random) => string | null;
  cleared: Map<string, string[]>;
}

export interface Generated {
  request: unknown[];
  events: unknown[][];
  access: unknown[][];
  year: number;
  number: number;
}

const RECENT = new Map<string, number>([
  ['new', 15],
  ['assigned', 15],
  ['in_progress', 30],
  ['waiting_requester', 10],
  ['waiting_third_party', 5],
  ['resolved', 20],
  ['cancelled', 5],
]);
const OLD = new Map<string, number>([
  ['closed', 90],
  ['cancelled', 8],
  ['rejected', 2],
]);

function weightedStatus(table: Map<string, number>, rnd: Random): string {
  let x = rnd.next() * 100;
  for (const [status, w] of table) {
    x -= w;
    if (x < 0) return status;
  }
  return [...table.keys()].at(-1) ?? 'closed';
}

/** Status by age: the newest 2 % is live work, a few old ones were forgotten, the rest is done. */
function statusOf(service: GenService, recent: boolean, rnd: Random): string {
  let status = recent
    ? weightedStatus(RECENT, rnd)
    : rnd.chance(0.001)
      ? rnd.pick(['in_progress', 'waiting_third_party'])
      : weightedStatus(OLD, rnd);
  if (status === 'rejected' && !service.approvalRole) status = 'cancelled';
  if (status === 'new' && service.approvalRole && rnd.chance(0.5)) status = 'pending_approval';
  return status;
}

function answersOf(form: FormField[], ctx: GenContext, requesterId: string, siteId: string, rnd: Random, at: number) {
  const out: Record<string, unknown> = {};
  for (const f of form) {
    if (!f.required && rnd.chance(0.5)) continue;
    if (f.type === 'text') out[f.key] = fill(rnd.pick(['{fournisseur}', '{client}', '{ville}', '{objet}']), rnd);
    else if (f.type === 'long_text') out[f.key] = fill(rnd.pick(['{article} et {article2}', 'Au {lieu}, {panne}.']), rnd);
    else if (f.type === 'number') out[f.key] = rnd.int(f.min ?? 1, f.max ?? 2000);
    else if (f.type === 'date') out[f.key] = new Date(at + rnd.int(1, 30) * DAY_MS).toISOString().slice(0, 10);
    else if (f.type === 'choice' || f.type === 'multi_choice')
      out[f.key] = f.type === 'choice' ? rnd.pick(f.options ?? ['']) : [rnd.pick(f.options ?? [''])];
    else if (f.type === 'yes_no') out[f.key] = rnd.chance(0.5);
    else if (f.type === 'site') out[f.key] = rnd.chance(0.9) ? siteId : rnd.pick(ctx.siteIds);
    else if (f.type === 'person') out[f.key] = requesterId;
  }
  return out;
}

function texts(service: GenService, rnd: Random) {
  const words = SERVICE_WORDS[service.name] ?? { weight: 1, titles: [service.name], sentences: [service.name] };
  const sentences = Array.from({ length: rnd.int(1, 3) }, () => fill(rnd.pick(words.sentences), rnd));
  const parts = [rnd.pick(OPENINGS), [...new Set(sentences)].join(' '), rnd.pick(CLOSINGS)].filter(Boolean);
  return { title: fill(rnd.pick(words.titles), rnd), description: parts.join('\n\n') };
}

/** SLA clocks: computed on the site's calendar for live work, approximated in wall-clock time for history. */
function clocks(site: GenSite, created: number, targets: Targets | null, live: boolean) {
  if (!targets) return { started: null, firstDue: null, due: null, atRisk: null };
  if (live) {
    const c = startClocks(site.calendar, iso(created) ?? '', targets);
    const ms = (s: string | null) => (s ? Date.parse(s) : null);
    return {
      started: ms(c.sla_started_at),
      firstDue: ms(c.first_response_due_at),
      due: ms(c.resolution_due_at),
      atRisk: ms(c.resolution_at_risk_at),
    };
  }
  const wall = (minutes: number) => created + minutes * WALL_PER_BUSINESS * MINUTE;
  return {
    started: created,
    firstDue: wall(targets.firstResponse),
    due: wall(targets.resolution),
    atRisk: wall(targets.resolution * 0.75),
  };
}

/** The stored clock columns of generated SLA instants. */
function clockState(sla: ReturnType<typeof clocks>) {
  return {
    sla_started_at: iso(sla.started),
    first_response_due_at: iso(sla.firstDue),
    resolution_due_at: iso(sla.due),
    resolution_at_risk_at: iso(sla.atRisk),
  };
}

/** Builds request `index` of `total`, created at `created` with reference number `number` of its year. */
export function generateRequest(
  ctx: GenContext,
  rnd: Random,
  index: number,
  total: number,
  created: number,
  number: number,
): Generated {
  const site = ctx.sites.pick(rnd);
  const service = ctx.services.pick(rnd);
  const requesterId = site.requesters[Math.floor(site.requesters.length * rnd.next() ** 2)] ?? '';
  const id = idAt(created, rnd);
  const year = new Date(created).getUTCFullYear();
  const reference = `${ctx.prefix}-${year}-${String(number).padStart(6, '0')}`;
  const priority = ctx.priorities.pick(rnd);
  const source = ctx.sources.pick(rnd);
  const targets = service.slaPolicyId ? (ctx.targets.get(service.slaPolicyId)?.[priority] ?? null) : null;
  const status = statusOf(service, index >= total * 0.98, rnd);
  const live = !['closed', 'cancelled', 'rejected', 'resolved'].includes(status);
  const sla = clocks(site, created, targets, live);
  const h = history(ctx, rnd, {
    created,
    status,
    targets,
    requesterId,
    teamId: service.teamId,
    siteId: site.id,
    source,
    reference,
  });
  const last = h.events.reduce((m, e) => Math.max(m, e.at), created);
  const b = (v: boolean) => (ctx.dialect === 'sqlite' ? (v ? 1 : 0) : v);
  const events = h.events.map((e) => [
    idAt(e.at, rnd),
    ctx.organizationId,
    id,
    iso(e.at),
    e.actor,
    e.kind,
    b(e.pub),
    e.body ?? null,
    JSON.stringify(e.data),
  ]);
  const access = accessRows(ctx, rnd, service, site, { id, created, requesterId, assigneeId: h.assigneeId });
  const { title, description } = texts(service, rnd);
  const tags = rnd.chance(0.15) ? [rnd.pick(TAGS)] : [];
  const answers = answersOf(service.form, ctx, requesterId, site.id, rnd, created);
  const state = {
    ...clockState(sla),
    sla_paused_at: iso(h.pausedAt),
    sla_paused_minutes: 0,
    first_responded_at: iso(h.firstRespondedAt),
  };
  const levelAt = iso(h.doneAt ?? h.closedAt ?? Math.min(ctx.now, last + DAY_MS)) ?? '';
  const row: Record<string, unknown> = {
    ...state,
    id,
    organization_id: ctx.organizationId,
    reference,
    title,
    description,
    service_id: service.id,
    answers: JSON.stringify(answers),
    requester_id: requesterId,
    created_by_id: requesterId,
    source,
    site_id: site.id,
    function_id: service.functionId,
    team_id: service.teamId,
    assignee_id: h.assigneeId,
    assignment_note: h.assigneeId ? JSON.stringify({ rule: 'round_robin' }) : null,
    status,
    priority,
    confidentiality: service.confidentiality,
    tags: JSON.stringify(tags),
    approval_role: service.approvalRole,
    sla_policy_id: sla.started ? service.slaPolicyId : null,
    // The level the SLA watch would have stored by now (so its first scan has nothing to catch up on).
    sla_state: resolutionLevel(state, live ? (iso(ctx.now) ?? '') : levelAt),
    first_response_state: firstResponseLevel(state, live ? (iso(ctx.now) ?? '') : levelAt),
    resolved_at: iso(h.doneAt),
    closed_at: iso(h.closedAt),
    last_activity_at: iso(last),
    created_at: iso(created),
    updated_at: iso(last),
    version: h.events.length || 1,
  };
  const request = REQUEST_COLUMNS.map((c) => row[c.name] ?? null);
  return { request, events, access, year, number };
}

/** Column order of the rows above (PostgreSQL types for the unnest cast). */
export const REQUEST_COLUMNS = cols(
  'id organization_id reference title description service_id answers:jsonb requester_id created_by_id source site_id ' +
    'function_id team_id assignee_id assignment_note:jsonb status priority impact urgency confidentiality tags:jsonb ' +
    'approval_role approved_by_id sla_policy_id sla_started_at:ts first_response_due_at:ts first_responded_at:ts ' +
    'resolution_due_at:ts resolution_at_risk_at:ts sla_paused_at:ts sla_paused_minutes:int sla_state first_response_state ' +
    'resolved_at:ts closed_at:ts ' +
    'last_activity_at:ts recurring_schedule_id created_at:ts updated_at:ts version:int',
);
export const EVENT_COLUMNS = cols('id organization_id request_id created_at:ts actor_id kind public:bool body data:jsonb');
export const ACCESS_COLUMNS = cols('id organization_id request_id user_id role created_at:ts');
