/**
 * Satisfaction surveys: opened in the transaction that resolves a request (requests.hooks.ts), then
 * e-mailed through an outbox — the survey row carries `mailed_at`, a sender claims the row (a lease)
 * before sending, so the listener that fires right after commit and the minute task that picks up
 * leftovers never both send; a failed send releases the claim for the next tick.
 */
import { sql } from 'kysely';
import { type Locale, translate } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId, newSecret, nowIso, sha256 } from '../../platform/ids.ts';
import { eachItem, registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import { onRequestWritten } from '../requests/requests.hooks.ts';
import { lastAnswer } from '../requests/requests.repository.ts';
import { outboundMessageId, recordOutbound } from '../mail/mail.outbound.ts';

/** Days during which a rating can be given or changed, from the resolution that opened the survey. */
export const CSAT_WINDOW_DAYS = 7;
/** A sender's claim on a mail expires after this: a crashed sender's mail is sent by the next tick. */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 200;

/**
 * Opens the survey of a request that has just become resolved, if its service asks for one. Once per
 * request (unique request_id): a request reopened then resolved again keeps its first survey. Snapshots
 * team, site, service, assistant and requester so that later moves do not rewrite the figures.
 */
export async function openSurvey(trx: Kdb, scope: Scope, requestId: string): Promise<void> {
  const row = await tenant
    .selectFrom(trx, scope, 'requests')
    .leftJoin('services', 'services.id', 'requests.service_id')
    .leftJoin('csat_surveys', 'csat_surveys.request_id', 'requests.id')
    .select([
      'requests.status',
      'requests.resolved_at',
      'requests.service_id',
      'requests.team_id',
      'requests.site_id',
      'requests.assignee_id',
      'requests.requester_id',
      'services.csat_enabled',
      'csat_surveys.id as survey_id',
    ])
    .where('requests.id', '=', requestId)
    .executeTakeFirst();
  if (row?.status !== 'resolved' || row.survey_id || row.csat_enabled === false) return;
  const at = row.resolved_at ?? requestNow();
  const closes = new Date(Date.parse(at) + CSAT_WINDOW_DAYS * 86_400_000).toISOString();
  await trx
    .insertInto('csat_surveys')
    .values(
      tenant.values(scope, [
        {
          id: newId(),
          request_id: requestId,
          service_id: row.service_id,
          team_id: row.team_id,
          site_id: row.site_id,
          assignee_id: row.assignee_id,
          requester_id: row.requester_id,
          created_at: at,
          closes_at: closes,
          updated_at: at,
        },
      ]),
    )
    .onConflict((oc) => oc.column('request_id').doNothing())
    .execute();
}

onRequestWritten((trx, _database, scope, requestId) => openSurvey(trx, scope, requestId));

/** Takes the survey's mail for this sender with a fresh link token; null when another sender has it or it was sent. */
async function claim(db: Kdb, scope: Scope, id: string, now: Date): Promise<string | null> {
  const token = newSecret(32);
  const leaseStart = new Date(now.getTime() - LEASE_MS).toISOString();
  const res = await tenant
    .updateTable(db, scope, 'csat_surveys')
    .set({ token_hash: sha256(token), mail_claimed_at: now.toISOString(), mail_attempts: sql`mail_attempts + 1` as never })
    .where('id', '=', id)
    .where('mailed_at', 'is', null)
    .where((eb) => eb.or([eb('mail_claimed_at', 'is', null), eb('mail_claimed_at', '<', leaseStart)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? token : null;
}

/** The resolution mail in the requester's language: the answer, five one-click ratings to confirm, the page. */
export function surveyMail(
  locale: Locale,
  base: string,
  token: string,
  v: { name: string; reference: string; title: string; summary: string | null },
) {
  const link = `${base}/satisfaction/${token}`;
  const sep = locale === 'fr' ? '\u00a0: ' : ': ';
  const links = [1, 2, 3, 4, 5].map((n) => `${n}/5 — ${translate(locale, `csat.scale.${n}`)}${sep}${link}?note=${n}`).join('\n');
  const summary = v.summary ?? translate(locale, 'mail.csat.noSummary');
  return {
    subject: translate(locale, 'mail.csat.subject', { reference: v.reference }),
    text: translate(locale, 'mail.csat.body', { ...v, summary, links, link }),
  };
}

/** Sends one survey's mail if it is still due and this sender wins the claim; true when this call sent it. */
async function mailSurvey(deps: Deps, organizationId: string, id: string, now: Date): Promise<boolean> {
  const db = deps.database.db;
  const scope = { organizationId };
  const token = await claim(db, scope, id, now);
  if (!token) return false;
  try {
    const s = await tenant
      .selectFrom(db, scope, 'csat_surveys')
      .innerJoin('requests', 'requests.id', 'csat_surveys.request_id')
      .innerJoin('users', 'users.id', 'csat_surveys.requester_id')
      .select(['requests.id as request_id', 'requests.reference', 'requests.title', 'requests.requester_id'])
      .select(['users.email', 'users.display_name', 'users.locale', 'users.disabled'])
      .where('csat_surveys.id', '=', id)
      .executeTakeFirstOrThrow();
    if (!s.disabled) {
      const summary = await lastAnswer(db, scope, s.request_id, s.requester_id);
      const locale: Locale = s.locale === 'en' ? 'en' : 'fr';
      const v = { name: s.display_name, reference: s.reference, title: s.title, summary };
      // A recorded Message-ID: a reply to the resolution mail threads into the request (mail.outbound.ts).
      const messageId = outboundMessageId(deps, id);
      await recordOutbound(db, organizationId, s.request_id, messageId);
      await deps.mailer.send({ to: s.email, messageId, ...surveyMail(locale, deps.config.baseUrl, token, v) });
    }
    await tenant.updateTable(db, scope, 'csat_surveys').set({ mailed_at: nowIso() }).where('id', '=', id).execute();
    return true;
  } catch (err) {
    await tenant.updateTable(db, scope, 'csat_surveys').set({ mail_claimed_at: null }).where('id', '=', id).execute();
    throw err;
  }
}

/** Right after a commit: the survey a request write may just have opened. */
export async function mailSurveyOfRequest(deps: Deps, organizationId: string, requestId: string): Promise<boolean> {
  const row = await tenant
    .selectFrom(deps.database.db, { organizationId }, 'csat_surveys')
    .select('id')
    .where('request_id', '=', requestId)
    .where('mailed_at', 'is', null)
    .executeTakeFirst();
  return row ? mailSurvey(deps, organizationId, row.id, new Date()) : false;
}

/**
 * The leftovers (a send that failed, a process that stopped between commit and send): every survey still
 * open and not mailed, in every organisation — the system's own read; each claim goes through its tenant.
 */
export async function mailPendingSurveys(deps: Deps, now = new Date()): Promise<number> {
  const rows = await deps.database.db
    .selectFrom('csat_surveys')
    .select(['id', 'organization_id'])
    .where('mailed_at', 'is', null)
    .where('mail_attempts', '<', MAX_ATTEMPTS)
    .where('closes_at', '>', now.toISOString())
    .orderBy('created_at')
    .limit(BATCH)
    .execute();
  // One bad address must not hold back the others: go on, then report the first failure to the scheduler.
  return eachItem(rows, async (r) => ((await mailSurvey(deps, r.organization_id, r.id, now)) ? 1 : 0));
}

registerTask({
  name: 'csat-mail',
  everyMs: 60_000,
  async run(deps, now) {
    await mailPendingSurveys(deps, now);
  },
});

let paused = 0;

/** Runs `fn` without the after-commit mail (the demo seed resolves requests whose surveys it marks as mailed). */
export async function withoutSurveyMail<T>(fn: () => Promise<T>): Promise<T> {
  paused++;
  try {
    return await fn();
  } finally {
    paused--;
  }
}

/** Mails the survey of every request write right after its commit; the minute task catches what this misses. */
export function listenForSurveys(deps: Deps, log: (err: unknown) => void): () => void {
  return deps.events.subscribe((e) => {
    if (paused > 0 || e.targetType !== 'request' || !e.targetId) return;
    mailSurveyOfRequest(deps, e.organizationId, e.targetId).catch(log);
  });
}
