import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Who manages folders (and may delete documents): the coordination, key users, the operator. */
export const ARCHIVE_MANAGERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];
/** Everyone but the DPO may write where a folder's permissions let them (checked per folder in the service). */
const WRITERS: readonly ActorRole[] = ALL_ROLES.filter((r) => r !== 'dpo');

/**
 * The document archive. These rules only say who may try; each folder's own (or inherited) permissions
 * decide in the service (archive.access.ts): a folder one may not read answers 404, one may read but not
 * write answers 403. The DPO reads every folder and writes none.
 */
export const archivePolicy = definePolicy({
  'archive.read': [{ roles: ALL_ROLES }],
  'archive.upload': [{ roles: WRITERS }],
  'archive.update': [{ roles: WRITERS }],
  'archive.delete': [{ roles: ARCHIVE_MANAGERS }],
  'archive.folder.manage': [{ roles: ARCHIVE_MANAGERS }],
});

registerLoader('archivefolder', async (db, scope, id) =>
  (await tenant.selectFrom(db, scope, 'archive_folders').select('id').where('id', '=', id).executeTakeFirst()) ? {} : undefined,
);
registerLoader('archivedoc', async (db, scope, id) =>
  (await tenant.selectFrom(db, scope, 'archive_documents').select('id').where('id', '=', id).executeTakeFirst()) ? {} : undefined,
);
