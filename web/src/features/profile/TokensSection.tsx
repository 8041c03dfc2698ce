import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens } from '../../api/me.ts';
import type { ApiToken } from '../../api/types.ts';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { TokenForm } from './TokenForm.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

function TokenRow({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const revoke = useRevokeToken();
  const revoked = !!token.revokedAt;
  const onRevoke = () =>
    revoke.mutate(token.id, { onSuccess: () => notifications.show({ message: t('profile.tokens.revoked'), color: 'green' }) });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {token.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {token.prefix}…
        </Text>
      </Table.Td>
      <Table.Td>{token.scopes.map((s) => t(`profile.tokens.${s}`)).join(', ')}</Table.Td>
      <Table.Td>{date(token.createdAt)}</Table.Td>
      <Table.Td>{token.lastUsedAt ? date(token.lastUsedAt) : t('profile.tokens.never')}</Table.Td>
      <Table.Td>{token.expiresAt ? date(token.expiresAt) : t('profile.tokens.never')}</Table.Td>
      <Table.Td>
        <Badge variant="dot" color={revoked ? 'gray' : 'green'} tt="none">
          {revoked ? t('profile.tokens.revokedState') : t('profile.tokens.active')}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {!revoked && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={revoke.isPending}
            onClick={onRevoke}
            aria-label={t('profile.tokens.revokeLabel', { name: token.name })}
          >
            {t('profile.tokens.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['name', 'scopes', 'createdAt', 'lastUsedAt', 'expiresAt', 'status'] as const;

/** Personal API tokens: create, list, revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useTokens();
  return (
    <ProfileCard id="jetons" title={t('profile.tokens.title')} intro={t('profile.tokens.intro')}>
      <TokenForm />
      <QueryState query={tokens}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('profile.tokens.empty')}</Empty>
          ) : (
            <DataTable
              label={t('profile.tokens.title')}
              columns={COLUMNS.map((c) => t(`profile.tokens.${c}`))}
              withActions
              minWidth={760}
              bare
            >
              {data.items.map((tok) => (
                <TokenRow key={tok.id} token={tok} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </ProfileCard>
  );
}
