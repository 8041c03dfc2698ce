import { Anchor, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PRIORITIES } from '../../../../common/catalog-enums.ts';
import type { Channel, ChatMessage } from '../../api/channels.ts';
import { prefillFromMessage, type ToRequestInput, useMessageToRequest } from '../../api/chat-extras.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormAlerts.tsx';
import { useLookups } from '../requests/shared/lookups.ts';

interface Props {
  message: ChatMessage;
  channel: Pick<Channel, 'id' | 'name'>;
  opened: boolean;
  onClose: () => void;
}

interface Values {
  serviceId: string;
  requesterId: string;
  title: string;
  description: string;
  priority: string;
}

const initial = (message: ChatMessage): Values => ({
  serviceId: '',
  requesterId: message.author?.id ?? '',
  ...prefillFromMessage(message.body),
  priority: '',
});

/**
 * « Transformer en demande » (staff): service, requester (the author by default, searched like the staff
 * « new request on behalf » form), title and description prefilled from the message, priority. The new
 * request is announced with a link; a message already turned into one (409) shows the server's message.
 */
export function ToRequestModal({ message, channel, opened, onClose }: Props) {
  const { t } = useTranslation();
  // Notifications render outside the router: their link navigates through this hook, not a <Link>.
  const navigate = useNavigate();
  const lookups = useLookups(opened);
  const convert = useMessageToRequest(channel.id);
  const { required } = useChecks();
  const form = useForm<Values>(initial(message), (v) =>
    compact({ serviceId: required(v.serviceId), requesterId: required(v.requesterId), title: required(v.title) }),
  );
  const { reset } = form;
  // A new message (or reopening) starts again from its own prefill.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the message or the opening changes
  useEffect(() => {
    if (opened) reset(initial(message));
  }, [opened, message.id]);
  const submit = form.submit(async (v) => {
    const input: ToRequestInput = {
      serviceId: v.serviceId,
      requesterId: v.requesterId,
      title: v.title.trim(),
      description: v.description.trim(),
      ...(v.priority ? { priority: v.priority as ToRequestInput['priority'] } : {}),
    };
    const { request } = await convert.mutateAsync({ messageId: message.id, input });
    notifications.show({
      color: 'green',
      message: (
        <Anchor
          href={`/demandes/${request.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/demandes/${request.id}`);
          }}
        >
          {t('chatExtras.toRequest.open', { reference: request.reference })}
        </Anchor>
      ),
      title: t('chatExtras.toRequest.created', { reference: request.reference }),
    });
    onClose();
  });
  const services = lookups.services.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));
  const people = (lookups.people ?? []).map((p) => ({ value: p.id, label: `${p.displayName} — ${p.email}` }));
  // The author stays choosable even before the people list arrives.
  if (message.author && !people.some((p) => p.value === message.author?.id))
    people.unshift({ value: message.author.id, label: message.author.name });
  const priorities = PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('chatExtras.toRequest.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <Select
            label={t('chatExtras.toRequest.service')}
            placeholder={t('chatExtras.toRequest.servicePlaceholder')}
            required
            searchable
            data={services}
            value={form.values.serviceId || null}
            error={form.errors.serviceId}
            onChange={(v) => form.set('serviceId', v ?? '')}
          />
          <Select
            label={t('chatExtras.toRequest.requester')}
            description={t('chatExtras.toRequest.requesterHint')}
            required
            searchable
            data={people}
            value={form.values.requesterId || null}
            error={form.errors.requesterId}
            onChange={(v) => form.set('requesterId', v ?? '')}
          />
          <TextInput label={t('chatExtras.toRequest.requestTitle')} required maxLength={200} {...form.text('title')} />
          <Textarea
            label={t('chatExtras.toRequest.description')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={20000}
            {...form.text('description')}
          />
          <Select
            label={t('chatExtras.toRequest.priority')}
            placeholder={t('chatExtras.toRequest.priorityDefault')}
            clearable
            data={priorities}
            value={form.values.priority || null}
            onChange={(v) => form.set('priority', v ?? '')}
          />
          <FormActions busy={convert.isPending} submitLabel={t('chatExtras.toRequest.submit')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
