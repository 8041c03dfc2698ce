import { Badge, Button, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLiveRefresh } from '../../../api/live.ts';
import { useMe } from '../../../api/me.ts';
import { useRequestList } from '../../../api/requests.ts';
import type { Me, RequestItem } from '../../../api/types.ts';
import { Page } from '../../../ui/Page.tsx';
import { DEFAULT_SORT, filtersFromParams, rememberQueue, sameFilters } from '../shared/filters.ts';
import { useLookups } from '../shared/lookups.ts';
import { ShortcutsButton, ShortcutsModal } from '../shared/ShortcutsModal.tsx';
import { BulkBar } from './BulkBar.tsx';
import { FilterBar, type FilterPatch } from './FilterBar.tsx';
import { ListArea } from './ListArea.tsx';
import { QueueSelect, QueueSidebar, queueHref } from './QueueSidebar.tsx';
import { type Queue, useQueues } from './queues.ts';
import { type ListProps, rowLinkId } from './RequestList.tsx';
import { SaveViewModal } from './SaveViewModal.tsx';
import { useListKeys } from './useListKeys.ts';

function NewRequestButton() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/mes-demandes/nouvelle" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('requests.workspace.newRequest')}
    </Button>
  );
}

function LiveBadge({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={live ? 'green' : 'gray'} tt="none" size="lg">
      {live ? t('requests.workspace.live') : t('requests.workspace.offline')}
    </Badge>
  );
}

/**
 * Filters in the address bar (bookmarkable); changing one leaves the saved queue (except the sort).
 * A bare `/demandes` shows the first queue without rewriting the address.
 */
function useFilterParams(queues: Queue[], ready: boolean) {
  const [params, setParams] = useSearchParams();
  const explicit = params.toString() !== '';
  const first = ready ? queues[0] : undefined;
  const filters = useMemo(
    () => (explicit ? filtersFromParams(params) : (first?.filters ?? {})),
    [explicit, params, first?.filters],
  );
  const change = (patch: FilterPatch) => {
    const next = explicit
      ? new URLSearchParams(params)
      : new URLSearchParams({ ...filters, ...(first ? { vue: first.id } : {}) });
    if (Object.keys(patch).some((k) => k !== 'sort')) next.delete('vue');
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  // « Effacer les filtres » shows every visible request (sorted as before).
  const reset = () => setParams(new URLSearchParams({ sort: filters.sort ?? DEFAULT_SORT }));
  const activeId = explicit
    ? (params.get('vue') ?? queues.find((q) => sameFilters(q.filters, filters))?.id ?? null)
    : (first?.id ?? null);
  return { filters, change, reset, activeId, waiting: !explicit && !first };
}

function useSelection(items: RequestItem[], resetKey: string) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts with nothing ticked
  useEffect(() => setSelected(new Set()), [resetKey]);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected((s) => (items.every((i) => s.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))));
  return { selected, toggle, toggleAll, clear: () => setSelected(new Set()) };
}

/** `/demandes`: the staff workspace — queues, filters, the list (table or cards), bulk actions, shortcuts. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const navigate = useNavigate();
  const live = useLiveRefresh(me.user.id);
  const phone = useMediaQuery('(max-width: 48em)', false);
  const narrow = useMediaQuery('(max-width: 75em)', false);
  const { queues, available, loading } = useQueues();
  const { filters, change, reset, activeId, waiting } = useFilterParams(queues, !loading);
  const lookups = useLookups(true);
  // A bare address waits for the queues to know the first one (no wasted unfiltered load).
  const list = useRequestList({ ...filters, sort: filters.sort ?? DEFAULT_SORT }, { poll: !live, enabled: !waiting });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selection = useSelection(items, JSON.stringify(filters));
  const [saving, { open: openSave, close: closeSave }] = useDisclosure(false);
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(
    () =>
      rememberQueue(
        items.map((i) => i.id),
        `${location.pathname}${location.search}`,
      ),
    [items],
  );
  const cursor = useListKeys({ items, searchRef, onHelp: openHelp, onToggle: selection.toggle, focusId: rowLinkId });
  const listProps: ListProps = {
    items,
    cursor: cursor.index,
    selected: selection.selected,
    onToggle: selection.toggle,
    onToggleAll: selection.toggleAll,
    onFocusRow: cursor.setIndex,
  };
  const actions = (
    <>
      <LiveBadge live={live} />
      <ShortcutsButton onClick={openHelp} />
      <NewRequestButton />
    </>
  );
  return (
    <Page title={t('requests.workspace.title')} testId="page-workspace" actions={actions}>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        {!narrow && <QueueSidebar queues={queues} activeId={activeId} canSave={available} onSave={openSave} />}
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          {narrow && <QueueSelect queues={queues} activeId={activeId} onPick={(q) => navigate(queueHref(q))} />}
          <FilterBar filters={filters} onChange={change} lookups={lookups} searchRef={searchRef} folded={phone} />
          {narrow && available && (
            <Button variant="subtle" size="xs" onClick={openSave} style={{ alignSelf: 'flex-start' }}>
              {t('requests.workspace.saveView')}
            </Button>
          )}
          {selection.selected.size > 0 && (
            <BulkBar
              items={items.filter((i) => selection.selected.has(i.id))}
              lookups={lookups}
              meId={me.user.id}
              onClear={selection.clear}
            />
          )}
          <ListArea list={list} listProps={listProps} phone={phone} filters={filters} onChange={change} onReset={reset} />
        </Stack>
      </Group>
      <SaveViewModal
        opened={saving}
        onClose={closeSave}
        filters={filters}
        onSaved={(id) => {
          closeSave();
          const next = new URLSearchParams(location.search);
          next.set('vue', id);
          navigate(`/demandes?${next.toString()}`);
        }}
      />
      <ShortcutsModal opened={help} onClose={closeHelp} />
    </Page>
  );
}
