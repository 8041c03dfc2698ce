/** Types of the pool's work organisation screens: canned responses, recurring work and the planning. */
import type { Priority } from '../../../common/catalog-enums.ts';
import type { RequestStatus, SlaState } from '../../../common/requests.ts';
import type { Weekday } from '../../../common/roles.ts';
import type { CannedResponse, NamedRef } from './types.ts';

/** `GET /api/canned-responses/:id`: a canned response as its editor sees it. */
export interface CannedItem extends CannedResponse {
  version: number;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
}
export type CannedInput = Pick<CannedResponse, 'title' | 'body' | 'teamId'>;

export type IfClosed = 'next' | 'previous' | 'skip';
export type EveryMonths = 1 | 3 | 6 | 12;

/** A recurrence rule (server/modules/recurring/rules.ts); the time is the site's local time. */
export type RecurrenceRule =
  | { kind: 'monthly_business_day'; n: number; time: string; everyMonths?: EveryMonths; startMonth?: number }
  | { kind: 'weekly'; weekdays: Weekday[]; time: string; ifClosed?: IfClosed }
  | { kind: 'monthly_day'; day: number; time: string; ifClosed?: IfClosed; everyMonths?: EveryMonths; startMonth?: number };
export type RuleKind = RecurrenceRule['kind'];

export interface SiteRef {
  id: string;
  name: string;
  timezone: string;
}

/** One projected occurrence: nominal date, the open day it lands on, the creation instant (UTC). */
export interface NextOccurrence {
  occurrence: string;
  date: string;
  at: string;
  title: string;
}

export interface RecurringSchedule {
  id: string;
  name: string;
  serviceId: string;
  siteId: string;
  teamId: string | null;
  requesterId: string | null;
  assigneeId: string | null;
  service: NamedRef | null;
  site: SiteRef;
  team: NamedRef | null;
  requester: NamedRef | null;
  assignee: NamedRef | null;
  title: string;
  description: string;
  priority: Priority;
  rule: RecurrenceRule;
  checklist: string[];
  active: boolean;
  nextOccurrences: NextOccurrence[];
  lastOccurrence: { occurrence: string; requestId: string | null; reference: string | null; createdAt: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: string[];
}

export interface ScheduleInput {
  name: string;
  serviceId: string;
  siteId: string;
  teamId: string | null;
  requesterId?: string;
  assigneeId: string | null;
  title: string;
  description: string;
  priority: Priority;
  rule: RecurrenceRule;
  checklist: string[];
  active: boolean;
}

export interface PlanningQuery {
  from: string;
  to: string;
  teamId?: string;
  siteId?: string;
}

export interface PlanningLane {
  key: string;
  team: NamedRef | null;
  site: SiteRef;
}

export interface PlanningRecurring {
  scheduleId: string;
  name: string;
  title: string;
  occurrence: string;
  date: string;
  time: string;
  at: string;
  moved: boolean;
  priority: Priority;
  site: SiteRef;
  team: NamedRef | null;
  assignee: NamedRef | null;
  request: { id: string; reference: string; status: RequestStatus } | null;
  lane: string;
}

export interface PlanningDue {
  id: string;
  reference: string;
  title: string;
  status: RequestStatus;
  priority: Priority;
  dueAt: string;
  date: string;
  time: string;
  slaState: SlaState;
  recurringScheduleId: string | null;
  site: SiteRef;
  team: NamedRef | null;
  assignee: NamedRef | null;
  lane: string;
}

export interface PlanningDay {
  date: string;
  recurring: PlanningRecurring[];
  due: PlanningDue[];
}

/** `GET /api/planning`. */
export interface Planning {
  from: string;
  to: string;
  truncated: boolean;
  lanes: PlanningLane[];
  days: PlanningDay[];
}
