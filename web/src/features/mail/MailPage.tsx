import { Card, Radio, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_SENDER_POLICIES, type UnknownSenderPolicy, useMailSettings, useUpdateMailSettings } from '../../api/mail.ts';
import { useMe } from '../../api/me.ts';
import { Page } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { MailAddresses } from './MailAddresses.tsx';
import { MailImap } from './MailImap.tsx';
import { MailQuarantine } from './MailQuarantine.tsx';

/** The policy for mail from people who are not members of the organisation. */
function UnknownSenderPolicyCard() {
  const { t } = useTranslation();
  const query = useMailSettings();
  const update = useUpdateMailSettings();
  // Shown at once; the server's answer (or an error) settles it.
  const [chosen, setChosen] = useState<UnknownSenderPolicy | null>(null);
  const choose = (v: string) => {
    setChosen(v as UnknownSenderPolicy);
    update.mutate(v as UnknownSenderPolicy, { onError: () => setChosen(null) });
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h3" mb="sm">
        {t('mail.policy.title')}
      </Title>
      <QueryState query={query}>
        {(s) => (
          <Radio.Group label={t('mail.policy.help')} value={chosen ?? s.unknownSender} onChange={choose}>
            <Stack gap="xs" mt="sm">
              {UNKNOWN_SENDER_POLICIES.map((p) => (
                <Radio
                  key={p}
                  value={p}
                  label={t(`mail.policy.${p}`)}
                  disabled={!s.allowedActions.includes('mail_settings.update')}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </QueryState>
    </Card>
  );
}

/** /admin/courrier: inbound addresses, IMAP mailboxes, the unknown-sender policy and the quarantine. */
export function MailPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <Page title={t('mail.title')} testId="mail-page" description={t('mail.description')}>
      <MailAddresses canManage={!!me && can(me, 'mail_address.create')} />
      <MailImap canManage={!!me && can(me, 'mail_imap.read')} />
      <UnknownSenderPolicyCard />
      <MailQuarantine />
    </Page>
  );
}
