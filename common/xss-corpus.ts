/**
 * Hostile inputs for the XSS tests (Markdown articles, request fields, file names, chat later): each must be
 * shown as text with nothing executed, and keep its text.
 */
export const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '[clic](javascript:alert(1))',
  '[clic](JaVaScRiPt:alert(1))',
  '[clic](  javascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![logo](javascript:alert(1))',
  '![svg](https://exemple.fr/logo.svg)',
  '![data](data:image/png;base64,AAAA)',
  '<a href="javascript:alert(1)">lien</a>',
  '<iframe src="https://exemple.fr"></iframe>',
  '"><script>alert(1)</script>',
  '<div style="background:url(javascript:alert(1))">x</div>',
];

/** Tags Markdown may produce. */
const TAGS = new Set([
  'p',
  'a',
  'img',
  'br',
  'strong',
  'em',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
]);

/**
 * What in a rendered HTML string could run (an element outside what Markdown produces, an event handler,
 * an unsafe URL, an SVG image), or null: the assertion of every XSS test over rendered Markdown.
 */
export function executableMarkup(html: string): string | null {
  for (const [, name, attrs] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    if (!TAGS.has(name.toLowerCase())) return `element ${name}`;
    if (/\son[a-z]+\s*=/i.test(attrs)) return 'handler';
    if (/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i.test(attrs)) return 'url';
    if (/src="[^"]*\.svg/i.test(attrs)) return 'svg image';
  }
  return null;
}
