import { Button, Card, Divider, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbSpaces, useKbSpaceWrites, useKbTemplates } from '../../../api/kb.ts';
import type { KbSpace, KbTemplate } from '../../../api/kb-types.ts';
import { useMe } from '../../../api/me.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';

/** Create (space = null) or rename / describe a space. */
function SpaceForm({ space, onDone }: { space: KbSpace | null; onDone: () => void }) {
  const { t } = useTranslation();
  const check = useChecks();
  const writes = useKbSpaceWrites();
  const form = useForm({ name: space?.name ?? '', description: space?.description ?? '' }, (v) =>
    compact({ name: check.required(v.name) }),
  );
  const submit = form.submit(async (v) => {
    const body = { name: v.name.trim(), description: v.description.trim() };
    if (space) await writes.update.mutateAsync({ id: space.id, version: space.version ?? 0, ...body });
    else await writes.create.mutateAsync(body);
    notifications.show({ message: space ? t('kb.spaces.saved') : t('kb.spaces.created'), color: 'green' });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ConflictNotice current={form.conflict} onReload={onDone} />
        <FormError message={form.formError} />
        <TextInput label={t('kb.spaces.name')} required data-autofocus {...form.text('name')} />
        <Textarea label={t('kb.spaces.description')} autosize minRows={2} {...form.text('description')} />
        <FormActions
          busy={writes.create.isPending || writes.update.isPending}
          onCancel={onDone}
          submitLabel={space ? t('common.save') : t('kb.spaces.create')}
        />
      </Stack>
    </form>
  );
}

function SpaceRow({ space, onEdit }: { space: KbSpace; onEdit: () => void }) {
  const { t } = useTranslation();
  const { remove } = useKbSpaceWrites();
  const manage = space.allowedActions.includes('kb.space.manage');
  return (
    <Card padding="sm" component="li" data-testid="kb-space">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {space.name}
          </Text>
          {space.description && (
            <Text size="xs" c="dimmed">
              {space.description}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('kb.spaces.articles', { count: space.articleCount })}
          </Text>
        </Stack>
        {manage && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              onClick={onEdit}
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={t('kb.spaces.edit', { name: space.name })}
            >
              {t('common.edit')}
            </Button>
            <ConfirmButton
              size="xs"
              message={t('kb.spaces.deleteConfirm', { name: space.name })}
              confirmLabel={t('common.delete')}
              aria-label={t('kb.spaces.delete', { name: space.name })}
              onConfirm={async () => {
                await remove.mutateAsync(space.id);
                notifications.show({ message: t('kb.spaces.deleted'), color: 'green' });
              }}
            >
              {t('common.delete')}
            </ConfirmButton>
          </Group>
        )}
      </Group>
    </Card>
  );
}

function Templates() {
  const { t } = useTranslation();
  const list = useKbTemplates();
  const { copy } = useKbSpaceWrites();
  const run = async (template: KbTemplate) => {
    try {
      const space = await copy.mutateAsync(template.id);
      notifications.show({ message: t('kb.spaces.copied', { name: space.name }), color: 'green' });
    } catch (e) {
      notifications.show({ message: e instanceof Error ? e.message : t('common.errorTitle'), color: 'red' });
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-templates">
      <Title order={3} size="h5" id="kb-templates">
        {t('kb.spaces.templates')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('kb.spaces.templatesHelp')}
      </Text>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('kb.spaces.noTemplates')}</Empty>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((tpl) => (
                <Card key={tpl.id} padding="sm" component="li" data-testid="kb-template">
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={2}>
                      <Text fw={600} size="sm">
                        {tpl.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {tpl.description} · {t('kb.spaces.articles', { count: tpl.articleCount })}
                      </Text>
                    </Stack>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconCopy size={14} aria-hidden />}
                      loading={copy.isPending && copy.variables === tpl.id}
                      aria-label={t('kb.spaces.copyNamed', { name: tpl.name })}
                      onClick={() => void run(tpl)}
                    >
                      {t('kb.spaces.copy')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** The organisation's spaces (create, rename, delete when empty) and the Relais templates to copy. */
export function SpacesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const list = useKbSpaces(opened);
  const [editing, setEditing] = useState<KbSpace | 'new' | null>(null);
  const manage = can(me, 'kb.space.manage');
  const close = () => {
    setEditing(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('kb.spaces.title')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('kb.spaces.intro')}
        </Text>
        {editing ? (
          <SpaceForm space={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : (
          manage && (
            <Group>
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
                {t('kb.spaces.newTitle')}
              </Button>
            </Group>
          )
        )}
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('kb.spaces.empty')}</Empty>
            ) : (
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((s) => (
                  <SpaceRow key={s.id} space={s} onEdit={() => setEditing(s)} />
                ))}
              </Stack>
            )
          }
        </QueryState>
        {manage && (
          <>
            <Divider />
            <Templates />
          </>
        )}
      </Stack>
    </Modal>
  );
}
