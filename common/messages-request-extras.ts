/**
 * Server messages for attachments, links, watchers and cleared staff on requests (merged into MESSAGES).
 * French first, U+00A0 before : ; ? !
 */
export const REQUEST_EXTRA_MESSAGES = {
  fr: {
    attachment_type_refused:
      'Type de fichier refusé. Types acceptés\u00a0: PDF, images (PNG, JPEG, GIF, WebP, HEIC), documents Word, Excel, PowerPoint et OpenDocument, texte et CSV, e-mails (.eml, .msg).',
    attachment_markup_refused: `Les pages web (HTML) et les images SVG ne sont pas acceptées en pièce jointe. Types acceptés\u00a0: PDF, images (PNG, JPEG, GIF, WebP, HEIC), documents Word, Excel, PowerPoint et OpenDocument, texte et CSV, e-mails (.eml, .msg).`,
    attachment_empty: 'Le fichier «\u00a0{name}\u00a0» est vide.',
    attachment_too_large: 'Fichier trop volumineux\u00a0: {max}\u00a0Mo au maximum.',
    attachment_too_many: 'Trop de fichiers ou de champs dans un même envoi (10 fichiers au maximum).',
    attachment_missing: 'Joignez au moins un fichier.',
    attachment_not_multipart: 'Envoyez les fichiers au format multipart/form-data.',
    attachment_internal_forbidden: 'Les pièces jointes internes sont réservées à l’équipe d’assistance.',
    attachment_delete_forbidden: 'Seules la personne qui a déposé ce fichier et l’équipe d’assistance peuvent le supprimer.',
    link_self: 'Une demande ne peut pas être liée à elle-même.',
    link_exists: 'Ces deux demandes sont déjà liées.',
    watch_others_forbidden: 'Seule l’équipe d’assistance peut ajouter ou retirer d’autres personnes du suivi.',
    watcher_not_member: 'Cette personne n’est pas membre de l’organisation.',
    watcher_not_cleared: 'Demande confidentielle\u00a0: seuls le demandeur et les personnes habilitées peuvent la suivre.',
    already_watching: 'Cette personne suit déjà la demande.',
    cleared_not_staff: 'Seuls les membres de l’équipe (assistance, encadrement, DPO, direction) peuvent être habilités.',
    already_cleared: 'Cette personne est déjà habilitée sur cette demande.',
  },
  en: {
    attachment_type_refused:
      'File type refused. Accepted types: PDF, images (PNG, JPEG, GIF, WebP, HEIC), Word, Excel, PowerPoint and OpenDocument documents, text and CSV, e-mails (.eml, .msg).',
    attachment_markup_refused:
      'Web pages (HTML) and SVG images are not accepted as attachments. Accepted types: PDF, images (PNG, JPEG, GIF, WebP, HEIC), Word, Excel, PowerPoint and OpenDocument documents, text and CSV, e-mails (.eml, .msg).',
    attachment_empty: 'The file “{name}” is empty.',
    attachment_too_large: 'File too large: {max} MB at most.',
    attachment_too_many: 'Too many files or fields in one upload (10 files at most).',
    attachment_missing: 'Attach at least one file.',
    attachment_not_multipart: 'Send files as multipart/form-data.',
    attachment_internal_forbidden: 'Internal attachments are for support staff only.',
    attachment_delete_forbidden: 'Only the person who uploaded this file and support staff can delete it.',
    link_self: 'A request cannot be linked to itself.',
    link_exists: 'These two requests are already linked.',
    watch_others_forbidden: 'Only support staff can add or remove other people as watchers.',
    watcher_not_member: 'This person is not a member of the organisation.',
    watcher_not_cleared: 'Confidential request: only the requester and cleared people can watch it.',
    already_watching: 'This person already watches the request.',
    cleared_not_staff: 'Only staff members (support, management, DPO, executives) can be cleared.',
    already_cleared: 'This person is already cleared on this request.',
  },
};
