import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';
import type { ApiError, ErrorCode } from '../../common/errors.ts';
import { type Locale, pickLocale, translate } from '../../common/messages.ts';
import { AppError } from './errors.ts';
import { fieldErrors } from './validation.ts';

function localeOf(request: FastifyRequest) {
  return request.actor?.locale ?? pickLocale(request.headers['accept-language']);
}

function send(reply: FastifyReply, status: number, body: ApiError) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own client errors (bad JSON, too large, wrong content type) mapped to our codes. */
const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', 'invalid_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad_request', 'invalid_json'],
  FST_ERR_RATE_LIMIT_EXCEEDED: ['rate_limited', 'rate_limited'],
};

/** The central error handler (DESIGN rule 5): `{code, message, details}`, no stack or SQL ever leaves. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof AppError) {
      if (error.code === 'rate_limited' && error.vars.retryAfter) reply.header('retry-after', error.vars.retryAfter);
      return send(reply, error.status, {
        code: error.code,
        message: translate(locale, error.messageKey, error.vars),
        details: localizeFields(error.details, locale),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          }) as unknown as ZodError['issues'][number],
      );
      const prefix = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
      return send(reply, 400, {
        code: 'validation_failed',
        message: translate(locale, 'validation_failed'),
        details: { fields: fieldErrors(issues, locale, prefix) },
      });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const minutes = mapped[0] === 'rate_limited' ? 1 : 0;
      return send(reply, ERROR_STATUS_OF(mapped[0]), { code: mapped[0], message: translate(locale, mapped[1], { minutes }) });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode === 404 ? 404 : 400, {
        code: error.statusCode === 404 ? 'not_found' : 'bad_request',
        message: translate(locale, 'bad_request'),
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'base de données injoignable');
      reply.header('retry-after', '5');
      return send(reply, 503, { code: 'database_unavailable', message: translate(locale, 'database_unavailable') });
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      return send(reply, 503, { code: 'unavailable', message: translate(locale, 'unavailable') });
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { code: 'internal', message: translate(locale, 'internal') });
  });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/')) return reply.callNotFound();
    return send(reply, 404, { code: 'not_found', message: translate(localeOf(request), 'route_not_found') });
  });
}

/** Field errors raised by services carry a message key; the client gets the text in its language. */
function localizeFields(details: unknown, locale: Locale): unknown {
  const d = details as { fields?: { message?: string; vars?: Record<string, string | number> }[] } | undefined;
  if (!d?.fields) return details;
  return {
    ...d,
    fields: d.fields.map(({ vars, ...f }) => ({ ...f, message: translate(locale, f.message ?? 'validation_failed', vars) })),
  };
}

function ERROR_STATUS_OF(code: ErrorCode): number {
  return new AppError(code).status;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** PostgreSQL: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now; class 08 = connection exception. */
const PG_DOWN = /^(57P0[123]|08\w{3})$/;
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * A connection-level failure of the database (PostgreSQL stopped, restarting, unreachable): the API answers
 * 503 `database_unavailable` at once instead of 500; `/api/ready` is red meanwhile. Also looks into `cause`
 * and an AggregateError's `errors` (Node's dual-stack connect), two levels deep.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 2) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE.has(code) || PG_DOWN.test(code)) return true;
  if (typeof e.message === 'string' && PG_MESSAGES.test(e.message)) return true;
  const nested = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((n) => isDatabaseUnavailable(n, depth + 1));
}
