import { PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../common/roles.ts';
import { useCreateUser, useUpdateUser } from '../../../api/organization.ts';
import type { OrgUser, Site, UserInput } from '../../../api/types.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';
import { type Availability, AvailabilityFields, toAvailability, unavailableUntil } from './AvailabilityFields.tsx';

type Values = Required<Omit<UserInput, 'skills' | 'unavailableUntil'>> & Availability & { version: number };

/** Absences are typed in the member's site time zone (Paris without a site). */
const zoneOf = (sites: Site[], siteId: string | null) => sites.find((s) => s.id === siteId)?.timezone ?? 'Europe/Paris';

const toValues = (u: OrgUser | null, sites: Site[]): Values => ({
  email: u?.email ?? '',
  displayName: u?.displayName ?? '',
  role: u?.role ?? 'requester',
  siteId: u?.siteId ?? null,
  password: '',
  ...toAvailability(u, zoneOf(sites, u?.siteId ?? null)),
  version: u?.version ?? 0,
});

function useUserForm(user: OrgUser | null, sites: Site[]) {
  const { t } = useTranslation();
  const check = useChecks();
  return useForm<Values>(toValues(user, sites), (v) =>
    compact({
      email: user ? undefined : check.email(v.email),
      displayName: check.required(v.displayName),
      password: v.password ? check.password(v.password) : undefined,
      absentDate: v.absentTime && !v.absentDate ? t('work.people.dateRequired') : undefined,
    }),
  );
}

function useSave(user: OrgUser | null, sites: Site[], onDone: () => void) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const save = async (v: Values) => {
    const until = unavailableUntil(v, zoneOf(sites, v.siteId));
    const common = { displayName: v.displayName.trim(), role: v.role, siteId: v.siteId, skills: v.skills };
    if (user) await update.mutateAsync({ id: user.id, version: v.version, ...common, unavailableUntil: until });
    else
      await create.mutateAsync({
        ...common,
        email: v.email.trim(),
        ...(v.password ? { password: v.password } : {}),
        ...(until ? { unavailableUntil: until } : {}),
      });
    notifications.show({ message: user ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  };
  return { save, busy: create.isPending || update.isPending };
}

function IdentityFields({ form, user, sites }: { form: ReturnType<typeof useUserForm>; user: OrgUser | null; sites: Site[] }) {
  const { t } = useTranslation();
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const siteOptions = sites.map((s) => ({ value: s.id, label: s.name }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('users.displayName')} required data-autofocus {...form.text('displayName')} />
      <TextInput
        label={t('users.email')}
        type="email"
        required={!user}
        readOnly={!!user}
        variant={user ? 'filled' : 'default'}
        {...form.text('email')}
      />
      <Select
        label={t('users.role')}
        data={roles}
        value={form.values.role}
        allowDeselect={false}
        required
        error={form.errors.role}
        onChange={(r) => r && form.set('role', r as Role)}
      />
      <Select
        label={t('users.site')}
        placeholder={t('users.noSite')}
        data={siteOptions}
        value={form.values.siteId}
        clearable
        error={form.errors.siteId}
        onChange={(id) => form.set('siteId', id)}
      />
    </SimpleGrid>
  );
}

interface FormProps {
  user: OrgUser | null;
  sites: Site[];
  /** Skills already used in the organisation (suggestions). */
  skills?: string[];
  onDone: () => void;
}

/** Create (or add an existing account to the organisation) / edit a member: role, home site, skills and absence. */
export function UserForm({ user, sites, skills = [], onDone }: FormProps) {
  const { t } = useTranslation();
  const form = useUserForm(user, sites);
  const { save, busy } = useSave(user, sites, onDone);
  const site = sites.find((s) => s.id === form.values.siteId);
  return (
    <form onSubmit={form.submit(save)} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as OrgUser | null, sites))} />
        <FormError message={form.formError} />
        <IdentityFields form={form} user={user} sites={sites} />
        <AvailabilityFields
          values={form.values}
          errors={form.errors}
          set={(key, value) => form.set(key, value as Values[typeof key])}
          suggestions={skills}
          zone={site?.name ?? 'Paris'}
        />
        {!user && (
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHelp')}
            autoComplete="new-password"
            {...form.text('password')}
          />
        )}
        <FormActions busy={busy} onCancel={onDone} submitLabel={user ? t('common.save') : t('common.create')} />
      </Stack>
    </form>
  );
}
