import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../api/catalog.ts';
import { isApiError } from '../../api/client.ts';
import { type MailAddress, useCreateMailAddress, useDeleteMailAddress, useMailAddresses } from '../../api/mail.ts';
import { useTeams } from '../../api/organization.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';

/** The add form: address, service for new requests (required), optional team. */
function AddAddress() {
  const { t } = useTranslation();
  const services = useServices().data?.items ?? [];
  const teams = useTeams().data?.items ?? [];
  const create = useCreateMailAddress();
  const [address, setAddress] = useState('');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await create.mutateAsync({ address, serviceId: serviceId ?? '', teamId });
      setAddress('');
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errorTitle'));
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('mail.addresses.add')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t('mail.addresses.address')}
          type="email"
          required
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={error}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('mail.addresses.service')}
          required
          searchable
          data={services.map((s) => ({ value: s.id, label: s.name }))}
          value={serviceId}
          onChange={setServiceId}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('mail.addresses.team')}
          clearable
          data={teams.map((x) => ({ value: x.id, label: x.name }))}
          value={teamId}
          onChange={setTeamId}
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('mail.addresses.add')}
        </Button>
      </Group>
    </form>
  );
}

function AddressRows({ items }: { items: MailAddress[] }) {
  const { t } = useTranslation();
  const services = new Map((useServices().data?.items ?? []).map((s) => [s.id, s.name]));
  const teams = new Map((useTeams().data?.items ?? []).map((x) => [x.id, x.name]));
  const remove = useDeleteMailAddress();
  if (!items.length) return <Empty>{t('mail.addresses.empty')}</Empty>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mail.addresses.address')}</Table.Th>
            <Table.Th>{t('mail.addresses.service')}</Table.Th>
            <Table.Th>{t('mail.addresses.team')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.address}</Table.Td>
              <Table.Td>{services.get(a.serviceId) ?? '—'}</Table.Td>
              <Table.Td>{(a.teamId && teams.get(a.teamId)) || '—'}</Table.Td>
              <Table.Td>
                {a.allowedActions.includes('mail_address.delete') && (
                  <ConfirmButton
                    size="xs"
                    message={t('mail.addresses.confirmDelete', { address: a.address })}
                    confirmLabel={t('common.delete')}
                    onConfirm={() => remove.mutateAsync(a.id)}
                    aria-label={`${t('common.delete')} ${a.address}`}
                  >
                    {t('common.delete')}
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Inbound addresses of the organisation; administrators add and remove them. */
export function MailAddresses({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const query = useMailAddresses();
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('mail.addresses.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mail.addresses.help')}
        </Text>
        <QueryState query={query}>{(data) => <AddressRows items={data.items} />}</QueryState>
        {canManage && <AddAddress />}
      </Stack>
    </Card>
  );
}
