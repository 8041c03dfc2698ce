/**
 * Canned responses: the variables a template may use and how they are filled. Shared by server (render
 * endpoint) and web (the editor lists the variables). No zod, no Node, no DOM.
 */

/** Variables known to canned responses, written `{{name}}` in the body. */
export const CANNED_VARIABLES = ['prenom', 'reference', 'echeance', 'titre', 'assistant'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** Replaces each known `{{variable}}` (spaces allowed inside the braces); unknown ones stay visible. */
export function fillTemplate(body: string, values: Partial<Record<string, string>>): string {
  return body.replace(/\{\{\s*([\p{L}\w]+)\s*\}\}/gu, (whole, name: string) => values[name] ?? whole);
}
