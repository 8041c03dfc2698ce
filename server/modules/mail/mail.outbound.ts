import type { Kdb } from '../../db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId, nowIso } from '../../platform/ids.ts';

/**
 * The Message-ID of a mail Relais sends about a request: `<relais.<id>@MAIL_REPLY_DOMAIN>`, with `id` the
 * row the mail comes from (notification, survey) so a retried send keeps the same identifier.
 */
export const outboundMessageId = (deps: Deps, id: string) => `<relais.${id}@${deps.config.smtp.replyDomain}>`;

/**
 * Records that a mail about a request left (before it is sent, so a fast reply always finds it): a reply
 * whose In-Reply-To / References names it threads into the request even without token nor reference.
 */
export async function recordOutbound(db: Kdb, organizationId: string, requestId: string, messageId: string): Promise<void> {
  await db
    .insertInto('outbound_messages')
    .values({ id: newId(), organization_id: organizationId, request_id: requestId, message_id: messageId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['organization_id', 'message_id']).doNothing())
    .execute();
}

/** The request of the organisation one of these Message-IDs (a reply's In-Reply-To and References) was about. */
export async function requestOfOutbound(db: Kdb, organizationId: string, messageIds: string[]): Promise<string | null> {
  if (!messageIds.length) return null;
  const row = await db
    .selectFrom('outbound_messages')
    .select('request_id')
    .where('organization_id', '=', organizationId)
    .where('message_id', 'in', messageIds)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.request_id ?? null;
}
