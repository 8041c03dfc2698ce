import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownToText, renderMarkdown } from './markdown.ts';
import { executableMarkup as executable, XSS_CORPUS } from './xss-corpus.ts';

test('the XSS corpus renders without anything executable, and keeps its text', () => {
  for (const input of XSS_CORPUS) {
    const html = renderMarkdown(input);
    assert.equal(executable(html), null, `${input} → ${html}`);
    const text = markdownToText(input);
    for (const word of input.match(/[a-z]{3,}/gi) ?? []) assert.ok(text.includes(word), `${word} lost from ${input}: ${text}`);
  }
});

test('ordinary Markdown renders: headings, lists, safe links, line breaks, French text', () => {
  const html = renderMarkdown(
    '## Démarche\n\n1. Ouvrez **Mes demandes**\n2. Voir [le guide](https://intranet.exemple.fr/guide)\n\nLigne 1\nLigne 2',
  );
  assert.match(html, /<h2>Démarche<\/h2>/);
  assert.match(html, /<ol>\s*<li>Ouvrez <strong>Mes demandes<\/strong><\/li>/);
  assert.match(
    html,
    /<a href="https:\/\/intranet\.exemple\.fr\/guide" target="_blank" rel="noopener noreferrer nofollow">le guide<\/a>/,
  );
  assert.match(html, /Ligne 1<br>\nLigne 2/);
  assert.match(renderMarkdown('[relatif](/kb/articles/1)'), /href="\/kb\/articles\/1"/);
  assert.match(renderMarkdown('![plan](/api/files/abc.png)'), /<img src="\/api\/files\/abc\.png" alt="plan" loading="lazy"/);
});

test('plain text keeps the words and decodes entities', () => {
  assert.equal(markdownToText('# Titre\n\nDu **gras** & <b>du HTML</b>'), 'Titre\n\nDu gras & <b>du HTML</b>');
});
