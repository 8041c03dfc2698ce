import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconEyeCheck, IconSend, IconWorldUpload } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useKbTransition } from '../../../api/kb.ts';
import { KB_TRANSITIONS, type KbArticle, type KbStatus } from '../../../api/kb-types.ts';

type Label = 'review' | 'draft' | 'published' | 'archived' | 'unpublish' | 'reopen';

/** The button text of a move (« Dépublier » is published → draft, « Rouvrir » archived → draft). */
function labelOf(from: KbStatus, to: KbStatus): Label {
  if (to === 'draft' && from === 'published') return 'unpublish';
  if (to === 'draft' && from === 'archived') return 'reopen';
  return to;
}

const ICONS: Record<KbStatus, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  draft: IconArrowBackUp,
  review: IconSend,
  published: IconWorldUpload,
  archived: IconArchive,
};

/** The lifecycle moves the actor may make from the current status (common/kb.ts KB_TRANSITIONS). */
export function Transitions({
  article,
  dirty,
  onDone,
}: {
  article: KbArticle;
  /** Unsaved edits: moving the status now would publish something else than what is on screen. */
  dirty: boolean;
  onDone: (article: KbArticle) => void;
}) {
  const { t } = useTranslation();
  const transition = useKbTransition(article.id);
  const moves = Object.entries(KB_TRANSITIONS[article.status] ?? {})
    .filter(([, action]) => article.allowedActions.includes(action as string))
    .map(([to]) => to as KbStatus);
  if (moves.length === 0) return null;
  const run = async (to: KbStatus) => {
    try {
      const next = await transition.mutateAsync({ to, version: article.version });
      onDone(next);
      notifications.show({ message: t('kb.transitions.done', { status: t(`kb.statuses.${to}`) }), color: 'green' });
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict' && e.current) onDone(e.current as KbArticle);
      notifications.show({ message: isApiError(e) ? e.message : t('common.errorTitle'), color: 'red' });
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={t('kb.transitions.label')} data-testid="kb-transitions">
      {moves.map((to) => {
        const Icon = to === 'published' ? (article.status === 'review' ? IconEyeCheck : ICONS.published) : ICONS[to];
        return (
          <Button
            key={to}
            variant={to === 'published' ? 'filled' : 'default'}
            leftSection={<Icon size={16} aria-hidden />}
            loading={transition.isPending && transition.variables?.to === to}
            disabled={dirty}
            onClick={() => void run(to)}
          >
            {t(`kb.transitions.${labelOf(article.status, to)}`)}
          </Button>
        );
      })}
      {dirty && (
        <Text size="xs" c="dimmed" w="100%">
          {t('kb.transitions.saveFirst')}
        </Text>
      )}
    </Group>
  );
}
