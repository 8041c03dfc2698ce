import { Group, Loader, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PresencePerson } from '../../../api/types.ts';

/** « Claire Martin consulte aussi cette demande » / « … est en train de répondre », announced politely. */
export function PresenceStrip({ people }: { people: PresencePerson[] }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" data-testid="presence">
      {people.map((p) => (
        <Group key={p.userId} gap={6} py={2}>
          {p.mode === 'replying' ? <Loader type="dots" size="xs" aria-hidden /> : <IconEye size={16} aria-hidden />}
          <Text size="sm" c={p.mode === 'replying' ? '#a33a08' : 'dimmed'} fw={p.mode === 'replying' ? 600 : 400}>
            {t(`requests.presence.${p.mode}`, { name: p.name })}
          </Text>
        </Group>
      ))}
    </div>
  );
}
