import { useTranslation } from 'react-i18next';
import { type AssignmentNote, explainAssignment } from '../../../../../common/assignment.ts';
import type { TimelineEntry } from '../../../api/types.ts';
import type { Lookups } from './lookups.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const ID_FIELDS: Record<string, 'siteName' | 'teamName' | 'serviceName' | undefined> = {
  siteId: 'siteName',
  teamId: 'teamName',
  serviceId: 'serviceName',
};
const SHOWN_FIELDS = new Set(['title', 'priority', 'impact', 'urgency', 'siteId', 'teamId', 'serviceId', 'tags']);

/** Sentences of the system events of a timeline (« Sophie Bernard a passé la demande de « Nouvelle » à « En cours » »). */
export function useEventText(lookups: Pick<Lookups, 'userName' | 'siteName' | 'teamName' | 'serviceName'>) {
  const { t, i18n } = useTranslation();
  const status = (s: unknown) => (s ? t(`requests.status.${str(s)}` as 'requests.status.new') : '—');
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (Array.isArray(v)) return v.map(str).join(', ') || '—';
    const lookup = ID_FIELDS[field];
    if (lookup) return lookups[lookup](v) ?? '—';
    if (field === 'priority') return t(`requests.priority.${str(v)}` as 'requests.priority.P1');
    return str(v);
  };
  const person = (id: unknown) => lookups.userName(id) ?? t('requests.events.someone');
  return (e: TimelineEntry): string => {
    const actor = e.actor?.name || t('requests.events.system');
    const d = e.data ?? {};
    switch (e.kind) {
      case 'created':
        return t('requests.events.created', {
          actor,
          source: t(`requests.source.${str(d.source) || 'portal'}` as 'requests.source.portal'),
        });
      case 'field_changed': {
        const field = str(d.field);
        const label = t(`requests.fields.${field}` as 'requests.fields.title', { defaultValue: field });
        if (!SHOWN_FIELDS.has(field)) return t('requests.events.field_changed', { actor, field: label });
        return t('requests.events.field_changed_value', {
          actor,
          field: label,
          from: value(field, d.from),
          to: value(field, d.to),
        });
      }
      case 'assigned':
        if (!d.to) return t('requests.events.unassigned', { actor });
        // Automatic assignments carry the rule's note: the same sentence as the server's (common/assignment.ts).
        if (d.note && typeof d.note === 'object' && (d.note as AssignmentNote).rule !== 'manual')
          return explainAssignment(d.note as AssignmentNote, person(d.to), i18n.language === 'en' ? 'en' : 'fr');
        return e.actor
          ? t('requests.events.assigned', { actor, to: person(d.to) })
          : t('requests.events.assignedAuto', { to: person(d.to) });
      case 'status_changed':
        if (d.reopened) return t('requests.events.reopened', { actor });
        return t('requests.events.status_changed', { actor, from: status(d.from), to: status(d.to) });
      case 'sla_at_risk':
      case 'sla_breached':
        return d.clock === 'first_response' && e.kind === 'sla_breached'
          ? t('requests.events.sla_first_response_breached')
          : t(`requests.events.${e.kind}`);
      case 'approval_requested':
        return t('requests.events.approval_requested', { role: t(`roles.${str(d.role)}` as 'roles.executive') });
      case 'viewed':
        return d.fileName
          ? t('requests.events.viewedFile', { actor, name: str(d.fileName) })
          : t('requests.events.viewed', { actor });
      case 'attachment_removed':
        return t('requests.events.attachment_removed', { actor, name: str(d.fileName) });
      case 'cleared_added':
      case 'cleared_removed':
        return t(`requests.events.${e.kind}`, { actor, name: str(d.name) || person(d.userId) });
      case 'approved':
      case 'rejected':
        return t(`requests.events.${e.kind}`, { actor });
      case 'from_message':
        return t('chatExtras.fromMessageEvent', { actor, channel: str(d.channelName) });
      case 'attachment_added':
        return t('requests.events.attachment_added', { actor, name: str(d.fileName ?? d.name) });
      case 'link_added':
      case 'link_removed':
        return t(`requests.events.${e.kind}`, { actor, reference: str(d.reference ?? d.otherReference ?? d.otherId) });
      case 'watcher_added':
      case 'watcher_removed':
        return t(`requests.events.${e.kind}`, { name: str(d.name) || person(d.userId ?? e.actor?.id) });
      case 'checklist_checked':
      case 'checklist_unchecked':
      case 'checklist_added':
        return t(`requests.events.${e.kind}`, { actor, label: str(d.label) });
      case 'csat_rated':
        return t('csat.event', { score: str(d.score) });
      default:
        return t('requests.events.other', { actor, kind: e.kind });
    }
  };
}
