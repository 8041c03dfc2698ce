import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockOff, IconLinkOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type PublicSurvey, useConfirmSurvey, usePublicSurvey } from '../../api/csat.ts';
import { Loading } from '../../ui/QueryState.tsx';
import { useZoned } from '../requests/shared/format.ts';
import { RatingForm } from './RatingForm.tsx';

/** `?note=3` from the e-mail's one-click links: only a preselection, never a recorded rating. */
function noteParam(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

function Facts({ survey }: { survey: PublicSurvey }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('csat.survey.request'), `${survey.reference} — ${survey.title}`],
    [t('csat.survey.site'), survey.siteName],
    [t('csat.survey.service'), survey.serviceName],
  ];
  return (
    <Stack gap={4} component="dl" m={0}>
      {rows
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <Text key={label} size="sm" component="div">
            <Text span fw={600} component="dt" display="inline">
              {label}
            </Text>
            <Text span component="dd" display="inline" ml={6}>
              {value}
            </Text>
          </Text>
        ))}
    </Stack>
  );
}

function Survey({ token, survey, preselect }: { token: string; survey: PublicSurvey; preselect: number | null }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const confirm = useConfirmSurvey(token);
  const [saved, setSaved] = useState<number | null>(null);
  const [closed, setClosed] = useState(!survey.changeable);
  const error = confirm.error;
  useEffect(() => {
    if (isApiError(error) && error.status === 409) setClosed(true);
  }, [error]);
  if (saved)
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t('csat.survey.thanks')}
        data-testid="csat-thanks"
      >
        <Stack gap="xs">
          <Text size="sm">{t('csat.survey.thanksText', { score: saved })}</Text>
          <Text size="sm">{t('csat.form.until', { date: zoned.dateTime(survey.closesAt) })}</Text>
          <Button variant="light" size="xs" w="fit-content" onClick={() => setSaved(null)}>
            {t('csat.form.change')}
          </Button>
        </Stack>
      </Alert>
    );
  if (closed)
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconClockOff aria-hidden />}
        title={t('csat.survey.closedTitle')}
        data-testid="csat-closed"
      >
        <Stack gap={4}>
          <Text size="sm">{t('csat.form.closed')}</Text>
          {survey.score && <Text size="sm">{t('csat.form.current', { score: survey.score })}</Text>}
        </Stack>
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('csat.survey.intro')}</Text>
      {survey.score && <Text size="sm">{t('csat.form.current', { score: survey.score })}</Text>}
      {error && !(isApiError(error) && error.status === 409) && (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      )}
      <RatingForm
        score={preselect ?? survey.score}
        comment={survey.comment}
        busy={confirm.isPending}
        submitLabel={t('csat.form.confirm')}
        onSubmit={(input) => confirm.mutate(input, { onSuccess: (data) => setSaved(data.score) })}
      />
      <Text size="xs" c="dimmed">
        {t('csat.form.until', { date: zoned.dateTime(survey.closesAt) })}
      </Text>
    </Stack>
  );
}

/** `/satisfaction/:token` (no login): the request the e-mail is about, the rating to confirm, thanks. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const query = usePublicSurvey(token);
  useEffect(() => {
    document.title = `${t('csat.survey.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <Stack gap="md" data-testid="csat-survey">
      <Title order={1} size="h2">
        {t('csat.survey.title')}
      </Title>
      {query.isPending && <Loading />}
      {query.isError && (
        <Alert color="orange" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {isApiError(query.error) && query.error.status === 404 ? t('csat.survey.unknown') : query.error.message}
            </Text>
            <Anchor component={Link} to="/" size="sm">
              {t('csat.survey.toApp')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {query.data && (
        <>
          <Facts survey={query.data} />
          <Survey token={token} survey={query.data} preselect={noteParam(params.get('note'))} />
        </>
      )}
    </Stack>
  );
}
