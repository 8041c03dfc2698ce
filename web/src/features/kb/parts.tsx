import { Badge, Mark } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbStatus, KbType } from '../../api/kb-types.ts';
import { useMe } from '../../api/me.ts';
import { useSites } from '../../api/sites.ts';

const TYPE_COLOR: Record<KbType, string> = { faq: 'indigo', howto: 'violet', process: 'grape' };
const STATUS_COLOR: Record<KbStatus, string> = { draft: 'gray', review: 'orange', published: 'green', archived: 'gray' };

/** FAQ, how-to or process documentation, in words. */
export function TypeBadge({ type }: { type: KbType }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="light" color={TYPE_COLOR[type]} tt="none">
      {t(`kb.types.${type}`)}
    </Badge>
  );
}

/** Where the article stands in its lifecycle (a dot badge: the colour is never the only sign). */
export function StatusBadge({ status }: { status: KbStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="dot" color={STATUS_COLOR[status]} tt="none" data-testid="kb-status">
      {t(`kb.statuses.${status}`)}
    </Badge>
  );
}

/**
 * A search snippet: the server marks matched words with ⟦ ⟧ in plain text; they become bold <mark>s here
 * and React escapes the rest (a snippet is never HTML).
 */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(⟦[^⟧]*⟧)/g).filter(Boolean);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('⟦') && part.endsWith('⟧') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <Mark key={i} color="yellow" c="dark.9" fw={600}>
            {part.slice(1, -1)}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The time zone of the user's site (Paris when the user has none). */
export function useMyTimeZone(): string {
  const me = useMe().data;
  return useSites().data?.items.find((s) => s.id === me?.siteId)?.timezone ?? 'Europe/Paris';
}

/**
 * Dates of articles as French readers expect them (« 27 novembre 2026 »), on the calendar of the user's
 * site (its time zone), or Paris when the user has no site.
 */
export function useKbDate() {
  const { i18n } = useTranslation();
  const tz = useMyTimeZone();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  return (value: string | null | undefined): string => {
    if (!value) return '—';
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const d = new Date(dayOnly ? `${value}T12:00:00Z` : value);
    if (Number.isNaN(d.getTime())) return value;
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: dayOnly ? 'UTC' : tz,
    }).format(d);
  };
}
