import { Paper, Tabs, Text, Textarea } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../ui/Markdown.tsx';
import type { ArticleForm } from './useArticleForm.ts';

/**
 * The Markdown body, with « Aperçu » rendered by the same safe renderer as the server (so what the
 * author previews is exactly what readers get).
 */
export function BodyField({ form }: { form: ArticleForm }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  const body = form.values.body;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
      <Tabs.List aria-label={t('kb.editor.modes')}>
        <Tabs.Tab value="write" leftSection={<IconPencil size={14} aria-hidden />}>
          {t('kb.editor.write')}
        </Tabs.Tab>
        <Tabs.Tab value="preview" leftSection={<IconEye size={14} aria-hidden />}>
          {t('kb.editor.preview')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="sm">
        <Textarea
          label={t('kb.editor.body')}
          description={t('kb.editor.bodyHelp')}
          autosize
          minRows={14}
          maxRows={40}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '0.9rem' } }}
          {...form.text('body')}
          data-testid="kb-body"
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="sm">
        <Paper withBorder p="md" mih={200} data-testid="kb-preview">
          {body.trim() ? (
            <Markdown text={body} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('kb.editor.previewEmpty')}
            </Text>
          )}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
