/** Server messages of the document archive (merged into MESSAGES). French first, U+00A0 before : ; ? ! */
export const ARCHIVE_MESSAGES = {
  fr: {
    archive_write_forbidden: 'Vous pouvez consulter ce dossier, mais pas y déposer ni y modifier de documents.',
    archive_folder_cycle: 'Un dossier ne peut pas être rangé dans l’un de ses sous-dossiers.',
    archive_folder_not_empty: 'Ce dossier contient encore des documents ou des sous-dossiers\u00a0: videz-le d’abord.',
    archive_copy_mismatch: 'La copie du fichier ne correspond pas à l’original. Réessayez.',
    archive_invalid_field: 'Valeur invalide.',
  },
  en: {
    archive_write_forbidden: 'You may read this folder, but not add or change documents in it.',
    archive_folder_cycle: 'A folder cannot be moved into one of its own subfolders.',
    archive_folder_not_empty: 'This folder still holds documents or subfolders: empty it first.',
    archive_copy_mismatch: 'The copy of the file does not match the original. Please try again.',
    archive_invalid_field: 'Invalid value.',
  },
};
