import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentType,
  RETENTION_CLASSES,
  RETENTION_LABELS,
  type RetentionClass,
} from '../../../../common/archive.ts';

/** Labels of document types and retention classes in the UI language (shared with the server). */
export function useArchiveLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const type = (v: string) => DOCUMENT_TYPE_LABELS[lang][v as DocumentType] ?? v;
  const retention = (v: string) => RETENTION_LABELS[lang][v as RetentionClass] ?? v;
  return {
    type,
    retention,
    typeOptions: DOCUMENT_TYPES.map((value) => ({ value, label: type(value) })),
    retentionOptions: RETENTION_CLASSES.map((value) => ({ value, label: retention(value) })),
  };
}
