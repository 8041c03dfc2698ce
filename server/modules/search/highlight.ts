import { foldText, MARK_END, MARK_START } from './text.ts';

/**
 * Highlighted snippets, computed in the app from the stored text rather than by the engine: FTS5's
 * snippet() evaluates the whole MATCH again for every row shown (tens of milliseconds per row for a
 * prefix query on a large index), and doing it here gives the same snippets on both dialects.
 */

const WORD = /[\p{L}\p{N}]+/gu;
/** Inflections dropped from a term before highlighting, so words matched by PostgreSQL's stemming show too. */
const ENDINGS = ['ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'aient', 'ait', 'ant', 'er', 'ez', 'es', 'e', 's', 'x'];

/** The part of a term a highlighted word must start with: the term without a common French ending. */
export function highlightPrefix(term: string): string {
  const ending = term.length >= 5 ? ENDINGS.find((e) => term.endsWith(e) && term.length - e.length >= 4) : undefined;
  return ending ? term.slice(0, -ending.length) : term;
}

interface Token {
  start: number;
  end: number;
  /** Index of the term the word starts with, -1 for none. */
  term: number;
}

function tokenize(text: string, prefixes: readonly string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = /^[a-zA-Z0-9]+$/.test(m[0]) ? m[0].toLowerCase() : foldText(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, term: prefixes.findIndex((p) => folded.startsWith(p)) });
  }
  return out;
}

interface Window {
  text: string;
  tokens: Token[];
  from: number;
  score: number;
}

/** The window of `size` words with the most distinct terms (then the most hits), a little context first. */
function bestWindow(text: string, tokens: Token[], size: number): Window | null {
  let best: Window | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].term < 0) continue;
    const from = Math.max(0, Math.min(i - 3, tokens.length - size));
    const inside = tokens.slice(from, from + size).filter((t) => t.term >= 0);
    const score = new Set(inside.map((t) => t.term)).size * 1000 + inside.length;
    if (!best || score > best.score) best = { text, tokens, from, score };
  }
  return best;
}

function render({ text, tokens, from }: Window, size: number, marked: boolean): string {
  const to = Math.min(tokens.length, from + size);
  let out = '';
  let at = tokens[from].start;
  for (const t of tokens.slice(from, to)) {
    const word = text.slice(t.start, t.end);
    out += text.slice(at, t.start) + (marked && t.term >= 0 ? `${MARK_START}${word}${MARK_END}` : word);
    at = t.end;
  }
  out = out.replace(/\s+/g, ' ');
  return `${from > 0 ? '… ' : ''}${out}${to < tokens.length ? ' …' : ''}`;
}

/**
 * A plain-text extract (about `size` words) of the first text that best matches the search terms, the
 * words starting with a term between MARK_START and MARK_END; texts are in order of preference (e.g.
 * description, replies, notes, title). Without any match, the start of the first non-empty text.
 */
export function highlight(texts: readonly string[], terms: readonly string[], size = 16): string | null {
  const prefixes = terms.map(highlightPrefix);
  let best: Window | null = null;
  for (const text of texts) {
    const window = bestWindow(text, tokenize(text, prefixes), size);
    if (window && (!best || window.score > best.score)) best = window;
  }
  if (best) return render(best, size, true);
  for (const text of texts) {
    const tokens = tokenize(text, []);
    if (tokens.length) return render({ text, tokens, from: 0, score: 0 }, size, false);
  }
  return null;
}
