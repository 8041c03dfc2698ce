/** Notification types (issue 5 §2); mention and urgent_alert are raised by the chat channels. */
export const NOTIFICATION_TYPES = [
  'assigned',
  'request_reply',
  'mention',
  'sla_at_risk',
  'sla_breached',
  'approval_requested',
  'urgent_alert',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a type reaches the user by e-mail: at once (held during quiet hours), in the 08:00 digest, or not at all. */
export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** Local "HH:MM" bounds in the user's site time zone; `start` > `end` spans midnight (20:00–07:30). */
export interface QuietHours {
  start: string;
  end: string;
}

export interface NotificationSettings {
  types: Record<NotificationType, NotificationMode>;
  quietHours: QuietHours | null;
}

/** The default: every type mailed at once, no quiet hours. */
export function defaultSettings(): NotificationSettings {
  const types = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, 'immediate'])) as NotificationSettings['types'];
  return { types, quietHours: null };
}
