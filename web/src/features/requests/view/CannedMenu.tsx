import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { renderCanned, useCannedResponses } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useNotifyError } from './useRequestActions.ts';

/** « Réponses types »: inserts the body rendered for this request; hidden while the server has none. */
export function CannedMenu({ request, onInsert }: { request: RequestDetail; onInsert: (body: string) => void }) {
  const { t } = useTranslation();
  const canned = useCannedResponses(request.team?.id ?? null);
  const notifyError = useNotifyError();
  const items = canned.data?.items;
  if (!items) return null;
  const pick = async (id: string, fallback: string) => {
    try {
      onInsert((await renderCanned(id, request.id)).body);
    } catch (e) {
      notifyError(e);
      onInsert(fallback);
    }
  };
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconTemplate size={14} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('requests.reply.canned')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('requests.reply.cannedEmpty')}
          </Text>
        )}
        {items.map((c) => (
          <Menu.Item key={c.id} onClick={() => void pick(c.id, c.body)}>
            {c.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
