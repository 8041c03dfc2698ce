import type { frAlerts } from './fr-alerts.ts';

/** English strings of urgent alerts and mentions (same keys as French). */
export const enAlerts: typeof frAlerts = {
  alerts: {
    bannerTitle_one: '{{count}} urgent alert waiting',
    bannerTitle_other: '{{count}} urgent alerts waiting',
    bannerLabel: 'Urgent alerts',
    from: '{{author}} in “{{channel}}”, at {{time}}',
    someone: 'Someone',
    open: 'See the message',
    openLabel: 'See the message from {{author}} in “{{channel}}”',
    acknowledge: 'I’m on it',
    acknowledgeLabel: 'I’m on it — alert from {{author}} in “{{channel}}”',
    acknowledged: 'Alert taken in charge.',
    more_one: 'and {{count}} more alert',
    more_other: 'and {{count}} more alerts',
    status: {
      acknowledged: 'Taken in charge by {{name}} at {{time}}',
      waiting: 'Waiting for someone to take charge',
      waitingRepeated_one: 'Waiting for someone to take charge — reminded {{count}} time',
      waitingRepeated_other: 'Waiting for someone to take charge — reminded {{count}} times',
      escalated: 'Passed on to the coordinators at {{time}}',
    },
    settings: {
      title: 'Urgent alerts',
      intro:
        'An urgent message is sent again to its recipients until someone takes charge of it, then passed on to the coordinators.',
      repeatMinutes: 'Remind every (minutes)',
      repeatHelp: 'Between 1 and 120 minutes.',
      escalateMinutes: 'Pass on to the coordinators after (minutes)',
      escalateHelp: 'Between 1 and 1,440 minutes (24 h).',
      saved: 'Alert delays saved.',
    },
  },
};
