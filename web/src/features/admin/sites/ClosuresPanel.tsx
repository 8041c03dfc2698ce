import { ActionIcon, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useMe } from '../../../api/me.ts';
import { useClosures, useCreateClosure, useDeleteClosure } from '../../../api/sites.ts';
import type { Closure, Site } from '../../../api/types.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { useFormat } from '../../../ui/format.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormError } from '../../../ui/FormAlerts.tsx';
import { canOn } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { ScrollTable } from '../../../ui/ScrollTable.tsx';

function AddClosure({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateClosure(siteId);
  const empty = { startsOn: '', endsOn: '', label: '' };
  const form = useForm(empty, (v) =>
    compact({
      startsOn: check.required(v.startsOn),
      endsOn: check.required(v.endsOn) ?? (v.endsOn < v.startsOn ? t('validation.dateOrder') : undefined),
      label: check.required(v.label),
    }),
  );
  const submit = form.submit(async (v) => {
    await create.mutateAsync({ ...v, label: v.label.trim() });
    form.reset(empty);
    notifications.show({ message: t('sites.closures.added'), color: 'green' });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DateField label={t('sites.closures.startsOn')} required w={170} {...form.field('startsOn')} />
          <DateField label={t('sites.closures.endsOn')} required w={170} {...form.field('endsOn')} />
          <TextInput label={t('sites.closures.label')} required style={{ flex: '1 1 14rem' }} {...form.text('label')} />
          <Button type="submit" mt={25} loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('sites.closures.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClosureRows({ siteId, closures, editable }: { siteId: string; closures: Closure[]; editable: boolean }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const remove = useDeleteClosure(siteId);
  const del = (c: Closure) =>
    remove.mutate(c.id, {
      onSuccess: () => notifications.show({ message: t('sites.closures.removed'), color: 'green' }),
      onError: (e) => notifications.show({ message: isApiError(e) ? e.message : t('common.errorTitle'), color: 'red' }),
    });
  return closures.map((c) => (
    <Table.Tr key={c.id}>
      <Table.Td>{t('sites.closures.period', { from: date(c.startsOn), to: date(c.endsOn) })}</Table.Td>
      <Table.Td>{c.label}</Table.Td>
      {editable && (
        <Table.Td ta="right">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('sites.closures.remove', { label: c.label })}
            onClick={() => del(c)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Table.Td>
      )}
    </Table.Tr>
  ));
}

/** Exceptional closures of a site (bridges, summer break…), with add and delete. */
export function ClosuresPanel({ site }: { site: Site }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const closures = useClosures(site.id);
  const editable = canOn(site, me, 'site.closures.write');
  return (
    <Card component="section" aria-labelledby="closures-title" data-testid="site-closures">
      <Title order={2} id="closures-title">
        {t('sites.closures.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sites.closures.help')}
      </Text>
      <Stack gap="md">
        <QueryState query={closures}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('sites.closures.empty')}</Empty>
            ) : (
              <ScrollTable label={t('sites.closures.title')} minWidth={420}>
                <Table>
                  <Table.Tbody>
                    <ClosureRows siteId={site.id} closures={data.items} editable={editable} />
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          }
        </QueryState>
        {editable && <AddClosure siteId={site.id} />}
      </Stack>
    </Card>
  );
}
