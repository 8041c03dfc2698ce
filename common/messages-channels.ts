/** Server messages of the chat channels (merged into MESSAGES). French first, U+00A0 before : ; ? ! and inside « ». */
export const CHANNEL_MESSAGES = {
  fr: {
    channel_not_member: 'Rejoignez ce canal pour y écrire.',
    channel_archived: 'Ce canal est archivé\u00a0: on ne peut plus y écrire.',
    channel_last_owner:
      'Le dernier propriétaire ne peut pas quitter le canal tant qu’il reste des membres\u00a0: nommez d’abord un autre propriétaire.',
    message_not_root: 'On ne répond qu’à un message de ce canal qui ouvre un fil.',
    message_unknown_cursor: 'Ce message n’existe pas dans ce canal.',
    message_deleted: 'Ce message a été supprimé.',
  },
  en: {
    channel_not_member: 'Join this channel to post in it.',
    channel_archived: 'This channel is archived: nobody can post in it any more.',
    channel_last_owner: 'The last owner cannot leave while members remain: make someone else an owner first.',
    message_not_root: 'Replies go to a message of this channel that starts a thread.',
    message_unknown_cursor: 'This message does not exist in this channel.',
    message_deleted: 'This message has been deleted.',
  },
};
