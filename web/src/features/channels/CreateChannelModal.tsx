import { Checkbox, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ChannelInput, type ChannelKind, useCreateChannel } from '../../api/channels.ts';
import { useTeams } from '../../api/organization.ts';
import { useSites } from '../../api/sites.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormAlerts.tsx';

const EMPTY: ChannelInput = {
  kind: 'topic',
  name: '',
  description: '',
  siteId: null,
  teamId: null,
  private: false,
  urgent: false,
};

/** « Nouveau canal »: kind, name, description, its site or team, private, urgent; opens the new channel. */
export function CreateChannelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateChannel();
  const sites = useSites();
  const teams = useTeams();
  const { required } = useChecks();
  const form = useForm<ChannelInput>(EMPTY, (v) =>
    compact({
      name: required(v.name),
      siteId: v.kind === 'site' ? required(v.siteId) : undefined,
      teamId: v.kind === 'team' ? required(v.teamId) : undefined,
    }),
  );
  const { values, set } = form;
  const close = () => {
    form.reset(EMPTY);
    onClose();
  };
  const submit = form.submit(async (v) => {
    const channel = await create.mutateAsync(v);
    notifications.show({ message: t('channels.create.created', { name: channel.name }), color: 'green' });
    close();
    navigate(`/canaux/${channel.id}`);
  });
  const kinds = (['topic', 'site', 'team'] as const).map((k) => ({ value: k, label: t(`channels.kinds.${k}`) }));
  return (
    <Modal opened={opened} onClose={close} title={t('channels.create.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <Select
            label={t('channels.create.kind')}
            data={kinds}
            value={values.kind}
            allowDeselect={false}
            onChange={(k) => set('kind', (k ?? 'topic') as ChannelKind)}
          />
          <TextInput label={t('channels.create.name')} required maxLength={80} {...form.text('name')} />
          <Textarea label={t('channels.create.description')} autosize minRows={2} maxLength={500} {...form.text('description')} />
          {values.kind === 'site' && (
            <Select
              label={t('channels.create.site')}
              required
              data={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={values.siteId}
              error={form.errors.siteId}
              onChange={(id) => set('siteId', id)}
            />
          )}
          {values.kind === 'team' && (
            <Select
              label={t('channels.create.team')}
              required
              data={(teams.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={values.teamId}
              error={form.errors.teamId}
              onChange={(id) => set('teamId', id)}
            />
          )}
          <Checkbox
            label={t('channels.create.private')}
            checked={values.private}
            onChange={(e) => set('private', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('channels.create.urgent')}
            checked={values.urgent}
            onChange={(e) => set('urgent', e.currentTarget.checked)}
          />
          <FormActions busy={create.isPending} submitLabel={t('common.create')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
