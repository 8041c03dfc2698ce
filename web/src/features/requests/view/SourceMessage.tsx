import { Anchor, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestDetail } from '../../../api/types.ts';

/** « Créée depuis un message de #canal », linking to the message in its channel (only for readers of that channel). */
export function SourceMessage({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const source = request.sourceMessage;
  if (!source) return null;
  const to = `/canaux/${encodeURIComponent(source.channelId)}?message=${encodeURIComponent(source.id)}`;
  return (
    <Text size="sm" data-testid="source-message" title={source.excerpt}>
      <IconMessage size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      <Anchor component={Link} to={to}>
        {t('chatExtras.fromMessage', { channel: source.channelName })}
      </Anchor>
    </Text>
  );
}
