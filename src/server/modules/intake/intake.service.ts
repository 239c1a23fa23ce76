/**
 * Public intake: the school's web form and the private status page, for people without an
 * account. This module owns what is specific to the public channel — the school's page data,
 * the 152-FZ consent texts and their versions, the spam protection (proof of work, honeypot; the
 * per-IP limits are on the routes) and the topic questions — and hands everything about requests
 * to the request engine (requests.service.ts: createPublicRequest, resolveStatusToken,
 * addRequesterReply, requesterAction, getRequesterAttachment). It never touches the engine's tables.
 */
import { randomBytes } from 'node:crypto';
import { isEmailAddress, isPhoneNumber, isSchoolClass } from '../../../domain/contacts.ts';
import { checkWording, type Wording, type WordingField } from '../../../domain/requests/wording.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../../../domain/requests/attachments.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Deps } from '../../deps.ts';
import { authorize } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrganizationBySlugInternal, findOrganizationInternal } from '../organizations/organizations.service.ts';
import { DESK_KINDS, getDeskSettings, listPublicCategories, loadDesk, type CategoryNode } from '../requests/desk.service.ts';
import * as requests from '../requests/requests.service.ts';
import type { UploadedFile } from '../requests/requests.service.ts';
import { describeWithDetails, detailLines, topicFor, type Details } from '../../../shared/intake-details.ts';
import * as repo from './intake.repository.ts';
import { issueChallenge, POW_DIFFICULTY, verifySolution, type PowProblem } from './pow.ts';

/** The version of the built-in consent text (catalogue key intake.consent.default). */
export const DEFAULT_CONSENT_VERSION = 'default-1';

export interface School {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** IANA time zone the school's dates are shown in (organizations.timezone). */
  timeZone: string;
}

/** An organisation that takes requests, by its public slug; NOT_FOUND otherwise. */
export async function schoolBySlug(deps: Deps, slug: string): Promise<School> {
  const org = await findOrganizationBySlugInternal(deps, slug);
  if (!org || !(DESK_KINDS as readonly string[]).includes(org.kind))
    throw new AppError('NOT_FOUND', { messageKey: 'intake.error.schoolNotFound' });
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    shortName: org.shortName,
    kind: org.kind,
    address: org.address,
    phone: org.phone,
    email: org.email,
    website: org.website,
    timeZone: org.timezone,
  };
}

// ---- consent (152-FZ) ----

export interface ConsentText {
  version: string;
  text: string;
  custom: boolean;
  createdAt: Date | null;
}

function defaultConsent(ctx: Pick<RequestContext, 'locale'>, school: Pick<School, 'name' | 'address'>): ConsentText {
  const text = translate(ctx.locale, 'intake.consent.default', {
    org: school.name,
    address: school.address ? translate(ctx.locale, 'intake.consent.address', { address: school.address }) : '',
  });
  return { version: DEFAULT_CONSENT_VERSION, text, custom: false, createdAt: null };
}

/** The consent text the form shows now: the organisation's newest own text, else the built-in one. */
export async function currentConsent(
  deps: Deps,
  ctx: Pick<RequestContext, 'locale'>,
  school: Pick<School, 'id' | 'name' | 'address'>,
): Promise<ConsentText> {
  const own = await repo.currentConsentText(deps.db, school.id);
  return own ? { version: own.version, text: own.text, custom: true, createdAt: own.createdAt } : defaultConsent(ctx, school);
}

/**
 * The text of a consent version an organisation showed (for a person's data export): its own text
 * of that version, the built-in text for the built-in version, null when unknown.
 */
export async function consentTextOf(
  deps: Deps,
  ctx: Pick<RequestContext, 'locale'>,
  organizationId: string,
  version: string,
): Promise<string | null> {
  const own = await repo.findConsentText(deps.db, organizationId, version);
  if (own) return own.text;
  if (version !== DEFAULT_CONSENT_VERSION) return null;
  const org = await findOrganizationInternal(deps, organizationId);
  return org ? defaultConsent(ctx, org).text : null;
}

/** A version the person may have seen: the current one, or an earlier text of this organisation. */
async function assertConsentVersion(deps: Deps, ctx: RequestContext, school: School, version: string): Promise<void> {
  const current = await currentConsent(deps, ctx, school);
  if (current.version === version) return;
  if (await repo.findConsentText(deps.db, school.id, version)) return;
  throw new AppError('VALIDATION', { fields: { consent: { key: 'intake.field.consentOutdated' } } });
}

