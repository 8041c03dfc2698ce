/**
 * Shared enums of the document archive (server and web): document types and retention classes. The
 * retention classes are what the coming GDPR retention policies will apply; their labels live here so
 * that the server (registers, exports) and the web say the same thing.
 */
export const DOCUMENT_TYPES = ['contrat', 'facture', 'attestation', 'procedure', 'courrier', 'rh', 'modele', 'autre'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const RETENTION_CLASSES = ['temporaire', 'standard', 'comptable', 'rh_salarie', 'permanent'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** How long each retention class keeps a document, in years after its reference date (null: never purged). */
export const RETENTION_YEARS: Record<RetentionClass, number | null> = {
  temporaire: 1,
  standard: 5,
  comptable: 10,
  rh_salarie: 5,
  permanent: null,
};

export const DOCUMENT_TYPE_LABELS: Record<'fr' | 'en', Record<DocumentType, string>> = {
  fr: {
    contrat: 'Contrat',
    facture: 'Facture',
    attestation: 'Attestation',
    procedure: 'Procédure',
    courrier: 'Courrier',
    rh: 'RH',
    modele: 'Modèle / formulaire',
    autre: 'Autre',
  },
  en: {
    contrat: 'Contract',
    facture: 'Invoice',
    attestation: 'Certificate',
    procedure: 'Procedure',
    courrier: 'Letter',
    rh: 'HR',
    modele: 'Template / form',
    autre: 'Other',
  },
};

export const RETENTION_LABELS: Record<'fr' | 'en', Record<RetentionClass, string>> = {
  fr: {
    temporaire: 'Temporaire (1\u00a0an)',
    standard: 'Standard (5\u00a0ans)',
    comptable: 'Comptable (10\u00a0ans)',
    rh_salarie: 'Dossier salarié (durée du contrat + 5\u00a0ans)',
    permanent: 'Permanent',
  },
  en: {
    temporaire: 'Temporary (1 year)',
    standard: 'Standard (5 years)',
    comptable: 'Accounting (10 years)',
    rh_salarie: 'Employee file (contract + 5 years)',
    permanent: 'Permanent',
  },
};

/** Who may read and write a folder; a folder without its own set inherits its parent's. */
export interface FolderPermissions {
  readRoles: string[];
  writeRoles: string[];
  readTeams: string[];
  writeTeams: string[];
}
