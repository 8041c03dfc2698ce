import { type ChangeEvent, type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

export type Errors = Record<string, string>;
type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** Moves focus to the first invalid field (in an open dialog first); calls `onNone` when no field shows an error. */
function focusFirstInvalid(onNone?: () => void): void {
  requestAnimationFrame(() => {
    const el =
      document.querySelector<HTMLElement>('[role="dialog"] [aria-invalid="true"]') ??
      document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    if (el) el.focus();
    else onNone?.();
  });
}

/**
 * Small form state: values, client-side errors, and server errors mapped back onto the fields
 * (`details.fields[].path`). A 409 `version_conflict` is kept apart so the page can offer a reload.
 */
export function useForm<T extends object>(initial: T, validate?: (values: T) => Errors) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<unknown>(undefined);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [key as string]: _drop, ...rest } = e;
      return rest;
    });
  }, []);

  const text = <K extends StringKeys<T>>(key: K) => ({
    value: values[key] as string,
    error: errors[key as string],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as T[K]),
  });

  /** The same for fields whose onChange gives the value itself (date pickers). */
  const field = <K extends StringKeys<T>>(key: K) => ({
    value: values[key] as string,
    error: errors[key as string],
    onChange: (value: string) => set(key, value as T[K]),
  });

  const fail = (err: unknown) => {
    if (isApiError(err) && err.code === 'version_conflict') return setConflict(err.current ?? null);
    const message = isApiError(err) ? err.message : t('common.errorTitle');
    const fields = isApiError(err) ? err.fields : {};
    if (Object.keys(fields).length === 0) return setFormError(message);
    setErrors(fields);
    // A field the form does not show (or an unexpected path): fall back to the form-level message.
    focusFirstInvalid(() => setFormError(Object.values(fields).join(' ') || message));
  };

  const submit = (action: (values: T) => Promise<unknown>) => async (event?: FormEvent) => {
    event?.preventDefault();
    const found = validate?.(values) ?? {};
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    try {
      await action(values);
    } catch (err) {
      fail(err);
    }
  };

  const reset = (next: T) => {
    setValues(next);
    setErrors({});
    setFormError(null);
    setConflict(undefined);
  };

  return { values, set, setValues, errors, setErrors, text, field, submit, formError, conflict, reset };
}

/** Common client-side checks, messages in the UI language. */
export function useChecks() {
  const { t } = useTranslation();
  return {
    required: (v: string | null | undefined) => (v?.trim() ? undefined : t('validation.required')),
    email: (v: string) =>
      !v.trim() ? t('validation.required') : /^\S+@\S+\.\S+$/.test(v.trim()) ? undefined : t('validation.email'),
    password: (v: string) => (v.length < 10 ? t('validation.passwordLength') : undefined),
  };
}

/** Keeps only the defined messages (handy to build the `validate` result). */
export function compact(errors: Record<string, string | undefined>): Errors {
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => !!e[1]));
}
