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

export interface Organization extends Versioned {
  name: string;
  slug: string;
  requireMfaStaff: boolean;
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
}

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  password?: string;
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
  active: boolean;
  position: number;
}
