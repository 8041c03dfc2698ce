import type { CONFIDENTIALITY, FormField, Priority } from '../../../common/catalog.ts';
import type { ActorRole, HolidayRegion, Role, TeamModel, Weekday } from '../../../common/roles.ts';

export type Locale = 'fr' | 'en';

export interface Membership {
  organizationId: string;
  organizationName: string;
  /** `operator` for an operator's entry on an organisation they are not a member of. */
  role: ActorRole;
  siteId: string | null;
}

export interface Me {
  user: { id: string; email: string; displayName: string; locale: Locale; isOperator: boolean; totpEnabled: boolean };
  organization: { id: string; name: string; slug: string; requireMfaStaff: boolean } | null;
  role: ActorRole | null;
  siteId: string | null;
  memberships: Membership[];
  allowedActions: string[];
  csrfToken: string;
  home: string;
  mfaEnrolmentRequired: boolean;
}

export interface LoginResponse {
  mfaRequired: boolean;
  csrfToken: string;
  home: string;
}

export interface ItemList<T> {
  items: T[];
}

interface Versioned {
  id: string;
  version: number;
  allowedActions?: string[];
}

export type PriorityMatrix = Record<'high' | 'medium' | 'low', Record<'high' | 'medium' | 'low', Priority>>;
export interface Organization extends Versioned {
  name: string;
  slug: string;
  requireMfaStaff: boolean;
  requestPrefix: string;
  reopenDays: number;
  priorityMatrix: PriorityMatrix;
}

export type TimeRange = [string, string];
export type BusinessHours = Record<Weekday, TimeRange[]>;

export interface Holiday {
  date: string;
  name: string;
}

export interface Site extends Versioned {
  name: string;
  address: string;
  timezone: string;
  holidayRegion: HolidayRegion;
  businessHours: BusinessHours;
  createdAt: string;
  updatedAt: string;
  localTime?: string;
  openNow?: boolean;
  nextHoliday?: Holiday | null;
}

export type SiteInput = Pick<Site, 'name' | 'address' | 'timezone' | 'holidayRegion' | 'businessHours'>;

export interface Closure {
  id: string;
  startsOn: string;
  endsOn: string;
  label: string;
  /** `HH:MM` bounds of a half-day closure (each day of the period); null for whole days. */
  startTime?: string | null;
  endTime?: string | null;
}

export interface SiteCalendar {
  holidays: Holiday[];
  closures: Closure[];
}

export interface OrgFunction extends Versioned {
  name: string;
  code: string;
}

export interface Team extends Versioned {
  name: string;
  model: TeamModel;
  coordinatorId: string | null;
  providerName: string | null;
  contractRef: string | null;
  /** How new requests of the team's services are assigned (common/requests.ts ASSIGNMENT_RULES). */
  assignmentRule: import('../../../common/requests.ts').AssignmentRule;
  siteIds: string[];
  functionIds: string[];
  memberIds: string[];
}

export type TeamInput = Omit<Team, 'id' | 'version' | 'allowedActions'>;

export interface OrgUser extends Versioned {
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  totpEnabled: boolean;
  /** Matched against a service's required skills by the « skills » assignment rule. */
  skills: string[];
  /** Out of office until this instant (UTC ISO); automatic assignment skips the person until then. */
  unavailableUntil: string | null;
}

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  password?: string;
  skills?: string[];
  /** ISO-8601 with its offset, or null to mark the person available again. */
  unavailableUntil?: string | null;
}

export interface Overview {
  organization: Organization;
  counts: { sites: number; functions: number; teams: number; users: number };
  sites: Site[];
  teams: Team[];
  myTeams: Team[];
}

