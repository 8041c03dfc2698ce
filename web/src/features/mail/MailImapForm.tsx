import { Button, Group, NumberInput, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useMailAddresses } from '../../api/mail.ts';
import {
  IMAP_AFTER_ACTIONS,
  type ImapAfterAction,
  type ImapInput,
  type ImapMailbox,
  useCreateImapMailbox,
  useUpdateImapMailbox,
} from '../../api/mail-imap.ts';

const blank = (): ImapInput => ({
  host: '',
  port: 993,
  tls: true,
  username: '',
  password: '',
  folder: 'INBOX',
  afterAction: 'flag',
  addressId: '',
  enabled: true,
});

/** Create or edit a polled mailbox; the password is only sent when typed (never shown back). */
export function MailImapForm({ box, onDone }: { box: ImapMailbox | null; onDone: () => void }) {
  const { t } = useTranslation();
  const addresses = useMailAddresses().data?.items ?? [];
  const create = useCreateImapMailbox();
  const update = useUpdateImapMailbox();
  const [v, setV] = useState<ImapInput>(box ? { ...box, password: '' } : blank());
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof ImapInput>(k: K, value: ImapInput[K]) => setV((old) => ({ ...old, [k]: value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const { password, ...rest } = v;
    try {
      if (box) await update.mutateAsync({ ...rest, ...(password ? { password } : {}), id: box.id, version: box.version });
      else await create.mutateAsync(v);
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errorTitle'));
    }
  };
  return (
    <form onSubmit={submit} aria-label={box ? t('imap.editTitle') : t('imap.createTitle')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t('imap.host')} required value={v.host} onChange={(e) => set('host', e.currentTarget.value)} />
          <NumberInput
            label={t('imap.port')}
            required
            min={1}
            max={65535}
            value={v.port}
            onChange={(n) => set('port', Number(n) || 0)}
            style={{ maxWidth: '8rem' }}
          />
        </Group>
        <Switch
          label={t('imap.tls')}
          checked={v.tls}
          onChange={(e) => {
            const tls = e.currentTarget.checked;
            setV((old) => ({ ...old, tls, port: old.port === (tls ? 143 : 993) ? (tls ? 993 : 143) : old.port }));
          }}
        />
        <TextInput
          label={t('imap.username')}
          required
          autoComplete="off"
          value={v.username}
          onChange={(e) => set('username', e.currentTarget.value)}
        />
        <PasswordInput
          label={t('imap.password')}
          required={!box}
          autoComplete="new-password"
          description={box ? t('imap.passwordKeep') : undefined}
          value={v.password ?? ''}
          onChange={(e) => set('password', e.currentTarget.value)}
        />
        <TextInput label={t('imap.folder')} required value={v.folder} onChange={(e) => set('folder', e.currentTarget.value)} />
        <Select
          label={t('imap.address')}
          description={t('imap.addressHelp')}
          required
          data={addresses.map((a) => ({ value: a.id, label: a.address }))}
          value={v.addressId || null}
          onChange={(id) => set('addressId', id ?? '')}
          error={addresses.length ? undefined : t('imap.noAddress')}
        />
        <Select
          label={t('imap.afterAction')}
          required
          allowDeselect={false}
          data={IMAP_AFTER_ACTIONS.map((a) => ({ value: a, label: t(`imap.after.${a}`) }))}
          value={v.afterAction}
          onChange={(a) => set('afterAction', (a ?? 'flag') as ImapAfterAction)}
        />
        <Switch label={t('imap.enabled')} checked={v.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>
            {error}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
