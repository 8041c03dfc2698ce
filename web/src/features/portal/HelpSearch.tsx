import { Anchor, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKbArticles } from '../../api/kb.ts';
import classes from './portal.module.css';

const plain = (excerpt: string) => excerpt.replace(/[⟦⟧]/g, '');

/** The portal's big search box: answers from the help centre as one types, and « Faire une demande ». */
export function HelpSearch({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const enabled = q.length >= 3;
  const found = useKbArticles({ q, limit: 5 }, enabled);
  const items = enabled ? (found.data?.items ?? []) : [];
  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        size="lg"
        label={t('portal.search.label')}
        placeholder={t('portal.search.placeholder')}
        leftSection={<IconSearch size={20} aria-hidden />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        styles={{ label: { color: 'var(--mantine-color-white)' } }}
        data-testid="portal-search"
      />
      <div aria-live="polite">
        {enabled && !found.isPending && (
          <Card padding="sm" className={classes.results} data-testid="portal-search-results">
            {items.length === 0 ? (
              <Text size="sm">{t('portal.search.none')}</Text>
            ) : (
              <Stack gap="xs" component="ul" className={classes.plainList}>
                {items.map((a) => (
                  <li key={a.id}>
                    <Anchor component={Link} to={`/aide/${encodeURIComponent(a.id)}`} fw={600}>
                      {a.title}
                    </Anchor>
                    {a.excerpt && (
                      <Text size="sm" c="dark.6" lineClamp={2}>
                        {plain(a.excerpt)}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
            <Anchor component={Link} to={`/aide?q=${encodeURIComponent(q)}`} size="sm" mt="xs" display="inline-block">
              {t('portal.search.all')}
            </Anchor>
          </Card>
        )}
      </div>
      <Group gap="sm">
        {canCreate && (
          <Button
            component={Link}
            to="/mes-demandes/nouvelle"
            variant="white"
            color="indigo.9"
            leftSection={<IconMessagePlus size={18} aria-hidden />}
          >
            {t('portal.search.request')}
          </Button>
        )}
        <Button component={Link} to="/aide" variant="outline" color="white" c="white">
          {t('portal.search.helpCentre')}
        </Button>
      </Group>
    </Stack>
  );
}
