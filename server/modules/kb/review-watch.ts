/**
 * The review watch: once an hour, each published article whose review date has come (organisation
 * time) and that was not flagged since that date gets one e-mail to its owner and the organisation's
 * coordinators (each in their own language), `review_notified_at` and an audit row. Idempotent: the
 * flag is set by a compare-and-set, so a second pass, or another node's, sends nothing more.
 */
import { DateTime } from 'luxon';
import { type Locale, translate } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import { systemActor } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OutgoingMail } from '../../platform/mailer.ts';
import { registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { KB_ZONE, kbToday } from './kb.repository.ts';

interface Due {
  id: string;
  organization_id: string;
  title: string;
  review_on: string | null;
  owner_id: string | null;
  space_name: string;
  review_notified_at: string | null;
}

/** Start of a review day in organisation time, as an ISO instant. */
const dayStart = (day: string) => DateTime.fromISO(day, { zone: KB_ZONE }).toUTC().toISO() ?? '';

/**
 * Published articles whose review day has come and that were not flagged since that day began (never,
 * or for an earlier date). Past-due articles stay few (someone sets a new date), so the flag is compared in the app.
 */
async function dueArticles(deps: Deps, today: string): Promise<Due[]> {
  const rows = await deps.database.db
    .selectFrom('kb_articles')
    .innerJoin('kb_spaces', 'kb_spaces.id', 'kb_articles.space_id')
    .select(['kb_articles.id', 'kb_articles.organization_id', 'kb_articles.title', 'kb_articles.review_on'])
    .select(['kb_articles.owner_id', 'kb_articles.review_notified_at', 'kb_spaces.name as space_name'])
    .where('kb_articles.status', '=', 'published')
    .where('kb_articles.review_on', '<=', today)
    .orderBy('kb_articles.review_on')
    .orderBy('kb_articles.id')
    .execute();
  return rows.filter((r) => !r.review_notified_at || r.review_notified_at < dayStart(r.review_on ?? ''));
}

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

/** The owner (if still a member) and the coordinators of the article's organisation, once each. */
async function recipients(db: Kdb, organizationId: string, ownerId: string | null): Promise<Recipient[]> {
  const rows = await tenant
    .selectFrom(db, { organizationId }, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale'])
    .where('users.disabled', '=', false)
    .where((eb) => eb.or([eb('memberships.role', '=', 'coordinator'), eb('memberships.user_id', '=', ownerId ?? '')]))
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ email: r.email, name: r.display_name, locale: r.locale === 'en' ? 'en' : 'fr' }));
}

function reviewMail(deps: Deps, a: Due, to: Recipient): OutgoingMail {
  const date = DateTime.fromISO(a.review_on ?? '', { zone: KB_ZONE })
    .setLocale(to.locale)
    .toLocaleString(DateTime.DATE_FULL);
  const vars = {
    name: to.name,
    title: a.title,
    space: a.space_name,
    date,
    link: `${deps.config.baseUrl}/base-de-connaissances/${a.id}`,
  };
  return {
    to: to.email,
    subject: translate(to.locale, 'mail.kb_review.subject', vars),
    text: translate(to.locale, 'mail.kb_review.body', vars),
  };
}

/** Flags one article (compare-and-set on the flag seen by the scan) with its audit row; true when this pass is the one that flagged it. */
async function flag(deps: Deps, a: Due, at: string): Promise<boolean> {
  const ctx: Ctx = { database: deps.database, events: deps.events, actor: systemActor(a.organization_id), ip: '127.0.0.1' };
  return withTransaction(ctx, async (trx, record) => {
    const res = await tenant
      .updateTable(trx, { organizationId: a.organization_id }, 'kb_articles')
      .set({ review_notified_at: at })
      .where('id', '=', a.id)
      .where('status', '=', 'published')
      .where('review_on', '=', a.review_on)
      .where('review_notified_at', a.review_notified_at ? '=' : 'is', a.review_notified_at)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const summary = { title: a.title, reviewAt: a.review_on };
    await record({ action: 'kb.article.review_due', targetType: 'kb_article', targetId: a.id, summary });
    return true;
  });
}

/** One pass at `now` (tests pass fixed instants). Returns how many articles were flagged. */
export async function scanReviews(deps: Deps, now: Date): Promise<number> {
  const at = now.toISOString();
  let flagged = 0;
  for (const a of await dueArticles(deps, kbToday(now))) {
    if (!(await flag(deps, a, at))) continue;
    flagged++;
    for (const to of await recipients(deps.database.db, a.organization_id, a.owner_id))
      await deps.mailer.send(reviewMail(deps, a, to));
  }
  return flagged;
}

registerTask({
  name: 'kb-review-watch',
  everyMs: 3600_000,
  async run(deps, now) {
    await scanReviews(deps, now);
  },
});
