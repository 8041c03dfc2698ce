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
