import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useRevokeSession, useSessions } from '../../api/me.ts';
import type { Session } from '../../api/types.ts';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

/** "Firefox · Linux" out of a user agent, good enough to recognise a device. */
function device(ua: string | null, unknown: string): string {
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}

function SessionRow({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const revoke = useRevokeSession();
  const name = device(session.userAgent, t('profile.sessions.unknownDevice'));
  const onRevoke = () =>
    revoke.mutate(session.id, {
      onSuccess: () => notifications.show({ message: t('profile.sessions.revoked'), color: 'green' }),
      onError: (e) => notifications.show({ message: isApiError(e) ? e.message : t('common.errorTitle'), color: 'red' }),
    });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {session.current && (
          <Badge size="sm" variant="light" tt="none">
            {t('profile.sessions.current')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{session.ip ?? '—'}</Table.Td>
      <Table.Td>{dateTime(session.createdAt)}</Table.Td>
      <Table.Td>{dateTime(session.lastSeenAt)}</Table.Td>
      <Table.Td ta="right">
        {!session.current && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={revoke.isPending}
            onClick={onRevoke}
            aria-label={t('profile.sessions.revokeLabel', { device: name })}
          >
            {t('profile.sessions.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['device', 'ip', 'createdAt', 'lastSeenAt'] as const;

/** Active sessions with "Révoquer" (the current one cannot be revoked here: use sign out). */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useSessions();
  return (
    <ProfileCard id="sessions" title={t('profile.sessions.title')} intro={t('profile.sessions.intro')}>
      <QueryState query={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('profile.sessions.empty')}</Empty>
          ) : (
            <DataTable
              label={t('profile.sessions.title')}
              columns={COLUMNS.map((c) => t(`profile.sessions.${c}`))}
              withActions
              minWidth={620}
              bare
            >
              {data.items.map((s) => (
                <SessionRow key={s.id} session={s} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </ProfileCard>
  );
}
