import { definePolicy } from '../../platform/authz.ts';
import { READERS, WORKERS } from '../requests/requests.policy.ts';

/**
 * Collision detection is a staff matter: staff who may read a request see who else is on it; those who
 * work it announce themselves (viewing, replying). Requesters neither see nor show staff presence, and
 * read-only roles (DPO, executives) look without being announced.
 */
export const livePolicy = definePolicy({
  'request.presence': [{ roles: READERS, when: 'cleared' }],
  'request.announce': [{ roles: WORKERS, when: 'cleared' }],
});
