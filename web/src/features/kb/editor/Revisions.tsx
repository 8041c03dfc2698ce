import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitCompare, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useKbDiff, useKbRevisions, useRestoreKbRevision } from '../../../api/kb.ts';
import type { KbArticle, KbRevision } from '../../../api/kb-types.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { useZoned } from '../../requests/shared/format.ts';
import { useMyTimeZone } from '../parts.tsx';
import { DiffView } from './DiffView.tsx';

type Range = { from: number; to: number };

function DiffModal({ articleId, range, onClose }: { articleId: string; range: Range | null; onClose: () => void }) {
  const { t } = useTranslation();
  const diff = useKbDiff(articleId, range);
  return (
    <Modal
      opened={!!range}
      onClose={onClose}
      size="xl"
      title={range ? t('kb.revisions.diffTitle', { from: range.from, to: range.to }) : ''}
    >
      {range && <QueryState query={diff}>{(d) => <DiffView diff={d} />}</QueryState>}
    </Modal>
  );
}

interface RowProps {
  revision: KbRevision;
  article: KbArticle;
  onCompare: (range: Range) => void;
  onRestored: (article: KbArticle) => void;
}

/** « Voir les changements » (against the previous version) and « Restaurer cette version ». */
function RevisionActions({ revision, article, onCompare, onRestored }: RowProps) {
  const { t } = useTranslation();
  const restore = useRestoreKbRevision(article.id);
  const run = async () => {
    try {
      const next = await restore.mutateAsync({ revision: revision.number, version: article.version });
      onRestored(next);
      notifications.show({ message: t('kb.revisions.restored', { number: revision.number }), color: 'green' });
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict' && e.current) onRestored(e.current as KbArticle);
      throw e;
    }
  };
  return (
    <Group gap={4}>
      {revision.number > 1 && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconGitCompare size={14} aria-hidden />}
          aria-label={t('kb.revisions.compareNamed', { number: revision.number })}
          onClick={() => onCompare({ from: revision.number - 1, to: revision.number })}
        >
          {t('kb.revisions.compare')}
        </Button>
      )}
      {revision.number !== article.revision && article.allowedActions.includes('kb.update') && (
        <ConfirmButton
          size="xs"
          color="indigo"
          leftSection={<IconRestore size={14} aria-hidden />}
          message={t('kb.revisions.restoreConfirm', { number: revision.number })}
          confirmLabel={t('kb.revisions.restore')}
          aria-label={t('kb.revisions.restoreNamed', { number: revision.number })}
          onConfirm={run}
        >
          {t('kb.revisions.restore')}
        </ConfirmButton>
      )}
    </Group>
  );
}

function RevisionRow(props: RowProps) {
  const { revision, article } = props;
  const { t } = useTranslation();
  const zoned = useZoned();
  const tz = useMyTimeZone();
  return (
    <Card padding="sm" component="li" data-testid="kb-revision">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem' }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t('kb.revisions.by', {
                number: revision.number,
                author: revision.authorName ?? t('kb.revisions.unknownAuthor'),
                date: zoned.dateTime(revision.createdAt, tz),
              })}
            </Text>
            {revision.number === article.revision && (
              <Badge size="sm" variant="light" color="green" tt="none">
                {t('kb.revisions.current')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dark.6" lineClamp={1}>
            {revision.title}
          </Text>
          {revision.note && (
            <Text size="xs" c="dimmed">
              {revision.note}
            </Text>
          )}
        </Stack>
        <RevisionActions {...props} />
      </Group>
    </Card>
  );
}

/** Every version of the article, newest first, each with its changes and « Restaurer cette version ». */
export function Revisions({ article, onRestored }: { article: KbArticle; onRestored: (article: KbArticle) => void }) {
  const { t } = useTranslation();
  const list = useKbRevisions(article.id);
  const [range, setRange] = useState<Range | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="kb-revisions-title">
      <Title order={2} size="h4" id="kb-revisions-title">
        {t('kb.revisions.title')}
      </Title>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('kb.revisions.empty')}</Empty>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((r) => (
                <RevisionRow key={r.number} revision={r} article={article} onCompare={setRange} onRestored={onRestored} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <DiffModal articleId={article.id} range={range} onClose={() => setRange(null)} />
    </Stack>
  );
}
