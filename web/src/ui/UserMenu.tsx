import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { RoleBadge } from './badges.tsx';
import classes from './shell.module.css';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

/** Avatar menu: who I am, my profile, sign out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifications.show({ message: t('header.loggedOut') });
        navigate('/connexion', { replace: true });
      },
    });
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" title={t('header.userMenu', { name: me.user.displayName })}>
          <Group gap={6} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden>
              {initials(me.user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} truncate="end" maw={160} className={classes.userName}>
              {me.user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.8">
            {me.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {me.user.email}
          </Text>
          {me.role && <RoleBadge role={me.role} />}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profil" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('header.profile')}
        </Menu.Item>
        <Menu.Item onClick={signOut} leftSection={<IconLogout size={16} aria-hidden />}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
