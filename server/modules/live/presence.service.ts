import type { PresenceChange, Realtime } from '../../platform/realtime.ts';

/** An entry disappears when its connection has not refreshed it for this long (clients refresh every 20 s). */
export const PRESENCE_TTL_MS = 45_000;
const SWEEP_EVERY_MS = 5_000;

/** One person on a request, as sent to clients: replying wins over viewing when they have several tabs. */
export interface PresencePerson {
  userId: string;
  name: string;
  mode: 'viewing' | 'replying';
  since: string;
}

interface Entry {
  userId: string;
  name: string;
  mode: 'viewing' | 'replying';
  since: string;
  seenAt: number;
}

type ChangeListener = (organizationId: string, requestId: string) => void;

/** Rooms are keyed by organisation and request, so presence never crosses tenants. */
const roomKey = (organizationId: string, requestId: string) => `${organizationId}\u0000${requestId}`;

/**
 * Who is on which request right now (collision detection). In memory, fed only by the realtime hub:
 * a change announced here goes on the hub, so another node's store (issue 6) applies it the same way.
 */
export class PresenceStore {
  readonly #rooms = new Map<string, { organizationId: string; requestId: string; entries: Map<string, Entry> }>();
  readonly #listeners = new Set<ChangeListener>();
  readonly #unsubscribe: () => void;
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly realtime: Realtime) {
    this.#unsubscribe = realtime.subscribe((message) => {
      if (message.kind === 'presence') this.#apply(message.change, Date.now());
    });
  }

  /** Publishes a change; the hub delivers it back here synchronously (and to the other nodes). */
  announce(change: PresenceChange): void {
    this.realtime.publish({ kind: 'presence', change });
  }

  /** The people on a request, one line per user, earliest first; stale entries never show. */
  people(organizationId: string, requestId: string, at = Date.now()): PresencePerson[] {
    const room = this.#rooms.get(roomKey(organizationId, requestId));
    if (!room) return [];
    const byUser = new Map<string, PresencePerson>();
    for (const e of room.entries.values()) {
      if (e.seenAt + PRESENCE_TTL_MS <= at) continue;
      const cur = byUser.get(e.userId);
      const better = !cur || (e.mode === 'replying' && cur.mode === 'viewing') || (e.mode === cur.mode && e.since < cur.since);
      if (better) byUser.set(e.userId, { userId: e.userId, name: e.name, mode: e.mode, since: e.since });
    }
    return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since) || a.name.localeCompare(b.name));
  }

  /** Called with (organisation, request) whenever the people on a request change. */
  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Drops the entries not refreshed within the TTL before `at` and tells the listeners. */
  sweep(at = Date.now()): void {
    for (const [key, room] of this.#rooms) {
      let changed = false;
      for (const [connectionId, e] of room.entries) {
        if (e.seenAt + PRESENCE_TTL_MS > at) continue;
        room.entries.delete(connectionId);
        changed = true;
      }
      if (!room.entries.size) this.#rooms.delete(key);
      if (changed) this.#notify(room.organizationId, room.requestId);
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#unsubscribe();
    this.#rooms.clear();
    this.#listeners.clear();
  }

  /** A refresh of the same mode only extends the entry; a new mode or a departure is a change. */
  #apply(change: PresenceChange, at: number): void {
    const key = roomKey(change.organizationId, change.requestId);
    let room = this.#rooms.get(key);
    if (change.mode === 'left') {
      if (!room?.entries.delete(change.connectionId)) return;
      if (!room.entries.size) this.#rooms.delete(key);
      this.#notify(change.organizationId, change.requestId);
      return;
    }
    if (!room) {
      room = { organizationId: change.organizationId, requestId: change.requestId, entries: new Map() };
      this.#rooms.set(key, room);
    }
    const cur = room.entries.get(change.connectionId);
    if (cur && cur.mode === change.mode && cur.seenAt + PRESENCE_TTL_MS > at) {
      cur.seenAt = at;
      return;
    }
    const since = new Date(at).toISOString();
    room.entries.set(change.connectionId, { userId: change.userId, name: change.name, mode: change.mode, since, seenAt: at });
    this.#notify(change.organizationId, change.requestId);
  }

  #notify(organizationId: string, requestId: string): void {
    for (const listener of this.#listeners) listener(organizationId, requestId);
  }
}

const stores = new WeakMap<Realtime, PresenceStore>();

/** The presence store of an app (one per realtime hub): the WebSocket and HTTP routes share it. */
export function presenceStore(realtime: Realtime): PresenceStore {
  let store = stores.get(realtime);
  if (!store) {
    store = new PresenceStore(realtime);
    stores.set(realtime, store);
  }
  return store;
}
