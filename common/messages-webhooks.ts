/** Server messages of webhooks (merged into MESSAGES). French first, U+00A0 before : ; ? ! and inside « ». */
export const WEBHOOK_MESSAGES = {
  fr: {
    webhook_url_invalid: 'Adresse invalide\u00a0: saisissez une URL complète, par exemple https://exemple.fr/relais.',
    webhook_url_scheme: 'L’adresse doit commencer par https:// (http:// seulement pour un hôte autorisé par l’opérateur).',
    webhook_url_credentials: 'L’adresse ne doit pas contenir d’identifiant ni de mot de passe.',
    webhook_url_unresolved: 'Ce nom d’hôte est introuvable (DNS).',
    webhook_url_private:
      'Cette adresse mène à un réseau privé, local ou réservé (boucle locale, 10.x, 192.168.x, 169.254.x…)\u00a0: elle est refusée pour des raisons de sécurité.',
  },
  en: {
    webhook_url_invalid: 'Invalid address: enter a full URL, for example https://example.com/relais.',
    webhook_url_scheme: 'The address must start with https:// (http:// only for a host the operator allowed).',
    webhook_url_credentials: 'The address must not contain a user name or password.',
    webhook_url_unresolved: 'This host name cannot be found (DNS).',
    webhook_url_private:
      'This address leads to a private, local or reserved network (loopback, 10.x, 192.168.x, 169.254.x…): it is refused for security reasons.',
  },
};
