import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A job or task as the operator reads it: what it does in words, its technical name below. */
export function JobName({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const task = name.startsWith('task:') ? name.slice('task:'.length) : name;
  const key = `ops.tasks.${task}` as 'ops.tasks.recurring';
  return (
    <div>
      {i18n.exists(key) && <Text size="sm">{String(t(key))}</Text>}
      <Text size="xs" c="dimmed" ff="monospace">
        {name}
      </Text>
    </div>
  );
}
