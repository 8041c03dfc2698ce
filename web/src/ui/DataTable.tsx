import { Card, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable.tsx';

interface Props {
  /** Accessible name of the table region when it scrolls. */
  label: string;
  columns: string[];
  /** Adds a right-aligned "Actions" column header. */
  withActions?: boolean;
  minWidth: number;
  children: ReactNode;
  testId?: string;
  /** Render inside a bordered card (default) or bare (already inside one). */
  bare?: boolean;
}

/** A plain list table: header row, body rows, horizontal scroll on small screens. */
export function DataTable({ label, columns, withActions, minWidth, children, testId, bare }: Props) {
  const { t } = useTranslation();
  const table = (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
            {withActions && <Table.Th ta="right">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
  return bare ? table : <Card p={0}>{table}</Card>;
}
