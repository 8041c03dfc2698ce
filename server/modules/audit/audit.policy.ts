import { definePolicy } from '../../platform/authz.ts';

/** The audit trail is read by the DPO / auditor and the key users; nobody writes it through the API. */
export const auditPolicy = definePolicy({
  'audit.read': [{ roles: ['org_admin', 'dpo', 'operator'] }],
});
