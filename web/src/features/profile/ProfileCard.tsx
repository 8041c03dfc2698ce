import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  intro?: string;
  badge?: ReactNode;
  children: ReactNode;
}

/** A titled card of the profile page, labelled by its heading. */
export function ProfileCard({ id, title, intro, badge, children }: Props) {
  return (
    <Card component="section" aria-labelledby={`${id}-title`} id={id} data-testid={`profile-${id}`}>
      <Stack gap="md">
        <div>
          <Group gap="sm">
            <Title order={2} id={`${id}-title`}>
              {title}
            </Title>
            {badge}
          </Group>
          {intro && (
            <Text size="sm" c="dimmed" mt={4}>
              {intro}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}
