import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../platform/actor.ts';
import { actorRoles, can, type Subject } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import type { PresenceMode } from '../../platform/realtime.ts';
import { channelDelivery } from '../channels/channels.live.ts';
import { READERS } from '../requests/requests.policy.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import { CLOSE, type ClientMessage, parseClientMessage, type ServerMessage } from './live.protocol.ts';
import { standingOf } from './live.repository.ts';
import type { PresenceStore } from './presence.service.ts';

/** Not a change: a read of a confidential request is audited, and a refetch would record another one. */
const IGNORED_ACTIONS = new Set(['request.viewed']);
/** Staff-only timeline entries (internal notes, SLA at risk / breached): a requester is not told of them. */
const STAFF_ONLY_ACTIONS = new Set(['request.noted', 'request.sla_at_risk', 'request.sla_breached']);
const MAX_WATCHED = 20;
const MAX_PENDING = 32;
const QUEUES_EVERY_MS = 1_000;
export const HEARTBEAT_MS = 30_000;
/** A client that does not read what we send is cut off rather than buffered without end. */
const MAX_BUFFERED = 1 << 20;

interface Watch {
  announce: boolean;
  announced: boolean;
}

interface LiveClient {
  readonly id: string;
  readonly socket: WebSocket;
  readonly actor: Actor;
  readonly staff: boolean;
  readonly watched: Map<string, Watch>;
  alive: boolean;
  pending: number;
  chain: Promise<void>;
  queuesAt: number;
  queuesTimer: NodeJS.Timeout | null;
}

function send(c: LiveClient, message: ServerMessage): void {
  if (c.socket.readyState !== c.socket.OPEN) return;
  if (c.socket.bufferedAmount > MAX_BUFFERED) c.socket.terminate();
  else c.socket.send(JSON.stringify(message));
}

/**
 * The sockets of this node: fans committed request events to those who may read the request, debounced
 * queue refreshes to staff, and presence to those watching a request. Presence itself lives in the
 * PresenceStore (fed by the realtime hub), so what a socket or `POST …/presence` announces is one state.
 */
