import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

function download(name: string, lines: string[]): void {
  const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes, shown once after enabling 2FA, with copy and download. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconKey aria-hidden />}
      title={t('profile.totp.recoveryTitle')}
      data-testid="recovery-codes"
    >
      <Stack gap="sm">
        <Text size="sm" c="dark.7">
          {t('profile.totp.recoveryHelp')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {codes.map((c) => (
            <Text component="li" key={c} ff="monospace" fw={600} size="sm">
              {c}
            </Text>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')}>
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
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => download(t('profile.totp.recoveryFile'), codes)}
          >
            {t('common.download')}
          </Button>
          <Button size="xs" onClick={onDone}>
            {t('profile.totp.recoveryDone')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
