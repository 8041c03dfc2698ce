import type { WebSocketServer } from 'ws';
import type { DomainEvent, EventBus } from './events.ts';
import { newId } from './ids.ts';

/** What someone is doing on a request right now (collision detection); 'left' removes them. */
export type PresenceMode = 'viewing' | 'replying' | 'left';

/** A presence change of one connection (a WebSocket, or an HTTP client polling `POST …/presence`). */
export interface PresenceChange {
  organizationId: string;
  requestId: string;
  /** One entry per connection: a user with two tabs has two, merged when presented. */
  connectionId: string;
  userId: string;
  name: string;
  mode: PresenceMode;
}

/** Everything that travels on the realtime hub, between modules and (later) between nodes. */
export type RealtimeMessage =
  | { kind: 'domain'; event: DomainEvent }
  | { kind: 'presence'; change: PresenceChange }
  /** A message for one user's sockets (their notification count changed). */
  | { kind: 'user'; organizationId: string; userId: string; payload: { type: 'notifications.changed'; unread: number } };

/** A message as it crosses nodes: `node` lets a node ignore the echo of its own messages. */
export interface RealtimeEnvelope {
  node: string;
  message: RealtimeMessage;
}

/**
 * Carries envelopes to the other nodes. The single-process default has none; a PostgreSQL adapter
 * (LISTEN/NOTIFY) implements `send` with NOTIFY and hands what it hears to `Realtime.receive`.
 */
export interface RealtimeTransport {
  send(envelope: RealtimeEnvelope): void;
}

type Listener = (message: RealtimeMessage) => void | Promise<void>;

/**
 * The realtime hub: committed domain events and presence changes fan out to the live module (and to
 * other nodes once a transport is attached). Listener failures are logged by the caller's `onError`
 * and never reach the publisher, which runs right after a transaction has committed.
 */
export class Realtime {
  readonly nodeId: string = newId();
  readonly #listeners = new Set<Listener>();
  #transport: RealtimeTransport | null = null;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  /** Delivers locally, then forwards to the other nodes. */
  publish(message: RealtimeMessage): void {
    this.#deliver(message);
    this.#transport?.send({ node: this.nodeId, message });
  }

  /** A message heard from another node (the transport calls this); our own echo is dropped. */
  receive(envelope: RealtimeEnvelope): void {
    if (envelope.node !== this.nodeId) this.#deliver(envelope.message);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Plugs the cross-node transport (issue 6: PostgreSQL LISTEN/NOTIFY). */
  attach(transport: RealtimeTransport | null): void {
    this.#transport = transport;
  }

  /** Every event committed on this node goes on the hub (other nodes' events arrive by `receive`). */
  relay(events: EventBus): () => void {
    return events.subscribe((event) => this.publish({ kind: 'domain', event }));
  }

  #deliver(message: RealtimeMessage): void {
    for (const listener of this.#listeners) {
      try {
        const result = listener(message);
        if (result) result.catch(this.onError);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** WebSocket close code telling clients the server restarts: they reconnect after a short delay. */
export const CLOSE_RESTART = 1012;

/**
 * On shutdown, asks every WebSocket client to come back later (1012 service restart) and cuts those that
 * do not complete the closing handshake within `graceMs`, so `app.close()` never hangs on a dead peer.
 */
export async function closeForRestart(wss: WebSocketServer, graceMs = 2_000): Promise<void> {
  const closing = [...wss.clients].map(
    (socket) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => socket.terminate(), graceMs).unref();
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.close(CLOSE_RESTART, 'restart');
      }),
  );
  await Promise.all(closing);
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}
