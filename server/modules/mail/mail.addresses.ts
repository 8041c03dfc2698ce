import type { Kdb } from '../../db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { findThreadToken } from '../../platform/thread-token.ts';

/** The inbound address row for a recipient (addresses are unique platform-wide, compared in lower case). */
export function findAddress(db: Kdb, address: string) {
  return db.selectFrom('mail_addresses').selectAll().where('address', '=', address.trim().toLowerCase()).executeTakeFirst();
}

/** `reply+<token>@<MAIL_REPLY_DOMAIN>`: accepted for every organisation (the token names the request). */
export function isReplyAddress(deps: Deps, address: string): boolean {
  const a = address.trim().toLowerCase();
  return a.endsWith(`@${deps.config.smtp.replyDomain}`) && findThreadToken(a) !== null;
}

/** Whether the SMTP listener accepts mail for this recipient (otherwise 550 at RCPT time). */
export async function isHandledRecipient(deps: Deps, address: string): Promise<boolean> {
  return isReplyAddress(deps, address) || Boolean(await findAddress(deps.database.db, address));
}
