/**
 * A real installation's first run, from the `opora` command: `opora init` creates the region and
 * its first administrator, who then adds municipalities, schools and users in the workspace;
 * `opora password-link EMAIL` issues a new one-time link for any active user (a lost link, or no
 * e-mail configured yet). Nobody types a password on the command line, where the shell's history
 * would keep it: the administrator sets it on the link's page. The demo school is for trying
 * Opora out; `init` is for the school or region that runs it.
 */
import { isEmailAddress } from '../../domain/contacts.ts';
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/actor.ts';
import { CliError } from '../lib/cli-locale.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { findUserByEmail, insertMembership, insertUser } from '../modules/identity/identity.repository.ts';
import { issuePasswordLink, PASSWORD_LINK_TTL_HOURS } from '../modules/identity/identity.service.ts';
import { insertOrganization } from '../modules/organizations/organizations.repository.ts';
import { isDatabaseEmpty } from '../seed/demo.ts';
import { isTimeZoneName } from '../../domain/working-time/time-zone.ts';

export interface InitInput {
  /** The region's full name, e.g. «Московская область». */
  region: string;
  /** Its address on public pages (`/s/<slug>`), `region` by default. */
  slug?: string | undefined;
  timezone?: string | undefined;
  email: string;
  fullName: string;
}

export interface PasswordLink {
  email: string;
  link: string;
  hours: number;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Checks `init`'s input; every problem is a sentence naming the option. */
export function checkInitInput(input: Partial<InitInput>): InitInput {
  const required = (value: string | undefined, option: string): string => {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') throw new CliError('cli.error.init.missing', { option });
    return trimmed;
  };
  const region = required(input.region, '--region');
  const email = required(input.email, '--email').toLowerCase();
  const fullName = required(input.fullName, '--name');
  if (!isEmailAddress(email)) throw new CliError('cli.error.init.email', { email });
  const slug = input.slug?.trim() || 'region';
  if (!SLUG.test(slug)) throw new CliError('cli.error.init.slug', { slug });
  const timezone = input.timezone?.trim() || 'Europe/Moscow';
  if (!isTimeZoneName(timezone)) throw new CliError('cli.error.init.timezone', { timezone });
  return { region, slug, timezone, email, fullName };
}

/** Creates the region and its administrator in one transaction, on a database with no organisation yet. */
export async function initInstallation(deps: Deps, raw: Partial<InitInput>): Promise<PasswordLink> {
  const input = checkInitInput(raw);
  const ctx = systemContext();
  return deps.db.transaction().execute(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) throw new CliError('cli.error.init.notEmpty');
    const region = await insertOrganization(tx, null, {
      kind: 'region',
      name: input.region,
      shortName: input.region,
      slug: input.slug!,
      phone: null,
      email: null,
      website: null,
      address: null,
      timezone: input.timezone!,
    });
    await recordAudit(tx, ctx, {
      organizationId: region.id,
      action: 'organization.create',
      entityType: 'organization',
      entityId: region.id,
      after: region,
    });
    const user = await insertUser(tx, { email: input.email, fullName: input.fullName, phone: null, passwordHash: null, locale: 'ru' });
    await insertMembership(tx, { userId: user.id, organizationId: region.id, role: 'admin' });
    const { passwordHash: _hash, ...safe } = user;
    await recordAudit(tx, ctx, {
      organizationId: region.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { ...safe, role: 'admin' },
    });
    return { email: user.email, link: await issuePasswordLink(tx, deps, ctx, user.id), hours: PASSWORD_LINK_TTL_HOURS };
  });
}

/** A new one-time link to set the password of an active user. */
export async function passwordLink(deps: Deps, email: string | undefined): Promise<PasswordLink> {
  const address = email?.trim().toLowerCase() ?? '';
  if (address === '') throw new CliError('cli.usage.needsEmail');
  return deps.db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, address);
    if (!user || !user.isActive) throw new CliError('cli.error.passwordLink.unknownUser', { email: address });
    return { email: user.email, link: await issuePasswordLink(tx, deps, systemContext(), user.id), hours: PASSWORD_LINK_TTL_HOURS };
  });
}
