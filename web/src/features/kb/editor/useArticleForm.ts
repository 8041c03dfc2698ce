import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateKbArticle, useUpdateKbArticle } from '../../../api/kb.ts';
import type { KbArticle, KbArticleInput, KbAudience, KbType } from '../../../api/kb-types.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';

export type AudienceKind = KbAudience['kind'];

export interface ArticleValues {
  title: string;
  body: string;
  type: KbType;
  spaceId: string;
  audienceKind: AudienceKind;
  /** Requesters of every site, or of the sites listed. */
  siteScope: 'all' | 'some';
  siteIds: string[];
  teamIds: string[];
  serviceIds: string[];
  ownerId: string | null;
  /** `YYYY-MM-DD` or empty. */
  reviewAt: string;
  note: string;
  version: number;
}

/** The form's values for an article (or a new one, in the first space, for every requester). */
export function toValues(a: KbArticle | null, defaults: { spaceId?: string; ownerId?: string } = {}): ArticleValues {
  const audience = a?.audience ?? { kind: 'requesters', siteIds: [] };
  return {
    title: a?.title ?? '',
    body: a?.body ?? '',
    type: a?.type ?? 'faq',
    spaceId: a?.spaceId ?? defaults.spaceId ?? '',
    audienceKind: audience.kind,
    siteScope: audience.kind === 'requesters' && audience.siteIds.length > 0 ? 'some' : 'all',
    siteIds: audience.kind === 'requesters' ? audience.siteIds : [],
    teamIds: audience.kind === 'teams' ? audience.teamIds : [],
    serviceIds: a?.serviceIds ?? [],
    ownerId: a ? a.ownerId : (defaults.ownerId ?? null),
    reviewAt: a?.reviewAt ?? '',
    note: '',
    version: a?.version ?? 0,
  };
}

function toAudience(v: ArticleValues): KbAudience {
  if (v.audienceKind === 'staff') return { kind: 'staff' };
  if (v.audienceKind === 'teams') return { kind: 'teams', teamIds: v.teamIds };
  return { kind: 'requesters', siteIds: v.siteScope === 'some' ? v.siteIds : [] };
}

function toInput(v: ArticleValues): KbArticleInput {
  return {
    spaceId: v.spaceId,
    title: v.title.trim(),
    body: v.body,
    type: v.type,
    audience: toAudience(v),
    serviceIds: v.serviceIds,
    ownerId: v.ownerId,
    reviewAt: v.reviewAt || null,
  };
}

/** Values that a save would change (the note alone changes nothing). */
const comparable = ({ note: _note, version: _version, ...rest }: ArticleValues) => JSON.stringify(rest);

/**
 * The editor's state: create (then go to the new article's address) or save with the version the form
 * was loaded with — a 409 keeps the text typed and offers the current article (« Modifié entre-temps »).
 */
export function useArticleForm(article: KbArticle | null, defaults: { spaceId?: string; ownerId?: string }) {
  const { t } = useTranslation();
  const check = useChecks();
  const navigate = useNavigate();
  const create = useCreateKbArticle();
  const update = useUpdateKbArticle(article?.id ?? '');
  const [base, setBase] = useState(() => toValues(article, defaults));
  const form = useForm<ArticleValues>(base, (v) =>
    compact({
      title: check.required(v.title),
      spaceId: check.required(v.spaceId),
      siteIds:
        v.audienceKind === 'requesters' && v.siteScope === 'some' && v.siteIds.length === 0
          ? t('kb.audience.pickSite')
          : undefined,
      teamIds: v.audienceKind === 'teams' && v.teamIds.length === 0 ? t('kb.audience.pickTeam') : undefined,
    }),
  );
  /** Loads an article the server returned (after a save, a transition, a restore or a conflict). */
  const load = (next: KbArticle) => {
    const values = toValues(next);
    setBase(values);
    form.reset(values);
  };
  const submit = form.submit(async (v) => {
    if (!article) {
      const created = await create.mutateAsync(toInput(v));
      notifications.show({ message: t('kb.editor.created'), color: 'green' });
      navigate(`/base-de-connaissances/${created.id}`, { replace: true });
      return;
    }
    const saved = await update.mutateAsync({
      ...toInput(v),
      version: v.version,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    load(saved);
    notifications.show({ message: t('kb.editor.saved'), color: 'green' });
  });
  const dirty = comparable(form.values) !== comparable(base) || form.values.note.trim() !== '';
  return { form, submit, load, dirty, busy: create.isPending || update.isPending };
}
export type ArticleForm = ReturnType<typeof useArticleForm>['form'];
