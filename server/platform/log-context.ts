import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The HTTP request (or job) a piece of work belongs to, carried across awaits: a job enqueued while serving
 * a request records the request id, and the job's log lines carry it again (`reqId`), so one id follows the
 * work from the request to the background.
 */
interface WorkContext {
  reqId: string;
  /** The Idempotency-Key reservation of this request (platform/idempotency.ts): marked inside its transaction. */
  idempotency?: { id: string; token: string };
}
const context = new AsyncLocalStorage<WorkContext>();

export function currentRequestId(): string | null {
  return context.getStore()?.reqId ?? null;
}

/** The idempotency reservation of the current request, if it made one. */
export function currentIdempotency(): WorkContext['idempotency'] {
  return context.getStore()?.idempotency;
}

export function setIdempotency(reservation: WorkContext['idempotency']): void {
  const store = context.getStore();
  if (store) store.idempotency = reservation;
}

/** From here on (this request's hooks, handler and after-commit listeners) the request id is `reqId`. */
export function enterRequest(reqId: string): void {
  context.enterWith({ reqId });
}

/** Runs `fn` as part of the work of `reqId` (a job started by a request). */
export function runWithRequestId<T>(reqId: string | null, fn: () => T): T {
  return reqId ? context.run({ reqId }, fn) : fn();
}

/** An incoming `X-Request-Id` is kept when it looks like an id (a proxy's), otherwise a new one is made. */
export function acceptRequestId(header: unknown, fresh: () => string): string {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : fresh();
}
