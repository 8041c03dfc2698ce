import { Alert, Anchor, Badge, Button, Grid, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteKbArticle, useKbArticle, useKbSpaces } from '../../../api/kb.ts';
import type { KbArticle } from '../../../api/kb-types.ts';
import { useMe } from '../../../api/me.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Loading, QueryState } from '../../../ui/QueryState.tsx';
import { StatusBadge } from '../parts.tsx';
import { BodyField } from './BodyField.tsx';
import { MetaFields } from './MetaFields.tsx';
import { Revisions } from './Revisions.tsx';
import { Transitions } from './Transitions.tsx';
import { useArticleForm } from './useArticleForm.ts';

function DeleteButton({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteKbArticle();
  if (!article.allowedActions.includes('kb.delete')) return null;
  return (
    <ConfirmButton
      message={t('kb.editor.deleteConfirm', { title: article.title })}
      confirmLabel={t('common.delete')}
      onConfirm={async () => {
        await remove.mutateAsync(article.id);
        notifications.show({ message: t('kb.editor.deleted'), color: 'green' });
        navigate('/base-de-connaissances');
      }}
    >
      {t('kb.editor.delete')}
    </ConfirmButton>
  );
}

function Header({ article, dirty }: { article: KbArticle; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} style={{ columnGap: 'var(--mantine-spacing-md)' }} component="span" wrap="wrap">
      <StatusBadge status={article.status} />
      <span>{t('kb.editor.revision', { number: article.revision })}</span>
      <span>{t('kb.editor.views', { count: article.views })}</span>
      <span>{t('kb.editor.votes', { helpful: article.helpful, unhelpful: article.unhelpful })}</span>
      {dirty && (
        <Badge component="span" variant="light" color="orange" tt="none">
          {t('kb.editor.unsaved')}
        </Badge>
      )}
    </Group>
  );
}

/** The form of one article (or of a new one when `article` is null). */
function Editor({ article }: { article: KbArticle | null }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const firstSpace = useKbSpaces().data?.items[0]?.id;
  const { form, submit, load, dirty, busy } = useArticleForm(article, { spaceId: firstSpace, ownerId: me?.user.id });
  const actions = article && (
    <>
      <Transitions article={article} dirty={dirty} onDone={load} />
      {article.status === 'published' && (
        <Button
          component={Link}
          to={`/aide/${article.id}`}
          variant="subtle"
          leftSection={<IconExternalLink size={16} aria-hidden />}
        >
          {t('kb.editor.open')}
        </Button>
      )}
      <DeleteButton article={article} />
    </>
  );
  return (
    <Page
      title={article?.title ?? t('kb.editor.newTitle')}
      testId="page-kb-editor"
      description={article ? <Header article={article} dirty={dirty} /> : undefined}
      actions={actions}
    >
      {article?.sourceRequestId && article.status === 'draft' && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('kb.editor.fromRequest')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={article?.title ?? t('kb.editor.newTitle')}>
        <ConflictNotice current={form.conflict} onReload={(c) => c && load(c as KbArticle)} />
        <FormError message={form.formError} />
        <Grid gap="lg" mt={form.conflict !== undefined || form.formError ? 'md' : 0}>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <TextInput label={t('kb.editor.title')} required {...form.text('title')} data-autofocus />
              <BodyField form={form} />
              {article && (
                <TextInput label={t('kb.editor.note')} placeholder={t('kb.editor.notePlaceholder')} {...form.text('note')} />
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={busy} disabled={!!article && !dirty}>
                  {article ? t('kb.editor.save') : t('kb.editor.create')}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <MetaFields form={form} />
          </Grid.Col>
        </Grid>
      </form>
      {article && <Revisions article={article} onRestored={load} />}
    </Page>
  );
}

/** `/base-de-connaissances/:id` and `/base-de-connaissances/nouveau`: the article editor. */
export function ArticleEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const creating = !id || id === 'nouveau';
  const query = useKbArticle(creating ? undefined : id);
  const spaces = useKbSpaces();
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/base-de-connaissances" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('kb.editor.back')}
        </Group>
      </Anchor>
      {creating ? (
        spaces.isPending ? (
          <Loading />
        ) : (
          <Editor article={null} />
        )
      ) : (
        <QueryState query={query}>{(article) => <Editor key={article.id} article={article} />}</QueryState>
      )}
    </Stack>
  );
}
