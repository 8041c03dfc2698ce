import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateView } from '../../../api/requests.ts';
import type { RequestFilters } from '../../../api/types.ts';
import { useMe } from '../../../api/me.ts';
import { FormError } from '../../../ui/FormAlerts.tsx';
import { can } from '../../../ui/permissions.ts';
import { toViewFilters } from '../shared/filters.ts';
import { type Errors, useChecks, useForm } from '../../../ui/form.ts';

/** « Enregistrer la vue »: the current filters become a personal (or shared) queue. */
export function SaveViewModal({
  opened,
  onClose,
  filters,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  filters: RequestFilters;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateView();
  const canShare = can(useMe().data, 'view.share');
  const checks = useChecks();
  const form = useForm({ name: '', shared: false }, (v): Errors => {
    const name = checks.required(v.name);
    return name ? { name } : {};
  });
  const submit = form.submit(async (v) => {
    const view = await create.mutateAsync({ name: v.name.trim(), filters: toViewFilters(filters), shared: v.shared && canShare });
    notifications.show({ message: t('requests.workspace.viewSaved', { name: v.name.trim() }), color: 'green' });
    form.reset({ name: '', shared: false });
    onSaved(view.id);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.workspace.saveViewTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label={t('requests.workspace.viewName')} required data-autofocus {...form.text('name')} />
          {canShare && (
            <Checkbox
              label={t('requests.workspace.viewShared')}
              checked={form.values.shared}
              onChange={(e) => form.set('shared', e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
