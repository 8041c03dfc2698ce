import { Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { useCreateFunction, useDeleteFunction, useFunctions, useUpdateFunction } from '../../api/organization.ts';
import type { OrgFunction } from '../../api/types.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EditModal, type Editing } from '../../ui/EditModal.tsx';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';
import { Page } from '../../ui/Page.tsx';
import { can, canOn } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';

const toValues = (f: OrgFunction | null) => ({ name: f?.name ?? '', code: f?.code ?? '', version: f?.version ?? 0 });

function FunctionForm({ fn, onDone }: { fn: OrgFunction | null; onDone: () => void }) {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateFunction();
  const update = useUpdateFunction();
  const form = useForm(toValues(fn), (v) => compact({ name: check.required(v.name), code: check.required(v.code) }));
  const submit = form.submit(async ({ version, ...v }) => {
    const body = { name: v.name.trim(), code: v.code.trim() };
    if (fn) await update.mutateAsync({ id: fn.id, version, ...body });
    else await create.mutateAsync(body);
    notifications.show({ message: fn ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as OrgFunction | null))} />
        <FormError message={form.formError} />
        <TextInput label={t('functions.name')} required data-autofocus {...form.text('name')} />
        <TextInput label={t('functions.code')} description={t('functions.codeHelp')} required {...form.text('code')} />
        <FormActions
          busy={create.isPending || update.isPending}
          onCancel={onDone}
          submitLabel={fn ? t('common.save') : t('common.create')}
        />
      </Stack>
    </form>
  );
}

function FunctionRow({ fn, onEdit }: { fn: OrgFunction; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const remove = useDeleteFunction();
  return (
    <Table.Tr>
      <Table.Td fw={600}>{fn.name}</Table.Td>
      <Table.Td>
        <code>{fn.code}</code>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {canOn(fn, me, 'function.update') && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
              aria-label={`${t('common.edit')} ${fn.name}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {canOn(fn, me, 'function.delete') && (
            <ConfirmButton
              size="xs"
              message={t('functions.deleteConfirm', { name: fn.name })}
              confirmLabel={t('common.delete')}
              onConfirm={() => remove.mutateAsync(fn.id)}
              aria-label={`${t('common.delete')} ${fn.name}`}
            >
              {t('common.delete')}
            </ConfirmButton>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/admin/fonctions`: support functions (RH, Finance…). */
export function FunctionsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const functions = useFunctions();
  const [editing, setEditing] = useState<Editing<OrgFunction>>(null);
  const action = can(me, 'function.create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('functions.new')}
    </Button>
  );
  return (
    <Page title={t('functions.title')} testId="page-admin-functions" description={t('functions.intro')} actions={action}>
      <QueryState query={functions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('functions.empty')}</Empty>
          ) : (
            <DataTable
              label={t('functions.title')}
              columns={[t('functions.name'), t('functions.code')]}
              withActions
              minWidth={480}
            >
              {data.items.map((fn) => (
                <FunctionRow key={fn.id} fn={fn} onEdit={() => setEditing(fn)} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('functions.new'), edit: t('functions.editTitle') }}
      >
        {(fn) => <FunctionForm fn={fn} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
