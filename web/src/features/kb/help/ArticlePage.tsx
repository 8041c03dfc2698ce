import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconMessagePlus, IconPencil } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useServices } from '../../../api/catalog.ts';
import { recordKbView, useKbArticle } from '../../../api/kb.ts';
import type { KbArticle } from '../../../api/kb-types.ts';
import { useMe } from '../../../api/me.ts';
import { Markdown } from '../../../ui/Markdown.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { TypeBadge, useKbDate } from '../parts.tsx';
import { VoteCard } from './VoteCard.tsx';

/** Opening the page counts one view (once per mount; the server keeps one per user and hour). */
function useCountView(id: string | undefined, loaded: boolean) {
  const counted = useRef<string | null>(null);
  useEffect(() => {
    if (!id || !loaded || counted.current === id) return;
    counted.current = id;
    recordKbView(id).catch(() => undefined);
  }, [id, loaded]);
}

/** The catalogue services the article is about, each with « Faire une demande ». */
function RelatedServices({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const services = useServices().data?.items ?? [];
  const linked = article.serviceIds
    .map((id) => services.find((s) => s.id === id))
    .filter((s): s is NonNullable<typeof s> => !!s && s.active);
  if (linked.length === 0 || !can(me, 'request.create')) return null;
  return (
    <Card padding="md" component="section" aria-labelledby="kb-services-title" data-testid="kb-services">
      <Title order={2} size="h5" id="kb-services-title" mb={4}>
        {t('kb.article.services')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('kb.article.servicesHelp')}
      </Text>
      <Stack gap="sm">
        {linked.map((s) => (
          <Stack key={s.id} gap={4}>
            <Text size="sm" fw={600}>
              {s.name}
            </Text>
            <Button
              component={Link}
              to={`/mes-demandes/nouvelle?service=${encodeURIComponent(s.id)}`}
              size="xs"
              variant="light"
              leftSection={<IconMessagePlus size={14} aria-hidden />}
              aria-label={t('kb.article.makeRequestFor', { name: s.name })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('kb.article.makeRequest')}
            </Button>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

function ArticleView({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const date = useKbDate();
  const edit = article.allowedActions.includes('kb.update') && (
    <Button
      component={Link}
      to={`/base-de-connaissances/${article.id}`}
      variant="default"
      leftSection={<IconPencil size={16} aria-hidden />}
    >
      {t('kb.article.edit')}
    </Button>
  );
  const description = (
    <Group gap={6} style={{ columnGap: 'var(--mantine-spacing-md)' }} component="span">
      <TypeBadge type={article.type} />
      <span>{article.spaceName}</span>
      <span data-testid="kb-updated">{t('kb.updated', { date: date(article.updatedAt) })}</span>
    </Group>
  );
  return (
    <Page title={article.title} testId="page-article" description={description} actions={edit}>
      {article.status !== 'published' && (
        <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />}>
          {t('kb.article.notPublished', { status: t(`kb.statuses.${article.status}`) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card padding="lg" component="article" aria-label={article.title}>
              <Markdown html={article.html} data-testid="kb-article-body" />
            </Card>
            <VoteCard article={article} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <RelatedServices article={article} />
        </Grid.Col>
      </Grid>
    </Page>
  );
}

/** `/aide/:id`: one article, rendered safely, with the vote and the services to ask. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useKbArticle(id);
  useCountView(id, query.isSuccess);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/aide" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('kb.article.back')}
        </Group>
      </Anchor>
      <QueryState query={query}>{(article) => <ArticleView key={article.id} article={article} />}</QueryState>
    </Stack>
  );
}
