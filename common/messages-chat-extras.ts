/** Server messages of chat files, message → request and mute (merged into MESSAGES). French first. */
export const CHAT_EXTRA_MESSAGES = {
  fr: {
    message_already_request: 'Ce message a déjà été transformé en demande.',
    message_attachment_unknown:
      'Fichier joint inconnu\u00a0: ne joignez que vos propres fichiers déposés dans ce canal, une seule fois.',
  },
  en: {
    message_already_request: 'This message has already been turned into a request.',
    message_attachment_unknown: 'Unknown attachment: only attach your own files uploaded to this channel, once.',
  },
};
