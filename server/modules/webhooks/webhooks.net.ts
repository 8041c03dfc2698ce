/**
 * Outbound HTTP for webhooks, guarded against SSRF: the destination host is resolved (every address),
 * refused when any address is loopback, private, link-local (cloud metadata), unique-local, multicast or
 * otherwise non-public — unless the platform operator allows the host (WEBHOOK_ALLOWED_HOSTS) — and the
 * connection is pinned to the checked address so that a second DNS answer (rebinding) cannot divert it.
 * Redirects are never followed.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../platform/errors.ts';

const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible forms
  ['::ffff:0:0', 96], // IPv4-mapped (checked as IPv4 too, below)
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address
  ['100::', 64],
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked6.addSubnet(net, prefix, 'ipv6');

// Two lists: Node's BlockList matches an IPv4 address against IPv6 rules through its mapped form.
/** The IPv4 address hidden in an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`, `::ffff:7f00:1`), else null. */
export function mappedIpv4(address: string): string | null {
  const host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m) return null;
  const [hi, lo] = [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True when the address is not a public unicast one (loopback, private, link-local, metadata, multicast…). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked4.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = mappedIpv4(address);
  return blocked6.check(address, 'ipv6') || (v4 !== null && blocked4.check(v4, 'ipv4'));
}

export interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

const refuse = (reason: string) => new AppError('unprocessable', `webhook_url_${reason}`, { path: 'url', reason });

/**
 * Resolves a webhook URL and checks every address it resolves to; throws a 422 naming the reason.
 * Returns the first address, to connect to it and nothing else.
 */
export async function resolveTarget(raw: string, allowedHosts: readonly string[]): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('invalid');
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed = allowedHosts.includes(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) throw refuse('scheme');
  if (url.username || url.password) throw refuse('credentials');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw refuse('unresolved');
  }
  if (!addresses.length) throw refuse('unresolved');
  if (!allowed && addresses.some((a) => isForbiddenAddress(a.address))) throw refuse('private');
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Answers every lookup with the address already checked (Node 20 asks for `all` with autoSelectFamily). */
function pinned(target: Target): LookupFunction {
  return ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

/** POSTs a JSON body to the pinned address within `timeoutMs`; never throws, never follows a redirect. */
export function postJson(
  target: Target,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<PostResult> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): PostResult => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  return new Promise((resolve) => {
    let status: number | null = null;
    let failure: string | null = null;
    const client = target.url.protocol === 'https:' ? https : http;
    const req = client.request(target.url, {
      method: 'POST',
      lookup: pinned(target),
      signal,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => req.destroy(new Error(`délai dépassé (${timeoutMs} ms)`)), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(done(failure ? null : status, failure));
    };
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.resume(); // the answer's body is not kept
      res.on('end', finish);
      res.on('error', (err) => {
        failure ??= err.message.slice(0, 500);
      });
    });
    req.on('error', (err) => {
      failure ??= err.message.slice(0, 500);
    });
    req.on('close', finish);
    req.end(body);
  });
}
