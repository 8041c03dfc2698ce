import type { FormField } from '../../../common/catalog.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';

interface FieldError {
  path: string;
  code: string;
  message: string;
  vars?: Record<string, number>;
}
type Check = (field: FormField, value: unknown) => string | null;

const DEFAULT_MAX = { text: 500, long_text: 10_000 } as const;
const isDate = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const isId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 64;

/** Shape checks per field type; person and site ids are then looked up in the organisation. */
const CHECKS: Record<FormField['type'], Check> = {
  text: (f, v) =>
    typeof v !== 'string' ? 'answer_type' : v.length > (f.maxLength ?? DEFAULT_MAX.text) ? 'answer_too_long' : null,
  long_text: (f, v) =>
    typeof v !== 'string' ? 'answer_type' : v.length > (f.maxLength ?? DEFAULT_MAX.long_text) ? 'answer_too_long' : null,
  number: (f, v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'answer_type';
    if (f.min !== undefined && v < f.min) return 'answer_min';
    return f.max !== undefined && v > f.max ? 'answer_max' : null;
  },
  date: (_f, v) => (isDate(v) ? null : 'answer_date'),
  choice: (f, v) => (typeof v === 'string' && (f.options ?? []).includes(v) ? null : 'answer_option'),
  multi_choice: (f, v) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string' && (f.options ?? []).includes(x)) ? null : 'answer_option',
  yes_no: (_f, v) => (typeof v === 'boolean' ? null : 'answer_type'),
  person: (_f, v) => (isId(v) ? null : 'answer_type'),
  site: (_f, v) => (isId(v) ? null : 'answer_type'),
  // Attachment ids; the requests module checks they belong to the request being created.
  file: (_f, v) => (Array.isArray(v) && v.length <= 20 && v.every(isId) ? null : 'answer_type'),
};

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Validates a request's answers against its service's form: unknown fields, required fields, types,
 * bounds, options, and people and sites that must exist in the organisation. Throws 400 naming every
 * failing field (`answers.<key>`); returns the answers without empty values.
 */
export async function validateAnswers(db: Kdb, scope: Scope, form: FormField[], answers: Record<string, unknown>) {
  const errors: FieldError[] = [];
  const fail = (key: string, code: string, f?: FormField) =>
    errors.push({
      path: `answers.${key}`,
      code,
      message: code,
      vars: { min: f?.min ?? 0, max: f?.max ?? 0, n: f?.maxLength ?? 0 },
    });
  const byKey = new Map(form.map((f) => [f.key, f]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) fail(key, 'answer_unknown_field');
  const clean: Record<string, unknown> = {};
  for (const field of form) {
    const value = answers[field.key];
    if (isEmpty(value)) {
      if (field.required) fail(field.key, 'answer_required');
      continue;
    }
    const problem = CHECKS[field.type](field, value) ?? (await lookup(db, scope, field, value));
    if (problem) fail(field.key, problem, field);
    else clean[field.key] = value;
  }
  if (errors.length) throw new AppError('validation_failed', 'validation_failed', { fields: errors });
  return clean;
}

async function lookup(db: Kdb, scope: Scope, field: FormField, value: unknown): Promise<string | null> {
  if (field.type === 'person') {
    const m = await tenant
      .selectFrom(db, scope, 'memberships')
      .select('id')
      .where('user_id', '=', String(value))
      .executeTakeFirst();
    return m ? null : 'unknown_reference_field';
  }
  if (field.type === 'site') {
    const s = await tenant.selectFrom(db, scope, 'sites').select('id').where('id', '=', String(value)).executeTakeFirst();
    return s ? null : 'unknown_reference_field';
  }
  return null;
}
