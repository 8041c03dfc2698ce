/** Notification titles and mails (merged into MESSAGES). French first, U+00A0 before : ; ? ! and inside « ». */
export const NOTIFICATION_MESSAGES = {
  fr: {
    quiet_hours_empty: 'Les heures calmes doivent avoir un début et une fin différents.',
    'notif.assigned': 'La demande {reference} «\u00a0{title}\u00a0» vous est attribuée',
    'notif.request_reply': 'Nouvelle réponse sur la demande {reference} «\u00a0{title}\u00a0»',
    'notif.mention': '{actor} vous a mentionné',
    'notif.sla_at_risk': 'Échéance proche pour la demande {reference} «\u00a0{title}\u00a0»',
    'notif.sla_breached': 'Échéance dépassée pour la demande {reference} «\u00a0{title}\u00a0»',
    'notif.approval_requested': 'Validation demandée pour la demande {reference} «\u00a0{title}\u00a0»',
    'notif.urgent_alert': 'Alerte urgente de {actor}',
    'mail.notif.open': 'Ouvrir dans Relais\u00a0: {link}',
    'mail.notif.reply': 'Vous pouvez répondre directement à ce message\u00a0: votre réponse sera ajoutée à la demande.',
    'mail.notif.footer':
      'Vous recevez ce message selon vos préférences de notification (profil, section «\u00a0Notifications\u00a0»).',
    'mail.notif.hello': 'Bonjour {name},',
    'mail.digest.subject': 'Relais — votre résumé du jour ({count})',
    'mail.digest.intro': 'Voici vos notifications depuis le dernier résumé\u00a0:',
  },
  en: {
    quiet_hours_empty: 'Quiet hours need a start and an end that differ.',
    'notif.assigned': 'Request {reference} “{title}” is assigned to you',
    'notif.request_reply': 'New reply on request {reference} “{title}”',
    'notif.mention': '{actor} mentioned you',
    'notif.sla_at_risk': 'Deadline close for request {reference} “{title}”',
    'notif.sla_breached': 'Deadline passed for request {reference} “{title}”',
    'notif.approval_requested': 'Approval requested for request {reference} “{title}”',
    'notif.urgent_alert': 'Urgent alert from {actor}',
    'mail.notif.open': 'Open in Relais: {link}',
    'mail.notif.reply': 'You can reply to this message directly: your reply will be added to the request.',
    'mail.notif.footer':
      'You receive this message according to your notification preferences (profile, “Notifications” section).',
    'mail.notif.hello': 'Hello {name},',
    'mail.digest.subject': 'Relais — your daily digest ({count})',
    'mail.digest.intro': 'Here are your notifications since the last digest:',
  },
} as const;
