import { Anchor, Button, Card, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconCheck, IconExternalLink } from '@tabler/icons-react';
import { type MouseEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { recordKbView, useKbArticle, useKbSuggest } from '../../api/kb.ts';
import { useMe } from '../../api/me.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { useDeflection } from './useDeflection.ts';

const plain = (excerpt: string) => excerpt.replace(/[⟦⟧]/g, '');

/** The article in a drawer over the form, so reading it keeps the visit (and its measurement) alive. */
function ArticleDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useMe().data?.home ?? '/accueil';
  const article = useKbArticle(id ?? undefined);
  useEffect(() => {
    if (id) recordKbView(id).catch(() => undefined);
  }, [id]);
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size="lg"
      title={article.data?.title ?? t('common.loading')}
      closeButtonProps={{ 'aria-label': t('portal.suggest.backToForm') }}
      data-testid="suggestion-drawer"
    >
      {id && (
        <QueryState query={article}>
          {(a) => (
            <Stack gap="md">
              <Markdown html={a.html} shift={1} />
              <Group gap="sm">
                <Button leftSection={<IconCheck size={16} aria-hidden />} color="teal.9" onClick={() => navigate(home)}>
                  {t('portal.suggest.solved')}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {t('portal.suggest.continue')}
                </Button>
              </Group>
              <Anchor component={Link} to={`/aide/${encodeURIComponent(a.id)}`} size="sm">
                <Group gap={4}>
                  <IconExternalLink size={14} aria-hidden />
                  {t('portal.suggest.openInHelp')}
                </Group>
              </Anchor>
            </Stack>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}

/**
 * « Ces articles répondent peut-être à votre question »: up to five published articles matching what
 * the requester is typing (debounced), each opened in a drawer; shown and opened articles are measured.
 */
export function Suggestions({
  text,
  serviceId,
  tracker,
}: {
  text: string;
  serviceId: string;
  tracker: ReturnType<typeof useDeflection>;
}) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(text.trim(), 400);
  const suggest = useKbSuggest(q, serviceId);
  const items = q.length >= 3 ? (suggest.data?.items ?? []) : [];
  const [open, setOpen] = useState<string | null>(null);
  const ids = items.map((i) => i.id).join(',');
  const { shown, opened } = tracker;
  useEffect(() => {
    if (ids) shown(ids.split(','));
  }, [ids, shown]);
  const choose = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    opened(id);
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    setOpen(id);
  };
  return (
    <div aria-live="polite">
      {items.length > 0 && (
        <Card padding="md" withBorder bg="indigo.0" component="section" aria-labelledby="suggest-title" data-testid="suggestions">
          <Group gap="xs" mb="xs" wrap="nowrap">
            <IconBulb size={18} aria-hidden />
            <Title order={2} size="h5" id="suggest-title">
              {t('portal.suggest.title')}
            </Title>
          </Group>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.slice(0, 5).map((a) => (
              <li key={a.id}>
                <Anchor href={`/aide/${encodeURIComponent(a.id)}`} onClick={choose(a.id)} fw={600}>
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
        </Card>
      )}
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
