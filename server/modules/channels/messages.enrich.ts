import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { presentMessage } from './messages.service.ts';

export type MessageView = ReturnType<typeof presentMessage>;

/**
 * What a message carries beyond its row, loaded once per page (never one query per message): each
 * capability adds its part here (urgent alert and mentions, attachments, the request it became).
 * Every list, post, edit and search result goes through it.
 */
export async function enrichMessages<T extends MessageView>(_db: Kdb, _scope: Scope, _actor: Actor, views: T[]): Promise<T[]> {
  return views;
}
