/** Urgent alerts and mentions (merged into MESSAGES). French first, U+00A0 before : ; ? ! and inside « ». */
export const ALERT_MESSAGES = {
  fr: {
    'notif.mention.message': '{actor} vous a mentionné dans «\u00a0{channel}\u00a0»\u00a0: {excerpt}',
    'notif.urgent_alert.message': 'Alerte urgente de {actor} dans «\u00a0{channel}\u00a0»\u00a0: {excerpt}',
    'notif.urgent_alert.escalated':
      'Alerte urgente de {actor} dans «\u00a0{channel}\u00a0» sans prise en charge après {minutes}\u00a0min\u00a0: {excerpt}',
    alert_none: 'Ce message n’a pas d’alerte urgente.',
    alert_own_message: 'Vous ne pouvez pas prendre en charge votre propre alerte\u00a0: un autre lecteur du canal doit le faire.',
    'alert.escalated': 'Alerte transmise aux coordinateurs\u00a0: personne ne l’a prise en charge.',
  },
  en: {
    'notif.mention.message': '{actor} mentioned you in “{channel}”: {excerpt}',
    'notif.urgent_alert.message': 'Urgent alert from {actor} in “{channel}”: {excerpt}',
    'notif.urgent_alert.escalated': 'Urgent alert from {actor} in “{channel}” not taken in charge after {minutes} min: {excerpt}',
    alert_none: 'This message has no urgent alert.',
    alert_own_message: 'You cannot take charge of your own alert: another reader of the channel must do it.',
    'alert.escalated': 'Alert passed on to the coordinators: nobody took charge of it.',
  },
} as const;
