import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSwitchOrganization } from '../api/me.ts';
import type { Me } from '../api/types.ts';

/** Current organisation; a Select when the user belongs to several (provider staff, operator). */
export function OrgSwitcher({ me, fullWidth = false }: { me: Me; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const switchOrg = useSwitchOrganization();
  if (me.memberships.length < 2) {
    return me.organization ? (
      <Text size="sm" fw={500} truncate="end" maw={260}>
        {me.organization.name}
      </Text>
    ) : null;
  }
  const change = (id: string | null) => {
    if (!id || id === me.organization?.id) return;
    switchOrg.mutate(id, {
      onSuccess: (next) => {
        notifications.show({ message: t('header.switched', { name: next.organization?.name ?? '' }), color: 'indigo' });
        navigate(next.home);
      },
    });
  };
  return (
    <Select
      aria-label={t('header.organization')}
      placeholder={t('header.pickOrganization')}
      data={me.memberships.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
      value={me.organization?.id ?? null}
      onChange={change}
      allowDeselect={false}
      leftSection={<IconBuilding size={16} aria-hidden />}
      disabled={switchOrg.isPending}
      w={fullWidth ? '100%' : 240}
      comboboxProps={{ withinPortal: true }}
      data-testid="org-switcher"
    />
  );
}
