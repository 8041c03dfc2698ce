import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label / value pair of a description list (`<dl>` parent), as the catalogue and schedule cards show them. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
