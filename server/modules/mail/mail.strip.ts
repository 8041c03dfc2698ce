/**
 * What a person wrote in an e-mail, without what the mail client added: the quoted history and the
 * signature. Mail clients mark them in a few well-known ways (French and English); everything from the
 * first marker on is dropped, and so are `> ` quoted lines.
 */
const CUT_MARKERS: RegExp[] = [
  /^\s*Le .{4,200}a écrit\s*:\s*$/i,
  /^\s*On .{4,200}wrote\s*:\s*$/i,
  /^\s*-{2,}\s*(Message d'origine|Message d’origine|Original Message|Mail original)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*(De|From)\s*:\s*.+$/i,
  /^-- ?$/,
  /^\s*(Envoyé de mon|Sent from my) (iPhone|iPad|Android|mobile|smartphone).*$/i,
];

/** Outlook's header block (« De : … Envoyé : … ») only counts when a sent-date line follows it closely. */
function isOutlookBlock(lines: string[], i: number): boolean {
  if (!/^\s*(De|From)\s*:/i.test(lines[i])) return true;
  return lines.slice(i + 1, i + 4).some((l) => /^\s*(Envoyé|Sent|Date)\s*:/i.test(l));
}

/** The new part of a mail body: quoted history, reply headers and signature removed, blank edges trimmed. */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (CUT_MARKERS.some((m) => m.test(line)) && isOutlookBlock(lines, i)) break;
    // « Le 3 déc. 2026 à 10:00, Paul <p@x> a\n écrit : » — clients wrap the attribution line.
    if (/^\s*(Le|On) .{4,200}$/i.test(line) && /^\s*.{0,80}(a écrit|wrote)\s*:\s*$/i.test(lines[i + 1] ?? '')) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Header names and values that mark a mail no person wrote (auto-replies, bounces, lists). */
export interface HeaderView {
  get(name: string): unknown;
  has(name: string): boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String(v.value) : '');

/**
 * Why a mail must never create a request nor trigger a reply (RFC 3834 and common practice), or null:
 * Auto-Submitted other than `no`, Precedence bulk/junk/list, X-Autoreply / X-Autorespond, List-Id,
 * delivery reports, a MAILER-DAEMON or empty return path.
 */
export function automatedReason(headers: HeaderView, contentType: string, mailFrom: string, from: string): string | null {
  const auto = text(headers.get('auto-submitted')).trim().toLowerCase();
  if (auto && auto !== 'no') return 'auto_submitted';
  if (/^(bulk|junk|list)$/i.test(text(headers.get('precedence')).trim())) return 'precedence';
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return 'auto_reply';
  // mailparser gathers the List-* headers under `list`.
  if (headers.has('list-id') || headers.has('list')) return 'mailing_list';
  if (/multipart\/report|message\/delivery-status/i.test(contentType)) return 'delivery_report';
  if (!mailFrom.trim()) return 'empty_return_path';
  if (/^(mailer-daemon|postmaster)@/i.test(mailFrom) || /^(mailer-daemon|postmaster)@/i.test(from)) return 'mailer_daemon';
  return null;
}
