import type { ErrorCode } from '../../../common/errors.ts';

/** One field error as the server sends it in `details.fields`. */
export interface FieldError {
  path: string | (string | number)[];
  code?: string;
  message: string;
}

/** Error thrown by every API call: the server's `{code, message, details}` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
  }

  /** Field errors keyed by dotted path (`businessHours.mon.0`), first message wins. */
  get fields(): Record<string, string> {
    const list = Array.isArray(this.details.fields) ? (this.details.fields as FieldError[]) : [];
    const out: Record<string, string> = {};
    for (const f of list) {
      const key = Array.isArray(f.path) ? f.path.join('.') : String(f.path ?? '');
      if (!(key in out)) out[key] = f.message || this.message;
    }
    return out;
  }

  /** The current object sent with a 409 `version_conflict`. */
  get current(): unknown {
    return this.details.current;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let language = 'fr';

/** Remembers the CSRF token from the last login, MFA, setup or `/api/me` response. */
export function setCsrfToken(token: string | null | undefined): void {
  if (token !== undefined) csrfToken = token;
}

/** Headers of a write sent outside `api()` (an XMLHttpRequest upload with progress): CSRF and language. */
export function writeHeaders(): Record<string, string> {
  return { 'Accept-Language': language, ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) };
}

/** Turns a non-2xx answer's status and body into the same ApiError `api()` throws. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  return toError({ status, statusText: '' } as Response, body);
}

/** Sets the language sent as `Accept-Language` (follows the UI language). */
export function setApiLanguage(lng: string): void {
  language = lng;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(res: Response, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body) {
    const b = body as { code: string; message?: string; details?: unknown };
    return new ApiError(res.status, b.code, b.message ?? b.code, b.details);
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', res.statusText || 'Erreur');
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Extra headers (e.g. `Idempotency-Key` on creations). */
  headers?: Record<string, string>;
  /** Let the call outlive the page (`pagehide`): unlike sendBeacon it keeps the CSRF header. */
  keepalive?: boolean;
}

/** JSON fetch against the same-origin API, with cookie, CSRF header and language. */
export async function api<T>(
  path: string,
  { method = 'GET', body, query, headers: extra, keepalive }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...extra };
  // A FormData body (multipart upload) sets its own Content-Type with the boundary.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      keepalive,
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'unavailable', language === 'en' ? 'The server cannot be reached.' : 'Le serveur est injoignable.');
  }
  const data = await parseBody(res);
  if (!res.ok) throw toError(res, data);
  return data as T;
}
