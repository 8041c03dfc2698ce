import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../api/types.ts';
import type { Lookups } from '../shared/lookups.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  request: RequestDetail;
  lookups: Lookups;
  meId: string;
  onAssign: (userId: string | null) => Promise<boolean>;
}

/** `a`: assign to me in one click, to a teammate from the list, or remove the assignment. */
export function AssignModal({ opened, onClose, request, lookups, meId, onAssign }: Props) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const assign = async (userId: string | null) => {
    setBusy(true);
    const ok = await onAssign(userId);
    setBusy(false);
    if (ok) {
      setPerson(null);
      onClose();
    }
  };
  const staff = lookups.staff.filter((p) => p.id !== request.assignee?.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.view.assignTitle')}>
      <Stack gap="md">
        {request.assignee?.id !== meId && (
          <Button onClick={() => void assign(meId)} loading={busy} data-autofocus>
            {t('requests.view.assignToMe')}
          </Button>
        )}
        <Select
          label={t('requests.view.assignPerson')}
          data={staff.map((p) => ({ value: p.id, label: p.displayName }))}
          value={person}
          onChange={setPerson}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="space-between">
          {request.assignee ? (
            <Button variant="subtle" color="red" onClick={() => void assign(null)} disabled={busy}>
              {t('requests.view.unassign')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => person && void assign(person)} disabled={!person} loading={busy}>
              {t('requests.view.assign')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
