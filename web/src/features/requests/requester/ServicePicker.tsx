import { Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCategories } from '../../../api/catalog.ts';
import type { CatalogService } from '../../../api/types.ts';
import { Empty } from '../../../ui/QueryState.tsx';
import classes from './requester.module.css';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Step 1 of a new request: the catalogue by category, searchable (accents ignored). */
export function ServicePicker({ services }: { services: CatalogService[] }) {
  const { t } = useTranslation();
  const categories = [...(useCategories().data?.items ?? [])].sort((a, b) => a.position - b.position);
  const [q, setQ] = useState('');
  const wanted = fold(q.trim());
  const shown = services.filter((s) => s.active && (!wanted || fold(`${s.name} ${s.description}`).includes(wanted)));
  const groups = [
    ...categories.map((c) => ({ id: c.id, name: c.name, items: shown.filter((s) => s.categoryId === c.id) })),
    { id: '', name: t('catalog.uncategorized'), items: shown.filter((s) => !categories.some((c) => c.id === s.categoryId)) },
  ].filter((g) => g.items.length > 0);
  return (
    <Stack gap="lg">
      <TextInput
        type="search"
        label={t('requests.create.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {groups.length === 0 && <Empty>{t('requests.create.noService')}</Empty>}
      {groups.map((g) => (
        <Stack key={g.id || 'none'} gap="sm" component="section" aria-labelledby={`cat-${g.id || 'none'}`}>
          <Title order={2} id={`cat-${g.id || 'none'}`}>
            {g.name}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {g.items.map((s) => (
              <Card
                key={s.id}
                component={Link}
                to={`/mes-demandes/nouvelle?service=${encodeURIComponent(s.id)}`}
                padding="md"
                className={classes.service}
                data-testid="service-choice"
              >
                <Text fw={650}>{s.name}</Text>
                {s.description && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {s.description}
                  </Text>
                )}
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
