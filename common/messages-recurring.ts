/** Server messages of recurring work, checklists and the planning view (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const RECURRING_MESSAGES = {
  fr: {
    recurring_weekdays_unique: 'Chaque jour de la semaine ne peut figurer qu’une fois.',
    recurring_requester_not_member: 'La personne pour qui la demande est créée doit être membre de l’organisation.',
    recurring_assignee_not_staff: 'La personne assignée doit faire partie de l’équipe d’assistance.',
    planning_range: 'Choisissez une période de {days}\u00a0jours au plus, dont la fin suit le début.',
    checklist_full: 'Une liste de contrôle compte au plus {max}\u00a0éléments.',
  },
  en: {
    recurring_weekdays_unique: 'Each weekday may appear only once.',
    recurring_requester_not_member: 'The person the request is created for must be a member of the organisation.',
    recurring_assignee_not_staff: 'The assignee must be part of the support staff.',
    planning_range: 'Choose a period of at most {days} days, ending after it starts.',
    checklist_full: 'A checklist holds at most {max} items.',
  },
};
