import { EventEmitter } from 'node:events';

/** A committed change, published after its transaction commits (consumers: realtime, jobs, webhooks later). */
export interface DomainEvent {
  organizationId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actorId: string | null;
  at: string;
}

/**
 * In-process event bus. Writes never publish directly: `withTransaction` publishes once the
 * transaction has committed, so a consumer never sees a change that was rolled back.
 */
export class EventBus {
  readonly #emitter = new EventEmitter();
  publish(event: DomainEvent): void {
    this.#emitter.emit('event', event);
  }
  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
