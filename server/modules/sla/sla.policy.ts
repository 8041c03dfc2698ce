import { definePolicy, STAFF_READ } from '../../platform/authz.ts';

/** SLA tools read calendars only; staff use them (requesters see due dates on their requests instead). */
export const slaPolicy = definePolicy({
  'sla.simulate': STAFF_READ,
});
