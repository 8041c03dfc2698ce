import type { ErrorCode } from './errors.ts';
import { ALERT_MESSAGES } from './messages-alerts.ts';
import { ARCHIVE_MESSAGES } from './messages-archive.ts';
import { CHANNEL_MESSAGES } from './messages-channels.ts';
import { CHAT_EXTRA_MESSAGES } from './messages-chat-extras.ts';
import { KB_MESSAGES } from './messages-kb.ts';
import { NOTIFICATION_MESSAGES } from './messages-notifications.ts';
import { CSAT_MESSAGES } from './messages-csat.ts';
import { MAIL_MESSAGES } from './messages-mail.ts';
import { IMAP_MESSAGES } from './messages-imap.ts';
import { PORTAL_MESSAGES } from './messages-portal.ts';
import { RECURRING_MESSAGES } from './messages-recurring.ts';
import { REQUEST_EXTRA_MESSAGES } from './messages-request-extras.ts';
import { QUEUE_MESSAGES } from './messages-queues.ts';
import { REQUEST_MESSAGES } from './messages-requests.ts';
import { WEBHOOK_MESSAGES } from './messages-webhooks.ts';
import { OPS_MESSAGES } from './messages-ops.ts';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** Server-side messages (errors, e-mails). French first, with non-breaking spaces before : ; ? ! */
const BASE: Record<Locale, Record<ErrorCode | string, string>> = {
  fr: {
    validation_failed: 'Certaines valeurs sont invalides.',
    bad_request: 'Requête invalide.',
    unauthenticated: 'Vous devez vous connecter.',
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    mfa_required: 'Saisissez le code de votre application d’authentification.',
    invalid_mfa_code: 'Code de vérification incorrect.',
    forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
    csrf_failed: 'Jeton de sécurité manquant ou invalide. Rechargez la page.',
    mfa_enrolment_required: 'Votre organisation exige la double authentification\u00a0: activez-la dans votre profil.',
    not_found: 'Élément introuvable.',
    route_not_found: 'Adresse d’API inconnue.',
    conflict: 'Conflit avec l’état actuel.',
    version_conflict: 'Cet élément a été modifié entre-temps. Voici sa version actuelle.',
    already_exists: 'Cet élément existe déjà.',
    email_taken: 'Cette adresse e-mail est déjà utilisée.',
    payload_too_large: 'Le contenu envoyé est trop volumineux.',
    unsupported_media_type: 'Type de contenu non pris en charge.',
    unprocessable: 'Impossible de traiter cette demande.',
    rate_limited: 'Trop de tentatives. Réessayez dans {minutes} min.',
    unavailable: 'Service momentanément indisponible. Réessayez dans un instant.',
    database_unavailable: 'La base de données est momentanément injoignable. Réessayez dans quelques instants.',
    storage_full: 'Espace de stockage insuffisant\u00a0: le fichier n’a pas été enregistré.',
    storage_unavailable: 'Le stockage des fichiers est momentanément inaccessible\u00a0: le fichier n’a pas été enregistré.',
    internal: 'Une erreur interne est survenue. L’équipe technique a été prévenue.',
    invalid_json: 'Le corps de la requête n’est pas un JSON valide.',
    reset_token_invalid: 'Ce lien de réinitialisation est invalide ou a expiré.',
    password_too_weak: 'Le mot de passe doit contenir au moins 10 caractères.',
    wrong_password: 'Mot de passe actuel incorrect.',
    not_a_member: 'Vous n’êtes pas membre de cette organisation.',
    last_admin: 'Impossible\u00a0: l’organisation doit garder au moins un référent.',
    in_use: 'Impossible de supprimer\u00a0: cet élément est encore utilisé.',
    hhmm_format: 'Format HH:MM attendu.',
    range_order: 'L’heure de fin doit suivre l’heure de début.',
    ranges_overlap: 'Les plages horaires se chevauchent.',
    unknown_timezone: 'Fuseau horaire IANA inconnu.',
    dates_order: 'La date de fin doit suivre la date de début.',
    code_chars: 'Lettres, chiffres, «\u00a0-\u00a0» et «\u00a0_\u00a0» uniquement.',
    idempotency_retry: 'Cette clé d’idempotence a expiré : renvoyez la requête avec une nouvelle clé.',
    idempotency_mismatch: 'Cette clé d’idempotence a déjà servi pour une autre opération.',
    idempotency_in_progress: 'Une requête avec cette clé d’idempotence est encore en cours.',
    idempotency_committed:
      'Cette création a déjà été enregistrée, mais sa réponse n’a pas pu vous parvenir\u00a0: rechargez la liste pour la retrouver.',
    field_unique: 'Cette valeur est déjà utilisée.',
    field_key: 'Identifiant de champ : minuscules, chiffres et « _ », commençant par une lettre.',
    field_options: 'Un champ à choix demande au moins deux options.',
    field_keys_unique: 'Deux champs du formulaire ont le même identifiant.',
    answer_required: 'Réponse obligatoire.',
    unknown_reference_field: 'Introuvable dans cette organisation.',
    answer_type: 'Réponse d’un type inattendu.',
    answer_option: 'Choisissez parmi les options proposées.',
    answer_too_long: 'Réponse trop longue.',
    answer_min: 'Doit être supérieur ou égal à {min}.',
    answer_max: 'Doit être inférieur ou égal à {max}.',
    answer_date: 'Date invalide (format AAAA-MM-JJ attendu).',
    answer_unknown_field: 'Ce champ n’existe pas dans le formulaire du service.',
    no_business_hours: 'Ce site n’a aucune heure ouvrée : renseignez ses horaires d’ouverture.',
    both_times: 'Indiquez l’heure de début et l’heure de fin, ou aucune pour une journée entière.',
    mfa_enable_first:
      'Activez d’abord la double authentification sur votre propre compte (Profil), sinon cette règle vous bloquerait.',
    unknown_reference: 'Référence inconnue dans cette organisation\u00a0: {ids}.',
    'mail.reset.subject': 'Réinitialisation de votre mot de passe Relais',
    'mail.reset.body':
      'Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, utilisable une seule fois)\u00a0:\n{link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.\n\nRelais',
  },
  en: {
    validation_failed: 'Some values are invalid.',
    bad_request: 'Invalid request.',
    unauthenticated: 'You need to sign in.',
    invalid_credentials: 'Incorrect e-mail address or password.',
    mfa_required: 'Enter the code from your authenticator app.',
    invalid_mfa_code: 'Incorrect verification code.',
    forbidden: 'You are not allowed to do this.',
    csrf_failed: 'Missing or invalid security token. Reload the page.',
    mfa_enrolment_required: 'Your organisation requires two-factor authentication: enable it in your profile.',
    not_found: 'Not found.',
    route_not_found: 'Unknown API address.',
    conflict: 'Conflicts with the current state.',
    version_conflict: 'This item was changed in the meantime. Here is its current version.',
    already_exists: 'This item already exists.',
    email_taken: 'This e-mail address is already in use.',
    payload_too_large: 'The content sent is too large.',
    unsupported_media_type: 'Unsupported content type.',
    unprocessable: 'This request cannot be processed.',
    rate_limited: 'Too many attempts. Try again in {minutes} min.',
    unavailable: 'Service temporarily unavailable. Try again shortly.',
    database_unavailable: 'The database cannot be reached right now. Try again in a few moments.',
    storage_full: 'Not enough storage space: the file was not saved.',
    storage_unavailable: 'File storage is temporarily inaccessible: the file was not saved.',
    internal: 'An internal error occurred. The technical team has been notified.',
    invalid_json: 'The request body is not valid JSON.',
    reset_token_invalid: 'This reset link is invalid or has expired.',
    password_too_weak: 'The password must be at least 10 characters long.',
    wrong_password: 'Current password is incorrect.',
    not_a_member: 'You are not a member of this organisation.',
    last_admin: 'Not possible: the organisation must keep at least one key user.',
    in_use: 'Cannot delete: this item is still in use.',
    hhmm_format: 'HH:MM format expected.',
    range_order: 'The end time must follow the start time.',
    ranges_overlap: 'Time ranges overlap.',
    unknown_timezone: 'Unknown IANA time zone.',
    dates_order: 'The end date must follow the start date.',
    code_chars: 'Letters, digits, "-" and "_" only.',
    idempotency_retry: 'This idempotency key has expired: send the request again with a new key.',
    idempotency_mismatch: 'This idempotency key was already used for another operation.',
    idempotency_in_progress: 'A request with this idempotency key is still in progress.',
    idempotency_committed: 'This creation was already recorded but its response was lost: reload the list to find it.',
    field_unique: 'This value is already in use.',
    field_key: 'Field key: lower-case letters, digits and "_", starting with a letter.',
    field_options: 'A choice field needs at least two options.',
    field_keys_unique: 'Two fields of the form have the same key.',
    answer_required: 'Answer required.',
    unknown_reference_field: 'Not found in this organisation.',
    answer_type: 'Answer of an unexpected type.',
    answer_option: 'Choose among the options offered.',
    answer_too_long: 'Answer too long.',
    answer_min: 'Must be greater than or equal to {min}.',
    answer_max: 'Must be less than or equal to {max}.',
    answer_date: 'Invalid date (YYYY-MM-DD expected).',
    answer_unknown_field: 'This field does not exist in the service’s form.',
    no_business_hours: 'This site has no business hours: set its opening hours.',
    both_times: 'Give both the start and the end time, or neither for a whole day.',
    mfa_enable_first: 'Enable two-factor authentication on your own account first (Profile), or this rule would lock you out.',
    unknown_reference: 'Unknown reference in this organisation: {ids}.',
    'mail.reset.subject': 'Reset your Relais password',
    'mail.reset.body':
      'Hello {name},\n\nTo choose a new password, open this link (valid for 1 hour, single use):\n{link}\n\nIf you did not ask for this, ignore this message.\n\nRelais',
  },
};

