/** Server messages of satisfaction surveys (merged into MESSAGES). French first, U+00A0 before : ; ? ! and inside « ». */
export const CSAT_MESSAGES = {
  fr: {
    csat_closed: 'Le délai pour donner ou modifier votre note est dépassé (7\u00a0jours après la résolution).',
    csat_no_survey: 'Aucune enquête de satisfaction n’est ouverte pour cette demande.',
    csat_link_invalid: 'Ce lien d’enquête de satisfaction est inconnu ou n’est plus valable.',
    csat_range: 'Choisissez une période dont la fin suit le début.',
    'csat.scale.1': 'Très insatisfait',
    'csat.scale.2': 'Insatisfait',
    'csat.scale.3': 'Correct',
    'csat.scale.4': 'Satisfait',
    'csat.scale.5': 'Très satisfait',
    'mail.csat.subject': '[{reference}] Votre demande est résolue — votre avis\u00a0?',
    'mail.csat.noSummary': '(pas de message de résolution)',
    'mail.csat.body':
      'Bonjour {name},\n\nVotre demande {reference} «\u00a0{title}\u00a0» est résolue.\n\nRéponse de l’équipe\u00a0:\n{summary}\n\n' +
      'Êtes-vous satisfait de son traitement\u00a0? Choisissez une note (vous la confirmerez sur la page qui s’ouvre)\u00a0:\n' +
      '{links}\n\nOu ouvrez la page de l’enquête\u00a0: {link}\n\n' +
      'Vous pouvez donner ou modifier votre note pendant 7\u00a0jours, aussi depuis la demande dans Relais.\n\nRelais',
  },
  en: {
    csat_closed: 'The time to give or change your rating is over (7 days after the resolution).',
    csat_no_survey: 'No satisfaction survey is open for this request.',
    csat_link_invalid: 'This satisfaction survey link is unknown or no longer valid.',
    csat_range: 'Choose a period that ends after it starts.',
    'csat.scale.1': 'Very dissatisfied',
    'csat.scale.2': 'Dissatisfied',
    'csat.scale.3': 'Fair',
    'csat.scale.4': 'Satisfied',
    'csat.scale.5': 'Very satisfied',
    'mail.csat.subject': '[{reference}] Your request is resolved — your feedback?',
    'mail.csat.noSummary': '(no resolution message)',
    'mail.csat.body':
      'Hello {name},\n\nYour request {reference} “{title}” is resolved.\n\nThe team’s answer:\n{summary}\n\n' +
      'Are you satisfied with how it was handled? Pick a rating (you will confirm it on the page that opens):\n' +
      '{links}\n\nOr open the survey page: {link}\n\n' +
      'You can give or change your rating for 7 days, also from the request in Relais.\n\nRelais',
  },
};