export class LiveHub {
  readonly #clients = new Set<LiveClient>();
  readonly #byOrg = new Map<string, Set<LiveClient>>();
  readonly #stops: (() => void)[] = [];
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly presence: PresenceStore,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.#stops.push(
      this.deps.realtime.subscribe((m) => {
        if (m.kind === 'user') this.#toUser(m.organizationId, m.userId, m.payload);
        return m.kind === 'domain' ? this.#onDomain(m.event) : undefined;
      }),
      this.presence.onChange((org, requestId) => this.#onPresence(org, requestId)),
    );
    this.#heartbeat = setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref();
  }

  /** Sockets open on this node right now (`relais_websocket_connections`). */
  get connectionCount(): number {
    return this.#clients.size;
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /** Takes an upgraded socket of an authenticated actor; listeners are attached before any await. */
  connect(socket: WebSocket, actor: Actor): void {
    const c: LiveClient = {
      id: newId(),
      socket,
      actor,
      staff: actorRoles(actor).some((r) => READERS.includes(r)),
      watched: new Map(),
      alive: true,
      pending: 0,
      chain: Promise.resolve(),
      queuesAt: 0,
      queuesTimer: null,
    };
    this.#clients.add(c);
    if (actor.organizationId) {
      const set = this.#byOrg.get(actor.organizationId) ?? new Set();
      this.#byOrg.set(actor.organizationId, set.add(c));
    }
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('message', (data, isBinary) => this.#onMessage(c, data, isBinary));
    socket.on('close', () => this.#disconnect(c));
    send(c, { type: 'hello', userId: actor.userId });
  }

  /** Every 30 s: sockets that missed the last ping are cut; the others are pinged and their credential re-checked. */
  heartbeat(): Promise<void> {
    const checks: Promise<void>[] = [];
    for (const c of this.#clients) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      if (c.socket.readyState === c.socket.OPEN) c.socket.ping();
      checks.push(this.#recheck(c));
    }
    return Promise.all(checks).then(() => undefined);
  }

  async #recheck(c: LiveClient): Promise<void> {
    try {
      const standing = await standingOf(this.deps.database.db, c.actor);
      if (standing === 'gone') c.socket.close(CLOSE.gone, 'session');
      else if (standing === 'changed') c.socket.close(CLOSE.changed, 'context');
    } catch (err) {
      this.log.warn({ err }, 'live: credential check failed');
    }
  }

  #disconnect(c: LiveClient): void {
    if (!this.#clients.delete(c)) return;
    const org = c.actor.organizationId;
    if (org) this.#byOrg.get(org)?.delete(c);
    if (org && !this.#byOrg.get(org)?.size) this.#byOrg.delete(org);
    if (c.queuesTimer) clearTimeout(c.queuesTimer);
    for (const requestId of [...c.watched.keys()]) this.#unwatch(c, requestId);
  }

  /** Messages of one socket run one after another (a watch completes before the presence that follows it). */
  #onMessage(c: LiveClient, data: RawData, isBinary: boolean): void {
    c.alive = true;
    const message = isBinary ? null : parseClientMessage(data.toString());
    if (!message) {
      send(c, { type: 'error', code: 'bad_message' });
      return;
    }
    if (++c.pending > MAX_PENDING) {
      c.socket.close(CLOSE.flood, 'flood');
      return;
    }
    c.chain = c.chain
      .then(() => this.#handle(c, message))
      .catch((err) => this.log.warn({ err }, 'live: message failed'))
      .finally(() => {
        c.pending--;
      });
  }

  async #handle(c: LiveClient, message: ClientMessage): Promise<void> {
    if (message.type === 'ping') send(c, { type: 'pong' });
    else if (message.type === 'watch') await this.#watch(c, message.requestId);
    else await this.#announce(c, message.requestId, message.mode);
  }

  /** Subscribes to a request's presence if the actor may see it (refused silently), and sends who is there. */
  async #watch(c: LiveClient, requestId: string): Promise<Watch | null> {
    const org = c.actor.organizationId;
    const existing = c.watched.get(requestId);
    if (existing || !org || c.watched.size >= MAX_WATCHED) return existing ?? null;
    const subject = await loadRequestSubject(this.deps.database.db, { organizationId: org }, requestId);
    if (!subject || !can(c.actor, 'request.presence', subject) || !this.#clients.has(c)) return null;
    const watch = c.watched.get(requestId) ?? { announce: can(c.actor, 'request.announce', subject), announced: false };
    c.watched.set(requestId, watch);
    send(c, { type: 'presence', requestId, people: this.presence.people(org, requestId) });
    return watch;
  }

  /** viewing / replying (implies watching; only those who work the request are announced) or left (unwatch). */
  async #announce(c: LiveClient, requestId: string, mode: PresenceMode): Promise<void> {
    if (mode === 'left') {
      this.#unwatch(c, requestId);
      return;
    }
    const watch = await this.#watch(c, requestId);
    if (!watch?.announce || !c.actor.organizationId) return;
    watch.announced = true;
    const { userId, displayName: name, organizationId } = c.actor;
    this.presence.announce({ organizationId, requestId, connectionId: c.id, userId, name, mode });
  }

  #unwatch(c: LiveClient, requestId: string): void {
    const watch = c.watched.get(requestId);
    c.watched.delete(requestId);
    if (watch?.announced) this.#left(c, requestId);
  }

  #left(c: LiveClient, requestId: string): void {
    const { userId, displayName: name, organizationId } = c.actor;
    if (organizationId) this.presence.announce({ organizationId, requestId, connectionId: c.id, userId, name, mode: 'left' });
  }

  /** One subject load per event, then one policy check per socket of the organisation. */
  async #onDomain(event: DomainEvent): Promise<void> {
    if (event.targetType === 'message') return this.#onChannelMessage(event);
    const requestId = event.targetId;
    if (event.targetType !== 'request' || !requestId || IGNORED_ACTIONS.has(event.action)) return;
    if (!this.#byOrg.get(event.organizationId)?.size) return;
    const subject = await loadRequestSubject(this.deps.database.db, { organizationId: event.organizationId }, requestId);
    if (!subject) return;
    const message: ServerMessage = {
      type: 'request.changed',
      requestId,
      action: event.action,
      actorId: event.actorId,
      at: event.at,
    };
    for (const c of this.#byOrg.get(event.organizationId) ?? []) {
      this.#recheckWatch(c, requestId, subject);
      if (!can(c.actor, 'request.read', subject)) continue;
      if (!c.staff && STAFF_ONLY_ACTIONS.has(event.action)) continue;
      send(c, message);
      if (c.staff) this.#queuesChanged(c);
    }
  }

  /** A chat message posted, edited or deleted: to the sockets of the channel's readers only. */
  async #onChannelMessage(event: DomainEvent): Promise<void> {
    if (!this.#byOrg.get(event.organizationId)?.size) return;
    const delivery = await channelDelivery(this.deps.database.db, event);
    if (!delivery) return;
    for (const c of this.#byOrg.get(event.organizationId) ?? []) if (delivery.reaches(c.actor)) send(c, delivery.message);
  }

  /** A change may have withdrawn the actor's clearance: their watch and announcement go with it. */
  #recheckWatch(c: LiveClient, requestId: string, subject: Subject): void {
    const watch = c.watched.get(requestId);
    if (!watch) return;
    if (!can(c.actor, 'request.presence', subject)) {
      this.#unwatch(c, requestId);
      return;
    }
    watch.announce = can(c.actor, 'request.announce', subject);
    if (watch.announced && !watch.announce) {
      watch.announced = false;
      this.#left(c, requestId);
    }
  }

  /** At most one `queues.changed` per second per socket: the first at once, the rest folded into one. */
  #queuesChanged(c: LiveClient): void {
    if (c.queuesTimer) return;
    const fire = () => {
      c.queuesTimer = null;
      c.queuesAt = Date.now();
      send(c, { type: 'queues.changed' });
    };
    const wait = c.queuesAt + QUEUES_EVERY_MS - Date.now();
    if (wait <= 0) fire();
    else c.queuesTimer = setTimeout(fire, wait).unref();
  }

  /** Per-user messages (notifications) reach only that user's sockets in that organisation. */
  #toUser(organizationId: string, userId: string, message: ServerMessage): void {
    for (const c of this.#byOrg.get(organizationId) ?? []) if (c.actor.userId === userId) send(c, message);
  }

  #onPresence(organizationId: string, requestId: string): void {
    const watchers = [...(this.#byOrg.get(organizationId) ?? [])].filter((c) => c.watched.has(requestId));
    if (!watchers.length) return;
    const people = this.presence.people(organizationId, requestId);
    for (const c of watchers) send(c, { type: 'presence', requestId, people });
  }
}
