/** Server messages of queues, bulk actions and canned responses (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const QUEUE_MESSAGES = {
  fr: {
    'view.builtin.mine': 'Mes demandes en cours',
    'view.builtin.unassigned': 'Non attribuées',
    'view.builtin.breached': 'En retard',
    'view.builtin.due_1h': 'Échéance dans l’heure',
    'view.builtin.waiting': 'En attente',
    view_share_forbidden: 'Seules la coordination et les personnes référentes peuvent partager une vue avec toute l’équipe.',
    too_many_tags: 'Une demande porte au plus {max}\u00a0étiquettes.',
  },
  en: {
    'view.builtin.mine': 'My open requests',
    'view.builtin.unassigned': 'Unassigned',
    'view.builtin.breached': 'Overdue',
    'view.builtin.due_1h': 'Due within the hour',
    'view.builtin.waiting': 'Waiting',
    view_share_forbidden: 'Only coordinators and key users can share a view with the whole staff.',
    too_many_tags: 'A request carries at most {max} tags.',
  },
};
