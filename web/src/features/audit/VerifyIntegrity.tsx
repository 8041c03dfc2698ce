import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuditVerify } from '../../api/audit.ts';
import { ErrorBox } from '../../ui/QueryState.tsx';

function describeRow(row: unknown): string {
  if (row && typeof row === 'object') {
    const r = row as { seq?: number; id?: string; reason?: string };
    return [r.seq !== undefined ? `#${r.seq}` : r.id, r.reason].filter(Boolean).join(' — ');
  }
  return String(row ?? '?');
}

/** "Vérifier l'intégrité": recomputes the hash chain on the server and says OK or names the first broken row. */
export function VerifyIntegrity() {
  const { t } = useTranslation();
  const verify = useAuditVerify();
  const report = verify.data;
  return (
    <Stack gap="sm">
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={16} aria-hidden />}
        loading={verify.isFetching}
        onClick={() => void verify.refetch()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite">
        {verify.isError && <ErrorBox error={verify.error} />}
        {report?.ok && !verify.isFetching && (
          <Alert
            color="green"
            variant="light"
            icon={<IconShieldCheck aria-hidden />}
            title={t('audit.verifyOkTitle')}
            data-testid="audit-verify-ok"
          >
            {t('audit.verifyOk', { rows: report.rows })}
          </Alert>
        )}
        {report && !report.ok && !verify.isFetching && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('audit.verifyBrokenTitle')}
            data-testid="audit-verify-broken"
          >
            {t('audit.verifyBroken', { row: describeRow(report.firstBroken) })}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
