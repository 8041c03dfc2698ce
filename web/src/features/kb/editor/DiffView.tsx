import { Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffPart, KbDiff } from '../../../api/kb-types.ts';
import classes from './diff.module.css';

/** Unchanged lines shown around each change. */
const CONTEXT = 3;

/** The lines of a diffLines part (its final newline does not make an extra empty line). */
function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * One part of the body diff: added lines in <ins> (green, « + »), removed ones in <del> (red, struck,
 * « − »), each part also named for screen readers, so the change is never told by colour alone.
 */
function BodyPart({ part }: { part: DiffPart }) {
  const { t } = useTranslation();
  const kind = part.added ? 'added' : part.removed ? 'removed' : null;
  const sign = part.added ? '+' : part.removed ? '−' : ' ';
  const line = (text: string, key: number | string) => (
    <span key={key} className={classes.line}>
      <span className={classes.sign} aria-hidden>
        {sign}
      </span>
      <span className={classes.text}>{text}</span>
    </span>
  );
  const all = linesOf(part.value);
  const lines = all.map(line);
  if (!kind) {
    // Long unchanged stretches keep a few lines of context on each side.
    if (all.length <= CONTEXT * 2 + 2) return <div className={classes.block}>{lines}</div>;
    return (
      <div className={classes.block}>
        {lines.slice(0, CONTEXT)}
        <span className={`${classes.line} ${classes.skipped}`}>
          <span />
          <span>{t('kb.revisions.unchanged', { count: all.length - CONTEXT * 2 })}</span>
        </span>
        {lines.slice(-CONTEXT)}
      </div>
    );
  }
  const Tag = part.added ? 'ins' : 'del';
  return (
    <Tag className={`${classes.block} ${classes[kind]}`} data-diff={kind}>
      <VisuallyHidden>{`${t(`kb.revisions.${kind}`)} :`}</VisuallyHidden>
      {lines}
    </Tag>
  );
}

/** The title diff, word by word, inline. */
function TitleDiff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <Text className={classes.title}>
      {parts.map((part, i) => {
        if (!part.added && !part.removed)
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed diff
          return <span key={i}>{part.value}</span>;
        const Tag = part.added ? 'ins' : 'del';
        const kind = part.added ? 'added' : 'removed';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed diff
          <Tag key={i} className={classes[kind]} data-diff={kind}>
            <span aria-hidden className={classes.sign}>
              {part.added ? '+' : '−'}
            </span>
            <VisuallyHidden>{`${t(`kb.revisions.${kind}`)} :`}</VisuallyHidden>
            <span className={classes.text}>{part.value}</span>
          </Tag>
        );
      })}
    </Text>
  );
}

/** Title and body changes between two versions, with a legend. */
export function DiffView({ diff }: { diff: KbDiff }) {
  const { t } = useTranslation();
  const changed = (parts: DiffPart[]) => parts.some((p) => p.added || p.removed);
  return (
    <Stack gap="sm" data-testid="kb-diff">
      <Text size="xs" c="dimmed">
        {t('kb.revisions.legend')}
      </Text>
      <Title order={3} size="h6">
        {t('kb.revisions.diffTitleLabel')}
      </Title>
      {changed(diff.title) ? (
        <TitleDiff parts={diff.title} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('kb.revisions.noChange')}
        </Text>
      )}
      <Title order={3} size="h6">
        {t('kb.revisions.diffBodyLabel')}
      </Title>
      {changed(diff.body) ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the diff scrolls; keyboard users must reach it
        <section className={classes.body} tabIndex={0} aria-label={t('kb.revisions.diffBodyLabel')}>
          {diff.body.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed diff
            <BodyPart key={i} part={part} />
          ))}
        </section>
      ) : (
        <Text size="sm" c="dimmed">
          {t('kb.revisions.noChange')}
        </Text>
      )}
    </Stack>
  );
}
