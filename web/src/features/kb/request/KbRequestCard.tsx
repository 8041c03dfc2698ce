import { Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useKbFromRequest, useKbProcess } from '../../../api/kb.ts';
import { useMe } from '../../../api/me.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { can } from '../../../ui/permissions.ts';
import { TypeBadge } from '../parts.tsx';

/** The published process / how-to articles of the request's service, each opening in the help centre. */
function ProcessList({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const list = useKbProcess(serviceId);
  if (list.isPending) return null;
  const items = list.data?.items ?? [];
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('kb.request.empty')}
      </Text>
    );
  return (
    <List spacing={6} size="sm" listStyleType="none" p={0} data-testid="kb-process-list">
      {items.map((a) => (
        <List.Item key={a.id} icon={<IconBook2 size={14} aria-hidden />}>
          <Anchor component={Link} to={`/aide/${a.id}`} size="sm">
            {a.title}
          </Anchor>{' '}
          <TypeBadge type={a.type} />
        </List.Item>
      ))}
    </List>
  );
}

/** « Créer un article »: the request's question and last public answer become a draft FAQ, opened in the editor. */
function CreateFromRequest({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useKbFromRequest();
  const run = async () => {
    try {
      const article = await create.mutateAsync(request.id);
      notifications.show({ message: t('kb.request.created'), color: 'green' });
      navigate(`/base-de-connaissances/${article.id}`);
    } catch (e) {
      notifications.show({ message: isApiError(e) ? e.message : t('common.errorTitle'), color: 'red' });
    }
  };
  return (
    <Stack gap={4}>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFilePlus size={14} aria-hidden />}
        loading={create.isPending}
        onClick={() => void run()}
        style={{ alignSelf: 'flex-start' }}
        data-testid="kb-from-request"
      >
        {t('kb.request.createArticle')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('kb.request.createHelp')}
      </Text>
    </Stack>
  );
}

/**
 * Side-panel card of the staff request view: « Comment traiter cette demande » (process documentation
 * of the service) and, once the request is resolved or closed, « Créer un article » from it.
 */
export function KbRequestCard({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!can(me, 'kb.read')) return null;
  const canCreate =
    can(me, 'kb.create') && ['resolved', 'closed'].includes(request.status) && request.confidentiality === 'normal';
  return (
    <Card padding="sm" component="section" data-testid="kb-request-card" aria-labelledby="kb-request-card-title">
      <Title order={2} size="h6" mb={6} id="kb-request-card-title">
        {t('kb.request.title')}
      </Title>
      <Stack gap="sm">
        {request.service ? (
          <ProcessList serviceId={request.service.id} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('kb.request.noService')}
          </Text>
        )}
        {canCreate && <CreateFromRequest request={request} />}
      </Stack>
    </Card>
  );
}
