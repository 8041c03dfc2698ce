/** Server messages of the requests capability (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const REQUEST_MESSAGES = {
  fr: {
    invalid_transition: 'Passage impossible de «\u00a0{from}\u00a0» à «\u00a0{to}\u00a0». Statuts possibles\u00a0: {allowed}.',
    reopen_window_over: 'Le délai de réouverture ({days}\u00a0jours après la résolution) est dépassé.',
    approval_pending: 'Cette demande attend une validation avant d’être traitée.',
    not_pending_approval: 'Cette demande n’attend pas de validation.',
    request_closed: 'Cette demande est clôturée et ne peut plus être modifiée.',
    assignee_not_staff: 'La personne choisie ne fait pas partie de l’équipe d’assistance.',
    service_inactive: 'Ce service n’est plus proposé.',
    requester_not_member: 'Le demandeur n’est pas membre de cette organisation.',
    on_behalf_forbidden: 'Seule l’équipe d’assistance peut créer une demande pour quelqu’un d’autre.',
    note_forbidden: 'Les notes internes sont réservées à l’équipe d’assistance.',
    answer_file_unknown: 'Fichier introuvable\u00a0: déposez-le de nouveau.',
  },
  en: {
    invalid_transition: 'Cannot move from “{from}” to “{to}”. Allowed statuses: {allowed}.',
    reopen_window_over: 'The reopening window ({days} days after resolution) is over.',
    approval_pending: 'This request is waiting for approval before it can be worked on.',
    not_pending_approval: 'This request is not waiting for approval.',
    request_closed: 'This request is closed and can no longer be changed.',
    assignee_not_staff: 'The chosen person is not part of the support staff.',
    service_inactive: 'This service is no longer offered.',
    requester_not_member: 'The requester is not a member of this organisation.',
    on_behalf_forbidden: 'Only support staff can create a request on someone else’s behalf.',
    note_forbidden: 'Internal notes are for support staff only.',
    answer_file_unknown: 'File not found: please upload it again.',
  },
};
