/** French strings of urgent alerts and mentions (merged into `fr`). U+00A0 before : ; ? ! and inside « ». */
export const frAlerts = {
  alerts: {
    bannerTitle_one: '{{count}}\u00a0alerte urgente en attente',
    bannerTitle_other: '{{count}}\u00a0alertes urgentes en attente',
    bannerLabel: 'Alertes urgentes',
    from: '{{author}} dans «\u00a0{{channel}}\u00a0», à {{time}}',
    someone: 'Quelqu’un',
    open: 'Voir le message',
    openLabel: 'Voir le message de {{author}} dans «\u00a0{{channel}}\u00a0»',
    acknowledge: 'J’ai pris en charge',
    acknowledgeLabel: 'J’ai pris en charge — alerte de {{author}} dans «\u00a0{{channel}}\u00a0»',
    acknowledged: 'Alerte prise en charge.',
    more_one: 'et {{count}}\u00a0autre alerte',
    more_other: 'et {{count}}\u00a0autres alertes',
    status: {
      acknowledged: 'Prise en charge par {{name}} à {{time}}',
      waiting: 'En attente de prise en charge',
      waitingRepeated_one: 'En attente de prise en charge — relancée {{count}}\u00a0fois',
      waitingRepeated_other: 'En attente de prise en charge — relancée {{count}}\u00a0fois',
      escalated: 'Transmise aux coordinateurs à {{time}}',
    },
    settings: {
      title: 'Alertes urgentes',
      intro:
        'Un message urgent est renvoyé à ses destinataires jusqu’à ce que quelqu’un le prenne en charge, puis transmis aux coordinateurs.',
      repeatMinutes: 'Relancer toutes les (minutes)',
      repeatHelp: 'Entre 1 et 120\u00a0minutes.',
      escalateMinutes: 'Transmettre aux coordinateurs après (minutes)',
      escalateHelp: 'Entre 1 et 1\u00a0440\u00a0minutes (24\u00a0h).',
      saved: 'Délais des alertes enregistrés.',
    },
  },
};
