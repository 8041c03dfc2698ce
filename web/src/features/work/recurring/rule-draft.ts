import type { Weekday } from '../../../../../common/roles.ts';
import type { EveryMonths, IfClosed, RecurrenceRule, RuleKind } from '../../../api/work-types.ts';

/** Every input of the rule builder at once, so switching the kind keeps what was typed for the others. */
export interface RuleDraft {
  kind: RuleKind;
  weekdays: Weekday[];
  n: number | string;
  day: number | string;
  time: string;
  ifClosed: IfClosed;
  everyMonths: EveryMonths;
  startMonth: number;
}

export const RULE_KINDS: readonly RuleKind[] = ['weekly', 'monthly_business_day', 'monthly_day'];
export const EVERY_MONTHS: readonly EveryMonths[] = [1, 3, 6, 12];
export const IF_CLOSED: readonly IfClosed[] = ['next', 'previous', 'skip'];

/** The builder's state for a stored rule (or a new one: every Monday at 09:00). */
export function toDraft(rule?: RecurrenceRule): RuleDraft {
  const draft: RuleDraft = {
    kind: rule?.kind ?? 'weekly',
    weekdays: ['mon'],
    n: 1,
    day: 1,
    time: rule?.time ?? '09:00',
    ifClosed: 'next',
    everyMonths: 1,
    startMonth: 1,
  };
  if (!rule) return draft;
  if (rule.kind === 'weekly') return { ...draft, weekdays: rule.weekdays, ifClosed: rule.ifClosed ?? 'next' };
  const cycle = { everyMonths: rule.everyMonths ?? 1, startMonth: rule.startMonth ?? 1 };
  if (rule.kind === 'monthly_business_day') return { ...draft, ...cycle, n: rule.n };
  return { ...draft, ...cycle, day: rule.day, ifClosed: rule.ifClosed ?? 'next' };
}

const whole = (v: number | string, min: number, max: number): number | null => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The rule the API expects: only the keys of its kind (the server's objects are strict). */
export function fromDraft(d: RuleDraft): RecurrenceRule {
  const cycle = { everyMonths: d.everyMonths, startMonth: d.startMonth };
  if (d.kind === 'weekly') return { kind: 'weekly', weekdays: d.weekdays, time: d.time, ifClosed: d.ifClosed };
  if (d.kind === 'monthly_business_day') return { kind: 'monthly_business_day', n: Number(d.n), time: d.time, ...cycle };
  return { kind: 'monthly_day', day: Number(d.day), time: d.time, ifClosed: d.ifClosed, ...cycle };
}

/** Which inputs are missing or out of range, as `rule.<field>` paths (the server's own paths). */
export function invalidRuleFields(d: RuleDraft): string[] {
  const bad: string[] = [];
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)) bad.push('rule.time');
  if (d.kind === 'weekly' && d.weekdays.length === 0) bad.push('rule.weekdays');
  if (d.kind === 'monthly_business_day' && whole(d.n, 1, 23) === null) bad.push('rule.n');
  if (d.kind === 'monthly_day' && whole(d.day, 1, 31) === null) bad.push('rule.day');
  return bad;
}
