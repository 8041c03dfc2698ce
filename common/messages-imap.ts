/** Server messages of IMAP polling (merged into MESSAGES). French first. */
export const IMAP_MESSAGES = {
  fr: {
    'imap.error.auth': 'Identifiant ou mot de passe refusé par le serveur IMAP.',
    'imap.error.refused': 'Connexion refusée par le serveur (hôte ou port incorrect, ou service arrêté).',
    'imap.error.host': 'Serveur IMAP introuvable\u00a0: vérifiez le nom d’hôte.',
    'imap.error.timeout': 'Le serveur IMAP ne répond pas (délai dépassé).',
    'imap.error.tls': 'Échec de la connexion chiffrée (TLS)\u00a0: vérifiez le port et l’option TLS.',
    'imap.error.folder': 'Le dossier «\u00a0{folder}\u00a0» n’existe pas sur le serveur IMAP.',
    'imap.error.settle': 'Le message UID {uid} a été traité mais n’a pas pu être marqué ou supprimé sur le serveur.',
    'imap.error.password': 'Le mot de passe enregistré ne peut plus être lu\u00a0: saisissez-le à nouveau.',
    'imap.error.other': 'Erreur IMAP\u00a0: {detail}',
  },
  en: {
    'imap.error.auth': 'User name or password refused by the IMAP server.',
    'imap.error.refused': 'Connection refused by the server (wrong host or port, or service down).',
    'imap.error.host': 'IMAP server not found: check the host name.',
    'imap.error.timeout': 'The IMAP server does not answer (timed out).',
    'imap.error.tls': 'Encrypted connection (TLS) failed: check the port and the TLS option.',
    'imap.error.folder': 'The folder “{folder}” does not exist on the IMAP server.',
    'imap.error.settle': 'Message UID {uid} was processed but could not be flagged or deleted on the server.',
    'imap.error.password': 'The stored password can no longer be read: enter it again.',
    'imap.error.other': 'IMAP error: {detail}',
  },
} as const;