/** Consent texts of an organisation for its head and admins: the current one and the history. */
export async function getConsentSettings(deps: Deps, ctx: RequestContext, organizationId: string) {
  const org = await findOrganizationInternal(deps, organizationId);
  if (!org) throw new AppError('NOT_FOUND');
  await getDeskSettings(deps, ctx, organizationId); // desk staff only, and only desks
  const history = await repo.listConsentTexts(deps.db, organizationId);
  return {
    organization: { id: org.id, slug: org.slug, name: org.name },
    formPath: `/s/${org.slug}/request`,
    formUrl: `${deps.config.publicUrl}/s/${org.slug}/request`,
    current: await currentConsent(deps, ctx, org),
    history: history.map((row) => ({ version: row.version, text: row.text, createdAt: row.createdAt })),
  };
}

/** A new consent text (head, admin): it gets the next version `vN`; earlier versions are kept. */
export async function updateConsentText(deps: Deps, ctx: RequestContext, organizationId: string, text: string) {
  return deps.db.transaction().execute(async (tx) => {
    const desk = await loadDesk(tx, organizationId);
    authorize(ctx, 'settings.manage', desk.org.path);
    const trimmed = text.trim();
    if (trimmed.length < 20) throw new AppError('VALIDATION', { fields: { text: { key: 'field.tooShort', params: { min: 20 } } } });
    const version = `v${(await repo.countConsentTexts(tx, organizationId)) + 1}`;
    const row = await repo.insertConsentText(tx, {
      organizationId,
      version,
      text: trimmed,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'intake_consent.update',
      entityType: 'intake_consent',
      entityId: organizationId,
      after: { version, text: trimmed },
    });
    return { version: row.version, text: row.text, custom: true, createdAt: row.createdAt };
  });
}

// ---- the form ----

export interface PublicCategory {
  id: string;
  code: string;
  name: string;
  children: { id: string; code: string; name: string }[];
}

const publicCategories = (nodes: CategoryNode[]): PublicCategory[] =>
  nodes.map((node) => ({
    id: node.id,
    code: node.code,
    name: node.name,
    children: node.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
  }));

/** Everything the form page needs in one call. */
export async function formInfo(deps: Deps, ctx: RequestContext, slug: string) {
  const school = await schoolBySlug(deps, slug);
  const desk = await loadDesk(deps.db, school.id);
  return {
    school: {
      slug: school.slug,
      name: school.name,
      shortName: school.shortName,
      phone: school.phone,
      email: school.email,
      website: school.website,
      timeZone: school.timeZone,
    },
    categories: publicCategories(await listPublicCategories(deps, school.id)),
    consent: await currentConsent(deps, ctx, school),
    review: { termDays: desk.policy.reviewTermDays, termUnit: desk.policy.termUnit },
    attachments: {
      maxFiles: MAX_ATTACHMENTS_PER_MESSAGE,
      maxBytes: MAX_ATTACHMENT_BYTES,
      types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'],
    },
    pow: { difficulty: POW_DIFFICULTY },
  };
}

// ---- proof of work ----

let cachedSecret: { db: unknown; secret: Buffer } | null = null;

async function powSecret(deps: Deps): Promise<Buffer> {
  if (cachedSecret?.db === deps.db) return cachedSecret.secret;
  const secret = await repo.powSecret(deps.db, randomBytes(32));
  cachedSecret = { db: deps.db, secret };
  return secret;
}

export async function newChallenge(deps: Deps, slug: string) {
  const school = await schoolBySlug(deps, slug);
  return issueChallenge(await powSecret(deps), school.id, deps.clock.now());
}

const POW_MESSAGES: Record<PowProblem | 'replayed', 'intake.error.powInvalid' | 'intake.error.powExpired' | 'intake.error.powReplayed'> = {
  invalid: 'intake.error.powInvalid',
  wrong_school: 'intake.error.powInvalid',
  unsolved: 'intake.error.powInvalid',
  expired: 'intake.error.powExpired',
  replayed: 'intake.error.powReplayed',
};

