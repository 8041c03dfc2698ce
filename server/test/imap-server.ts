/**
 * A real IMAP server on loopback for tests (hoodiecrow-imap, in-process): one account, an INBOX, and a way
 * to make the next UID STORE fail (a crash between processing and flagging, seen from the server).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';

interface Parsed {
  tag: string;
}
interface Connection {
  send(response: unknown, description: string, parsed: Parsed, data: unknown): void;
}
type Handler = (connection: Connection, parsed: Parsed, data: unknown, callback: () => void) => void;
interface Hoodiecrow {
  server: { address(): AddressInfo | string | null };
  listen(port: number, host: string, cb: () => void): void;
  close(cb: () => void): void;
  getCommandHandler(command: string): Handler;
  setCommandHandler(command: string, handler: Handler): void;
}

const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: unknown) => Hoodiecrow;

export interface TestImap {
  port: number;
  user: string;
  password: string;
  /** Delivers a raw message into INBOX over IMAP APPEND. */
  append(raw: string, flags?: string[]): Promise<void>;
  /** INBOX as the server holds it: uid and flags of every message. */
  messages(): Promise<{ uid: number; flags: string[] }[]>;
  /** The next `count` UID STORE commands answer NO. */
  failStores(count: number): void;
  close(): Promise<void>;
}

export async function startTestImap(user = 'boite@horizon.test', password = 'secret-imap'): Promise<TestImap> {
  const server = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'UNSELECT', 'UIDPLUS'],
    users: { [user]: { password } },
    storage: { INBOX: { messages: [] }, '': { separator: '/', folders: {} } },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const store = server.getCommandHandler('UID STORE');
  let failing = 0;
  server.setCommandHandler('UID STORE', (connection, parsed, data, callback) => {
    if (failing <= 0) return store(connection, parsed, data, callback);
    failing--;
    connection.send(
      { tag: parsed.tag, command: 'NO', attributes: [{ type: 'TEXT', value: 'Stockage refusé' }] },
      'UID STORE',
      parsed,
      data,
    );
    callback();
  });
  const client = async <T>(fn: (c: ImapFlow) => Promise<T>) => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout();
    }
  };
  return {
    port,
    user,
    password,
    async append(raw, flags = []) {
      await client((c) => c.append('INBOX', raw, flags));
    },
    messages: () =>
      client(async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const out: { uid: number; flags: string[] }[] = [];
          if (c.mailbox && c.mailbox.exists === 0) return out;
          for await (const m of c.fetch('1:*', { uid: true, flags: true })) out.push({ uid: m.uid, flags: [...(m.flags ?? [])] });
          return out;
        } finally {
          lock.release();
        }
      }),
    failStores(count) {
      failing = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
