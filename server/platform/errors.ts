import { ERROR_STATUS, type ErrorCode } from '../../common/errors.ts';

/** The one error type services throw; the central handler turns it into `{code, message, details}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** message key in common/messages.ts (defaults to the code) */
    readonly messageKey: string = code,
    readonly details?: unknown,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** 409 on a unique value, with the field named so the form can show it on that field. */
export function duplicate(path: string): AppError {
  return new AppError('already_exists', 'already_exists', { fields: [{ path, code: 'unique', message: 'field_unique' }] });
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

/** Stale `version` on an update: the client gets 409 with the current state in `details.current`. */
export function versionConflict(current: unknown): AppError {
  return new AppError('version_conflict', 'version_conflict', { current });
}

/** Unique-constraint violation on either dialect (SQLite SQLITE_CONSTRAINT_UNIQUE, PG 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Foreign-key violation on either dialect (used to answer 409 "still in use"). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Awaits a write; a unique-constraint violation becomes 409 on `path` (shown on that form field). */
export function uniqueOn<T>(path: string, write: Promise<T>): Promise<T> {
  return write.catch((err) => {
    throw isUniqueViolation(err) ? duplicate(path) : err;
  });
}

/** For `.catch()` after a delete: a row still referenced elsewhere answers 409 in_use. */
export function rethrowInUse(err: unknown): never {
  throw isForeignKeyViolation(err) ? new AppError('conflict', 'in_use') : err;
}
