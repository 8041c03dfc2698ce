import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingInput } from '../../api/csat.ts';

const SCORES = [5, 4, 3, 2, 1] as const;

/** Badge colour of a score, dark enough for white text (axe contrast ≥ 4.5): teal, grey, red. */
export function scoreColor(score: number): string {
  return score >= 4 ? 'teal.9' : score === 3 ? 'gray.7' : 'red.9';
}

/** Score 1–5 (radio buttons, best first) and an optional comment; nothing is sent until the button is pressed. */
export function RatingForm({
  score: initialScore,
  comment: initialComment,
  busy,
  submitLabel,
  onSubmit,
}: {
  score: number | null;
  comment: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (input: RatingInput) => void;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState(initialScore ? String(initialScore) : '');
  const [comment, setComment] = useState(initialComment ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!score) return setMissing(true);
    onSubmit({ score: Number(score), comment: comment.trim() || null });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('csat.form.score')}
          value={score}
          onChange={(v) => {
            setScore(v);
            setMissing(false);
          }}
          error={missing ? t('csat.form.chooseScore') : undefined}
          withAsterisk
        >
          <Stack gap={8} mt={6}>
            {SCORES.map((n) => (
              <Radio key={n} value={String(n)} label={t('csat.option', { score: n, label: t(`csat.scale.${n}`) })} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('csat.form.comment')}
          description={t('csat.form.commentHelp')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} leftSection={<IconCheck size={16} aria-hidden />}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
