/** Error codes shared by server and web; the server maps each to an HTTP status. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  mfa_enrolment_required: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  database_unavailable: 503,
  storage_unavailable: 503,
  storage_full: 507,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
