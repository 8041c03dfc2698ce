import { Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useChannels, useChannelsLive } from '../../api/channels.ts';
import { ErrorBox, Loading } from '../../ui/QueryState.tsx';
import { ChannelPane } from './ChannelPane.tsx';
import { ChannelSidebar } from './ChannelSidebar.tsx';
import classes from './channels.module.css';
import { useFillHeight } from './useFillHeight.ts';

/**
 * `/canaux` and `/canaux/:id`: the channel list beside the open channel; on a phone the list is its own
 * screen and an open channel takes the full width (with a way back to the list).
 */
export function ChannelsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const channels = useChannels();
  useChannelsLive();
  useEffect(() => {
    if (!id) document.title = `${t('channels.title')} · ${t('app.name')}`;
  }, [id, t]);
  const { ref, height } = useFillHeight<HTMLDivElement>();
  const list = channels.data?.items ?? [];
  const current = list.find((c) => c.id === id);
  const showSidebar = wide || !id;
  const showPane = wide || !!id;
  return (
    <div ref={ref} style={{ height }} className={`${classes.layout} ${wide ? '' : classes.phone}`} data-testid="channels-page">
      {channels.isPending && <Loading />}
      {channels.isError && <ErrorBox error={channels.error} onRetry={() => void channels.refetch()} />}
      {channels.isSuccess && showSidebar && (
        <nav className={classes.sidebar} aria-label={t('channels.title')}>
          <ChannelSidebar channels={list} currentId={id} headingOrder={id ? 2 : 1} />
        </nav>
      )}
      {channels.isSuccess && showPane && (
        <section className={classes.pane} aria-label={current?.name ?? t('channels.title')}>
          {!id && (
            <Text c="dimmed" size="sm" p="md">
              {t('channels.intro')}
            </Text>
          )}
          {id && !current && channels.isFetching && <Loading />}
          {id && !current && !channels.isFetching && (
            <>
              <Title order={1}>{t('channels.title')}</Title>
              <Text c="dimmed" mt="md">
                {t('channels.notFound')}
              </Text>
            </>
          )}
          {current && <ChannelPane key={current.id} channel={current} phone={!wide} />}
        </section>
      )}
    </div>
  );
}
