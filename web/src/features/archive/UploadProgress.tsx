import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The upload's progress bar with its percentage in words (announced politely). */
export function UploadProgress({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <Stack gap={4} data-testid="upload-progress">
      <Progress value={value} aria-label={t('archive.progressLabel')} animated={value < 100} />
      <Text size="xs" c="dimmed" aria-live="polite">
        {t('archive.progress', { percent: value })}
      </Text>
    </Stack>
  );
}
