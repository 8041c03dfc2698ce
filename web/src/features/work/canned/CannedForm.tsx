import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_VARIABLES, fillTemplate } from '../../../../../common/canned.ts';
import { useMe } from '../../../api/me.ts';
import { useCreateCanned, useUpdateCanned } from '../../../api/work.ts';
import type { CannedInput, CannedItem } from '../../../api/work-types.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';

type Values = CannedInput & { version: number };
type Form = ReturnType<typeof useForm<Values>>;

const toValues = (c: CannedItem | null, teamId: string | null): Values => ({
  title: c?.title ?? '',
  body: c?.body ?? '',
  teamId: c ? c.teamId : teamId,
  version: c?.version ?? 0,
});

function useCannedForm(item: CannedItem | null, teamId: string | null, onDone: () => void) {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateCanned();
  const update = useUpdateCanned();
  const form = useForm<Values>(toValues(item, teamId), (v) =>
    compact({ title: check.required(v.title), body: check.required(v.body) }),
  );
  const submit = form.submit(async ({ version, ...v }) => {
    const input = { title: v.title.trim(), body: v.body.trim(), teamId: v.teamId };
    if (item) await update.mutateAsync({ id: item.id, version, ...input });
    else await create.mutateAsync(input);
    notifications.show({ message: item ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  return { form, submit, busy: create.isPending || update.isPending };
}

/** Buttons inserting `{{variable}}` where the cursor is in the body (or at its end). */
function Variables({ form, body }: { form: Form; body: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useTranslation();
  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const el = body.current;
    const text = form.values.body;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    form.set('body', text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <Stack gap={6} role="group" aria-labelledby="canned-variables">
      <Text size="sm" fw={500} id="canned-variables">
        {t('work.canned.variables')}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          {t('work.canned.variablesHelp')}
        </Text>
      </Text>
      <Group gap={6}>
        {CANNED_VARIABLES.map((name) => (
          <Button
            key={name}
            size="compact-sm"
            variant="light"
            ff="monospace"
            onClick={() => insert(name)}
            aria-label={t('work.canned.insert', { name: `{{${name}}}`, description: t(`work.canned.vars.${name}`) })}
            title={t(`work.canned.vars.${name}`)}
          >
            {`{{${name}}}`}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The body filled with sample values, as a requester would read it. */
function Preview({ body }: { body: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const sample = {
    prenom: t('work.canned.sample.prenom'),
    reference: t('work.canned.sample.reference'),
    titre: t('work.canned.sample.titre'),
    echeance: t('work.canned.sample.echeance'),
    assistant: me?.user.displayName ?? '',
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="canned-preview">
        {t('work.canned.preview')}
      </Text>
      <Paper withBorder p="sm" bg="gray.0" aria-labelledby="canned-preview" role="region" data-testid="canned-preview">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={body.trim() ? undefined : 'dimmed'}>
          {body.trim() ? fillTemplate(body, sample) : t('work.canned.previewEmpty')}
        </Text>
      </Paper>
    </Stack>
  );
}

/** Create or edit a canned response: title, team (or the whole organisation), body with variables, live preview. */
export function CannedForm({
  item,
  teamId,
  teams,
  onDone,
}: {
  item: CannedItem | null;
  /** The team a new response starts with (the section it was created from). */
  teamId: string | null;
  teams: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { form, submit, busy } = useCannedForm(item, teamId, onDone);
  const body = useRef<HTMLTextAreaElement>(null);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as CannedItem | null, teamId))} />
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('work.canned.fields.title')} required data-autofocus {...form.text('title')} />
          <Select
            label={t('work.canned.fields.team')}
            placeholder={t('work.canned.fields.teamPlaceholder')}
            data={teams}
            value={form.values.teamId}
            clearable
            error={form.errors.teamId}
            onChange={(id) => form.set('teamId', id)}
          />
        </SimpleGrid>
        <Variables form={form} body={body} />
        <Textarea ref={body} label={t('work.canned.fields.body')} required autosize minRows={6} {...form.text('body')} />
        <Preview body={form.values.body} />
        <FormActions busy={busy} onCancel={onDone} submitLabel={item ? t('common.save') : t('common.create')} />
      </Stack>
    </form>
  );
}
