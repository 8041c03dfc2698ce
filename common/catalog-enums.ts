/** Catalogue enumerations, free of zod so the web bundle can import them cheaply. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CONFIDENTIALITY = ['normal', 'confidential', 'sensitive'] as const;
/** 1 execute on instruction · 2 execute then inform · 3 decide within written rules · 4 full ownership */
export const AUTONOMY_LEVELS = [1, 2, 3, 4] as const;
export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'date',
  'choice',
  'multi_choice',
  'yes_no',
  'person',
  'site',
  'file',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
