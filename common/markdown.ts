import MarkdownIt from 'markdown-it';

/** Link schemes a rendered document may point to; everything else (javascript:, data:, vbscript:, file:) is dropped. */
const SAFE_LINK = /^(https?:|mailto:|tel:|\/(?!\/)|#|\.{0,2}\/)/i;
/** Images: web addresses and Relais' own paths only, never data: URIs nor SVG (which can carry script). */
const SAFE_IMAGE = /^(https?:\/\/|\/(?!\/))/i;

/**
 * The one Markdown renderer of Relais (knowledge base, channels, mail), shared by the server and the web.
 * Raw HTML is never passed through (`html: false` escapes it: `<script>`, event handlers and inline SVG
 * come out as text, so nothing is lost and nothing runs); links are limited to safe schemes and open in a
 * new tab without an opener; images may not be SVG or data: URIs.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

md.validateLink = (url: string) => {
  const u = url.trim();
  return SAFE_LINK.test(u) || !/^[a-z][a-z0-9+.-]*:/i.test(u);
};

const defaultImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const src = tokens[idx].attrGet('src') ?? '';
  if (!SAFE_IMAGE.test(src) || /\.svgz?(\?|#|$)/i.test(src)) return md.utils.escapeHtml(`${tokens[idx].content} (${src})`);
  tokens[idx].attrSet('loading', 'lazy');
  tokens[idx].attrSet('referrerpolicy', 'no-referrer');
  return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const href = tokens[idx].attrGet('href') ?? '';
  if (/^https?:/i.test(href)) {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  }
  return self.renderToken(tokens, idx, options);
};

/** Safe HTML for a Markdown text (no raw HTML, safe links and images only). */
export function renderMarkdown(source: string): string {
  return md.render(source ?? '');
}

/** The plain text of a Markdown document (for search snippets, e-mail text parts and previews). */
export function markdownToText(source: string): string {
  const html = md.render(source ?? '');
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|pre|tr)>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
