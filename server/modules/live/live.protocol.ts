import { z } from 'zod';
import { CLOSE_RESTART } from '../../platform/realtime.ts';
import type { ChannelMessageEvent } from '../channels/channels.live.ts';
import type { PresencePerson } from './presence.service.ts';

/**
 * The live protocol (JSON text frames on `GET /api/live`). Client → server messages; anything else
 * (bad JSON, unknown type, missing field) answers `{type:'error', code:'bad_message'}` and is ignored.
 */
const ZRequestId = z.string().min(1).max(64);
export const ZClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), requestId: ZRequestId }),
  z.object({ type: z.literal('presence'), requestId: ZRequestId, mode: z.enum(['viewing', 'replying', 'left']) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ZClientMessage>;

/** Server → client messages. */
export type ServerMessage =
  | { type: 'hello'; userId: string }
  | { type: 'request.changed'; requestId: string; action: string; actorId: string | null; at: string }
  | { type: 'queues.changed' }
  | { type: 'notifications.changed'; unread: number }
  | { type: 'presence'; requestId: string; people: PresencePerson[] }
  | { type: 'pong' }
  | ChannelMessageEvent
  | { type: 'error'; code: 'bad_message' };

/** Close codes the client acts on (1012: server restart, reconnect; 4401: log in again; 4409: reconnect now). */
export const CLOSE = { restart: CLOSE_RESTART, flood: 1008, gone: 4401, changed: 4409 } as const;

/** Parses one frame; null when it is not a message of the protocol. */
export function parseClientMessage(raw: string): ClientMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = ZClientMessage.safeParse(data);
  return parsed.success ? parsed.data : null;
}
