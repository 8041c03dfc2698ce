import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

interface PageProps {
  title: string;
  testId: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * Page frame: one h1, the document title, and focus moved to the heading after a navigation
 * so keyboard and screen-reader users land on the new content.
 */
export function Page({ title, testId, description, actions, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Stack gap="lg" data-testid={testId} maw={1200}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: '1 1 20rem' }}>
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/** A titled block inside a page (h2). */
export function Section({ title, description, actions, children }: Omit<PageProps, 'testId'>) {
  return (
    <Stack gap="sm" component="section">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{title}</Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
