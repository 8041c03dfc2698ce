import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * File type detection for attachments (DESIGN rule 9): the type comes from the first bytes, never from
 * the name or the type the client declares. The name's extension only picks between formats that share
 * a container (ZIP for OOXML / OpenDocument, OLE for legacy Office). HTML and SVG are always refused.
 */

/** What the sniffer decided: the content type to store and serve, and whether the whole body must be text. */
export interface Sniffed {
  contentType: string;
  /** Text formats: every byte must be checked (valid UTF-8 for plain text and CSV, no NUL for all). */
  text?: 'utf8' | 'bytes';
}

/** Why a file is refused (the caller maps it to 415 with a French message). */
export type Refusal = 'markup' | 'type' | 'empty';

/** How many leading bytes the sniffer needs to decide. */
export const SNIFF_BYTES = 4096;

const ZIP_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const OLE_TYPES: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
};
const HEIF_BRANDS: Record<string, string> = {
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic-sequence',
  hevx: 'image/heic-sequence',
  mif1: 'image/heif',
  msf1: 'image/heif-sequence',
};
/** Names a browser or a desktop would open as a web page or a vector image, whatever the bytes. */
const MARKUP_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'svg', 'svgz', 'mht', 'mhtml', 'xml', 'hta']);

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, from: number, to: number) => head.subarray(from, to).toString('latin1');

/** The lower-case extension of a display name ('' when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function binaryType(head: Buffer, ext: string): string | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (['GIF87a', 'GIF89a'].includes(ascii(head, 0, 6))) return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 4, 8) === 'ftyp') return HEIF_BRANDS[ascii(head, 8, 12)] ?? null;
  const zip = [0x03, 0x04, 0x05, 0x06, 0x07, 0x08].includes(head[2]) && startsWith(head, [0x50, 0x4b]);
  if (zip) return ZIP_TYPES[ext] ?? null;
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE_TYPES[ext] ?? null;
  return null;
}

/** Binary content we do not know (executables, archives, databases…): text never holds a NUL byte. */
function otherBinary(head: Buffer): boolean {
  return head.subarray(0, 512).includes(0);
}

/**
 * Markup a browser would render: the WHATWG sniffing table's HTML openers, plus XML (SVG is XML) and
 * `<svg`. Checked after leading whitespace and an optional UTF-8 BOM.
 */
export function looksLikeMarkup(head: Buffer): boolean {
  const text = head
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(\?xml|svg|!doctype\s+(html|svg))/.test(text)) return true;
  const tag = /^<(!--|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|meta|link|object|embed)[\s>/]/;
  return tag.test(text) || /<svg[\s>]/.test(text) || /<script[\s>]/.test(text);
}

/** An e-mail saved as a file: RFC 5322 header lines, with at least one header only messages carry. */
function looksLikeEmail(head: Buffer, ext: string): boolean {
  if (ext !== 'eml') return false;
  const lines = head.toString('latin1').split(/\r?\n/, 20);
  const first = lines[0] ?? '';
  if (!/^[A-Za-z][A-Za-z0-9-]*:/.test(first) && !first.startsWith('From ')) return false;
  return lines.some((l) => /^(from|received|return-path|message-id|mime-version|delivered-to|subject):/i.test(l));
}

/**
 * Decides the stored type of a file from its first bytes (at least SNIFF_BYTES, or the whole file when
 * shorter) and its display name; returns the reason when it is refused.
 */
export function sniff(head: Buffer, fileName: string): Sniffed | Refusal {
  const ext = extensionOf(fileName);
  if (head.length === 0) return 'empty';
  if (MARKUP_EXTENSIONS.has(ext)) return 'markup';
  const binary = binaryType(head, ext);
  if (binary) return { contentType: binary };
  if (otherBinary(head)) return 'type';
  if (looksLikeEmail(head, ext)) return { contentType: 'message/rfc822', text: 'bytes' };
  if (looksLikeMarkup(head)) return 'markup';
  return { contentType: ext === 'csv' ? 'text/csv' : 'text/plain', text: 'utf8' };
}

/**
 * Checks a text file as it streams (the sniffer sees only its start): no NUL byte anywhere and, for
 * plain text and CSV, valid UTF-8 to the last byte. Throws `NotTextError` on the first bad chunk.
 */
export class TextChecker {
  readonly #decoder: TextDecoder | null;
  constructor(mode: 'utf8' | 'bytes') {
    this.#decoder = mode === 'utf8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  }
  push(chunk: Buffer): void {
    if (chunk.includes(0)) throw new NotTextError();
    try {
      this.#decoder?.decode(chunk, { stream: true });
    } catch {
      throw new NotTextError();
    }
  }
  end(): void {
    try {
      this.#decoder?.decode();
    } catch {
      throw new NotTextError();
    }
  }
}

export class NotTextError extends Error {}

/**
 * The name shown for a file (never used as a path): last path segment only, no control or bidi-override
 * characters (they disguise extensions), at most 200 characters keeping the extension.
 */
export function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split('')
    .filter((c) => c.charCodeAt(0) > 0x1f && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f))
    .join('')
    .trim();
  const chars = [...clean];
  if (chars.length === 0) return 'fichier';
  if (chars.length <= 200) return clean;
  const ext = extensionOf(clean);
  const tail = ext && ext.length <= 10 ? `.${ext}` : '';
  return chars.slice(0, 200 - tail.length).join('') + tail;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987), so
 * that accented French names survive and no name can break out of the header.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type a stored file is served with: text gets its charset, everything else as stored. */
export function servedType(contentType: string): string {
  return contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType;
}

/** What a stored file is served as (a request attachment, an archive version). */
export interface ServedFile {
  content_type: string;
  size: number;
  file_name: string;
}

/**
 * Sends stored bytes the one safe way (DESIGN rule 9): always as a download under its exact name, never
 * sniffed nor rendered (nosniff, CSP sandbox), never cached by a shared cache.
 */
export function sendStoredFile(reply: FastifyReply, file: ServedFile, body: Readable): FastifyReply {
  return reply
    .header('content-type', servedType(file.content_type))
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(file.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-store')
    .send(body);
}
