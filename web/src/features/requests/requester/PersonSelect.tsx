import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchDirectory } from '../../../api/requests.ts';

interface Props {
  label: string;
  required?: boolean;
  error?: string;
  description?: string;
  value: string | null;
  onChange: (id: string | undefined) => void;
}

/** A colleague picked by name from the organisation's directory (for requesters, who may not list members). */
export function PersonSelect({ value, onChange, ...base }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({ queryKey: ['directory', q], queryFn: () => searchDirectory(q), staleTime: 60_000 });
  const data = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.siteName ? `${p.displayName} (${p.siteName})` : p.displayName,
  }));
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      {...base}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('requests.create.searching') : t('requests.create.nobody')}
      placeholder={t('requests.create.typeName')}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id ?? undefined);
      }}
    />
  );
}
