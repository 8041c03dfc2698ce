import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { withAlertsAndMentions } from './alerts.enrich.ts';
import { withChatExtras } from './chat-extras.ts';
import type { presentMessage } from './messages.service.ts';

export type MessageView = ReturnType<typeof presentMessage>;

/**
 * What a message carries beyond its row, loaded once per page (never one query per message): each
 * capability adds its part here (urgent alert and mentions, attachments, the request it became).
 * Every list, post, edit and search result goes through it.
 */
export async function enrichMessages<T extends MessageView>(_db: Kdb, _scope: Scope, _actor: Actor, views: T[]): Promise<T[]> {
  // Attachments and the request it became (helper B: chat-extras.ts, one query each per page).
  const withAlerts = await withAlertsAndMentions(_db, _scope, _actor, views); // helper A: alerts.enrich.ts
  return (await withChatExtras(_db, _scope, _actor, withAlerts)) as T[];
}
