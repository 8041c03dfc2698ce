import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlight, highlightPrefix } from './highlight.ts';
import { fts5Match, tsQueryText } from './query.ts';
import { referenceText } from './request-index.ts';
import {
  cleanText,
  flattenValues,
  foldText,
  idsIn,
  MARK_END,
  MARK_START,
  MAX_FIELD_LENGTH,
  MAX_TERM_LENGTH,
  MAX_TERMS,
  searchTerms,
  wordsOf,
} from './text.ts';

test('query terms: words folded, syntax and operators dropped, short words skipped, at most eight', () => {
  assert.deepEqual(searchTerms('Réinitialiser mot de passe'), ['reinitialiser', 'mot', 'de', 'passe']);
  assert.deepEqual(searchTerms('DEM-2026-000123'), ['dem', '2026', '000123']);
  assert.deepEqual(searchTerms('stylo OR crayon NOT "gomme*" NEAR(a b)'), ['stylo', 'crayon', 'gomme']);
  assert.deepEqual(searchTerms('a 1 b2 é'), ['1', 'b2']);
  assert.deepEqual(searchTerms('Été ÉTÉ ete e\u0301te\u0301'), ['ete']);
  assert.deepEqual(searchTerms('ﬁchier Ｆｏｕｒｎ ²'), ['fichier', 'fourn', '2']);
  assert.deepEqual(searchTerms('"*()-:^{}[]\'\\ \u0000 \ud800 😀'), []);
  assert.equal(searchTerms('un deux trois quatre cinq six sept huit neuf dix').length, MAX_TERMS);
  assert.equal(searchTerms('x'.repeat(500))[0].length, MAX_TERM_LENGTH);
});

test('query terms are only letters and digits, whatever the input', () => {
  const alphabet = [
    '"',
    "'",
    '*',
    '(',
    ')',
    '-',
    ':',
    '^',
    '{',
    '}',
    '&',
    '|',
    '!',
    '\\',
    ' ',
    'é',
    'A',
    '1',
    '\u0301',
    '😀',
    'ß',
  ];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < 500; i++) {
    const q = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
    for (const term of searchTerms(q)) assert.match(term, /^[\p{L}\p{N}]+$/u, JSON.stringify(q));
  }
});

test('engine syntax: required prefixes, optional columns or weights', () => {
  assert.equal(fts5Match(['fourn', '2026']), '"fourn"* AND "2026"*');
  assert.equal(fts5Match(['mot'], ['title_text', 'body_text']), '{title_text body_text} : ("mot"*)');
  assert.equal(tsQueryText(['mot', 'passe']), "'mot':* & 'passe':*");
  assert.equal(tsQueryText(['mot'], ['A', 'B', 'C']), "'mot':*ABC");
});

test('indexed text: marks and control characters removed, spaces collapsed, capped', () => {
  assert.equal(cleanText(`  a\u0000b ${MARK_START}x${MARK_END}\t\u00a0 c \r\n\n d `), 'a b [x] c\nd');
  const long = `${'a'.repeat(MAX_FIELD_LENGTH)}fin`;
  assert.equal(cleanText(long).length, MAX_FIELD_LENGTH);
  assert.ok(cleanText(long, true).endsWith('fin'));
  assert.equal(foldText('Œuvre ÇA'), 'œuvre ca');
  assert.equal(wordsOf('jean.dupont@horizon.test, DEM-2026-000123'), 'jean dupont horizon test DEM 2026 000123');
});

test('answers are flattened, people and sites by name; references also by their short number', () => {
  const id = '0190f0f0-0000-7000-8000-000000000001';
  const answers = { who: id, unknown: '0190f0f0-0000-7000-8000-000000000002', n: 12, ok: true, tags: ['Café', { x: 'y' }] };
  assert.deepEqual(flattenValues(answers, new Map([[id, 'Jean Dupont']])), ['Jean Dupont', '12', 'Café', 'y']);
  assert.deepEqual([...idsIn([answers])], [id, '0190f0f0-0000-7000-8000-000000000002']);
  assert.equal(referenceText('DEM-2026-000123'), 'DEM-2026-000123 123');
  assert.equal(referenceText('DEM-2026-000000'), 'DEM-2026-000000 0');
  assert.equal(referenceText('DEM-2026-42'), 'DEM-2026-42');
});

test('snippets: the best window of words, accents and inflections matched, plain text with marks', () => {
  const m = (word: string) => `${MARK_START}${word}${MARK_END}`;
  assert.equal(highlight(['Réinitialiser le mot de passe'], ['reinitialiser']), `${m('Réinitialiser')} le mot de passe`);
  assert.equal(
    highlight(['La réinitialisation du compte'], ['reinitialiser', 'compt']),
    `La ${m('réinitialisation')} du ${m('compte')}`,
  );
  assert.equal(highlight(['Rien ici.', 'Commande de fournitures'], ['fourn']), `Commande de ${m('fournitures')}`);
  const long = `${'avant '.repeat(30)}badge perdu ${'après '.repeat(30)}`;
  const snippet = highlight([long], ['badge'], 8) ?? '';
  assert.equal(snippet, `… avant avant avant ${m('badge')} perdu après après après …`);
  assert.equal(highlight(['', 'Sans rapport aucun'], ['zzz'], 2), 'Sans rapport …');
  assert.equal(highlight(['', ' ... '], ['zzz']), null);
  assert.equal(highlightPrefix('fournitures'), 'fournitur');
  assert.equal(highlightPrefix('mot'), 'mot');
});