function powError(problem: PowProblem | 'replayed'): AppError {
  return new AppError('VALIDATION', { messageKey: POW_MESSAGES[problem], details: { reason: `pow_${problem}` } });
}

/**
 * Checks the solution and spends the challenge. The same challenge is accepted again only with
 * the same submission key: a double submit, which the request engine answers with the stored request.
 */
async function spendProofOfWork(
  deps: Deps,
  school: School,
  pow: { challenge: string; nonce: string },
  idempotencyKey: string,
): Promise<void> {
  const now = deps.clock.now();
  const result = verifySolution(await powSecret(deps), pow, school.id, now);
  if (!result.ok) throw powError(result.problem);
  const spentWith = await repo.spendChallenge(deps.db, {
    challengeId: result.challenge.id,
    organizationId: school.id,
    idempotencyKey,
    expiresAt: result.challenge.expiresAt,
  });
  if (spentWith !== idempotencyKey) throw powError('replayed');
  if (Math.random() < 0.05) await repo.deleteExpiredChallenges(deps.db, now);
}

// ---- submitting ----

export interface PublicSubmission extends Wording {
  requesterKind: 'parent' | 'staff';
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  childClass?: string | null | undefined;
  categoryId?: string | null | undefined;
  details?: Details | undefined;
  consent: boolean;
  consentVersion: string;
  idempotencyKey: string;
  pow: { challenge: string; nonce: string };
  website?: string | undefined;
}

const blank = (value: string | null | undefined): boolean => (value ?? '').trim().length === 0;

/** The form's own checks, all at once, so the person sees every problem in one go. */
function checkSubmission(input: PublicSubmission): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  if (blank(input.name)) fields.name = { key: 'field.required' };
  else if (input.name.trim().length < 2) fields.name = { key: 'field.tooShort', params: { min: 2 } };
  const email = (input.email ?? '').trim();
  const phone = (input.phone ?? '').trim();
  if (!email && !phone) {
    fields.email = { key: 'intake.field.contactRequired' };
    fields.phone = { key: 'intake.field.contactRequired' };
  }
  if (email && !isEmailAddress(email)) fields.email = { key: 'field.email' };
  if (phone && !isPhoneNumber(phone)) fields.phone = { key: 'intake.field.phoneInvalid' };
  if (input.requesterKind === 'parent') {
    if (blank(input.childClass)) fields.childClass = { key: 'intake.field.childClassRequired' };
    else if (!isSchoolClass(input.childClass!.trim())) fields.childClass = { key: 'intake.field.childClassInvalid' };
  }
  if (!input.categoryId) fields.categoryId = { key: 'intake.field.categoryRequired' };
  if (!input.consent) fields.consent = { key: 'requests.field.consentRequired' };
  return fields;
}

function wordingProblems(input: PublicSubmission): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const result = checkWording(input, 'requester');
  for (const issue of result.errors) fields[issue.field] ??= { key: `requests.wording.${issue.code}` };
  return fields;
}

/** Field names of the request engine's errors → the form's field names. */
const ENGINE_FIELDS: Record<string, string> = { 'requester.name': 'name', 'requester.email': 'email', 'requester.phone': 'phone' };

function renameFields(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.options.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.options.fields).map(([name, problem]) => [ENGINE_FIELDS[name] ?? name, problem]));
  return new AppError(error.code, { ...error.options, fields });
}

/** The honeypot was filled in: a bot. Nothing is stored; the answer gives nothing away. */
function spamError(): AppError {
  return new AppError('VALIDATION', { messageKey: 'intake.error.rejected', details: { reason: 'rejected' } });
}

async function categoryCodes(deps: Deps, schoolId: string, categoryId: string | null | undefined) {
  if (!categoryId) return { code: null, parentCode: null };
  for (const top of await listPublicCategories(deps, schoolId)) {
    if (top.id === categoryId) return { code: top.code, parentCode: null };
    const child = top.children.find((c) => c.id === categoryId);
    if (child) return { code: child.code, parentCode: top.code };
  }
  return { code: null, parentCode: null }; // the engine rejects an unknown category with a field message
}

