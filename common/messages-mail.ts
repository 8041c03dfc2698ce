/** Server messages of the inbound e-mail gateway (merged into MESSAGES). French first. */
export const MAIL_MESSAGES = {
  fr: {
    mail_not_quarantined: 'Seul un courriel en quarantaine ou refusé peut être retraité.',
    mail_unparseable: 'Ce courriel est illisible\u00a0: il ne peut pas être retraité.',
  },
  en: {
    mail_not_quarantined: 'Only a quarantined or rejected e-mail can be reprocessed.',
    mail_unparseable: 'This e-mail is unreadable: it cannot be reprocessed.',
  },
} as const;
