/** Request enumerations and the status workflow, shared by server and web (no zod, no Node). */
import type { Priority } from './catalog-enums.ts';

export const REQUEST_STATUSES = [
  'pending_approval',
  'new',
  'assigned',
  'in_progress',
  'waiting_requester',
  'waiting_third_party',
  'resolved',
  'closed',
  'cancelled',
  'rejected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the resolution clock is paused. */
export const PAUSED_STATUSES: readonly RequestStatus[] = ['waiting_requester', 'waiting_third_party'];
/** Statuses that end the work (no SLA clock, not in open queues). */
export const DONE_STATUSES: readonly RequestStatus[] = ['resolved', 'closed', 'cancelled', 'rejected'];
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !DONE_STATUSES.includes(s));

/**
 * The enforced workflow: new → assigned → in_progress → waiting_* → resolved → closed; reopen from
 * resolved (within the organisation's window, checked by the service); cancel while open.
 * Approval (pending_approval → new | rejected) is driven by the approve/reject action, not a PATCH.
 */
export const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  pending_approval: ['cancelled'],
  new: ['assigned', 'in_progress', 'waiting_requester', 'waiting_third_party', 'resolved', 'cancelled'],
  assigned: ['in_progress', 'waiting_requester', 'waiting_third_party', 'resolved', 'cancelled'],
  in_progress: ['waiting_requester', 'waiting_third_party', 'resolved', 'cancelled'],
  waiting_requester: ['in_progress', 'waiting_third_party', 'resolved', 'cancelled'],
  waiting_third_party: ['in_progress', 'waiting_requester', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
  rejected: [],
};

export const REQUEST_SOURCES = ['portal', 'email', 'phone', 'chat', 'api', 'recurring'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

export const IMPACTS = ['high', 'medium', 'low'] as const;
export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Level = (typeof IMPACTS)[number];
/** impact → urgency → priority (ITIL matrix); an organisation can configure its own. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

/** Links between two requests; each is stored in both directions (`duplicated_by` is the inverse of `duplicate_of`). */
export const LINK_KINDS = ['parent_of', 'child_of', 'duplicate_of', 'duplicated_by', 'related'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** SLA state of a clock as queues and badges show it. */
export const SLA_STATES = ['ok', 'at_risk', 'breached', 'paused', 'met', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ASSIGNMENT_RULES = ['manual', 'round_robin', 'least_loaded', 'skills'] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];

/** Kinds of timeline events. */
export const EVENT_KINDS = [
  'created',
  'field_changed',
  'assigned',
  'status_changed',
  'reply',
  'note',
  'sla_at_risk',
  'sla_breached',
  'viewed',
  'approval_requested',
  'approved',
  'rejected',
  'attachment_added',
  'attachment_removed',
  'link_added',
  'link_removed',
  'watcher_added',
  'watcher_removed',
  'cleared_added',
  'cleared_removed',
  'checklist_checked',
  'checklist_unchecked',
  'checklist_added',
  'csat_rated',
  /** Created from a chat message (internal; data: messageId, channelId, channelName). */
  'from_message',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
