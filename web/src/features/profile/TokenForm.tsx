import { Alert, Button, Checkbox, Code, CopyButton, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../api/me.ts';
import type { TokenScope } from '../../api/types.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';

interface Values {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number | string;
}
const EMPTY: Values = { name: '', scopes: ['read'], expiresInDays: 90 };

function NewToken({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconKey aria-hidden />}
      title={t('profile.tokens.secret')}
      data-testid="new-token"
    >
      <Stack gap="xs">
        <Code block style={{ wordBreak: 'break-all' }}>
          {token}
        </Code>
        <Group gap="sm">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {t('profile.tokens.shownOnce')}
      </Stack>
    </Alert>
  );
}

function useTokenForm() {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateToken();
  const [token, setToken] = useState<string | null>(null);
  const form = useForm(EMPTY, (v) =>
    compact({ name: check.required(v.name), scopes: v.scopes.length === 0 ? t('validation.scopes') : undefined }),
  );
  const submit = form.submit(async (v) => {
    const days = typeof v.expiresInDays === 'number' && v.expiresInDays > 0 ? v.expiresInDays : undefined;
    const res = await create.mutateAsync({ name: v.name.trim(), scopes: v.scopes, ...(days ? { expiresInDays: days } : {}) });
    setToken(res.token);
    form.reset(EMPTY);
  });
  return { form, submit, token, busy: create.isPending };
}

/** Creates an API token (name, read/write scopes, expiry); the secret is shown once. */
export function TokenForm() {
  const { t } = useTranslation();
  const { form, submit, token, busy } = useTokenForm();
  return (
    <Stack gap="md">
      {token && <NewToken token={token} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t('profile.tokens.name')}
              placeholder={t('profile.tokens.namePlaceholder')}
              required
              style={{ flex: '1 1 14rem' }}
              {...form.text('name')}
            />
            <NumberInput
              label={t('profile.tokens.expiresInDays')}
              min={1}
              max={3650}
              w={170}
              value={form.values.expiresInDays}
              onChange={(v) => form.set('expiresInDays', v)}
              error={form.errors.expiresInDays}
            />
          </Group>
          <Checkbox.Group
            label={t('profile.tokens.scopes')}
            value={form.values.scopes}
            onChange={(v) => form.set('scopes', v as TokenScope[])}
            error={form.errors.scopes}
            required
          >
            <Group gap="lg" mt={6}>
              <Checkbox value="read" label={t('profile.tokens.read')} />
              <Checkbox value="write" label={t('profile.tokens.write')} />
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('profile.tokens.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
