import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { as, TestApp } from '../../test/harness.ts';

type Who = ReturnType<typeof as>;
export type Part = { name: string; value: string } | { name: string; filename: string; data: Buffer };

/** A multipart/form-data body as a browser's FormData sends it (tests of the archive's uploads). */
export function form(parts: Part[]) {
  const boundary = `----relais-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in p) chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else {
      const head = `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      chunks.push(Buffer.from(head), p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const file = (filename: string, data: Buffer): Part => ({ name: 'file', filename, data });
export const field = (name: string, value: string): Part => ({ name, value });

/** Uploads a new document into a folder. */
export function uploadTo(who: Who, folderId: string, parts: Part[]) {
  const { body, headers } = form(parts);
  return who('POST', `/api/archive/folders/${folderId}/documents`, body, headers);
}

/** Every file under DATA_DIR/files, temp parts included. */
export function storedFiles(t: TestApp, dir = path.join(t.db.dataDir, 'files')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? storedFiles(t, path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/** The id of a folder by name, as the given user sees the list (undefined when not readable). */
export async function folderId(who: Who, name: string): Promise<string | undefined> {
  const items = (await who('GET', '/api/archive/folders')).json().items as { id: string; name: string }[];
  return items.find((f) => f.name === name)?.id;
}
