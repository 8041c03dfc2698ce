import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbArticleSummary } from '../../../api/kb-types.ts';
import { Snippet, TypeBadge, useKbDate } from '../parts.tsx';
import classes from './help.module.css';

/**
 * One article in the help centre: title (the link), type, space (unless the list is grouped by space, under
 * an h2 of its own), excerpt or highlighted snippet, update date.
 */
export function ArticleCard({ article, grouped = false }: { article: KbArticleSummary; grouped?: boolean }) {
  const { t } = useTranslation();
  const date = useKbDate();
  return (
    <Card component="article" padding="md" className={classes.card} data-testid="kb-article-card">
      <Group gap={6} mb={6}>
        <TypeBadge type={article.type} />
        {!grouped && (
          <Text size="xs" c="dimmed">
            {article.spaceName}
          </Text>
        )}
      </Group>
      <Title order={grouped ? 3 : 2} size="h4" mb={4}>
        <Anchor component={Link} to={`/aide/${article.id}`} className={classes.link} c="indigo.9">
          {article.title}
        </Anchor>
      </Title>
      {article.excerpt && (
        <Text size="sm" c="dark.6" lineClamp={3}>
          <Snippet text={article.excerpt} />
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="auto" pt={6}>
        {t('kb.updated', { date: date(article.updatedAt) })}
      </Text>
    </Card>
  );
}
