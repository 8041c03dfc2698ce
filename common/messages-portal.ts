/** Server messages of the requester portal (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const PORTAL_MESSAGES = {
  fr: {
    announcement_window: 'La fin de l’annonce doit suivre son début.',
    deflection_fields: 'Cet évènement doit préciser l’article ou la demande dont il parle.',
    deflection_session: 'Cette session d’aide appartient à une autre personne.',
    deflection_range: 'La période doit commencer avant sa fin.',
  },
  en: {
    announcement_window: 'The announcement must end after it starts.',
    deflection_fields: 'This event must name the article or the request it is about.',
    deflection_session: 'This help session belongs to someone else.',
    deflection_range: 'The period must start before it ends.',
  },
};
