import { Anchor, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LINK_KINDS } from '../../../../../common/requests.ts';
import { api } from '../../../api/client.ts';
import { useRequestWrite } from '../../../api/requests.ts';
import type { RequestDetail, RequestPage } from '../../../api/types.ts';
import { StatusBadge } from '../shared/badges.tsx';
import { useNotifyError } from './useRequestActions.ts';

/** Finds a request by its reference (HZN-2026-000042) through the search, or takes an id as is. */
async function resolveRequest(text: string): Promise<string | null> {
  const wanted = text.trim();
  const page = await api<RequestPage>('/requests', { query: { q: wanted, limit: 10 } });
  return page.items.find((r) => r.reference.toLowerCase() === wanted.toLowerCase() || r.id === wanted)?.id ?? null;
}

/** Linked requests (parent, child, duplicate, related), with add and remove for staff. */
export function Links({ request, basePath }: { request: RequestDetail; basePath: string }) {
  const { t } = useTranslation();
  const write = useRequestWrite(request.id);
  const notifyError = useNotifyError();
  const [reference, setReference] = useState('');
  const [kind, setKind] = useState<string>('related');
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const canEdit = request.allowedActions.includes('request.update');
  const kindLabel = (k: string) => t(`requests.side.linkKinds.${k}` as 'requests.side.linkKinds.related', { defaultValue: k });
  const add = async () => {
    setError(null);
    try {
      const otherId = await resolveRequest(reference);
      if (!otherId) return setError(t('errors.notFound'));
      await write.mutateAsync({ method: 'POST', sub: 'links', body: { otherId, kind } });
      setReference('');
      setAdding(false);
    } catch (e) {
      notifyError(e);
    }
  };
  const remove = (linkId: string) =>
    write.mutateAsync({ method: 'DELETE', sub: `links/${encodeURIComponent(linkId)}` }).catch(notifyError);
  return (
    <Stack gap={6}>
      {request.links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.side.noLinks')}
        </Text>
      )}
      {request.links.map((l) => (
        <Group key={l.id} gap={6} wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {kindLabel(l.kind)}
            </Text>
            <Anchor component={Link} to={`${basePath}/${l.request.id}`} size="sm">
              {l.request.reference} · {l.request.title}
            </Anchor>
            <StatusBadge status={l.request.status} />
          </Stack>
          {canEdit && (
            <CloseButton
              size="sm"
              aria-label={t('requests.side.removeLink', { reference: l.request.reference })}
              onClick={() => void remove(l.id)}
            />
          )}
        </Group>
      ))}
      {canEdit && !adding && (
        <Button size="xs" variant="subtle" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
          {t('requests.side.addLink')}
        </Button>
      )}
      {canEdit && adding && (
        <Stack gap={4}>
          <Select
            size="xs"
            label={t('requests.side.linkKind')}
            data={LINK_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            value={kind}
            onChange={(v) => setKind(v ?? 'related')}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            label={t('requests.side.linkReference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group gap={4} justify="flex-end">
            <Button size="xs" variant="subtle" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" variant="default" onClick={add} disabled={!reference.trim()} loading={write.isPending}>
              {t('requests.side.addLink')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