export interface AuditEntry {
  id: string;
  seq: number;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
  ip: string | null;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditFilters {
  action?: string;
  actorId?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

export interface AuditVerify {
  ok: boolean;
  rows: number;
  firstBroken?: unknown;
}

export interface Session {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  current: boolean;
}

export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface PlatformOrganization {
  id: string;
  name: string;
  slug: string;
  createdAt?: string;
  version?: number;
  [extra: string]: unknown;
}

export interface NewOrganization {
  name: string;
  slug: string;
  adminEmail: string;
  adminName: string;
}

export interface SlaSimulation {
  siteId: string;
  timezone: string;
  start: string;
  minutes: number;
  end: string;
  endLocal: string;
}

export interface SlaTarget {
  firstResponse: number;
  resolution: number;
  nextUpdate?: number | null;
}

export type SlaTargets = Record<Priority, SlaTarget>;

export interface SlaPolicy extends Versioned {
  name: string;
  targets: SlaTargets;
  isDefault: boolean;
}

export interface ServiceCategory extends Versioned {
  name: string;
  icon: string;
  position: number;
}

export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export interface CatalogService extends Versioned {
  categoryId: string;
  name: string;
  description: string;
  teamId: string | null;
  functionId: string | null;
  autonomyLevel: 1 | 2 | 3 | 4;
  requiredSkills: string[];
  confidentiality: Confidentiality;
  defaultPriority: Priority;
  slaPolicyId: string | null;
  approvalRole: Role | null;
  form: FormField[];
  /** Steps copied onto each new request of the service. */
  checklist: string[];
  active: boolean;
  /** Satisfaction survey sent when a request of the service is resolved. */
  csatEnabled: boolean;
  position: number;
}
export type ServiceInput = Omit<CatalogService, 'id' | 'version' | 'allowedActions'>;

// ── Requests (workspace, requester pages) ──────────────────────────────────────────────────────────
type RequestStatus = import('../../../common/requests.ts').RequestStatus;
type SlaState = import('../../../common/requests.ts').SlaState;

/** An object the API names next to its id. */
export interface NamedRef {
  id: string;
  name: string;
}

/** The SLA clocks of a request (due dates are instants; the site's time zone formats them). */
export interface RequestSla {
  policyId: string | null;
  startedAt: string | null;
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  resolutionDueAt: string | null;
  atRiskAt: string | null;
  pausedAt: string | null;
  pausedMinutes: number;
  state: SlaState;
  firstResponseState: SlaState;
}

/** Why a request went to its assignee (common/assignment.ts explains it in words). */
export type AssignmentNote = import('../../../common/assignment.ts').AssignmentNote;

/** A request as lists show it. */
export interface RequestItem {
  id: string;
  reference: string;
  title: string;
  description: string;
  service: NamedRef | null;
  answers: Record<string, unknown>;
  requester: NamedRef | null;
  createdById: string | null;
  source: string;
  site: { id: string; name: string; timezone: string } | null;
  functionId: string | null;
  team: NamedRef | null;
  assignee: NamedRef | null;
  assignment: AssignmentNote | null;
  status: RequestStatus;
  priority: Priority;
  impact: string | null;
  urgency: string | null;
  confidentiality: Confidentiality;
  tags: string[];
  approvalRole: string | null;
  sla: RequestSla;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
  version: number;
  allowedActions: string[];
  snippet?: string | null;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  public: boolean;
  body: string | null;
  data: Record<string, unknown>;
  at: string;
  actor: NamedRef | null;
}

export interface ChecklistItem {
  id: string;
  label: string;
  position: number;
  done: boolean;
  doneById: string | null;
  doneAt: string | null;
}

export interface RequestAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  internal: boolean;
  createdAt: string;
  uploadedById: string | null;
}

export interface RequestLink {
  id: string;
  kind: string;
  request: { id: string; reference: string; title: string; status: RequestStatus };
}

/** `GET /api/requests/:id`. */
export interface RequestDetail extends RequestItem {
  timeline: TimelineEntry[];
  checklist: ChecklistItem[];
  attachments: RequestAttachment[];
  links: RequestLink[];
  watchers: NamedRef[];
  cleared: NamedRef[];
  /** The chat message it was created from (null when none, or when the viewer cannot read that channel). */
  sourceMessage?: { id: string; channelId: string; channelName: string; excerpt: string } | null;
}

export interface RequestPage {
  items: RequestItem[];
  nextCursor: string | null;
}

/** The list filters, as the query string of `GET /api/requests` (lists as comma-separated values). */
export type RequestFilters = {
  status?: string;
  open?: string;
  assigneeId?: string;
  requesterId?: string;
  /** 'true': the requests I follow as a watcher. */
  watching?: string;
  /** 'true': the requests waiting for my approval. */
  approving?: string;
  teamId?: string;
  siteId?: string;
  functionId?: string;
  serviceId?: string;
  priority?: string;
  tag?: string;
  sla?: string;
  q?: string;
  sort?: string;
};

/** A queue: a built-in, shared or personal saved view with its live count. */
export interface SavedView {
  id: string;
  name: string;
  filters: Record<string, unknown>;
  shared: boolean;
  /** The server says `builtIn`; `builtin` is accepted too. */
  builtIn?: boolean;
  builtin?: boolean;
  count?: number | null;
  version?: number;
  allowedActions?: string[];
}

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  teamId: string | null;
}

export interface BulkResult {
  results: { id: string; ok: boolean; code?: string; message?: string }[];
}

export interface PresencePerson {
  userId: string;
  name: string;
  mode: 'viewing' | 'replying';
  since: string;
}