/** A submission of the public form: checks, spam protection, then the request engine. */
export async function submit(deps: Deps, ctx: RequestContext, slug: string, input: PublicSubmission, files: readonly UploadedFile[]) {
  const school = await schoolBySlug(deps, slug);
  if (!blank(input.website)) {
    deps.log.info({ requestId: ctx.requestId, school: school.slug }, 'public form: honeypot filled, submission dropped');
    throw spamError();
  }
  const fields = checkSubmission(input);
  const wording = wordingProblems(input);
  if (Object.keys(fields).length > 0) {
    if (fields.consent && Object.keys(fields).length === 1 && Object.keys(wording).length === 0) {
      throw new AppError('CONSENT_REQUIRED', { fields });
    }
    throw new AppError('VALIDATION', { fields: { ...wording, ...fields } });
  }
  if (Object.keys(wording).length > 0) throw new AppError('REQUEST_WORDING_UNCLEAR', { fields: wording });
  await assertConsentVersion(deps, ctx, school, input.consentVersion);
  await spendProofOfWork(deps, school, input.pow, input.idempotencyKey);

  const { code, parentCode } = await categoryCodes(deps, school.id, input.categoryId);
  const topic = topicFor(code, parentCode, input.requesterKind);
  const description = describeWithDetails(
    input.description,
    detailLines(input.details ?? {}, topic, (key) => translate(ctx.locale, key)),
  );
  try {
    const result = await requests.createPublicRequest(
      deps,
      ctx,
      {
        organizationId: school.id,
        requester: {
          kind: input.requesterKind,
          name: input.name.trim(),
          email: input.email?.trim() || null,
          phone: input.phone?.trim() || null,
        },
        childClass: input.requesterKind === 'parent' ? input.childClass?.trim() || null : null,
        categoryId: input.categoryId ?? null,
        subject: input.subject,
        whatDid: input.whatDid ?? null,
        expected: input.expected ?? null,
        happened: input.happened ?? null,
        description,
        consent: { given: input.consent, version: input.consentVersion },
        idempotencyKey: input.idempotencyKey,
      },
      files,
    );
    return {
      created: result.created,
      number: result.request.number,
      status: result.request.status,
      registeredAt: result.request.registeredAt,
      dueAt: result.request.dueAt,
      statusToken: result.statusToken,
      statusPath: result.statusToken ? `/status/${result.statusToken}` : null,
      statusUrl: result.statusUrl,
      emailed: !blank(input.email),
      timeZone: school.timeZone,
      wordingHints: result.wordingHints.map((hint) => ({ code: hint.code, field: hint.field as WordingField })),
    };
  } catch (error) {
    throw renameFields(error);
  }
}

// ---- the status page ----

export const attachmentBase = (token: string): string => `/api/public/status/${token}/attachments`;

async function withSchool<T extends { organization: { id: string } }>(deps: Deps, view: T) {
  const org = await findOrganizationInternal(deps, view.organization.id);
  const school = org
    ? { slug: org.slug, name: org.name, shortName: org.shortName, phone: org.phone, email: org.email, timeZone: org.timezone }
    : null;
  return { ...view, school };
}

function statusNotFound(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'NOT_FOUND')
    return new AppError('NOT_FOUND', { messageKey: 'intake.error.statusNotFound' });
  return error;
}

export async function statusView(deps: Deps, ctx: RequestContext, token: string) {
  try {
    return await withSchool(deps, await requests.resolveStatusToken(deps, ctx, token, { attachmentBase: attachmentBase(token) }));
  } catch (error) {
    throw statusNotFound(error);
  }
}

export async function reply(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  input: { body?: string | null | undefined; website?: string | undefined },
  files: readonly UploadedFile[],
) {
  if (!blank(input.website)) throw spamError();
  try {
    const view = await requests.addRequesterReply(deps, ctx, { kind: 'token', token }, { body: input.body ?? null }, files, {
      attachmentBase: attachmentBase(token),
    });
    return await withSchool(deps, view);
  } catch (error) {
    throw statusNotFound(error);
  }
}

export async function action(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  input: { action: 'reopen' | 'close'; body?: string | null | undefined },
) {
  try {
    const view = await requests.requesterAction(deps, ctx, { kind: 'token', token }, input, [], { attachmentBase: attachmentBase(token) });
    return await withSchool(deps, view);
  } catch (error) {
    throw statusNotFound(error);
  }
}

export async function attachment(deps: Deps, ctx: RequestContext, token: string, attachmentId: string) {
  return requests.getRequesterAttachment(deps, ctx, { kind: 'token', token }, attachmentId);
}
