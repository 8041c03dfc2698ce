/**
 * The backup archive format: a plain POSIX ustar file (readable by `tar -tvf`), written and read by position
 * so that every entry is hashed while it streams. Only regular files with names of at most 100 bytes; sizes
 * above 8 GiB use the GNU base-256 size field.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';

const BLOCK = 512;
const CHUNK = 1024 * 1024;

/** A problem with the archive itself, in French, naming the entry concerned. */
export class ArchiveError extends Error {}

export interface WrittenEntry {
  path: string;
  bytes: number;
  sha256: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new ArchiveError(`nom d’entrée trop long\u00a0: «\u00a0${name}\u00a0»`);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  if (size <= 0o77777777777) h.write(octal(size, 12), 124, 'ascii');
  else {
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.fill(' ', 148, 156);
  h.write(`${checksum(h).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** Appends entries to a new archive file (never overwrites one: `wx`). */
export class TarWriter {
  #bytes = 0;
  private constructor(private readonly out: FileHandle) {}

  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await open(file, 'wx', 0o600));
  }

  get bytes(): number {
    return this.#bytes;
  }

  async #write(buf: Buffer): Promise<void> {
    await this.out.write(buf, 0, buf.length);
    this.#bytes += buf.length;
  }

  async addBuffer(name: string, data: Buffer): Promise<WrittenEntry> {
    await this.#write(header(name, data.length));
    await this.#write(data);
    await this.#write(Buffer.alloc(padding(data.length)));
    return { path: name, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  /** Copies a file; null when it disappeared before it could be opened (deleted after the snapshot). */
  async addFile(name: string, source: string): Promise<WrittenEntry | null> {
    const input = await open(source, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!input) return null;
    try {
      const { size } = await input.stat();
      await this.#write(header(name, size));
      const hash = createHash('sha256');
      const buf = Buffer.alloc(CHUNK);
      for (let done = 0; done < size; ) {
        const { bytesRead } = await input.read(buf, 0, Math.min(CHUNK, size - done), done);
        if (bytesRead === 0) throw new ArchiveError(`le fichier a raccourci pendant la copie\u00a0: ${source}`);
        hash.update(buf.subarray(0, bytesRead));
        await this.#write(buf.subarray(0, bytesRead));
        done += bytesRead;
      }
      await this.#write(Buffer.alloc(padding(size)));
      return { path: name, bytes: size, sha256: hash.digest('hex') };
    } finally {
      await input.close();
    }
  }

  /** End-of-archive marker, then fsync: the archive is complete on disk when this resolves. */
  async close(): Promise<void> {
    await this.#write(Buffer.alloc(BLOCK * 2));
    await this.out.sync();
    await this.out.close();
  }

  async abort(): Promise<void> {
    await this.out.close().catch(() => {});
  }
}

export type EntryReader = (name: string, size: number, chunks: AsyncIterable<Buffer>) => Promise<void>;

function parseSize(h: Buffer): number {
  if (h[124] & 0x80) return Number(h.readBigUInt64BE(128));
  return Number.parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
}

function parseName(h: Buffer): string {
  const cut = (start: number, end: number) => h.toString('utf8', start, end).replace(/\0.*$/s, '');
  const prefix = h.toString('ascii', 257, 262) === 'ustar' ? cut(345, 500) : '';
  return prefix ? `${prefix}/${cut(0, 100)}` : cut(0, 100);
}

async function* chunks(input: FileHandle, start: number, size: number, name: string): AsyncIterable<Buffer> {
  for (let done = 0; done < size; ) {
    const buf = Buffer.alloc(Math.min(CHUNK, size - done));
    const { bytesRead } = await input.read(buf, 0, buf.length, start + done);
    if (bytesRead === 0) throw new ArchiveError(`archive tronquée dans l’entrée «\u00a0${name}\u00a0»`);
    done += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

/** Calls `onEntry` for every entry in order; a truncated or damaged archive throws an ArchiveError naming where. */
export async function walkTar(file: string, onEntry: EntryReader): Promise<void> {
  const input = await open(file, 'r');
  try {
    let pos = 0;
    let previous = '(début de l’archive)';
    for (;;) {
      const h = Buffer.alloc(BLOCK);
      const { bytesRead } = await input.read(h, 0, BLOCK, pos);
      if (bytesRead < BLOCK) throw new ArchiveError(`archive tronquée après l’entrée «\u00a0${previous}\u00a0»`);
      if (h.every((b) => b === 0)) return;
      const stored = Number.parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
      if (stored !== checksum(h)) throw new ArchiveError(`en-tête endommagé après l’entrée «\u00a0${previous}\u00a0»`);
      const name = parseName(h);
      const size = parseSize(h);
      const type = h.toString('ascii', 156, 157);
      if (type !== '0' && type !== '\0') throw new ArchiveError(`type d’entrée inattendu pour «\u00a0${name}\u00a0»`);
      await onEntry(name, size, chunks(input, pos + BLOCK, size, name));
      pos += BLOCK + size + padding(size);
      previous = name;
    }
  } finally {
    await input.close();
  }
}

/** SHA-256 and length of an entry's bytes. */
export async function hashChunks(source: AsyncIterable<Buffer>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const c of source) {
    hash.update(c);
    bytes += c.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
