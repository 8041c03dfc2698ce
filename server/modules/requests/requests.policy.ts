import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { definePolicy, type Rule } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { loadRequestSubject } from './requests.repository.ts';

/** Who works requests: the pool's staff (and the operator acting in an organisation). */
export const WORKERS: readonly ActorRole[] = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'operator'];
/** Staff who may read (not work) ordinary requests: executives and the DPO. */
export const READERS: readonly ActorRole[] = [...WORKERS, 'dpo', 'executive'];
const SUBMITTERS: readonly ActorRole[] = ALL_ROLES.filter((r) => r !== 'dpo');

const party: Rule = { roles: ALL_ROLES, when: 'party' };
const worker: Rule = { roles: WORKERS, when: 'cleared' };

/**
 * Requests: requesters see and follow their own (and those they watch); staff work them unless they are
 * confidential, in which case only the named (cleared) staff may; the role named by the service approves.
 */
export const requestsPolicy = definePolicy({
  'request.list': [{ roles: ALL_ROLES }],
  'request.create': [{ roles: SUBMITTERS }],
  'request.read': [party, { roles: READERS, when: 'cleared' }, { roles: ALL_ROLES, when: 'approver' }],
  'request.update': [worker],
  'request.comment': [party, worker],
  'request.note': [worker],
  'request.cancel': [party, worker],
  'request.reopen': [party, worker],
  'request.approve': [{ roles: ALL_ROLES, when: 'approver' }],
  // Executives may follow what they read; the DPO stays read-only (a watch writes the timeline and access list).
  'request.watch': [party, worker, { roles: ['executive'], when: 'cleared' }],
  // The key user names the staff of a confidential request even when no team was cleared (audited, on the timeline).
  'request.clear': [{ roles: ['coordinator'], when: 'cleared' }, { roles: ['org_admin', 'operator'] }],
});

/** Actions sent with a request so the UI shows only what the actor may do. */
export const REQUEST_ACTIONS = [
  'request.update',
  'request.comment',
  'request.note',
  'request.cancel',
  'request.reopen',
  'request.approve',
  'request.watch',
  'request.clear',
] as const;

registerLoader('request', loadRequestSubject);
