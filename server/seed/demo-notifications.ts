import { pauseDelivery } from '../modules/notifications/notifications.delivery.ts';
import type { Deps } from '../platform/deps.ts';

/** Called first by the demo seed: nothing is pushed nor mailed while the history is written. */
export const holdDemoNotifications = pauseDelivery;
import { nowIso } from '../platform/ids.ts';

/**
 * The demo's requests raised notifications as they were seeded: none of them is mailed (the outbox
 * would otherwise fill with the history at first start) nor pushed; the last two days' stay unread so
 * the bell shows something, older ones are read.
 */
export async function seedNotifications(deps: Deps, resume: () => void): Promise<void> {
  const db = deps.database.db;
  const now = nowIso();
  await db.updateTable('notifications').set({ mail_state: 'none', pushed_at: now }).execute();
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
  await db.updateTable('notifications').set({ read_at: now }).where('created_at', '<', twoDaysAgo).execute();
  resume();
}
