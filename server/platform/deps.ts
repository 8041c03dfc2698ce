import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { FieldCipher } from './crypto.ts';
import type { EventBus } from './events.ts';
import type { Mailer } from './mailer.ts';
import type { Realtime } from './realtime.ts';
import type { Storage } from './storage.ts';

/** Long-lived services built once in app.ts and handed to every module plugin. */
export interface Deps {
  config: Config;
  database: Database;
  events: EventBus;
  /** Live fan-out of events and presence (WebSockets; cross-node later). */
  realtime: Realtime;
  mailer: Mailer;
  cipher: FieldCipher;
  storage: Storage;
  /** Tells this node's job runner (and, on PostgreSQL, the others) that a job was just enqueued (cluster.ts). */
  jobsEnqueued?: () => void;
  /** Open live WebSockets of this node (set by the live module, read by /metrics). */
  liveConnections?: () => number;
  /** Set when a graceful shutdown starts: /api/ready answers 503 so the load balancer stops sending. */
  draining?: boolean;
}
