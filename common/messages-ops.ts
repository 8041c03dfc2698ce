/** Server messages of the operator's ops page (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const OPS_MESSAGES = {
  fr: {
    job_not_failed: 'Seul un travail en échec peut être relancé\u00a0: celui-ci est en attente, en cours ou terminé.',
    invalid_cursor: 'Curseur de pagination invalide\u00a0: rechargez la liste.',
  },
  en: {
    job_not_failed: 'Only a failed job can be retried: this one is pending, running or done.',
    invalid_cursor: 'Invalid pagination cursor: reload the list.',
  },
};
