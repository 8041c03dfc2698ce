import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../../common/catalog-enums.ts';
import { REQUEST_STATUSES } from '../../../../../common/requests.ts';
import type { RequestFilters } from '../../../api/types.ts';
import { DEFAULT_SORT } from '../shared/filters.ts';
import type { Lookups } from '../shared/lookups.ts';

type Option = { value: string; label: string };
/** Changed filters; null removes one. */
export type FilterPatch = Partial<Record<keyof RequestFilters, string | null>>;
const SLA_FILTERS = ['breached', 'at_risk', 'due_1h', 'paused'] as const;
const SORTS = ['due', 'priority', '-created', 'created', 'updated'] as const;

/** A select's options plus, when a saved view asks for several values at once, that combination. */
function withCurrent(options: Option[], current: string | undefined, label: (v: string) => string): Option[] {
  if (!current || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: current.split(',').map(label).join(' + ') }];
}

interface Props {
  filters: RequestFilters;
  onChange: (patch: FilterPatch) => void;
  lookups: Lookups;
  searchRef: RefObject<HTMLInputElement | null>;
}

function useStatusOptions(filters: RequestFilters) {
  const { t } = useTranslation();
  const status = (s: string) => t(`requests.status.${s}` as 'requests.status.new');
  const base: Option[] = [
    { value: 'open', label: t('requests.filters.open') },
    ...REQUEST_STATUSES.map((s) => ({ value: s, label: status(s) })),
  ];
  return withCurrent(base, filters.status, status);
}

/** The search box: applied on Enter or after a short pause, bound to `/`. */
function SearchBox({
  value,
  onChange,
  inputRef,
}: {
  value: string;
  onChange: (v: string) => void;
  inputRef: Props['searchRef'];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 400);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <TextInput
      ref={inputRef}
      type="search"
      label={t('requests.filters.search')}
      placeholder={t('requests.filters.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text);
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      w={{ base: '100%', sm: 230 }}
    />
  );
}

/** The filters themselves (status, assignee, priority, SLA, team, site, tag). */
function FilterFields({ filters, onChange, lookups }: Pick<Props, 'filters' | 'onChange' | 'lookups'>) {
  const { t } = useTranslation();
  const statusValue = filters.status ?? (filters.open === 'true' ? 'open' : null);
  const setStatus = (v: string | null) => {
    onChange({ open: v === 'open' ? 'true' : null, status: v && v !== 'open' ? v : null });
  };
  const people: Option[] = [
    { value: 'me', label: t('requests.filters.me') },
    { value: 'none', label: t('requests.filters.nobody') },
    ...lookups.staff.map((p) => ({ value: p.id, label: p.displayName })),
  ];
  const priority = withCurrent(
    PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) })),
    filters.priority,
    (p) => p,
  );
  const common = { clearable: true, w: { base: '100%', xs: 160 }, comboboxProps: { withinPortal: true } };
  return (
    <>
      <Select
        {...common}
        label={t('requests.filters.status')}
        placeholder={t('requests.filters.any')}
        data={useStatusOptions(filters)}
        value={statusValue}
        onChange={setStatus}
      />
      <Select
        {...common}
        searchable
        label={t('requests.filters.assignee')}
        placeholder={t('requests.filters.any')}
        data={people}
        value={filters.assigneeId ?? null}
        onChange={(v) => onChange({ assigneeId: v })}
      />
      <Select
        {...common}
        label={t('requests.filters.priority')}
        placeholder={t('requests.filters.any')}
        data={priority}
        value={filters.priority ?? null}
        onChange={(v) => onChange({ priority: v })}
      />
      <Select
        {...common}
        label={t('requests.filters.sla')}
        placeholder={t('requests.filters.any')}
        data={SLA_FILTERS.map((s) => ({ value: s, label: t(`requests.filters.slaStates.${s}`) }))}
        value={filters.sla ?? null}
        onChange={(v) => onChange({ sla: v })}
      />
      <Select
        {...common}
        label={t('requests.filters.team')}
        placeholder={t('requests.filters.any')}
        data={lookups.teams.map((x) => ({ value: x.id, label: x.name }))}
        value={filters.teamId ?? null}
        onChange={(v) => onChange({ teamId: v })}
      />
      <Select
        {...common}
        searchable
        label={t('requests.filters.site')}
        placeholder={t('requests.filters.any')}
        data={lookups.sites.map((x) => ({ value: x.id, label: x.name }))}
        value={filters.siteId ?? null}
        onChange={(v) => onChange({ siteId: v })}
      />
      <TagFilter value={filters.tag ?? ''} onChange={(v) => onChange({ tag: v || null })} />
    </>
  );
}

/**
 * The filter bar above the list: search (bound to `/`) and the filters; on phones the filters fold
 * behind a « Filtres » button that says how many are on.
 */
export function FilterBar({ filters, onChange, lookups, searchRef, folded }: Props & { folded?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = Object.entries(filters).filter(([k, v]) => k !== 'sort' && k !== 'q' && !!v).length;
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('requests.filters.title')}>
      <SearchBox value={filters.q ?? ''} onChange={(v) => onChange({ q: v || null })} inputRef={searchRef} />
      {folded && (
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {count ? t('requests.filters.toggle', { count }) : t('requests.filters.title')}
        </Button>
      )}
      {(!folded || open) && <FilterFields filters={filters} onChange={onChange} lookups={lookups} />}
    </Group>
  );
}

function TagFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      label={t('requests.filters.tag')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => text !== value && onChange(text.trim())}
      onKeyDown={(e) => e.key === 'Enter' && onChange(text.trim())}
      w={{ base: '100%', xs: 130 }}
    />
  );
}

/** The sort of the list (nearest SLA due date first by default), shown above it. */
export function SortSelect({ value, onChange }: { value: string | undefined; onChange: (patch: FilterPatch) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      label={t('requests.filters.sort')}
      data={SORTS.map((s) => ({ value: s, label: t(`requests.filters.sorts.${s}`) }))}
      value={value ?? DEFAULT_SORT}
      onChange={(v) => onChange({ sort: v === DEFAULT_SORT ? null : v })}
      allowDeselect={false}
      w={200}
    />
  );
}

/** « Effacer les filtres »: shown while any filter (or a search) narrows the list. */
export function ResetFilters({ filters, onReset }: { filters: RequestFilters; onReset: () => void }) {
  const { t } = useTranslation();
  if (!Object.entries(filters).some(([k, v]) => k !== 'sort' && !!v)) return null;
  return (
    <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={onReset}>
      {t('requests.filters.reset')}
    </Button>
  );
}
