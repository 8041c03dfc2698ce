import { Badge, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import {
  IconActivity,
  IconWebhook,
  IconBell,
  IconMail,
  IconMailForward,
  IconArchive,
  IconMoodSmile,
  IconBook2,
  IconBuilding,
  IconBuildingCommunity,
  IconListDetails,
  IconCalendarWeek,
  IconRepeat,
  IconMessage2Bolt,
  IconHelpCircle,
  IconHome,
  IconSpeakerphone,
  IconLifebuoy,
  IconInbox,
  IconMapPin,
  IconMessages,
  IconMessageCircle,
  IconServer,
  IconShieldCheck,
  IconSitemap,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useChannelsUnread } from '../api/channels.ts';
import type { Me } from '../api/types.ts';
import { can, isAdmin } from './permissions.ts';

interface Item {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  exact?: boolean;
  /** A count shown beside the label (unread channel messages). */
  badge?: { count: number; label: string };
}

/** The links a user sees, from their role home and the actions they are allowed. */
function useItems(me: Me): { main: Item[]; admin: Item[] } {
  const { t } = useTranslation();
  const channelsUnread = useChannelsUnread(!!me.organization && can(me, 'channel.read'));
  const role = me.role ?? (me.user.isOperator ? 'operator' : 'requester');
  const main: Item[] = [{ to: me.home, label: t(`home.spaces.${role}`), icon: IconHome, exact: true }];
  // The portal, for whoever files requests without it being their home (staff, executives).
  if (me.organization && me.home !== '/accueil' && can(me, 'request.create'))
    main.push({ to: '/accueil', label: t('portal.nav.portal'), icon: IconLifebuoy, exact: true });
  // Requests: the workspace for staff, the simple « Mes demandes » page for requesters and approvers.
  if (me.organization && can(me, 'request.note'))
    main.push({ to: '/demandes', label: t('requests.nav.workspace'), icon: IconInbox });
  else if (me.organization && can(me, 'request.create'))
    main.push({ to: '/mes-demandes', label: t('requests.nav.mine'), icon: IconMessages });
  // Work organisation (staff): the shared planning, recurring work, canned responses.
  if (me.organization && can(me, 'planning.read'))
    main.push({ to: '/planning', label: t('work.nav.planning'), icon: IconCalendarWeek });
  if (me.organization && can(me, 'recurring.read'))
    main.push({ to: '/travail-recurrent', label: t('work.nav.recurring'), icon: IconRepeat });
  if (me.organization && can(me, 'canned.read'))
    main.push({ to: '/reponses-types', label: t('work.nav.canned'), icon: IconMessage2Bolt });
  // Knowledge base: the help centre for everyone, the editing screens for writers.
  if (me.organization && can(me, 'kb.read')) main.push({ to: '/aide', label: t('kb.nav.help'), icon: IconHelpCircle });
  if (me.organization && can(me, 'kb.create'))
    main.push({ to: '/base-de-connaissances', label: t('kb.nav.manage'), icon: IconBook2 });
  if (me.organization && can(me, 'announcement.create'))
    main.push({ to: '/annonces', label: t('portal.nav.announcements'), icon: IconSpeakerphone });
  if (me.organization && can(me, 'archive.read')) main.push({ to: '/archives', label: t('archive.nav'), icon: IconArchive });
  if (me.organization && can(me, 'csat.report')) main.push({ to: '/satisfaction', label: t('csat.nav'), icon: IconMoodSmile });
  // Staff only: requesters browse services when they open a request.
  if (can(me, 'service.read') && can(me, 'slapolicy.read'))
    main.push({ to: '/catalogue', label: t('nav.catalogue'), icon: IconListDetails });
  if (can(me, 'audit.read') && me.home !== '/audit' && me.organization)
    main.push({ to: '/audit', label: t('nav.audit'), icon: IconShieldCheck });
  if (me.user.isOperator && me.home !== '/plateforme')
    main.push({ to: '/plateforme', label: t('nav.platform'), icon: IconServer });
  if (me.user.isOperator) main.push({ to: '/plateforme/exploitation', label: t('ops.nav'), icon: IconActivity });
  if (me.user.isOperator) main.push({ to: '/plateforme/boite-d-envoi', label: t('notifications.outbox.nav'), icon: IconMail });
  if (me.organization && can(me, 'channel.read')) {
    const count = channelsUnread;
    const badge = count > 0 ? { count, label: t('channels.unread', { count }) } : undefined;
    main.push({ to: '/canaux', label: t('channels.nav'), icon: IconMessageCircle, badge });
  }
  if (me.organization) main.push({ to: '/notifications', label: t('notifications.nav'), icon: IconBell });
  if (me.organization && can(me, 'mail_address.read') && !isAdmin(me))
    main.push({ to: '/admin/courrier', label: t('mail.nav'), icon: IconMailForward });
  if (me.organization && can(me, 'webhook.read') && !isAdmin(me))
    main.push({ to: '/admin/webhooks', label: t('webhooks.nav'), icon: IconWebhook });
  main.push({ to: '/profil', label: t('nav.profile'), icon: IconUserCircle });
  const admin: Item[] = !isAdmin(me)
    ? []
    : [
        ...(me.home === '/admin' ? [] : [{ to: '/admin', label: t('nav.administration'), icon: IconSitemap, exact: true }]),
        { to: '/admin/organisation', label: t('nav.organization'), icon: IconBuilding },
        { to: '/admin/sites', label: t('nav.sites'), icon: IconMapPin },
        { to: '/admin/fonctions', label: t('nav.functions'), icon: IconBuildingCommunity },
        { to: '/admin/equipes', label: t('nav.teams'), icon: IconUsersGroup },
        { to: '/admin/utilisateurs', label: t('nav.users'), icon: IconUsers },
        ...(can(me, 'webhook.read') ? [{ to: '/admin/webhooks', label: t('webhooks.nav'), icon: IconWebhook }] : []),
        ...(can(me, 'mail_address.read') ? [{ to: '/admin/courrier', label: t('mail.nav'), icon: IconMailForward }] : []),
      ];
  return { main, admin };
}

function NavItem({ item }: { item: Item }) {
  const { pathname } = useLocation();
  const active = item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      rightSection={
        item.badge ? (
          <Badge size="sm" circle={item.badge.count < 10} data-testid="nav-channels-unread">
            <span aria-hidden>{item.badge.count}</span>
            <VisuallyHidden>{item.badge.label}</VisuallyHidden>
          </Badge>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      leftSection={<Icon size={18} aria-hidden />}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** Side navigation by role (collapses into the burger on phones). */
export function NavMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { main, admin } = useItems(me);
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap={2} p="sm">
        {main.map((item) => (
          <NavItem key={item.to} item={item} />
        ))}
        {admin.length > 0 && (
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            {t('nav.administration')}
          </Text>
        )}
        {admin.map((item) => (
          <NavItem key={item.to} item={item} />
        ))}
      </Stack>
    </ScrollArea>
  );
}
