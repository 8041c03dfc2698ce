import { Readable } from 'node:stream';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { type Storage, type StoredObject, TooLargeError } from '../../platform/storage.ts';
import { isWorker } from './request-create.ts';
import { displayName, NotTextError, type Refusal, SNIFF_BYTES, sniff, TextChecker } from './sniff.ts';

/** One part of a multipart body, as @fastify/multipart yields it (only what is read here). */
export type UploadPart =
  | { type: 'field'; fieldname: string; value: unknown }
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated?: boolean } };

export interface Received extends StoredObject {
  fileName: string;
  contentType: string;
}

/**
 * Reads every file of a multipart body into storage (type from the bytes, size limit), then hands them to
 * `record` with the other form fields (archive metadata); if anything fails — a refused file, the limit, the database — every stored file is removed.
 */
export async function receiveAll<T>(
  actor: Actor,
  storage: Storage,
  parts: AsyncIterable<UploadPart>,
  maxBytes: number,
  record: (upload: { files: Received[]; internal: boolean; fields: Record<string, string> }) => Promise<T>,
): Promise<T> {
  const received: Received[] = [];
  const fields: Record<string, string> = {};
  let internal = false;
  try {
    for await (const part of guarded(parts)) {
      if (part.type === 'file') received.push(await receive(storage, part, maxBytes));
      else if (part.fieldname === 'internal') internal = String(part.value) === 'true';
      else fields[part.fieldname] = String(part.value);
      if (internal && !isWorker(actor)) throw new AppError('forbidden', 'attachment_internal_forbidden');
    }
    if (!received.length) {
      const fields = [{ path: 'file', code: 'required', message: 'attachment_missing' }];
      throw new AppError('validation_failed', 'attachment_missing', { fields });
    }
    return await record({ files: received, internal, fields });
  } catch (err) {
    await Promise.all(received.map((r) => storage.remove(r.key)));
    throw uploadError(err, maxBytes);
  }
}

/** Sniffs the first bytes, then streams the file to storage (text checked to its last byte). */
async function receive(storage: Storage, part: Extract<UploadPart, { type: 'file' }>, maxBytes: number): Promise<Received> {
  const fileName = displayName(part.filename);
  const it = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const r = await next(it);
    if (r.done) break;
    chunks.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(chunks);
  const kind = sniff(head, fileName);
  if (typeof kind === 'string') throw refusal(kind, fileName);
  const checker = kind.text ? new TextChecker(kind.text) : null;
  const stored = await storage.put(Readable.from(rest(head, it, checker)), { maxBytes });
  if (part.file.truncated) {
    await storage.remove(stored.key);
    throw new TooLargeError();
  }
  return { ...stored, fileName, contentType: kind.contentType };
}

async function* rest(head: Buffer, it: AsyncIterator<Buffer>, checker: TextChecker | null) {
  checker?.push(head);
  yield head;
  for (let r = await next(it); !r.done; r = await next(it)) {
    checker?.push(r.value);
    yield r.value;
  }
  checker?.end();
}

/** Errors raised while reading the multipart body are the client's (malformed body, limits), never a 500. */
const next = (it: AsyncIterator<Buffer>) => it.next().catch((err) => Promise.reject(clientError(err)));

async function* guarded(parts: AsyncIterable<UploadPart>): AsyncGenerator<UploadPart> {
  const it = parts[Symbol.asyncIterator]();
  for (;;) {
    const r = await it.next().catch((err) => Promise.reject(clientError(err)));
    if (r.done) return;
    yield r.value;
  }
}

function clientError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  if (err instanceof AppError) return err;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new TooLargeError();
  if (['FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT'].includes(code))
    return new AppError('payload_too_large', 'attachment_too_many');
  return new AppError('bad_request');
}

function refusal(kind: Refusal, name: string): AppError {
  if (kind === 'empty') return new AppError('unprocessable', 'attachment_empty', undefined, { name });
  return new AppError('unsupported_media_type', kind === 'markup' ? 'attachment_markup_refused' : 'attachment_type_refused');
}

function uploadError(err: unknown, maxBytes: number): unknown {
  const max = Math.round(maxBytes / 1024 / 1024);
  if (err instanceof TooLargeError) return new AppError('payload_too_large', 'attachment_too_large', { maxBytes }, { max });
  if (err instanceof NotTextError) return new AppError('unsupported_media_type', 'attachment_type_refused');
  return err;
}
