import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  busy: boolean;
  /** Label of the submit button; "Enregistrer" by default. */
  submitLabel?: string;
  onCancel?: () => void;
}

/** Cancel + submit, right-aligned, at the bottom of a form. */
export function FormActions({ busy, submitLabel, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={busy}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
