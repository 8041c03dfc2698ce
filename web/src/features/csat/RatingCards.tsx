import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRateRequest, useRequestSatisfaction } from '../../api/csat.ts';
import type { Me, RequestDetail } from '../../api/types.ts';
import { can } from '../../ui/permissions.ts';
import { useZoned } from '../requests/shared/format.ts';
import { useNotifyError } from '../requests/view/useRequestActions.ts';
import { RatingForm, scoreColor } from './RatingForm.tsx';

const RATED = ['resolved', 'closed'];

/** The requester's rating of a resolved (or closed) request, in the app: give it, change it for 7 days. */
export function RequesterRatingCard({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const query = useRequestSatisfaction(request.id, RATED.includes(request.status));
  const rate = useRateRequest(request.id);
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState(false);
  const survey = query.data?.survey;
  if (!survey) return null;
  const canRate = !!query.data?.allowedActions.includes('csat.rate');
  const showForm = canRate && (editing || survey.score === null);
  return (
    <Card padding="md" component="section" aria-labelledby="csat-title" data-testid="csat-card">
      <Stack gap="sm">
        <Title order={2} size="h4" id="csat-title">
          {t('csat.card.title')}
        </Title>
        {survey.score !== null && !showForm && (
          <Group gap="xs">
            <Text>{t('csat.form.current', { score: survey.score })}</Text>
            {canRate && (
              <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
                {t('csat.form.change')}
              </Button>
            )}
          </Group>
        )}
        {showForm && (
          <>
            <Text size="sm">{t('csat.card.intro')}</Text>
            <RatingForm
              score={survey.score}
              comment={survey.comment}
              busy={rate.isPending}
              submitLabel={t('csat.form.confirm')}
              onSubmit={(input) =>
                rate.mutate(input, {
                  onSuccess: () => {
                    setEditing(false);
                    notifications.show({ message: t('csat.form.saved'), color: 'green' });
                  },
                  onError: notifyError,
                })
              }
            />
          </>
        )}
        <Text size="xs" c="dimmed">
          {survey.changeable
            ? t('csat.form.until', { date: zoned.dateTime(survey.closesAt, request.site?.timezone) })
            : t('csat.form.closed')}
        </Text>
      </Stack>
    </Card>
  );
}

/** The rating on the staff view, for the steering roles only (assistants never see their own ratings here). */
export function StaffRatingCard({ request, me }: { request: RequestDetail; me: Me }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const allowed = can(me, 'csat.report') && RATED.includes(request.status);
  const query = useRequestSatisfaction(request.id, allowed);
  if (!allowed || !query.data) return null;
  const survey = query.data.survey;
  return (
    <Card padding="md" component="section" aria-labelledby="csat-staff-title" data-testid="csat-staff-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={2} size="h4" id="csat-staff-title">
            {t('csat.card.staffTitle')}
          </Title>
          {survey?.score && (
            <Badge color={scoreColor(survey.score)} size="lg" tt="none">
              {survey.score}/5
            </Badge>
          )}
        </Group>
        {!survey && (
          <Text size="sm" c="dimmed">
            {t('csat.card.noSurvey')}
          </Text>
        )}
        {survey && !survey.score && (
          <Text size="sm" c="dimmed">
            {t('csat.card.notRated')}
          </Text>
        )}
        {survey?.score && (
          <>
            <Text size="sm">{t(`csat.scale.${survey.score}` as 'csat.scale.1')}</Text>
            {survey.comment && (
              <Stack gap={2}>
                <Text size="xs" fw={600}>
                  {t('csat.card.comment')}
                </Text>
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {survey.comment}
                </Text>
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {t('csat.card.ratedAt', { date: zoned.dateTime(survey.ratedAt, request.site?.timezone) })}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
