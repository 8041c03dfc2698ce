import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeflectionStats } from '../../api/portal.ts';
import { useFormat } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';

/** Self-help over the last 30 days: the deflection rate and what it is made of (coordination, direction). */
export function DeflectionCard() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const stats = useDeflectionStats();
  return (
    <Card padding="md" component="section" aria-labelledby="deflection-title" data-testid="deflection-card">
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconBulb size={18} aria-hidden />
        <Title order={2} size="h4" id="deflection-title">
          {t('portal.deflection.title')}
        </Title>
      </Group>
      <QueryState query={stats}>
        {(s) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('portal.deflection.intro')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" style={{ margin: 0 }}>
              {(
                [
                  ['rate', s.deflectionRate === null ? '—' : `${number(Math.round(s.deflectionRate * 100))}\u00a0%`],
                  ['withSuggestions', number(s.withSuggestions)],
                  ['deflected', number(s.deflected)],
                  ['submittedAnyway', number(s.submittedAnyway)],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <Text component="dt" size="xs" c="dimmed">
                    {t(`portal.deflection.${key}`)}
                  </Text>
                  <Text component="dd" size="xl" fw={700} m={0} data-testid={`deflection-${key}`}>
                    {value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
