import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_STATUS } from './errors.ts';
import { LOCALES, MESSAGES, pickLocale, translate } from './messages.ts';

const NBSP = /[\u00a0\u202f]/;

test('French and English catalogues have exactly the same keys', () => {
  const fr = Object.keys(MESSAGES.fr).sort();
  const en = Object.keys(MESSAGES.en).sort();
  assert.deepEqual(
    fr.filter((k) => !en.includes(k)),
    [],
    'keys missing in English',
  );
  assert.deepEqual(
    en.filter((k) => !fr.includes(k)),
    [],
    'keys missing in French',
  );
  assert.deepEqual(LOCALES, ['fr', 'en']);
});

test('every error code has a message in both languages', () => {
  for (const code of Object.keys(ERROR_STATUS)) {
    for (const locale of LOCALES) assert.ok(MESSAGES[locale][code], `${locale}.${code} missing`);
  }
});

test('both catalogues use the same placeholders for each key', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(MESSAGES.fr)) {
    assert.deepEqual(names(MESSAGES.en[key]), names(MESSAGES.fr[key]), `placeholders of ${key}`);
  }
});

/** Every « : ; ? ! » or closing guillemet preceded (opening guillemet followed) by an ordinary space. */
function typographyProblems(text: string): string[] {
  const chars = [...text];
  const plain = (c: string | undefined) => c !== undefined && /\s/.test(c) && !NBSP.test(c);
  const problems: string[] = [];
  chars.forEach((ch, i) => {
    if (':;?!»'.includes(ch) && plain(chars[i - 1])) problems.push(`plain space before « ${ch} » at ${i}`);
    if (ch === '«' && plain(chars[i + 1])) problems.push(`plain space after « at ${i}`);
  });
  return problems;
}

test('the typography checker itself tells plain from non-breaking spaces', () => {
  assert.deepEqual(typographyProblems('Impossible : non'), ['plain space before « : » at 11']);
  assert.deepEqual(typographyProblems('Vraiment ?'), ['plain space before « ? » at 9']);
  assert.deepEqual(typographyProblems('« x »'), ['plain space after « at 0', 'plain space before « » » at 4']);
  assert.deepEqual(typographyProblems('Impossible\u00a0: non\u202f! «\u00a0x\u00a0» https://a.b HH:MM'), []);
});

test('French strings put a non-breaking space before « : ; ? ! »', () => {
  const bad = Object.entries(MESSAGES.fr)
    .map(([key, text]) => [key, typographyProblems(text)] as const)
    .filter(([, problems]) => problems.length > 0);
  assert.deepEqual(bad, []);
});

test('English strings never use a space before punctuation', () => {
  for (const [key, text] of Object.entries(MESSAGES.en)) assert.doesNotMatch(text, /\s[:;?!]/, key);
});

test('translate fills {placeholders} in the requested language', () => {
  assert.equal(translate('fr', 'rate_limited', { minutes: 12 }), MESSAGES.fr.rate_limited.replace('{minutes}', '12'));
  assert.match(translate('fr', 'rate_limited', { minutes: 12 }), /^Trop de tentatives\. Réessayez dans 12\s?min\.$/u);
  assert.equal(translate('en', 'rate_limited', { minutes: 3 }), 'Too many attempts. Try again in 3 min.');
  const body = translate('en', 'mail.reset.body', { name: 'Ada', link: 'https://x.test/r?token=abc' });
  assert.match(body, /^Hello Ada,/);
  assert.ok(body.includes('\nhttps://x.test/r?token=abc\n'));
  assert.doesNotMatch(body, /\{\w+\}/);
});

test('translate keeps an unfilled placeholder visible and falls back to French, then to the key', () => {
  assert.equal(translate('en', 'unknown_reference'), 'Unknown reference in this organisation: {ids}.');
  assert.equal(translate('fr', 'unknown_reference', { ids: 0 }), MESSAGES.fr.unknown_reference.replace('{ids}', '0'));
  MESSAGES.fr['test.only.fr'] = 'Seulement en français';
  try {
    assert.equal(translate('en', 'test.only.fr'), 'Seulement en français');
  } finally {
    delete MESSAGES.fr['test.only.fr'];
  }
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
});

test('pickLocale reads Accept-Language, French by default', () => {
  assert.equal(pickLocale(undefined), 'fr');
  assert.equal(pickLocale(''), 'fr');
  assert.equal(pickLocale('en'), 'en');
  assert.equal(pickLocale('en-GB,en;q=0.9'), 'en');
  assert.equal(pickLocale('EN-us'), 'en');
  assert.equal(pickLocale('fr-FR,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(pickLocale('de-DE,de;q=0.9,en;q=0.5'), 'en');
  assert.equal(pickLocale('de-DE,es;q=0.5'), 'fr');
  assert.equal(pickLocale('*'), 'fr');
});

test('pickLocale prefers the user setting when it is a supported locale', () => {
  assert.equal(pickLocale('fr-FR', 'en'), 'en');
  assert.equal(pickLocale('en', 'fr'), 'fr');
  assert.equal(pickLocale('en', 'de'), 'en');
  assert.equal(pickLocale(undefined, null), 'fr');
});
