import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestItem } from '../../../api/types.ts';
import { ScrollTable } from '../../../ui/ScrollTable.tsx';
import { PriorityBadge, SlaBadge, StatusBadge } from '../shared/badges.tsx';
import classes from './workspace.module.css';

export interface ListProps {
  items: RequestItem[];
  cursor: number;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onFocusRow: (index: number) => void;
}

/** The anchor id of a request's title link (j/k move the focus there). */
export const rowLinkId = (id: string) => `demande-${id}`;

function Title({ item, onFocus, withPriority }: { item: RequestItem; onFocus: () => void; withPriority?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" ff="monospace">
          {item.reference}
        </Text>
        {item.confidentiality !== 'normal' && <IconLock size={12} aria-label={t('requests.list.confidential')} />}
        {withPriority && <PriorityBadge priority={item.priority} />}
      </Group>
      <Anchor
        component={Link}
        to={`/demandes/${item.id}`}
        id={rowLinkId(item.id)}
        fw={600}
        size="sm"
        onFocus={onFocus}
        lineClamp={2}
      >
        {item.title}
      </Anchor>
      {item.service && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {item.service.name}
        </Text>
      )}
    </Stack>
  );
}

function Assignee({ item }: { item: RequestItem }) {
  const { t } = useTranslation();
  return item.assignee ? (
    <Text size="sm">{item.assignee.name}</Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      {t('requests.list.unassigned')}
    </Text>
  );
}

/** Desktop: a compact table (reference and title, requester, site, priority, status, assignee, SLA). */
export function RequestTable({ items, cursor, selected, onToggle, onToggleAll, onFocusRow }: ListProps) {
  const { t } = useTranslation();
  const all = items.length > 0 && items.every((i) => selected.has(i.id));
  const some = items.some((i) => selected.has(i.id));
  const col = (k: string) => t(`requests.list.columns.${k}` as 'requests.list.columns.request');
  return (
    <Card p={0}>
      <ScrollTable label={t('requests.list.label')} minWidth={700}>
        <Table verticalSpacing={6} data-testid="request-table" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('requests.list.selectAll')}
                  checked={all}
                  indeterminate={some && !all}
                  onChange={onToggleAll}
                />
              </Table.Th>
              {['request', 'requester', 'state', 'assignee'].map((k) => (
                <Table.Th key={k}>{col(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr
                key={item.id}
                data-request-row={item.id}
                data-cursor={index === cursor || undefined}
                className={selected.has(item.id) ? classes.selected : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t('requests.list.select', { reference: item.reference })}
                    checked={selected.has(item.id)}
                    onChange={() => onToggle(item.id)}
                  />
                </Table.Td>
                <Table.Td maw={320}>
                  <Title item={item} onFocus={() => onFocusRow(index)} withPriority />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.requester?.name ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {item.site?.name ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <StatusBadge status={item.status} />
                    <SlaBadge request={item} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Assignee item={item} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

/** Phone: one card per request with the same facts. */
export function RequestCards({ items, cursor, selected, onToggle, onFocusRow }: ListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="request-cards">
      {items.map((item, index) => (
        <Card
          key={item.id}
          padding="sm"
          data-request-row={item.id}
          data-cursor={index === cursor || undefined}
          className={selected.has(item.id) ? classes.selected : undefined}
        >
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <Checkbox
              mt={4}
              aria-label={t('requests.list.select', { reference: item.reference })}
              checked={selected.has(item.id)}
              onChange={() => onToggle(item.id)}
            />
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              <Title item={item} onFocus={() => onFocusRow(index)} />
              <Group gap={6}>
                <PriorityBadge priority={item.priority} />
                <StatusBadge status={item.status} />
                <SlaBadge request={item} />
              </Group>
              <Text size="xs" c="dimmed">
                {[item.requester?.name, item.site?.name].filter(Boolean).join(' · ')}
              </Text>
              <Assignee item={item} />
              {item.tags.length > 0 && (
                <Group gap={4}>
                  {item.tags.map((tag) => (
                    <Badge key={tag} variant="default" tt="none" size="sm">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