/** Every server message: the foundation's plus each capability's catalogue. */
export const MESSAGES: Record<Locale, Record<ErrorCode | string, string>> = {
  fr: {
    ...KB_MESSAGES.fr,
    ...CHANNEL_MESSAGES.fr,
    ...CHAT_EXTRA_MESSAGES.fr,
    ...NOTIFICATION_MESSAGES.fr,
    ...ALERT_MESSAGES.fr,
    ...CSAT_MESSAGES.fr,
    ...MAIL_MESSAGES.fr,
    ...IMAP_MESSAGES.fr,
    ...WEBHOOK_MESSAGES.fr,
    ...PORTAL_MESSAGES.fr,
    ...ARCHIVE_MESSAGES.fr,
    ...BASE.fr,
    ...REQUEST_MESSAGES.fr,
    ...REQUEST_EXTRA_MESSAGES.fr,
    ...RECURRING_MESSAGES.fr,
    ...QUEUE_MESSAGES.fr,
    ...OPS_MESSAGES.fr,
  },
  en: {
    ...KB_MESSAGES.en,
    ...CHANNEL_MESSAGES.en,
    ...CHAT_EXTRA_MESSAGES.en,
    ...NOTIFICATION_MESSAGES.en,
    ...ALERT_MESSAGES.en,
    ...CSAT_MESSAGES.en,
    ...MAIL_MESSAGES.en,
    ...IMAP_MESSAGES.en,
    ...WEBHOOK_MESSAGES.en,
    ...PORTAL_MESSAGES.en,
    ...ARCHIVE_MESSAGES.en,
    ...BASE.en,
    ...REQUEST_MESSAGES.en,
    ...REQUEST_EXTRA_MESSAGES.en,
    ...RECURRING_MESSAGES.en,
    ...QUEUE_MESSAGES.en,
    ...OPS_MESSAGES.en,
  },
};

/** Looks a message up and fills `{placeholders}`; falls back to French, then to the key. */
export function translate(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const text = MESSAGES[locale][key] ?? MESSAGES.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Picks fr or en from an Accept-Language header (French by default). */
export function pickLocale(header: string | undefined, preferred?: string | null): Locale {
  if (preferred === 'fr' || preferred === 'en') return preferred;
  if (!header) return 'fr';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}
