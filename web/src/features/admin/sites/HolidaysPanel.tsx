import { ActionIcon, Card, Group, List, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSiteCalendar } from '../../../api/sites.ts';
import { useFormat } from '../../../ui/format.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';

/** The public holidays of a year for the site's region (`GET /api/sites/:id/calendar`). */
export function HolidaysPanel({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { longDate } = useFormat();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useSiteCalendar(siteId, year);
  return (
    <Card component="section" aria-labelledby="holidays-title" data-testid="site-holidays">
      <Group justify="space-between" mb="md">
        <Title order={2} id="holidays-title">
          {t('sites.holidays.title', { year })}
        </Title>
        <Group gap={4}>
          <ActionIcon variant="default" aria-label={t('sites.holidays.previous')} onClick={() => setYear((y) => y - 1)}>
            <IconChevronLeft size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="default" aria-label={t('sites.holidays.next')} onClick={() => setYear((y) => y + 1)}>
            <IconChevronRight size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <QueryState query={calendar}>
        {(data) =>
          data.holidays.length === 0 ? (
            <Empty>{t('sites.holidays.empty')}</Empty>
          ) : (
            <List spacing={6} size="sm" listStyleType="none" styles={{ root: { columns: '16rem auto' } }}>
              {data.holidays.map((h) => (
                <List.Item key={`${h.date}-${h.name}`}>
                  <Text span fw={600} size="sm">
                    {h.name}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {' — '}
                    {longDate(h.date)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </Card>
  );
}
