/** Test helper (not shipped in any route): a ws client of the live protocol for live.test.ts. */
import WebSocket from 'ws';
import type { ServerMessage } from './live.protocol.ts';

const WAIT_MS = 5_000;

/** A test client of `/api/live`: keeps every message and waits for the next one matching a predicate. */
export class LiveTestClient {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      this.received.push(message);
      const waiter = this.#waiters.find((w) => w.match(message));
      if (!waiter) return;
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      waiter.resolve(message);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a socket and waits for the server's `hello`. */
  static async open(url: string, headers: Record<string, string>): Promise<LiveTestClient> {
    const client = new LiveTestClient(new WebSocket(url, { headers }));
    await client.next((m) => m.type === 'hello', 'hello');
    return client;
  }

  /** The HTTP status that refused the handshake (the upgrade never happened). */
  static refusal(url: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => reject(new Error('handshake accepted')));
      socket.on('error', () => {});
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message since `from` (an index in `received`) that matches, already there or yet to come. */
  next<T extends ServerMessage>(match: (m: ServerMessage) => boolean, what: string, from = 0): Promise<T> {
    const found = this.received.slice(from).find(match);
    if (found) return Promise.resolve(found as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pas de message « ${what} »`)), WAIT_MS);
      this.#waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  }

  /**
   * Round trip through the server: everything it sent before answering is now in `received` (one
   * ordered connection), so a test can assert that something was NOT sent without sleeping.
   */
  async sync(): Promise<void> {
    const from = this.received.length;
    this.send({ type: 'ping' });
    await this.next((m) => m.type === 'pong', 'pong', from);
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}
