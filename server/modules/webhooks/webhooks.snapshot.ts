import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { tenant } from '../../platform/tenancy.ts';

/**
 * A small snapshot of the event's target for the payload, read after commit: enough for a receiver to
 * route the event without calling back (reference, status…). A confidential request's title stays out.
 */
export async function snapshotOf(db: Kdb, scope: Scope, e: DomainEvent): Promise<Record<string, unknown>> {
  if (!e.targetId) return {};
  if (e.targetType === 'request') {
    const r = await tenant
      .selectFrom(db, scope, 'requests')
      .select(['reference', 'title', 'status', 'priority', 'confidentiality'])
      .where('id', '=', e.targetId)
      .executeTakeFirst();
    if (!r) return {};
    const title = r.confidentiality === 'normal' ? r.title : null;
    return { reference: r.reference, title, status: r.status, priority: r.priority };
  }
  if (e.targetType === 'kb_article') {
    const a = await tenant
      .selectFrom(db, scope, 'kb_articles')
      .select(['title', 'status'])
      .where('id', '=', e.targetId)
      .executeTakeFirst();
    return a ? { title: a.title, status: a.status } : {};
  }
  if (e.targetType === 'archive_document') {
    const d = await tenant
      .selectFrom(db, scope, 'archive_documents')
      .select(['name', 'current_version'])
      .where('id', '=', e.targetId)
      .executeTakeFirst();
    return d ? { name: d.name, version: d.current_version } : {};
  }
  return {};
}
