import type { ModulePlugin } from '../platform/route-helpers.ts';
import './archive/archive.policy.ts';
import { archiveRoutes } from './archive/archive.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import '../db/maintenance.ts';
import './catalog/catalog.policy.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import './audit/audit.policy.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { meRoutes } from './auth/me.routes.ts';
import './canned/canned.policy.ts';
import './channels/channels.policy.ts';
import { channelRoutes } from './channels/channels.routes.ts';
import { alertRoutes } from './channels/alerts.routes.ts';
import { chatExtrasRoutes } from './channels/chat-extras.routes.ts';
import { cannedRoutes } from './canned/canned.routes.ts';
import { csatRoutes } from './csat/csat.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { kbArticleRoutes, kbSpaceRoutes } from './kb/kb.module.ts';
import './live/live.policy.ts';
import './mail/mail.policy.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { liveRoutes } from './live/live.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import './ops/ops.policy.ts';
import { opsRoutes } from './ops/ops.routes.ts';
import { functionRoutes } from './org/functions.routes.ts';
import './org/org.loaders.ts';
import './org/org.policy.ts';
import { orgRoutes } from './org/org.routes.ts';
import { siteRoutes } from './org/sites.routes.ts';
import { teamRoutes } from './org/teams.routes.ts';
import { directoryRoutes } from './people/directory.ts';
import { peopleRoutes } from './people/people.routes.ts';
import './platform/platform.policy.ts';
import { platformRoutes } from './platform/platform.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import './requests/requests.policy.ts';
import { attachmentRoutes } from './requests/attachments.routes.ts';
import { checklistRoutes } from './requests/checklist.routes.ts';
import { linkRoutes } from './requests/links.routes.ts';
import { requestRoutes } from './requests/requests.routes.ts';
import './requests/sla-watch.ts';
import { watcherRoutes } from './requests/watchers.routes.ts';
import './queues/queues.policy.ts';
import { queueRoutes } from './queues/queues.routes.ts';
import { recurringRoutes } from './recurring/recurring.routes.ts';
import './search/search.module.ts';
import './sla/sla.policy.ts';
import { slaRoutes } from './sla/sla.routes.ts';
import './webhooks/webhooks.policy.ts';
import { webhookRoutes } from './webhooks/webhooks.routes.ts';

/** Every feature module, registered in this order by app.ts. A new capability adds one line here. */
export const MODULES: ModulePlugin[] = [
  healthRoutes,
  authRoutes,
  meRoutes,
  orgRoutes,
  siteRoutes,
  functionRoutes,
  teamRoutes,
  peopleRoutes,
  directoryRoutes,
  auditRoutes,
  platformRoutes,
  opsRoutes,
  slaRoutes,
  catalogRoutes,
  requestRoutes,
  attachmentRoutes,
  linkRoutes,
  watcherRoutes,
  queueRoutes,
  cannedRoutes,
  liveRoutes,
  checklistRoutes,
  recurringRoutes,
  portalRoutes,
  archiveRoutes,
  csatRoutes,
  kbSpaceRoutes,
  kbArticleRoutes,
  mailRoutes,
  channelRoutes,
  alertRoutes,
  chatExtrasRoutes,
  webhookRoutes,
  notificationRoutes,
];
