import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from '../../../common/markdown.ts';
import classes from './markdown.module.css';

interface Props {
  /** Safe HTML rendered by the server with common/markdown.ts (`html` of an article). */
  html?: string;
  /** Markdown to render here with the same renderer (editor previews); ignored when `html` is given. */
  text?: string;
  /**
   * Heading levels to move down, so a `#` in the text does not compete with the page's own h1
   * (1 by default: `#` becomes h2). Levels stop at h6.
   */
  shift?: number;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** `<h1>`…`<h6>` moved down by `shift` levels; the renderer writes heading tags without attributes. */
function shiftHeadings(html: string, shift: number): string {
  if (shift <= 0) return html;
  return html.replace(
    /<(\/?)h([1-6])>/g,
    (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`,
  );
}

/**
 * The ONLY place of the web app that injects HTML. Its input always comes from `renderMarkdown`
 * (common/markdown.ts: raw HTML escaped, unsafe link and image schemes dropped, no SVG), either the
 * server's `html` or a client-side render for previews, so whatever an author typed shows as text.
 */
export function Markdown({ html, text, shift = 1, ...rest }: Props) {
  const safe = useMemo(() => shiftHeadings(html ?? renderMarkdown(text ?? ''), shift), [html, text, shift]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: output of the shared safe Markdown renderer (see above)
  return <Typography className={classes.root} dangerouslySetInnerHTML={{ __html: safe }} {...rest} />;
}
