import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { optional } from './requests.ts';
import type { PresencePerson } from './types.ts';

/** What the server pushes on `/api/live`. */
export type LiveMessage =
  | { type: 'request.changed'; requestId: string; action: string; actorId: string | null; at: string }
  | { type: 'queues.changed' }
  | { type: 'notifications.changed'; unread: number }
  | {
      type: 'channel.message';
      channelId: string;
      messageId: string;
      threadRootId: string | null;
      action: 'posted' | 'edited' | 'deleted';
      actorId: string | null;
      at: string;
    }
  | { type: 'presence'; requestId: string; people: PresencePerson[] }
  | { type: 'hello'; userId: string }
  | { type: 'error'; code: string }
  | { type: 'pong' };

export type PresenceMode = 'viewing' | 'replying';
type Listener = (message: LiveMessage) => void;

const PING_MS = 25_000;
const PRESENCE_MS = 20_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * One WebSocket per tab, opened while a screen listens: re-sends what it watches and the user's presence
 * after each reconnection (backoff on failure, quick retry when the server restarts: close code 1012).
 */
class LiveConnection {
  private ws: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<() => void>();
  private watched = new Map<string, number>();
  private presence = new Map<string, PresenceMode>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private beat: ReturnType<typeof setInterval> | undefined;
  private presenceBeat: ReturnType<typeof setInterval> | undefined;
  open = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.idleTimer);
    if (!this.ws && !this.retryTimer) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.idleTimer = setTimeout(() => this.stop(), 5000);
    };
  }

  onStatus(callback: () => void): () => void {
    this.statusListeners.add(callback);
    return () => this.statusListeners.delete(callback);
  }

  watch(requestId: string): () => void {
    this.watched.set(requestId, (this.watched.get(requestId) ?? 0) + 1);
    this.send({ type: 'watch', requestId });
    return () => {
      const n = (this.watched.get(requestId) ?? 1) - 1;
      if (n <= 0) this.watched.delete(requestId);
      else this.watched.set(requestId, n);
    };
  }

  setPresence(requestId: string, mode: PresenceMode | 'left'): void {
    if (mode === 'left') this.presence.delete(requestId);
    else this.presence.set(requestId, mode);
    this.send({ type: 'presence', requestId, mode });
  }

  private send(message: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private setOpen(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    for (const callback of this.statusListeners) callback();
  }

  private connect(): void {
    this.retryTimer = undefined;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      this.scheduleRetry(false);
      return;
    }
    this.ws = ws;
    ws.onopen = () => this.opened();
    ws.onmessage = (event) => this.received(event.data);
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stopBeats();
      this.setOpen(false);
      // 4401: the session is gone (the next API call sends the user to the login page); 1012 restart, 4409 reconnect now.
      if (this.listeners.size > 0 && event.code !== 4401) this.scheduleRetry(event.code === 1012 || event.code === 4409);
    };
  }

  private opened(): void {
    this.attempt = 0;
    this.setOpen(true);
    for (const requestId of this.watched.keys()) this.send({ type: 'watch', requestId });
    this.resendPresence();
    this.beat = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    this.presenceBeat = setInterval(() => this.resendPresence(), PRESENCE_MS);
  }

  private resendPresence(): void {
    for (const [requestId, mode] of this.presence) this.send({ type: 'presence', requestId, mode });
  }

  private received(data: unknown): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(String(data)) as LiveMessage;
    } catch {
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  private scheduleRetry(restart: boolean): void {
    this.attempt += 1;
    const base = restart ? 500 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempt, 6));
    this.retryTimer = setTimeout(() => this.connect(), base + Math.random() * 500);
  }

  private stopBeats(): void {
    clearInterval(this.beat);
    clearInterval(this.presenceBeat);
  }

  private stop(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const ws = this.ws;
    this.ws = null;
    this.stopBeats();
    ws?.close(1000);
    this.setOpen(false);
  }
}

const live = new LiveConnection();

const subscribeStatus = (callback: () => void) => live.onStatus(callback);
const openSnapshot = () => live.open;

/** True while the live connection is open (lists poll every minute otherwise). */
export function useLiveOpen(): boolean {
  return useSyncExternalStore(subscribeStatus, openSnapshot);
}

/** Calls `handler` for each live message while the component is mounted (latest handler wins). */
export function useLiveEvents(handler: Listener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => live.subscribe((m) => ref.current(m)), []);
}

/**
 * Keeps cached lists, queue counts and open requests fresh: another user's change refetches them;
 * after a reconnection everything is refetched once (events may have been missed meanwhile).
 */
export function useLiveRefresh(meId: string | undefined): boolean {
  const qc = useQueryClient();
  const open = useLiveOpen();
  const wasOpen = useRef(open);
  useLiveEvents((m) => {
    if (m.type === 'request.changed') {
      void qc.invalidateQueries({ queryKey: [...keys.requests, 'list'] });
      void qc.invalidateQueries({ queryKey: keys.views });
      if (m.actorId !== meId) void qc.invalidateQueries({ queryKey: keys.request(m.requestId) });
    } else if (m.type === 'queues.changed') {
      void qc.invalidateQueries({ queryKey: keys.views });
    }
  });
  useEffect(() => {
    if (open && !wasOpen.current) void qc.invalidateQueries({ queryKey: keys.requests });
    wasOpen.current = open;
  }, [open, qc]);
  return open;
}

/** Asks for `request.changed` events of one request while it is on screen (requester pages: no presence). */
export function useWatchRequest(requestId: string | undefined): void {
  useLiveEvents(() => undefined);
  useEffect(() => (requestId ? live.watch(requestId) : undefined), [requestId]);
}

/** Tells the server this request is open here (watch + presence, re-sent every 20 s) and who else is on it. */
export function usePresence(requestId: string | undefined, mode: PresenceMode, meId: string | undefined): PresencePerson[] {
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const open = useLiveOpen();
  useLiveEvents((m) => {
    if (m.type === 'presence' && m.requestId === requestId) setPeople(m.people);
  });
  useEffect(() => (requestId ? live.watch(requestId) : undefined), [requestId]);
  useEffect(() => {
    if (!requestId) return;
    live.setPresence(requestId, mode);
  }, [requestId, mode]);
  useEffect(() => () => (requestId ? live.setPresence(requestId, 'left') : undefined), [requestId]);
  usePresencePolling(requestId, mode, !open, setPeople);
  return people.filter((p) => p.userId !== meId);
}

/** Fallback while the WebSocket is down: `POST /api/requests/:id/presence {mode}` every 20 s (stops on 404). */
function usePresencePolling(
  requestId: string | undefined,
  mode: PresenceMode,
  active: boolean,
  setPeople: (people: PresencePerson[]) => void,
) {
  useEffect(() => {
    if (!active || !requestId) return;
    const url = `/requests/${encodeURIComponent(requestId)}/presence`;
    let missing = false;
    const tick = async () => {
      if (missing) return;
      try {
        const r = await optional(api<{ people?: PresencePerson[] }>(url, { method: 'POST', body: { mode } }));
        if (r === null) missing = true;
        else setPeople(r.people ?? []);
      } catch {
        // presence is a courtesy: never an error on screen
      }
    };
    void tick();
    const timer = setInterval(tick, PRESENCE_MS);
    return () => {
      clearInterval(timer);
      if (!missing) void optional(api(url, { method: 'POST', body: { mode: 'left' } })).catch(() => undefined);
    };
  }, [active, requestId, mode, setPeople]);
}
