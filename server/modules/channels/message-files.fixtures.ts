import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';

/** A small PDF file attached to a message (test factories): stored through the storage interface; returns its id. */
export async function seedMessageFile(deps: Deps, organizationId: string, messageId: string): Promise<string> {
  const message = await tenant
    .selectFrom(deps.database.db, { organizationId }, 'messages')
    .select(['channel_id', 'author_id'])
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  const stored = await deps.storage.put(Readable.from([Buffer.from('%PDF-1.4\n% Relais\n')]));
  const row = {
    id: newId(),
    channel_id: message.channel_id,
    message_id: messageId,
    uploaded_by_id: message.author_id,
    file_name: 'note.pdf',
    content_type: 'application/pdf',
    size: stored.size,
    sha256: stored.sha256,
    storage_key: stored.key,
    created_at: nowIso(),
  };
  await deps.database.db
    .insertInto('message_files')
    .values(tenant.values({ organizationId }, [row]))
    .execute();
  return row.id;
}
