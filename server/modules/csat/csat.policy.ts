import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz.ts';

/** Who reads the satisfaction figures and the free-text comments: the steering roles, never requesters or assistants. */
export const CSAT_READERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'executive', 'operator'];
const RATERS = ALL_ROLES.filter((r) => r !== 'dpo');

/**
 * Satisfaction: only the requester of a request rates it (`self`: the request's requester; a watcher may
 * not); the rating of one request is read by its requester and by the steering roles cleared for it.
 */
export const csatPolicy = definePolicy({
  'csat.rate': [{ roles: RATERS, when: 'self' }],
  'csat.read': [
    { roles: ALL_ROLES, when: 'self' },
    { roles: CSAT_READERS, when: 'cleared' },
  ],
  'csat.report': [{ roles: CSAT_READERS }],
});

/** Sent with a request's satisfaction so the UI shows the rating form only to whoever may rate. */
export const CSAT_ACTIONS = ['csat.rate'] as const;
