/**
 * The benchmarks' HTTP/1.1 client: raw keep-alive sockets, one per virtual client, requests written
 * as bytes and responses parsed just enough to find their end and status. It costs a fraction of the
 * CPU of fetch, so on a 2-core machine the load generator is not what limits the measured server.
 */
import net from 'node:net';

/** One HTTP call of a load run (built anew for each request: ids and words may rotate). */
export interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The raw bytes of one request. */
export function serialize(host: string, call: Call): Buffer {
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const lines = [`${call.method} ${call.path} HTTP/1.1`, `host: ${host}`];
  for (const [k, v] of Object.entries(call.headers ?? {})) lines.push(`${k}: ${v}`);
  if (call.body !== undefined) lines.push('content-type: application/json', `content-length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** Byte length of a complete chunked body starting at `from`, or -1 while incomplete. */
function chunkedEnd(buf: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0) return -1;
    const size = Number.parseInt(buf.toString('latin1', pos, eol), 16);
    if (size === 0) return buf.length >= eol + 4 ? eol + 4 : -1;
    pos = eol + 2 + size + 2;
    if (pos > buf.length) return -1;
  }
}

/** Length of the first complete response in `buf` and its status, or null while incomplete. */
function parseResponse(buf: Buffer): { length: number; status: number } | null {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (cl) {
    const length = headEnd + 4 + Number(cl[1]);
    return buf.length >= length ? { length, status } : null;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const length = chunkedEnd(buf, headEnd + 4);
    return length < 0 ? null : { length, status };
  }
  return { length: headEnd + 4, status };
}

/** One keep-alive connection that sends a request and resolves with the status of its response. */
export class Connection {
  #socket: net.Socket | null = null;
  #buf: Buffer = Buffer.alloc(0);
  #pending: { resolve: (status: number) => void; reject: (err: Error) => void } | null = null;
  constructor(
    private host: string,
    private port: number,
  ) {}

  #open(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (d: Buffer) => {
      this.#buf = this.#buf.length ? Buffer.concat([this.#buf, d]) : d;
      const res = parseResponse(this.#buf);
      if (!res || !this.#pending) return;
      this.#buf = this.#buf.subarray(res.length);
      const p = this.#pending;
      this.#pending = null;
      p.resolve(res.status);
    });
    const fail = (err: Error) => {
      this.#socket = null;
      this.#buf = Buffer.alloc(0);
      const p = this.#pending;
      this.#pending = null;
      p?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    return socket;
  }

  send(raw: Buffer): Promise<number> {
    this.#socket ??= this.#open();
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#socket?.write(raw);
    });
  }

  close() {
    this.#socket?.destroy();
    this.#socket = null;
  }
}
