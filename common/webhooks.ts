/**
 * Event types a webhook subscription can listen to, from the domain events Relais already publishes after
 * commit (audit actions). `kb.article.published` is derived from `kb.article.transitioned` to « publié ».
 */
export const WEBHOOK_EVENTS = [
  { type: 'request.created', fr: 'Demande créée', en: 'Request created' },
  {
    type: 'request.updated',
    fr: 'Demande modifiée (statut, affectation, priorité…)',
    en: 'Request updated (status, assignment, priority…)',
  },
  { type: 'request.replied', fr: 'Réponse publique sur une demande', en: 'Public reply on a request' },
  { type: 'request.noted', fr: 'Note interne sur une demande', en: 'Internal note on a request' },
  { type: 'request.cancelled', fr: 'Demande annulée', en: 'Request cancelled' },
  { type: 'request.reopened', fr: 'Demande rouverte', en: 'Request reopened' },
  { type: 'request.approved', fr: 'Demande approuvée', en: 'Request approved' },
  { type: 'request.rejected', fr: 'Demande refusée', en: 'Request rejected' },
  { type: 'request.sla_at_risk', fr: 'Échéance menacée', en: 'SLA at risk' },
  { type: 'request.sla_breached', fr: 'Échéance dépassée', en: 'SLA breached' },
  { type: 'csat.rated', fr: 'Note de satisfaction donnée ou modifiée', en: 'Satisfaction rating given or changed' },
  { type: 'kb.article.published', fr: 'Article de la base de connaissances publié', en: 'Knowledge-base article published' },
  { type: 'archive.document_created', fr: 'Document archivé', en: 'Document archived' },
  { type: 'archive.version_added', fr: 'Nouvelle version d’un document archivé', en: 'New version of an archived document' },
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]['type'] | 'ping';
export const WEBHOOK_EVENT_TYPES = WEBHOOK_EVENTS.map((e) => e.type) as [WebhookEventType, ...WebhookEventType[]];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Attempts before a delivery is marked failed; delays between them double from 30 s, capped. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
