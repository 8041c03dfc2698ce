import { definePolicy } from '../../platform/authz.ts';

/** The operator's ops page: nodes, job queue, schedules, mail in trouble, backups — installation-wide. */
export const opsPolicy = definePolicy({
  'platform.ops.read': [{ roles: ['operator'] }],
  'platform.jobs.retry': [{ roles: ['operator'] }],
  'platform.schedules.run': [{ roles: ['operator'] }],
});
