import { Alert, Button, Stack } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../api/catalog.ts';
import { useMe } from '../../../api/me.ts';
import { useTeams, useUsers } from '../../../api/organization.ts';
import { useSites } from '../../../api/sites.ts';
import { useSchedules } from '../../../api/work.ts';
import type { RecurringSchedule } from '../../../api/work-types.ts';
import { EditModal, type Editing } from '../../../ui/EditModal.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { RecurringForm, type ScheduleOptions } from './RecurringForm.tsx';
import { ScheduleCard } from './ScheduleCard.tsx';

const STAFF_ROLES = new Set(['assistant', 'coordinator', 'org_admin', 'external_agent']);

/** The pickers' options: active services, sites with their zone, teams, members and staff. */
function useOptions(): ScheduleOptions {
  const services = useServices().data?.items;
  const sites = useSites().data?.items;
  const teams = useTeams().data?.items;
  const users = useUsers().data?.items;
  return useMemo(() => {
    const people = (users ?? []).map((u) => ({ value: u.id, label: u.displayName, role: u.role }));
    return {
      services: (services ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name })),
      sites: (sites ?? []).map((s) => ({ value: s.id, label: s.name, timezone: s.timezone })),
      teams: (teams ?? []).map((t) => ({ value: t.id, label: t.name })),
      members: people.map(({ value, label }) => ({ value, label })),
      staff: people.filter((p) => STAFF_ROLES.has(p.role)).map(({ value, label }) => ({ value, label })),
    };
  }, [services, sites, teams, users]);
}

/** `/travail-recurrent`: the pool's recurring work, its rules in plain words and the coming occurrences. */
export function RecurringPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const schedules = useSchedules();
  const canCreate = can(me, 'recurring.create');
  const canEdit = canCreate || can(me, 'recurring.update');
  const options = useOptions();
  const [editing, setEditing] = useState<Editing<RecurringSchedule>>(null);
  const action = canCreate && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('work.recurring.new')}
    </Button>
  );
  return (
    <Page title={t('work.recurring.title')} testId="page-recurring" description={t('work.recurring.intro')} actions={action}>
      {!canEdit && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('work.recurring.readOnly')}
        </Alert>
      )}
      <QueryState query={schedules}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('work.recurring.empty')}</Empty>
          ) : (
            <Stack gap="md">
              {data.items.map((s) => (
                <ScheduleCard key={s.id} schedule={s} onEdit={() => setEditing(s)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('work.recurring.new'), edit: t('work.recurring.editTitle') }}
        size="xl"
      >
        {(schedule) => <RecurringForm schedule={schedule} options={options} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
