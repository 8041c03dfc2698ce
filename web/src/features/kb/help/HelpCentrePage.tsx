import { Button, Chip, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKbArticles, useKbSpaces } from '../../../api/kb.ts';
import { KB_TYPES, type KbArticleSummary } from '../../../api/kb-types.ts';
import { useMe } from '../../../api/me.ts';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { useKbFilters } from '../useKbFilters.ts';
import { ArticleCard } from './ArticleCard.tsx';
import classes from './help.module.css';

const PAGE = 30;

interface Choice {
  value: string;
  label: string;
}

/** A single-choice row of chips (radio buttons), « Tous » first. */
function ChipFilter({
  name,
  label,
  value,
  choices,
  onChange,
}: Choice & { name: string; choices: Choice[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const id = `kb-filter-${name}`;
  return (
    <Group gap={6} role="radiogroup" aria-labelledby={id}>
      <Text size="sm" fw={500} id={id} mr={4}>
        {label}
      </Text>
      <Chip.Group value={value || 'all'} onChange={(v) => onChange(v === 'all' ? '' : String(v))}>
        {[{ value: 'all', label: t('kb.help.all') }, ...choices].map((c) => (
          <Chip key={c.value} value={c.value} type="radio" name={name} size="sm" variant="light">
            {c.label}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}

/** Without a search: the articles grouped by space (h2 each); with one: ranked results under one heading. */
function Results({ items, grouped }: { items: KbArticleSummary[]; grouped: boolean }) {
  const { t } = useTranslation();
  if (!grouped)
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {items.map((a) => (
          <ArticleCard key={a.id} article={a} />
        ))}
      </SimpleGrid>
    );
  const spaces = [...new Set(items.map((a) => a.spaceName))];
  return spaces.map((space) => (
    <Stack key={space} gap="sm" component="section">
      <Title order={2} size="h3">
        {space || t('kb.help.other')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {items
          .filter((a) => a.spaceName === space)
          .map((a) => (
            <ArticleCard key={a.id} article={a} grouped />
          ))}
      </SimpleGrid>
    </Stack>
  ));
}

type Filters = ReturnType<typeof useKbFilters>;

/** The search box (debounced into the address) and the space and type chips. */
function SearchFilters({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const spaces = (useKbSpaces().data?.items ?? []).filter((s) => s.articleCount > 0);
  return (
    <Stack gap="sm" role="search">
      <TextInput
        type="search"
        size="md"
        className={classes.search}
        label={t('kb.help.search')}
        placeholder={t('kb.help.searchPlaceholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={filters.text}
        onChange={(e) => filters.setText(e.currentTarget.value)}
      />
      {spaces.length > 1 && (
        <ChipFilter
          name="space"
          label={t('kb.help.spaces')}
          value={filters.get('spaceId')}
          choices={spaces.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v) => filters.set({ spaceId: v })}
        />
      )}
      <ChipFilter
        name="type"
        label={t('kb.help.types')}
        value={filters.get('type')}
        choices={KB_TYPES.map((k) => ({ value: k, label: t(`kb.types.${k}`) }))}
        onChange={(v) => filters.set({ type: v })}
      />
    </Stack>
  );
}

/** The published articles matching the filters, « Afficher plus » by pages, and the way out: a request. */
function HelpResults({ filters, canRequest }: { filters: Filters; canRequest: boolean }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const q = filters.get('q');
  const spaceId = filters.get('spaceId');
  const type = filters.get('type');
  const list = useKbArticles({ q, spaceId, type, status: 'published', limit });
  return (
    <QueryState query={list}>
      {(data) => (
        <Stack gap="md" aria-busy={list.isFetching}>
          <Text size="sm" c="dimmed" role="status" data-testid="kb-results-count">
            {q ? t('kb.help.resultsFor', { count: data.total, q }) : t('kb.help.results', { count: data.total })}
          </Text>
          {data.items.length === 0 ? (
            <Empty>{q || type || spaceId ? t('kb.help.empty') : t('kb.help.emptyAll')}</Empty>
          ) : (
            <Results items={data.items} grouped={!q} />
          )}
          {data.total > data.items.length && (
            <Group>
              <Button variant="default" onClick={() => setLimit((l) => l + PAGE)} loading={list.isFetching}>
                {t('kb.help.more')}
              </Button>
            </Group>
          )}
          {canRequest && (
            <Group gap="sm" mt="md">
              <Text size="sm">{t('kb.help.notFound')}</Text>
              <Button component={Link} to="/mes-demandes/nouvelle" size="xs" variant="light">
                {t('kb.help.makeRequest')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** `/aide`: the help centre every member sees (published articles of their audience), searched as they type. */
export function HelpCentrePage() {
  const { t } = useTranslation();
  const canRequest = can(useMe().data, 'request.create');
  const filters = useKbFilters();
  const makeRequest = canRequest && (
    <Button
      component={Link}
      to="/mes-demandes/nouvelle"
      variant="default"
      leftSection={<IconMessagePlus size={16} aria-hidden />}
    >
      {t('kb.help.makeRequest')}
    </Button>
  );
  return (
    <Page title={t('kb.help.title')} testId="page-help" description={t('kb.help.intro')} actions={makeRequest}>
      <SearchFilters filters={filters} />
      <HelpResults filters={filters} canRequest={canRequest} />
    </Page>
  );
}
