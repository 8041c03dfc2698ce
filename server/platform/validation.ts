import { z } from 'zod';
import { type Locale, MESSAGES, translate } from '../../common/messages.ts';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

const OWN: Record<Locale, Record<string, string>> = {
  fr: {
    required: 'Champ obligatoire.',
    min_chars: 'Au moins {n} caractères.',
    max_chars: 'Au plus {n} caractères.',
    min_value: 'Doit être supérieur ou égal à {n}.',
    max_value: 'Doit être inférieur ou égal à {n}.',
    choice: 'Valeur non autorisée.',
    email: 'Adresse e-mail invalide.',
    unknown_key: 'Champ inconnu\u00a0: {keys}.',
    type: 'Type de valeur invalide.',
  },
  en: {
    required: 'Required field.',
    min_chars: 'At least {n} characters.',
    max_chars: 'At most {n} characters.',
    min_value: 'Must be greater than or equal to {n}.',
    max_value: 'Must be less than or equal to {n}.',
    choice: 'Value not allowed.',
    email: 'Invalid e-mail address.',
    unknown_key: 'Unknown field: {keys}.',
    type: 'Invalid value type.',
  },
};

function fill(text: string, vars: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
}

/** One field error in the user's language; custom messages in schemas are message keys. */
export function issueMessage(issue: Issue, locale: Locale): string {
  if (issue.message && MESSAGES.fr[issue.message]) return translate(locale, issue.message);
  const own = OWN[locale];
  const i = issue as Issue & { minimum?: number; maximum?: number; origin?: string; format?: string; keys?: string[] };
  if (i.code === 'invalid_type' && /received undefined/.test(i.message)) return own.required;
  // The issue reaching here has lost its input, so zod's own text would claim « undefined received ».
  if (i.code === 'invalid_type') return own.type;
  if (i.code === 'too_small' && i.origin === 'string')
    return i.minimum === 1 ? own.required : fill(own.min_chars, { n: i.minimum });
  if (i.code === 'too_big' && i.origin === 'string') return fill(own.max_chars, { n: i.maximum });
  if (i.code === 'too_small' && i.origin === 'number') return fill(own.min_value, { n: i.minimum });
  if (i.code === 'too_big' && i.origin === 'number') return fill(own.max_value, { n: i.maximum });
  if (i.code === 'invalid_value') return own.choice;
  if (i.code === 'invalid_format' && i.format === 'email') return own.email;
  if (i.code === 'unrecognized_keys') return fill(own.unknown_key, { keys: (i.keys ?? []).join(', ') });
  const text = zodLocales[locale](issue as never)?.toString() ?? issue.message;
  // zod's French catalogue puts a plain space before « : » — French typography wants a non-breaking one.
  return locale === 'fr' ? text.replace(/ ([:;?!»])/g, '\u00a0$1') : text;
}

export function fieldErrors(issues: readonly Issue[], locale: Locale, prefix = ''): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    code: issue.code,
    message: issueMessage(issue, locale),
  }));
}
