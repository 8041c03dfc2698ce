/**
 * Row types as the application sees them after normalisation (db/normalize.ts):
 * timestamps are ISO-8601 UTC strings, booleans are booleans, JSON columns are parsed.
 * On the wire the drivers differ (PG: Date/boolean/object; SQLite: text/0-1/text).
 */
import type { ColumnType } from 'kysely';

type Ts = ColumnType<string, string, string>;
type Bool = ColumnType<boolean, boolean, boolean>;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  require_mfa_staff: Bool;
  /** Prefix of human-readable request references (DEM-2026-000123). */
  request_prefix: ColumnType<string, string | undefined, string>;
  /** Days after resolution during which a requester may reopen. */
  reopen_days: ColumnType<number, number | undefined, number>;
  priority_matrix: Json<Record<string, Record<string, string>>> | null;
  /** Inbound mail from an unknown sender: 'create_requester' | 'hold' | 'reject' (server/modules/mail). */
  mail_unknown_sender: ColumnType<string, string | undefined, string>;
  /** Urgent alerts (issue 5): repeat every N minutes, escalate to the coordinators after M minutes. */
  alert_repeat_minutes: ColumnType<number, number | undefined, number>;
  alert_escalate_minutes: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: string;
  is_operator: Bool;
  totp_secret: string | null;
  totp_enabled: Bool;
  /** Last accepted TOTP time step: a code is accepted once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  recovery_codes: Json<string[]> | null;
  disabled: Bool;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface MembershipsTable {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  site_id: string | null;
  skills: Json<string[]> | null;
  /** Out-of-office flag: never auto-assigned before this instant. */
  unavailable_until: Ts | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface SitesTable {
  id: string;
  organization_id: string;
  name: string;
  address: string;
  timezone: string;
  holiday_region: string;
  business_hours: Json<Record<string, [string, string][]>>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface SiteClosuresTable {
  id: string;
  organization_id: string;
  site_id: string;
  starts_on: string;
  ends_on: string;
  label: string;
  /** Local "HH:MM" bounds of a half-day closure; null for whole days. */
  start_time: string | null;
  end_time: string | null;
  created_at: Ts;
}
export interface FunctionsTable {
  id: string;
  organization_id: string;
  name: string;
  code: string;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface TeamsTable {
  id: string;
  organization_id: string;
  name: string;
  model: string;
  coordinator_id: string | null;
  provider_name: string | null;
  contract_ref: string | null;
  assignment_rule: ColumnType<string, string | undefined, string>;
  last_assignee_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface TeamLinkTable {
  team_id: string;
  organization_id: string;
}
export interface TeamSitesTable extends TeamLinkTable {
  site_id: string;
}
export interface TeamFunctionsTable extends TeamLinkTable {
  function_id: string;
}
export interface TeamMembersTable extends TeamLinkTable {
  user_id: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  organization_id: string | null;
  csrf_token: string;
  mfa_pending: Bool;
  ip: string;
  user_agent: string;
  created_at: Ts;
  last_seen_at: Ts;
  expires_at: Ts;
  revoked_at: Ts | null;
}
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  created_at: Ts;
  expires_at: Ts;
  used_at: Ts | null;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  organization_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: Json<string[]>;
  created_at: Ts;
  last_used_at: Ts | null;
  expires_at: Ts | null;
  revoked_at: Ts | null;
}
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Ts;
  locked_until: Ts | null;
}
export interface AuditLogTable {
  id: string;
  organization_id: string;
  seq: number;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: Json<Record<string, unknown>>;
  ip: string;
  created_at: Ts;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadsTable {
  organization_id: string;
  seq: number;
  hash: string;
}
export interface IdempotencyKeysTable {
  id: string;
  user_id: string;
  route: string;
  status_code: number;
  response: Json<unknown>;
  created_at: Ts;
}
export interface SlaPoliciesTable {
  id: string;
  organization_id: string;
  name: string;
  /** Per priority: business minutes to first response, resolution, optional next update. */
  targets: Json<Record<string, { firstResponse: number; resolution: number; nextUpdate?: number | null }>>;
  is_default: Bool;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface ServiceCategoriesTable {
  id: string;
  organization_id: string;
  name: string;
  icon: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface ServicesTable {
  id: string;
  organization_id: string;
  category_id: string;
  name: string;
  description: string;
  team_id: string | null;
  function_id: string | null;
  autonomy_level: number;
  required_skills: Json<string[]>;
  confidentiality: string;
  default_priority: string;
  sla_policy_id: string | null;
  approval_role: string | null;
  form: Json<unknown[]>;
  /** Steps copied onto each new request of the service. */
  checklist: Json<string[]> | null;
  active: Bool;
  /** Satisfaction survey sent when a request of the service is resolved (server/modules/csat). */
  csat_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  position: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
type Int0 = ColumnType<number, number | undefined, number>;
export interface RequestCountersTable {
  organization_id: string;
  year: number;
  last_number: number;
}
export interface RequestsTable {
  id: string;
  organization_id: string;
  reference: string;
  title: string;
  description: string;
  service_id: string | null;
  answers: Json<Record<string, unknown>>;
  requester_id: string;
  created_by_id: string | null;
  source: string;
  site_id: string;
  function_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  /** Why the assignee was chosen: { rule, candidates, skill? }. */
  assignment_note: Json<Record<string, unknown>> | null;
  status: string;
  priority: string;
  impact: string | null;
  urgency: string | null;
  confidentiality: string;
  tags: Json<string[]>;
  approval_role: string | null;
  approved_by_id: string | null;
  sla_policy_id: string | null;
  /** First business instant of the clocks (next opening when created outside hours). */
  sla_started_at: Ts | null;
  first_response_due_at: Ts | null;
  first_responded_at: Ts | null;
  resolution_due_at: Ts | null;
  /** 75 % of the resolution target elapsed: the "at risk" instant. */
  resolution_at_risk_at: Ts | null;
  sla_paused_at: Ts | null;
  /** Business minutes spent paused (waiting states), added to the resolution target. */
  sla_paused_minutes: Int0;
  sla_state: ColumnType<string, string | undefined, string>;
  first_response_state: ColumnType<string, string | undefined, string>;
  resolved_at: Ts | null;
  closed_at: Ts | null;
  last_activity_at: Ts;
  recurring_schedule_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface RequestEventsTable {
  id: string;
  organization_id: string;
  request_id: string;
  created_at: Ts;
  actor_id: string | null;
  kind: string;
  /** Shown to the requester (replies, status changes) or staff only (notes, views, SLA). */
  public: Bool;
  body: string | null;
  data: Json<Record<string, unknown>>;
}
export interface RequestAccessTable {
  id: string;
  organization_id: string;
  request_id: string;
  user_id: string;
  /** 'watcher' (follows) or 'cleared' (named staff allowed on a confidential request). */
  role: string;
  created_at: Ts;
}
export interface RequestLinksTable {
  id: string;
  organization_id: string;
  request_id: string;
  other_id: string;
  kind: string;
  created_at: Ts;
}
export interface AttachmentsTable {
  id: string;
  organization_id: string;
  /** null while staged: uploaded for a request that is still being written. */
  request_id: string | null;
  event_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  internal: ColumnType<boolean, boolean | undefined, boolean>;
  uploaded_by_id: string | null;
  created_at: Ts;
}
export interface ChecklistItemsTable {
  id: string;
  organization_id: string;
  request_id: string;
  label: string;
  position: number;
  done: ColumnType<boolean, boolean | undefined, boolean>;
  done_by_id: string | null;
  done_at: Ts | null;
  created_at: Ts;
}
export interface CannedResponsesTable {
  id: string;
  organization_id: string;
  team_id: string | null;
  title: string;
  body: string;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface SavedViewsTable {
  id: string;
  organization_id: string;
  /** null: shared with the whole team of staff. */
  owner_id: string | null;
  name: string;
  filters: Json<Record<string, unknown>>;
  position: Int0;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface RecurringSchedulesTable {
  id: string;
  organization_id: string;
  name: string;
  service_id: string | null;
  site_id: string;
  team_id: string | null;
  requester_id: string;
  assignee_id: string | null;
  title: string;
  description: string;
  priority: string;
  rule: Json<Record<string, unknown>>;
  checklist: Json<string[]>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  next_run_at: Ts | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface RecurringOccurrencesTable {
  id: string;
  organization_id: string;
  schedule_id: string;
  /** The occurrence's local date (YYYY-MM-DD): unique per schedule, so never created twice. */
  occurrence: string;
  request_id: string | null;
  created_at: Ts;
}
/** A coordinator's announcement on the portal: shown to the members of its sites ([] = all) within its window. */
export interface AnnouncementsTable {
  id: string;
  organization_id: string;
  title: string;
  /** Markdown. */
  body: string;
  audience_site_ids: Json<string[]>;
  starts_at: Ts;
  ends_at: Ts | null;
  pinned: ColumnType<boolean, boolean | undefined, boolean>;
  author_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** One self-help step of a request form visit (session): suggestion shown, article opened, submitted, abandoned. */
export interface DeflectionEventsTable {
  id: string;
  organization_id: string;
  session_id: string;
  user_id: string | null;
  site_id: string | null;
  service_id: string | null;
  kind: string;
  /** '' when the event names no article. */
  article_id: ColumnType<string, string | undefined, string>;
  request_id: string | null;
  created_at: Ts;
}
export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sites: SitesTable;
  site_closures: SiteClosuresTable;
  functions: FunctionsTable;
  teams: TeamsTable;
  team_sites: TeamSitesTable;
  team_functions: TeamFunctionsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  sla_policies: SlaPoliciesTable;
  service_categories: ServiceCategoriesTable;
  services: ServicesTable;
  request_counters: RequestCountersTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_access: RequestAccessTable;
  request_links: RequestLinksTable;
  attachments: AttachmentsTable;
  checklist_items: ChecklistItemsTable;
  canned_responses: CannedResponsesTable;
  saved_views: SavedViewsTable;
  recurring_schedules: RecurringSchedulesTable;
  recurring_occurrences: RecurringOccurrencesTable;
  announcements: AnnouncementsTable;
  deflection_events: DeflectionEventsTable;
}

/**
 * Searchable text of one request (server/modules/search): written on every write to the request.
 * SQLite also has an integer `id` (the FTS5 rowid) and PostgreSQL a weighted `tsv`, both used only by
 * the search module's dialect-specific SQL.
 */
export interface RequestSearchTable {
  request_id: string;
  organization_id: string;
  /** Reference and its short number ("DEM-2026-000123 123"). */
  ref_text: string;
  title_text: string;
  /** Description, form answers (people and sites by name), requester's name. */
  body_text: string;
  /** Public timeline texts (replies, reasons), latest kept when capped. */
  reply_text: string;
  /** Internal notes: searched by staff who work requests only. */
  note_text: string;
  /** PostgreSQL only. */
  tsv?: ColumnType<never, unknown, unknown>;
}
export interface DB {
  request_search: RequestSearchTable;
}

/** A folder of the document archive; `permissions` null inherits the parent's (modules/archive/archive.access.ts). */
export interface ArchiveFoldersTable {
  id: string;
  organization_id: string;
  parent_id: string | null;
  name: string;
  site_id: string | null;
  function_id: string | null;
  permissions: Json<{ readRoles: string[]; writeRoles: string[]; readTeams: string[]; writeTeams: string[] }> | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** A document of the archive: metadata and its current version number; the bytes are in archive_versions. */
export interface ArchiveDocumentsTable {
  id: string;
  organization_id: string;
  folder_id: string;
  name: string;
  doc_type: string;
  retention: string;
  description: ColumnType<string, string | undefined, string>;
  tags: Json<string[]>;
  /** Name, description, tags and file name, folded (lower case, no accents) for accent-insensitive search. */
  search_text: string;
  current_version: number;
  created_by_id: string | null;
  updated_by_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface ArchiveVersionsTable {
  id: string;
  organization_id: string;
  document_id: string;
  number: number;
  storage_key: string;
  size: number;
  sha256: string;
  content_type: string;
  /** The uploaded file's name as shown (never used as a path). */
  file_name: string;
  uploaded_by_id: string | null;
  created_at: Ts;
}
export interface DB {
  archive_folders: ArchiveFoldersTable;
  archive_documents: ArchiveDocumentsTable;
  archive_versions: ArchiveVersionsTable;
}

/** Knowledge base (server/modules/kb, migration 0009). Template spaces are provider-wide: no organization_id. */
export interface KbTemplatesTable {
  id: string;
  name: string;
  description: string;
  created_at: Ts;
}
export interface KbTemplateArticlesTable {
  id: string;
  template_id: string;
  title: string;
  body: string;
  type: string;
  position: ColumnType<number, number | undefined, number>;
}
export interface KbSpacesTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  template_of: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface KbArticlesTable {
  id: string;
  organization_id: string;
  space_id: string;
  title: string;
  /** Markdown, stored verbatim. */
  body: string;
  type: string;
  status: string;
  /** The audience as the API sends it: { kind, siteIds | teamIds }. */
  audience: Json<{ kind: string; siteIds?: string[]; teamIds?: string[] }>;
  /** requesters | staff | teams; the sites or teams are rows of kb_article_targets. */
  audience_kind: string;
  owner_id: string | null;
  /** Next review date, YYYY-MM-DD. */
  review_on: string | null;
  review_notified_at: Ts | null;
  views: ColumnType<number, number | undefined, number>;
  source_request_id: string | null;
  published_at: Ts | null;
  revision: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
export interface KbArticleTargetsTable {
  organization_id: string;
  article_id: string;
  /** A site id (requesters audience) or a team id (teams audience). */
  target_id: string;
}
export interface KbArticleServicesTable {
  organization_id: string;
  article_id: string;
  service_id: string;
}
export interface KbRevisionsTable {
  id: string;
  organization_id: string;
  article_id: string;
  number: number;
  title: string;
  body: string;
  author_id: string | null;
  note: string | null;
  created_at: Ts;
}
export interface KbVotesTable {
  organization_id: string;
  article_id: string;
  user_id: string;
  helpful: Bool;
  created_at: Ts;
  updated_at: Ts;
}
export interface KbViewsTable {
  organization_id: string;
  article_id: string;
  user_id: string;
  /** Last counted view of this user (one per hour). */
  viewed_at: Ts;
}
/** Searchable text of one article; SQLite adds the FTS5 rowid `id`, PostgreSQL a weighted `tsv`. */
export interface KbSearchTable {
  article_id: string;
  organization_id: string;
  title_text: string;
  body_text: string;
  tsv?: ColumnType<never, unknown, unknown>;
}
export interface DB {
  kb_templates: KbTemplatesTable;
  kb_template_articles: KbTemplateArticlesTable;
  kb_spaces: KbSpacesTable;
  kb_articles: KbArticlesTable;
  kb_article_targets: KbArticleTargetsTable;
  kb_article_services: KbArticleServicesTable;
  kb_revisions: KbRevisionsTable;
  kb_votes: KbVotesTable;
  kb_views: KbViewsTable;
  kb_search: KbSearchTable;
}

/** One satisfaction survey per resolved request (server/modules/csat): snapshot, mail outbox state, rating. */
export interface CsatSurveysTable {
  id: string;
  organization_id: string;
  request_id: string;
  service_id: string | null;
  team_id: string | null;
  site_id: string | null;
  assignee_id: string | null;
  requester_id: string;
  /** The resolution that opened the survey. */
  created_at: Ts;
  /** End of the rating window (7 days after creation). */
  closes_at: Ts;
  /** SHA-256 of the e-mailed link token (the token itself is never stored). */
  token_hash: string | null;
  /** Lease of the sender that claimed the mail (event listener or scheduled task). */
  mail_claimed_at: Ts | null;
  mail_attempts: ColumnType<number, number | undefined, number>;
  mailed_at: Ts | null;
  score: number | null;
  comment: string | null;
  rated_at: Ts | null;
  /** 'link' (e-mailed page) or 'app'. */
  rated_via: string | null;
  updated_at: Ts;
  version: Version;
}
export interface DB {
  csat_surveys: CsatSurveysTable;
}

/** An address the organisation receives requests on (server/modules/mail); unique platform-wide. */
export interface MailAddressesTable {
  id: string;
  organization_id: string;
  address: string;
  service_id: string;
  team_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** One received mail per organisation and Message-ID: what became of it (request, reply, quarantine…). */
export interface InboundMessagesTable {
  id: string;
  organization_id: string;
  message_id: string;
  from_address: string;
  to_address: string;
  subject: string;
  /** created | replied | ignored | quarantined | rejected */
  status: string;
  reason: string | null;
  request_id: string | null;
  raw_key: string;
  attempts: ColumnType<number, number | undefined, number>;
  received_at: Ts;
  updated_at: Ts;
}
export interface DB {
  mail_addresses: MailAddressesTable;
  inbound_messages: InboundMessagesTable;
}
/** A mailbox hosted elsewhere that Relais polls over IMAP (server/modules/mail/mail.imap.ts). */
export interface ImapMailboxesTable {
  id: string;
  organization_id: string;
  /** The inbound address (service, team) whose requests this mailbox feeds. */
  address_id: string;
  host: string;
  port: number;
  tls: Bool;
  username: string;
  /** Encrypted with deps.cipher; never returned by the API. */
  password_encrypted: string;
  folder: ColumnType<string, string | undefined, string>;
  /** flag (\\Seen + $RelaisImported) | delete */
  after_action: ColumnType<string, string | undefined, string>;
  enabled: Bool;
  poll_claim: string | null;
  poll_claimed_at: Ts | null;
  last_polled_at: Ts | null;
  last_error: string | null;
  last_error_code: string | null;
  last_imported: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** The Message-ID of a mail Relais sent about a request (a reply naming it threads into the request). */
export interface OutboundMessagesTable {
  id: string;
  organization_id: string;
  request_id: string;
  message_id: string;
  created_at: Ts;
}
export interface DB {
  imap_mailboxes: ImapMailboxesTable;
  outbound_messages: OutboundMessagesTable;
}

/** A webhook subscription of an organisation (server/modules/webhooks). */
export interface WebhooksTable {
  id: string;
  organization_id: string;
  url: string;
  description: ColumnType<string, string | undefined, string>;
  /** Declared event types (common/webhooks.ts), JSON array. */
  event_types: ColumnType<string[], string, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** The signing secret, encrypted with deps.cipher (shown once, never stored in clear). */
  secret_encrypted: string;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** One event to send to one subscription: the signed body, retry schedule, sender lease and last response. */
export interface WebhookDeliveriesTable {
  id: string;
  organization_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  body: string;
  /** 'pending' | 'delivered' | 'failed'. */
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Ts | null;
  claimed_at: Ts | null;
  last_attempt_at: Ts | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: Ts | null;
  created_at: Ts;
}
export interface DB {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** One notification for one recipient (server/modules/notifications) with its mail outbox state. */
export interface NotificationsTable {
  id: string;
  organization_id: string;
  user_id: string;
  type: string;
  params: Json<Record<string, string>>;
  target_type: string | null;
  target_id: string | null;
  url: string;
  urgent: Bool;
  actor_id: string | null;
  created_at: Ts;
  read_at: Ts | null;
  /** Set once the live push went out (after commit). */
  pushed_at: Ts | null;
  /** pending (immediate mail due at mail_due_at) | digest (in the 08:00 digest) | sent | none */
  mail_state: string;
  mail_due_at: Ts | null;
  mail_claim: string | null;
  mail_claimed_at: Ts | null;
  mail_attempts: ColumnType<number, number | undefined, number>;
  mailed_at: Ts | null;
}
/** A user's e-mail preferences in one organisation: mode per notification type, quiet hours. */
export interface NotificationSettingsTable {
  id: string;
  organization_id: string;
  user_id: string;
  modes: Json<Record<string, string>>;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: Ts;
}
export interface DB {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}

/** A chat channel (server/modules/channels): of a site, a team or a topic; `urgent`: every message is urgent. */
export interface ChannelsTable {
  id: string;
  organization_id: string;
  /** site | team | topic */
  kind: string;
  site_id: string | null;
  team_id: string | null;
  name: string;
  description: string;
  private: Bool;
  urgent: Bool;
  archived: Bool;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}
/** A member of a channel (role member | owner) and where they stopped reading. */
export interface ChannelMembersTable {
  id: string;
  organization_id: string;
  channel_id: string;
  user_id: string;
  role: string;
  joined_at: Ts;
  last_read_at: Ts | null;
  last_read_message_id: string | null;
  muted: Bool;
}
/** A message of a channel; a reply names its thread root. Deleted messages keep their row (body emptied). */
export interface MessagesTable {
  id: string;
  organization_id: string;
  channel_id: string;
  author_id: string | null;
  body: string;
  thread_root_id: string | null;
  urgent: Bool;
  request_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  edited_at: Ts | null;
  deleted_at: Ts | null;
  version: Version;
}
/** The body a message had before an edit or its deletion (kind edit | delete). */
export interface MessageRevisionsTable {
  id: string;
  organization_id: string;
  message_id: string;
  kind: string;
  body: string;
  editor_id: string | null;
  created_at: Ts;
}
/** Searchable text of one live message (like kb_search: FTS5 rowid `id` on SQLite, `tsv` on PostgreSQL). */
export interface MessageSearchTable {
  message_id: string;
  organization_id: string;
  channel_id: string;
  body_text: string;
  tsv?: ColumnType<never, unknown, unknown>;
}
export interface DB {
  channels: ChannelsTable;
  channel_members: ChannelMembersTable;
  messages: MessagesTable;
  message_revisions: MessageRevisionsTable;
  message_search: MessageSearchTable;
}
/** A file posted in a channel: pending (no message yet, its uploader's) until a message carries it. */
export interface MessageFilesTable {
  id: string;
  organization_id: string;
  channel_id: string;
  message_id: string | null;
  uploaded_by_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Ts;
}
export interface DB {
  message_files: MessageFilesTable;
}
/** The urgent alert of an urgent root message (targets: user ids), repeated until acknowledged. */
export interface MessageAlertsTable {
  id: string;
  organization_id: string;
  message_id: string;
  channel_id: string;
  author_id: string | null;
  targets: Json<string[]>;
  repeats: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  next_repeat_at: Ts | null;
  escalate_at: Ts | null;
  escalated_at: Ts | null;
  acknowledged_by: string | null;
  acknowledged_at: Ts | null;
  claim: string | null;
  claimed_at: Ts | null;
}
export interface DB {
  message_alerts: MessageAlertsTable;
}
/** A unit of background work (platform/jobs.ts): pending → running → done, or back to pending with a delay, or failed. */
export interface JobsTable {
  id: string;
  name: string;
  payload: Json<Record<string, unknown>>;
  state: 'pending' | 'running' | 'done' | 'failed';
  run_at: Ts;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Ts | null;
  /** One job per key (a schedule's period, an idempotent enqueue). */
  dedupe_key: string | null;
  /** The HTTP request that enqueued it, so its logs join the request's. */
  request_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  finished_at: Ts | null;
}
/** A periodic task's next period: the node that moves `next_run_at` forward enqueues that period's job. */
export interface JobSchedulesTable {
  name: string;
  every_ms: number;
  next_run_at: Ts;
  last_run_at: Ts | null;
  last_node: string | null;
}
/** A Relais process, seen by its heartbeat. */
export interface ClusterNodesTable {
  id: string;
  hostname: string;
  pid: number;
  port: number | null;
  version: string;
  started_at: Ts;
  seen_at: Ts;
  stopped_at: Ts | null;
}
/** A backup made by `npm run backup` (the operator's page shows the last one). */
export interface BackupRunsTable {
  id: string;
  file: string;
  dialect: string;
  bytes: ColumnType<number, number, number>;
  tables: number;
  files: number;
  started_at: Ts;
  finished_at: Ts;
}
export interface DB {
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  cluster_nodes: ClusterNodesTable;
  backup_runs: BackupRunsTable;
}
