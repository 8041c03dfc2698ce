import { Checkbox, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../../../../../common/webhooks.ts';
import { useCreateWebhook, useUpdateWebhook, type Webhook, type WebhookWithSecret } from '../../../api/webhooks.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';

const toValues = (w: Webhook | null) => ({
  url: w?.url ?? 'https://',
  description: w?.description ?? '',
  eventTypes: (w?.eventTypes ?? ['request.created']) as WebhookEventType[],
  active: w?.active ?? true,
  version: w?.version ?? 0,
});

/** Create or edit a subscription; a creation hands the new secret to `onCreated` (shown once). */
export function WebhookForm(props: { hook: Webhook | null; onDone: () => void; onCreated: (w: WebhookWithSecret) => void }) {
  const { hook, onDone, onCreated } = props;
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const form = useForm(toValues(hook), (v) =>
    compact({ url: check.required(v.url), eventTypes: v.eventTypes.length ? undefined : t('webhooks.eventsRequired') }),
  );
  const submit = form.submit(async ({ version, ...v }) => {
    const body = { ...v, url: v.url.trim(), description: v.description.trim() };
    if (hook) await update.mutateAsync({ id: hook.id, version, ...body });
    else onCreated(await create.mutateAsync(body));
    notifications.show({ message: hook ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as Webhook | null))} />
        <FormError message={form.formError} />
        <TextInput
          label={t('webhooks.url')}
          description={t('webhooks.urlHelp')}
          required
          type="url"
          data-autofocus
          {...form.text('url')}
        />
        <TextInput label={t('webhooks.description')} {...form.text('description')} />
        <Checkbox.Group
          label={t('webhooks.events')}
          required
          value={form.values.eventTypes}
          onChange={(v) => form.set('eventTypes', v as WebhookEventType[])}
          error={form.errors.eventTypes}
        >
          <Stack gap={6} mt={6}>
            {WEBHOOK_EVENTS.map((e) => (
              <Checkbox key={e.type} value={e.type} label={t(`webhooks.eventTypes.${e.type}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t('webhooks.active')}
          checked={form.values.active}
          onChange={(e) => form.set('active', e.currentTarget.checked)}
        />
        <FormActions
          busy={create.isPending || update.isPending}
          onCancel={onDone}
          submitLabel={hook ? t('common.save') : t('common.create')}
        />
      </Stack>
    </form>
  );
}
