import { definePolicy } from '../../platform/authz.ts';
import { CHAT_WRITERS } from './channels.policy.ts';

/**
 * Urgent alerts: any reader of the channel who writes in chat (not the DPO) takes charge of an alert —
 * never its author, checked in the service (422); who reads the channel is checked there too (404).
 * The organisation's repeat and escalation delays: read by staff, written by coordinators and admins.
 */
export const alertsPolicy = definePolicy({
  'message.acknowledge': [{ roles: CHAT_WRITERS }],
  'alert.read': [{ roles: [...CHAT_WRITERS, 'dpo'] }],
  'alert_settings.read': [{ roles: ['assistant', 'coordinator', 'org_admin', 'executive', 'dpo', 'operator'] }],
  'alert_settings.update': [{ roles: ['coordinator', 'org_admin', 'operator'] }],
});
