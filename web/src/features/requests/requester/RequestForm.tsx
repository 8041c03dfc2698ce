import { Button, Card, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FormField } from '../../../../../common/catalog.ts';
import { REQUEST_SOURCES } from '../../../../../common/requests.ts';
import { useMe } from '../../../api/me.ts';
import { newIdempotencyKey, stageUploads, useCreateRequest } from '../../../api/requests.ts';
import type { CatalogService, Me } from '../../../api/types.ts';
import { FormError } from '../../../ui/FormAlerts.tsx';
import { type Errors, useChecks, useForm } from '../../../ui/form.ts';
import { can } from '../../../ui/permissions.ts';
import { Suggestions } from '../../portal/Suggestions.tsx';
import { useDeflection } from '../../portal/useDeflection.ts';
import { useLookups } from '../shared/lookups.ts';
import { FieldInput } from './FieldInput.tsx';

interface Values {
  title: string;
  description: string;
  siteId: string;
  requesterId: string;
  source: string;
  answers: Record<string, unknown>;
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Required fields, files included (they are uploaded first, then named in the answers). */
function useValidate(form: FormField[], files: Record<string, File[]>) {
  const { t } = useTranslation();
  const checks = useChecks();
  const missing = (f: FormField, v: Values) => (f.type === 'file' ? !files[f.key]?.length : empty(v.answers[f.key]));
  return (v: Values): Errors => {
    const errors: Errors = {};
    const title = checks.required(v.title);
    if (title) errors.title = title;
    for (const f of form) if (f.required && missing(f, v)) errors[`answers.${f.key}`] = t('validation.required');
    return errors;
  };
}

/** Step 2: the service's dynamic form; sent with an Idempotency-Key, then its files, then the request page. */
export function RequestForm({ service }: { service: CatalogService }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data as Me;
  const staff = can(me, 'request.note');
  const lookups = useLookups(true);
  const create = useCreateRequest();
  const key = useRef(newIdempotencyKey());
  const [files, setFiles] = useState<Record<string, File[]>>({});
  // Staff filing on someone's behalf are not self-help visits.
  const tracker = useDeflection(service.id, !staff);
  const form = useForm<Values>(
    { title: service.name, description: '', siteId: me.siteId ?? '', requesterId: '', source: 'phone', answers: {} },
    useValidate(service.form, files),
  );
  const setAnswer = (k: string, value: unknown) => {
    form.set('answers', { ...form.values.answers, [k]: value });
    form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => p !== `answers.${k}`)));
  };
  const submit = form.submit(async (v) => {
    const answers: Record<string, unknown> = Object.fromEntries(
      Object.entries(v.answers).filter(([k, a]) => !empty(a) && service.form.find((f) => f.key === k)?.type !== 'file'),
    );
    // Files of the form are staged first; their ids are the answers, bound to the request when it is created.
    for (const f of service.form.filter((x) => x.type === 'file' && files[x.key]?.length)) {
      answers[f.key] = (await stageUploads(files[f.key] ?? [])).items.map((i) => i.id);
    }
    const onBehalf = staff && v.requesterId && v.requesterId !== me.user.id;
    const detail = await create.mutateAsync({
      key: key.current,
      input: {
        serviceId: service.id,
        title: v.title.trim(),
        description: v.description.trim(),
        answers,
        siteId: v.siteId || undefined,
        ...(onBehalf ? { requesterId: v.requesterId, source: v.source } : {}),
      },
    });
    key.current = newIdempotencyKey();
    void tracker.submitted(detail.id);
    notifications.show({ message: t('requests.create.created', { reference: detail.reference }), color: 'green' });
    // Staff not cleared for a confidential service they filed on someone's behalf go back to their list.
    const works = detail.allowedActions.includes('request.update');
    navigate(staff ? (works ? `/demandes/${detail.id}` : '/demandes') : `/mes-demandes/${detail.id}`);
  });
  return (
    <Card padding="lg" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          {staff && (
            <Group grow align="flex-start">
              <Select
                label={t('requests.create.requester')}
                description={t('requests.create.requesterHint')}
                data={(lookups.people ?? []).map((p) => ({ value: p.id, label: `${p.displayName} — ${p.email}` }))}
                value={form.values.requesterId || null}
                onChange={(v) => form.set('requesterId', v ?? '')}
                searchable
                clearable
                placeholder={me.user.displayName}
              />
              <Select
                label={t('requests.create.source')}
                data={REQUEST_SOURCES.filter((s) => s !== 'recurring' && s !== 'api').map((s) => ({
                  value: s,
                  label: t(`requests.source.${s}`),
                }))}
                value={form.values.source}
                onChange={(v) => form.set('source', v ?? 'phone')}
                allowDeselect={false}
                disabled={!form.values.requesterId}
              />
            </Group>
          )}
          <TextInput
            label={t('requests.create.requestTitle')}
            description={t('requests.create.requestTitleHint')}
            required
            maxLength={200}
            {...form.text('title')}
          />
          {!staff && (
            <Suggestions
              text={
                form.values.title === service.name ? form.values.description : `${form.values.title} ${form.values.description}`
              }
              serviceId={service.id}
              tracker={tracker}
            />
          )}
          {service.form.map((field) => (
            <FieldInput
              key={field.key}
              field={field}
              value={form.values.answers[field.key]}
              onChange={(value) => setAnswer(field.key, value)}
              error={form.errors[`answers.${field.key}`]}
              people={lookups.people}
              sites={lookups.sites}
              files={files[field.key] ?? []}
              onFiles={(list) => setFiles((f) => ({ ...f, [field.key]: list }))}
            />
          ))}
          <Textarea
            label={t('requests.create.description')}
            description={t('requests.create.descriptionHint')}
            autosize
            minRows={3}
            {...form.text('description')}
          />
          <Select
            label={t('requests.create.site')}
            data={lookups.sites.map((s) => ({ value: s.id, label: s.name }))}
            value={form.values.siteId || null}
            onChange={(v) => form.set('siteId', v ?? '')}
            error={form.errors.siteId}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} leftSection={<IconSend size={16} aria-hidden />}>
              {t('requests.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
