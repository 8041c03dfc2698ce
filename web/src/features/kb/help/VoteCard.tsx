import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useKbVote } from '../../../api/kb.ts';
import type { KbArticle } from '../../../api/kb-types.ts';

/** « Cet article vous a-t-il aidé ? » Oui / Non (changeable), the counts, and a thank-you once voted. */
export function VoteCard({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const vote = useKbVote(article.id);
  const [justVoted, setJustVoted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cast = async (helpful: boolean) => {
    setError(null);
    try {
      await vote.mutateAsync(helpful);
      setJustVoted(true);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('common.errorTitle'));
    }
  };
  const canVote = article.allowedActions.includes('kb.vote');
  // Read-only roles (the DPO) see the figures, not the question.
  if (!canVote)
    return (
      <Text size="xs" c="dimmed" data-testid="kb-vote-counts">
        {t('kb.article.counts', { helpful: article.helpful, unhelpful: article.unhelpful })}
      </Text>
    );
  return (
    <Card padding="md" component="section" aria-labelledby="kb-vote-title" data-testid="kb-vote">
      <Stack gap="sm">
        <Title order={2} size="h5" id="kb-vote-title">
          {t('kb.article.helpfulQuestion')}
        </Title>
        <Group gap="sm">
          <Button
            variant={article.myVote === true ? 'filled' : 'default'}
            leftSection={<IconThumbUp size={16} aria-hidden />}
            aria-pressed={article.myVote === true}
            aria-label={t('kb.article.voteYes')}
            loading={vote.isPending && vote.variables === true}
            onClick={() => void cast(true)}
          >
            {t('kb.article.yes')}
          </Button>
          <Button
            variant={article.myVote === false ? 'filled' : 'default'}
            leftSection={<IconThumbDown size={16} aria-hidden />}
            aria-pressed={article.myVote === false}
            aria-label={t('kb.article.voteNo')}
            loading={vote.isPending && vote.variables === false}
            onClick={() => void cast(false)}
          >
            {t('kb.article.no')}
          </Button>
        </Group>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        <Stack gap={4} role="status" aria-live="polite">
          {justVoted && article.myVote !== null && (
            <Text size="sm" fw={500} c={article.myVote ? '#1e6b2f' : 'dark.7'} data-testid="kb-vote-thanks">
              {article.myVote ? t('kb.article.thanks') : t('kb.article.thanksNo')}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="kb-vote-counts">
            {t('kb.article.counts', { helpful: article.helpful, unhelpful: article.unhelpful })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}
