import { ActionIcon, Kbd, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Key = 'j' | 'k' | 'enter' | 'x' | 'r' | 'n' | 'a' | 'slash' | 'question';
const KEY_CAPS: Record<Key, string> = {
  j: 'j',
  k: 'k',
  enter: 'Entrée',
  x: 'x',
  r: 'r',
  n: 'n',
  a: 'a',
  slash: '/',
  question: '?',
};
const GROUPS: { title: 'workspace' | 'request' | 'everywhere'; keys: Key[] }[] = [
  { title: 'workspace', keys: ['j', 'k', 'enter', 'x', 'slash'] },
  { title: 'request', keys: ['r', 'n', 'a', 'j', 'k'] },
  { title: 'everywhere', keys: ['question'] },
];

/** The `?` help: every single-key shortcut of the workspace, in French. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const cap = (k: Key) => (k === 'enter' && i18n.language === 'en' ? 'Enter' : KEY_CAPS[k]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.shortcuts.title')} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('requests.shortcuts.intro')}
        </Text>
        {GROUPS.map((group) => (
          <Stack key={group.title} gap={4}>
            <Title order={3} size="h5">
              {t(`requests.shortcuts.${group.title}`)}
            </Title>
            <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false}>
              <Table.Tbody>
                {group.keys.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td w={90}>
                      <Kbd>{cap(k)}</Kbd>
                    </Table.Td>
                    <Table.Td>{t(`requests.shortcuts.keys.${k}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}

/** The keyboard button that opens the help (for those who do not know about `?`). */
export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('requests.workspace.shortcutsHint')} withArrow>
      <ActionIcon variant="default" size="lg" onClick={onClick} aria-label={t('requests.shortcuts.open')}>
        <IconKeyboard size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
