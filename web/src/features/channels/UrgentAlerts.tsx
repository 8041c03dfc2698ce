import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MessageAlert, type OpenAlert, useAcknowledge, useOpenAlerts } from '../../api/alerts.ts';
import { useMe } from '../../api/me.ts';
import { useSites } from '../../api/sites.ts';
import { notifyError } from '../../ui/notify.ts';

const FALLBACK_ZONE = 'Europe/Paris';
const SHOWN = 3;
const EXCERPT = 140;

/** « 14 h 05 » (French) or « 14:05 » in a time zone; with the day in front when it is not today there. */
export function clockTime(iso: string, timeZone: string, language: string, now = new Date()): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  const at = new Date(iso);
  const part = (d: Date, options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).formatToParts(d);
    } catch {
      return new Intl.DateTimeFormat(locale, options).formatToParts(d);
    }
  };
  const hm = part(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const h = hm.find((p) => p.type === 'hour')?.value ?? '00';
  const m = hm.find((p) => p.type === 'minute')?.value ?? '00';
  const time = language === 'en' ? `${h}:${m}` : `${Number(h)}\u00a0h\u00a0${m}`;
  const day = (d: Date) =>
    part(d, { day: 'numeric', month: 'short' })
      .map((p) => p.value)
      .join('');
  return day(at) === day(now) ? time : `${day(at)}, ${time}`;
}

/** Formats an instant as the clock of the user's site (the organisation's default zone otherwise). */
export function useAlertClock(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const sites = useSites();
  const zone = sites.data?.items.find((s) => s.id === me?.siteId)?.timezone ?? FALLBACK_ZONE;
  return (iso) => (iso ? clockTime(iso, zone, i18n.language) : '—');
}

/** The start of a Markdown body as one line of plain text. */
function excerpt(body: string): string {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`#>~[\]]/g, '')
    .replace(/\(https?:[^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
}

/** Under an urgent message: who took charge and when, or that it still waits (reminders, escalation). */
export function AlertStatus({ alert }: { alert: MessageAlert | null | undefined }) {
  const { t } = useTranslation();
  const clock = useAlertClock();
  if (!alert) return null;
  if (alert.state === 'acknowledged') {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="#1e6b2f">
          {t('alerts.status.acknowledged', {
            name: alert.acknowledgedBy?.name ?? t('alerts.someone'),
            time: clock(alert.acknowledgedAt),
          })}
        </Text>
      </Group>
    );
  }
  const waiting = alert.repeats > 0 ? t('alerts.status.waitingRepeated', { count: alert.repeats }) : t('alerts.status.waiting');
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconClockExclamation
          size={16}
          color="var(--mantine-color-orange-9)"
          aria-hidden
          style={{ flexShrink: 0, marginTop: 2 }}
        />
        <Text size="sm" c="red.9" fw={600}>
          {waiting}
        </Text>
      </Group>
      {alert.escalatedAt && (
        <Text size="sm" c="red.9" pl={22}>
          {t('alerts.status.escalated', { time: clock(alert.escalatedAt) })}
        </Text>
      )}
    </Stack>
  );
}

function AlertItem({ item }: { item: OpenAlert }) {
  const { t } = useTranslation();
  const clock = useAlertClock();
  const acknowledge = useAcknowledge();
  const names = { author: item.author?.name ?? t('alerts.someone'), channel: item.channel.name };
  const take = () =>
    acknowledge.mutate(item.id, {
      onSuccess: () => notifications.show({ message: t('alerts.acknowledged'), color: 'green' }),
      onError: (err) => notifyError(err, String(err)),
    });
  return (
    <Stack gap={4} component="li">
      <Text size="sm" fw={600} c="dark.8">
        {t('alerts.from', { ...names, time: clock(item.createdAt) })}
      </Text>
      <Text size="sm" c="dark.7" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {excerpt(item.body)}
      </Text>
      <AlertStatus alert={item.alert} />
      <Group gap="xs" wrap="wrap">
        {item.allowedActions.includes('message.acknowledge') && (
          <Button
            size="xs"
            color="red"
            loading={acknowledge.isPending}
            onClick={take}
            aria-label={t('alerts.acknowledgeLabel', names)}
          >
            {t('alerts.acknowledge')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          component={Link}
          to={`/canaux/${item.channelId}?message=${item.id}`}
          aria-label={t('alerts.openLabel', names)}
        >
          {t('alerts.open')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The app-wide urgent banner: every open alert the user reads (newest first), with its channel, author,
 * excerpt and time, a link to the message and « J’ai pris en charge ». Refetched on live events.
 */
export function UrgentAlerts() {
  const { t } = useTranslation();
  const me = useMe().data;
  const allowed = !!me?.organization && !!me.allowedActions.includes('alert.read');
  const { data } = useOpenAlerts(allowed);
  const items = data?.items ?? [];
  if (!allowed || !items.length) return null;
  const rest = items.length - SHOWN;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      aria-label={t('alerts.bannerLabel')}
      icon={<IconAlertTriangle aria-hidden />}
      title={t('alerts.bannerTitle', { count: items.length })}
      mb="lg"
    >
      <Stack gap="md" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.slice(0, SHOWN).map((item) => (
          <AlertItem key={item.id} item={item} />
        ))}
      </Stack>
      {rest > 0 && (
        <Anchor component={Link} to="/canaux" size="sm" mt="sm" display="block">
          {t('alerts.more', { count: rest })}
        </Anchor>
      )}
    </Alert>
  );
}
