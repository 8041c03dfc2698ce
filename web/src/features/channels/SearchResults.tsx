import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannelSearch } from '../../api/channels.ts';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { Snippet } from '../kb/parts.tsx';
import classes from './channels.module.css';

/** Messages matching the search, each linking to its place in its channel; matched words marked (text only). */
export function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const search = useChannelSearch(q);
  return (
    <QueryState query={search}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty>{t('channels.search.empty')}</Empty>
        ) : (
          <ul className={classes.list} aria-label={t('channels.search.results')} data-testid="channel-search-results">
            {data.items.map((hit) => (
              <li key={hit.id}>
                <Link to={`/canaux/${hit.channel.id}?message=${hit.id}`} className={classes.channelLink}>
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="xs" c="dimmed">
                      {hit.author?.name ?? t('channels.messages.unknownAuthor')} ·{' '}
                      {t('channels.search.in', { channel: hit.channel.name })} · {dateTime(hit.createdAt)}
                    </Text>
                    <Text size="sm" className={classes.body}>
                      <Snippet text={hit.snippet} />
                    </Text>
                  </Stack>
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}
