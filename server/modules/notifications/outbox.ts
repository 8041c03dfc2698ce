/**
 * The operator's view of the embedded mail outbox (DATA_DIR/outbox, written by OutboxMailer): a list
 * (date, to, subject read from the headers) and the download of one `.eml` under a strictly validated name.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

const MAX_LISTED = 200;
const HEAD_BYTES = 8192;

const dirOf = (deps: Deps) => path.join(deps.config.dataDir, 'outbox');

/** One header of a raw message (unfolded; encoded words decoded for UTF-8 B/Q). */
function header(head: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  const value = (m?.[1] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

async function headOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .split(/\r?\n\r?\n/)[0];
  } finally {
    await handle.close();
  }
}

/** The newest messages first. */
export async function listOutbox(deps: Deps) {
  let names: string[];
  try {
    names = (await readdir(dirOf(deps))).filter((n) => n.endsWith('.eml') && !n.startsWith('.'));
  } catch {
    return { items: [] };
  }
  names.sort().reverse();
  const items = [];
  for (const name of names.slice(0, MAX_LISTED)) {
    const file = path.join(dirOf(deps), name);
    const [head, info] = await Promise.all([headOf(file), stat(file)]);
    const date = Date.parse(header(head, 'Date'));
    items.push({
      name,
      date: Number.isNaN(date) ? info.mtime.toISOString() : new Date(date).toISOString(),
      to: header(head, 'To'),
      subject: header(head, 'Subject'),
      size: info.size,
    });
  }
  return { items };
}

/** A message to download; the name was validated by the route schema and is checked again here. */
export async function outboxFile(deps: Deps, name: string) {
  if (!/^[0-9A-Za-z-]{1,120}\.eml$/.test(name)) throw new AppError('not_found');
  const file = path.join(dirOf(deps), name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('not_found');
  return { meta: { content_type: 'message/rfc822', size: info.size, file_name: name }, body: createReadStream(file) };
}
