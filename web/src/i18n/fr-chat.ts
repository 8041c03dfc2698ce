/**
 * French strings of message → request (channels) and of the request view's « created from a message »
 * (merged into `fr`). U+00A0 before : ; ? ! and inside « ».
 */
export const frChat = {
  chatExtras: {
    toRequest: {
      title: 'Transformer le message en demande',
      service: 'Service',
      servicePlaceholder: 'Choisir un service',
      requester: 'Demandeur',
      requesterHint: 'Par défaut, l’auteur du message.',
      requestTitle: 'Titre de la demande',
      description: 'Description',
      priority: 'Priorité',
      priorityDefault: 'Celle du service',
      submit: 'Créer la demande',
      created: 'Demande {{reference}} créée.',
      open: 'Ouvrir la demande {{reference}}',
    },
    fromMessage: 'Créée depuis un message de #{{channel}}',
    fromMessageLink: 'Voir le message',
    fromMessageEvent: '{{actor}} a créé la demande depuis un message de #{{channel}}.',
  },
};
