import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed reply tokens for e-mail threading: the outbound mail of a request carries
 * `reply+<token>@<inbound domain>` in Reply-To (and the token in the subject), and an inbound reply is
 * threaded onto the request only when the token's signature checks. The token names the organisation,
 * the request and the person the mail was sent to, so a forwarded or forged reply never posts as
 * someone else: a reply whose sender is not that person is treated as a new sender (the policy decides).
 * Format: `<request id without dashes>.<recipient id without dashes>.<16 hex of HMAC-SHA256>` — only
 * characters valid in an address local part, case-insensitive (mail systems may lowercase).
 */
export interface ThreadRef {
  organizationId: string;
  requestId: string;
  recipientId: string;
}

const compact = (uuid: string) => uuid.replaceAll('-', '').toLowerCase();
const expand = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

function mac(secret: string, organizationId: string, request: string, recipient: string): string {
  return createHmac('sha256', `relais-thread:${secret}`)
    .update(`${organizationId}:${request}:${recipient}`)
    .digest('hex')
    .slice(0, 16);
}

/** The token to put in the Reply-To address and the subject of a request's outbound mail. */
export function signThreadToken(secret: string, ref: ThreadRef): string {
  const request = compact(ref.requestId);
  const recipient = compact(ref.recipientId);
  return `${request}.${recipient}.${mac(secret, ref.organizationId, request, recipient)}`;
}

/** Finds a token in an address (`reply+TOKEN@…`) or a subject (`[#TOKEN]`). */
export function findThreadToken(text: string): string | null {
  return /(?:reply\+|\[#)([0-9a-f]{32}\.[0-9a-f]{32}\.[0-9a-f]{16})/i.exec(text)?.[1]?.toLowerCase() ?? null;
}

/**
 * The request and recipient a token names when its signature is valid for that organisation (the
 * organisation is known from the address the mail was sent to); null otherwise.
 */
export function verifyThreadToken(secret: string, organizationId: string, token: string): ThreadRef | null {
  const m = /^([0-9a-f]{32})\.([0-9a-f]{32})\.([0-9a-f]{16})$/.exec(token.toLowerCase());
  if (!m) return null;
  const expected = Buffer.from(mac(secret, organizationId, m[1], m[2]));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { organizationId, requestId: expand(m[1]), recipientId: expand(m[2]) };
}
