import { Button, Card, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCreatePlatformOrganization, usePlatformOrganizations } from '../../api/platform.ts';
import type { NewOrganization, PlatformOrganization } from '../../api/types.ts';
import { useFormat } from '../../ui/format.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMPTY: NewOrganization = { name: '', slug: '', adminEmail: '', adminName: '' };

function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function useCreateOrganizationForm() {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreatePlatformOrganization();
  const form = useForm(EMPTY, (v) =>
    compact({
      name: check.required(v.name),
      slug: check.required(v.slug) ?? (SLUG.test(v.slug) ? undefined : t('validation.slug')),
      adminEmail: check.email(v.adminEmail),
      adminName: check.required(v.adminName),
    }),
  );
  /** The identifier follows the name until the operator edits it. */
  const onName = (name: string) => {
    const auto = form.values.slug === '' || form.values.slug === slugify(form.values.name);
    form.set('name', name);
    if (auto) form.set('slug', slugify(name));
  };
  const submit = form.submit(async (v) => {
    const org = await create.mutateAsync({
      ...v,
      name: v.name.trim(),
      adminEmail: v.adminEmail.trim(),
      adminName: v.adminName.trim(),
    });
    notifications.show({ message: t('platform.created', { name: org.name }), color: 'green' });
    form.reset(EMPTY);
  });
  return { form, onName, submit, busy: create.isPending };
}

function CreateOrganizationForm() {
  const { t } = useTranslation();
  const { form, onName, submit, busy } = useCreateOrganizationForm();
  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="new-org-title">
      <Stack gap="md">
        <Title order={2} id="new-org-title">
          {t('platform.create')}
        </Title>
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('platform.name')}
            required
            value={form.values.name}
            error={form.errors.name}
            onChange={(e) => onName(e.currentTarget.value)}
          />
          <TextInput label={t('platform.slug')} description={t('platform.slugHelp')} required {...form.text('slug')} />
          <TextInput label={t('platform.adminName')} required {...form.text('adminName')} />
          <TextInput label={t('platform.adminEmail')} type="email" required {...form.text('adminEmail')} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('platform.adminHelp')}
        </Text>
        <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
          {t('common.create')}
        </Button>
      </Stack>
    </Card>
  );
}

function OrganizationsTable({ items }: { items: PlatformOrganization[] }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const columns = (['name', 'slug', 'createdAt'] as const).map((c) => t(`platform.columns.${c}`));
  return (
    <DataTable label={t('platform.organizations')} columns={columns} minWidth={520} testId="platform-organizations">
      {items.map((o) => (
        <Table.Tr key={o.id}>
          <Table.Td fw={600}>{o.name}</Table.Td>
          <Table.Td>
            <code>{o.slug}</code>
          </Table.Td>
          <Table.Td>{date(o.createdAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
/** `/plateforme`: the operator's list of client organisations and the creation form. */
export function PlatformPage() {
  const { t } = useTranslation();
  const orgs = usePlatformOrganizations();
  return (
    <Page title={t('platform.title')} testId="page-platform" description={t('platform.intro')}>
      <Section title={t('platform.organizations')}>
        <QueryState query={orgs}>
          {(data) => (data.items.length === 0 ? <Empty>{t('platform.empty')}</Empty> : <OrganizationsTable items={data.items} />)}
        </QueryState>
      </Section>
      <CreateOrganizationForm />
    </Page>
  );
}
