import { definePolicy } from '../../platform/authz.ts';

/**
 * Everyone reads and marks their own notifications and sets their own preferences (`self.*` actions,
 * the service scopes every query to the actor's organisation and user). The mail outbox of the
 * embedded default (DATA_DIR/outbox) is the platform operator's.
 */
export const notificationsPolicy = definePolicy({
  'platform.outbox.read': [{ roles: ['operator'] }],
});
