import { Checkbox, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Channel, useUpdateChannel } from '../../api/channels.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';

type Values = Pick<Channel, 'name' | 'description' | 'private' | 'urgent' | 'archived'>;
const valuesOf = (c: Channel): Values => ({
  name: c.name,
  description: c.description,
  private: c.private,
  urgent: c.urgent,
  archived: c.archived,
});

/** Rename, describe, make private or urgent, archive (owners and moderators); 409 offers a reload. */
export function ChannelSettingsModal({ channel, opened, onClose }: { channel: Channel; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateChannel(channel.id);
  const { required } = useChecks();
  const form = useForm<Values>(valuesOf(channel), (v) => compact({ name: required(v.name) }));
  const { values, set } = form;
  const submit = form.submit(async (v) => {
    await update.mutateAsync({ ...v, version: channel.version });
    notifications.show({ message: t('channels.settings.saved'), color: 'green' });
    onClose();
  });
  const check = (key: 'private' | 'urgent' | 'archived', label: string) => (
    <Checkbox label={label} checked={values[key]} onChange={(e) => set(key, e.currentTarget.checked)} />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('channels.settings.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <ConflictNotice current={form.conflict} onReload={() => form.reset(valuesOf(channel))} />
          <TextInput label={t('channels.create.name')} required maxLength={80} {...form.text('name')} />
          <Textarea label={t('channels.create.description')} autosize minRows={2} maxLength={500} {...form.text('description')} />
          {check('private', t('channels.create.private'))}
          {check('urgent', t('channels.create.urgent'))}
          {check('archived', t('channels.settings.archived'))}
          <FormActions busy={update.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
