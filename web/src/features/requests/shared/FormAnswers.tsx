import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../../common/catalog.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useZoned } from './format.ts';
import type { Lookups } from './lookups.ts';

type Props = {
  request: RequestDetail;
  lookups: Pick<Lookups, 'services' | 'userName' | 'siteName'>;
  /** The reader: a person answer naming them reads « Vous » when the people list is not available. */
  me?: { id: string; name: string };
};

/** One answer shown by its field type (dates as dd/MM/yyyy, yes/no in words, people and sites by name). */
function useAnswerText(lookups: Props['lookups'], request: RequestDetail, me: Props['me']) {
  const { t } = useTranslation();
  const zoned = useZoned();
  return (field: FormField | undefined, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    switch (field?.type) {
      case 'yes_no':
        return value ? t('requests.answers.yes') : t('requests.answers.no');
      case 'date':
        return typeof value === 'string' ? zoned.date(`${value}T12:00:00Z`, 'UTC') : String(value);
      case 'number':
        return typeof value === 'number' ? new Intl.NumberFormat(zoned.locale).format(value) : String(value);
      case 'multi_choice':
        return Array.isArray(value) ? value.join(', ') : String(value);
      case 'person':
        return lookups.userName(value) ?? (value === me?.id ? me.name : t('requests.answers.unknownPerson'));
      case 'site':
        return lookups.siteName(value) ?? t('requests.answers.unknownSite');
      case 'file': {
        const ids = Array.isArray(value) ? value : [value];
        return ids.map((id) => request.attachments.find((a) => a.id === id)?.fileName ?? t('requests.answers.file')).join(', ');
      }
      default:
        return Array.isArray(value) ? value.join(', ') : String(value);
    }
  };
}

/** The service's form answers, in the form's order (unknown keys last, as given). */
export function FormAnswers({ request, lookups, me }: Props) {
  const { t } = useTranslation();
  const form = lookups.services.find((s) => s.id === request.service?.id)?.form ?? [];
  const text = useAnswerText(lookups, request, me);
  const answers = request.answers ?? {};
  const keys = [
    ...form.map((f) => f.key).filter((k) => k in answers),
    ...Object.keys(answers).filter((k) => !form.some((f) => f.key === k)),
  ];
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.side.noAnswers')}
      </Text>
    );
  return (
    <Stack component="dl" gap={6} m={0} data-testid="form-answers">
      {keys.map((key) => {
        const field = form.find((f) => f.key === key);
        return (
          <div key={key}>
            <Text component="dt" size="xs" c="dimmed">
              {field?.label ?? key}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {text(field, answers[key])}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}
