import type { Selectable } from 'kysely';
import type { CsatSurveysTable } from '../../db/schema.ts';
import type { Kdb } from '../../db/database.ts';
import { type Actor, type Scope, systemActor } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { requestNow } from '../requests/request-sla.ts';
import { insertEvent, loadRequestSubject } from '../requests/requests.repository.ts';
import { CSAT_ACTIONS } from './csat.policy.ts';
import type { TRating } from './csat.schemas.ts';
import { assertLinkNotThrottled, recordLinkFailure } from './csat.throttle.ts';

type Survey = Selectable<CsatSurveysTable>;

const closed = () => new AppError('conflict', 'csat_closed', { reason: 'csat_closed' });
const noSurvey = () => new AppError('not_found', 'csat_no_survey');

/** Open while the window runs (7 days after the resolution, on the requests clock that tests can pin). */
function isOpen(s: Survey): boolean {
  return Date.parse(requestNow()) <= Date.parse(s.closes_at);
}

function presentRating(s: Survey) {
  return {
    surveyId: s.id,
    score: s.score,
    comment: s.comment,
    ratedAt: s.rated_at,
    ratedVia: s.rated_via,
    createdAt: s.created_at,
    closesAt: s.closes_at,
    changeable: isOpen(s),
  };
}

async function surveyOfRequest(db: Kdb, scope: Scope, requestId: string): Promise<Survey | undefined> {
  return tenant.selectFrom(db, scope, 'csat_surveys').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

/** A request's survey as its requester or a steering role sees it; `survey: null` when none was opened. */
export async function getRequestSatisfaction(ctx: Ctx, scope: Scope, requestId: string) {
  const survey = await surveyOfRequest(ctx.database.db, scope, requestId);
  const subject = await loadRequestSubject(ctx.database.db, scope, requestId);
  const actions = ctx.actor && subject ? allowedActions(ctx.actor, CSAT_ACTIONS, subject) : [];
  return { survey: survey ? presentRating(survey) : null, allowedActions: survey && isOpen(survey) ? actions : [] };
}

/**
 * Records or changes the rating (one per request), with an audit row and a public timeline line that
 * shows the score only — the comment stays with the steering roles. Compare-and-set on the version read.
 */
async function applyRating(ctx: Ctx, scope: Scope, survey: Survey, input: TRating, via: 'app' | 'link') {
  if (!isOpen(survey)) throw closed();
  const at = requestNow();
  const comment = input.comment?.trim() || null;
  await withTransaction(ctx, async (trx, record) => {
    const res = await tenant
      .updateTable(trx, scope, 'csat_surveys')
      .set({ score: input.score, comment, rated_at: at, rated_via: via, updated_at: at, version: survey.version + 1 })
      .where('id', '=', survey.id)
      .where('version', '=', survey.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('version_conflict', 'version_conflict');
    const changed = survey.score !== null;
    const data = { score: input.score, ...(changed ? { previous: survey.score } : {}) };
    await insertEvent(trx, scope, survey.request_id, {
      kind: 'csat_rated',
      public: true,
      actorId: survey.requester_id,
      data,
      at,
    });
    await record({
      action: changed ? 'csat.changed' : 'csat.rated',
      targetType: 'request',
      targetId: survey.request_id,
      summary: { ...data, via, comment: comment !== null, commentChanged: comment !== survey.comment },
    });
  });
  return presentRating((await surveyOfRequest(ctx.database.db, scope, survey.request_id)) as Survey);
}

/** In the app: the requester rates their own request (the policy's `self` rule has already checked who). */
export async function rateRequest(ctx: Ctx, scope: Scope, requestId: string, input: TRating) {
  const survey = await surveyOfRequest(ctx.database.db, scope, requestId);
  if (!survey) throw noSurvey();
  return { survey: await applyRating(ctx, scope, survey, input, 'app'), allowedActions: [...CSAT_ACTIONS] };
}

/**
 * The survey behind an e-mailed token, whatever the organisation (the token is the credential); unknown
 * tokens count against the caller's IP like failed logins.
 */
async function surveyOfToken(deps: Deps, token: string, ip: string): Promise<Survey> {
  const db = deps.database.db;
  await assertLinkNotThrottled(db, ip);
  const survey =
    token.length >= 32
      ? await db.selectFrom('csat_surveys').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst()
      : undefined;
  if (!survey) {
    await recordLinkFailure(db, ip);
    throw new AppError('not_found', 'csat_link_invalid');
  }
  return survey;
}

/** What the survey page shows: never records anything (mail scanners follow links). */
export async function getSurveyByToken(deps: Deps, token: string, ip: string) {
  const survey = await surveyOfToken(deps, token, ip);
  const scope = { organizationId: survey.organization_id };
  const r = await tenant
    .selectFrom(deps.database.db, scope, 'requests')
    .leftJoin('sites', 'sites.id', 'requests.site_id')
    .leftJoin('services', 'services.id', 'requests.service_id')
    .select(['requests.reference', 'requests.title', 'sites.name as site_name', 'services.name as service_name'])
    .where('requests.id', '=', survey.request_id)
    .executeTakeFirstOrThrow();
  const { surveyId: _, ...rating } = presentRating(survey);
  return { reference: r.reference, title: r.title, siteName: r.site_name, serviceName: r.service_name, ...rating };
}

/** The explicit confirmation from the survey page, recorded as the requester's own act. */
export async function rateByToken(deps: Deps, token: string, input: TRating, ip: string) {
  const survey = await surveyOfToken(deps, token, ip);
  const user = await deps.database.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale'])
    .where('id', '=', survey.requester_id)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    ...systemActor(survey.organization_id),
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale === 'en' ? 'en' : 'fr',
    isOperator: false,
    role: 'requester',
  };
  const ctx: Ctx = { database: deps.database, events: deps.events, actor, ip };
  await applyRating(ctx, { organizationId: survey.organization_id }, survey, input, 'link');
  return getSurveyByToken(deps, token, ip);
}
