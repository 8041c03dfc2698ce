/**
 * Text analysis shared by every full-text index of Relais (requests today, knowledge base and chat
 * later): how a user's query becomes safe search terms, how a document's text is cleaned before it is
 * indexed, and how highlighted snippets are marked. No SQL here (see query.ts for each dialect).
 */

/** Opening and closing marks around a highlighted word in a snippet (plain text, never HTML). */
export const MARK_START = '⟦';
export const MARK_END = '⟧';

/** At most this many terms are searched; the rest of a long query is ignored. */
export const MAX_TERMS = 8;
/** Longer words are cut (a prefix search on the cut word still finds the document). */
export const MAX_TERM_LENGTH = 64;
/** Cap on each indexed field (characters): bounds index writes and PostgreSQL's 1 MB tsvector. */
export const MAX_FIELD_LENGTH = 100_000;

/** Words typed as operators in other search engines: dropped rather than searched for. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
const WORD = /[\p{L}\p{N}]+/gu;
/** A word as typed, combining accents included (split again once folded). */
const TYPED = /[\p{L}\p{N}\p{M}]+/gu;
const DIGITS = /^\p{N}+$/u;

/** Lower case, compatibility forms folded (ﬁ → fi, ² → 2) and accents removed (é → e, Ç → c). */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * The search terms of a user's query: the letter/digit runs, accents folded, operators and syntax
 * dropped, at least two characters (one for numbers), deduplicated, at most MAX_TERMS. Every term is
 * required and searched as a prefix, so the result is safe to quote in any engine's query syntax.
 * An empty array means "nothing to search for" (the caller answers an empty result, not an error).
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const raw of query.normalize('NFKC').match(TYPED) ?? []) {
    if (OPERATORS.has(raw)) continue;
    const term = [...foldText(raw)].slice(0, MAX_TERM_LENGTH).join('');
    for (const word of term.match(WORD) ?? []) {
      if (word.length < 2 && !DIGITS.test(word)) continue;
      if (!terms.includes(word)) terms.push(word);
    }
    if (terms.length >= MAX_TERMS) break;
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * A field's text as it is stored for indexing and snippets: Unicode-normalised, control characters and
 * snippet marks removed (so a mark in a snippet always comes from the highlighter), whitespace runs
 * collapsed, capped at MAX_FIELD_LENGTH (the end is kept when `keepEnd`, e.g. the latest replies).
 */
export function cleanText(text: string, keepEnd = false): string {
  const clean = text
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cs}\ufffe\uffff]/gu, (c) => (c === '\n' ? c : ' '))
    .replaceAll(MARK_START, '[')
    .replaceAll(MARK_END, ']')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (clean.length <= MAX_FIELD_LENGTH) return clean;
  return keepEnd ? clean.slice(-MAX_FIELD_LENGTH) : clean.slice(0, MAX_FIELD_LENGTH);
}

/**
 * The words of a text separated by single spaces: what PostgreSQL's parser is given, so that it splits
 * exactly like the query (and SQLite's unicode61): "DEM-2026-000123" gives three words, not "-2026",
 * and an e-mail address gives its parts rather than one unsearchable token.
 */
export function wordsOf(text: string): string {
  return (text.match(WORD) ?? []).join(' ');
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an application id (UUID): answers holding people, sites or files are indexed by name. */
export const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

/**
 * The searchable values of a JSON document (form answers, settings): strings and numbers, nested arrays
 * and objects flattened, booleans dropped, ids replaced by `names.get(id)` (or dropped when unknown).
 */
export function flattenValues(value: unknown, names: Map<string, string> = new Map(), out: string[] = []): string[] {
  if (typeof value === 'string') {
    const named = isId(value) ? names.get(value) : value;
    if (named) out.push(named);
  } else if (typeof value === 'number' && Number.isFinite(value)) out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) flattenValues(v, names, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) flattenValues(v, names, out);
  return out;
}

/** The ids (UUIDs) found anywhere in a JSON document, to look their names up in one query. */
export function idsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (isId(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, out);
  return out;
}

/** True when a snippet highlights at least one word. */
export const hasMark = (snippet: string | null | undefined): snippet is string => !!snippet?.includes(MARK_START);
