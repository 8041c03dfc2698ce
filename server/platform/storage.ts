import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.ts';
import { newId } from './ids.ts';

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/** Where file bytes live (attachments, archive): local disk by default, S3-compatible storage for clusters. */
export interface Storage {
  put(body: Readable, options?: { maxBytes?: number }): Promise<StoredObject>;
  get(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class TooLargeError extends Error {}

const FULL = new Set(['ENOSPC', 'EDQUOT']);
const UNWRITABLE = new Set(['EACCES', 'EROFS', 'EPERM', 'ENOENT']);

/**
 * A failing disk becomes a clear answer: 507 `storage_full` (no space, quota), 503 `storage_unavailable`
 * (read-only, permissions, directory gone); anything else (the client's stream, a size limit) is unchanged.
 */
export function storageError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || err instanceof AppError) return err;
  if (FULL.has(code)) return new AppError('storage_full');
  if (UNWRITABLE.has(code)) return new AppError('storage_unavailable');
  return err;
}

/**
 * Local disk storage under DATA_DIR/files. Keys are generated ids (never user file names); bytes go to a
 * temp file first and are renamed into place only when complete, so a crash or a full disk leaves nothing
 * half-written; the SHA-256 is computed while writing.
 */
export class LocalDiskStorage implements Storage {
  readonly #root: string;
  constructor(dataDir: string) {
    this.#root = path.join(dataDir, 'files');
  }
  #path(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('clé de stockage invalide');
    return path.join(this.#root, key.slice(0, 2), key);
  }
  async put(body: Readable, options: { maxBytes?: number } = {}): Promise<StoredObject> {
    const key = newId();
    const final = this.#path(key);
    const tmp = path.join(this.#root, 'tmp', `${key}.part`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await mkdir(path.dirname(tmp), { recursive: true });
      await mkdir(path.dirname(final), { recursive: true });
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (options.maxBytes !== undefined && size > options.maxBytes) throw new TooLargeError();
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: 'wx' }),
      );
      await rename(tmp, final);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => {});
      throw storageError(err);
    }
    return { key, size, sha256: hash.digest('hex') };
  }
  get(key: string): Readable {
    return createReadStream(this.#path(key));
  }
  async remove(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
  async exists(key: string): Promise<boolean> {
    return stat(this.#path(key)).then(
      () => true,
      () => false,
    );
  }
}
