/**
 * Fills a fresh, migrated database with a region's help desk: municipalities, schools and the
 * regional support service, their desks and default categories (created by the app's own code),
 * consultants, heads, staff and parents, and `rows` requests spread over three years, made with
 * set-based SQL (generate_series + window functions) in a few statements, then ANALYZE.
 *
 * What the rows look like (see docs/bench/requests.md for the resulting counts):
 * - desks: the support service takes 15 % of the requests, schools share the rest by a Zipf-like
 *   weight (1/√rank), so the largest school has ~7 % and the smallest ~1 %;
 * - registration times grow towards today (√-distributed over the days since 2024-01-09, school
 *   hours 08:00–19:00 Moscow); status depends on age: of the last week 75 % are open, of the last
 *   month ~12 %, older ones are closed (95.6 %) or rejected (4 %) except a stale 0.5 % backlog
 *   that is overdue;
 * - every CHECK holds: rejected ⇔ reason, a contact for every requester, lower-case e-mails,
 *   timestamps in lifecycle order (registered ≤ first response ≤ resolved ≤ closed ≤ now),
 *   waiting requests have `paused_since` and one open `request_pauses` row;
 * - numbers `PREFIX-YY-NNNNN` run per desk and Moscow year in registration order, and
 *   `request_number_counters` holds each (desk, year)'s last value, so new numbers continue;
 * - every request has a private status-link row; the open ones and `eventsFraction` of the rest
 *   have a full timeline (created, assigned, start, reply, clarification, resolve, close/reject);
 * - open requests have their pending reminder/escalation jobs (dedupe keys as the app makes
 *   them); alerts and jobs whose time has passed are recorded as done, so the job runner does not
 *   wake up to thousands of stale escalations.
 * Deadlines are the desk's default policy (7 calendar days; 59-FZ 30 days, 210-FZ ≈ 21 days,
 * 152-FZ ≈ 14 days) without the move to the next working day.
 */
import pg from 'pg';
import { createDatabase as openDatabase } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { installShippedCalendars } from '../../src/server/modules/calendar/calendar.service.ts';
import { loadDesk } from '../../src/server/modules/requests/desk.service.ts';
import { insertOrganization } from '../../src/server/modules/organizations/organizations.repository.ts';
import { hashPassword } from '../../src/server/modules/identity/passwords.ts';
import { DEFAULT_CATEGORIES, type RequestType } from '../../src/domain/requests/taxonomy.ts';
import { prng } from './lib.ts';
import {
  CLASSES,
  DESCRIPTIONS,
  FEMALE_NAMES,
  FEMALE_PATRONYMICS,
  MALE_NAMES,
  MALE_PATRONYMICS,
  RESOLUTIONS,
  SUBJECTS,
  SURNAMES,
  fullName,
  phone,
} from './vocabulary.ts';

export const BENCH_PASSWORD = 'bench-password-2026';
export const DATA_START = '2024-01-09T00:00:00+03:00';

export interface GenerateOptions {
  url: string;
  rows: number;
  schools: number;
  municipalities: number;
  /** Share of closed/rejected requests that get a full timeline (open ones always do). */
  eventsFraction: number;
  seed: number;
  log: (line: string) => void;
}

export interface DeskInfo {
  index: number;
  id: string;
  kind: 'school' | 'support_service';
  shortName: string;
  weight: number;
  consultants: Array<{ id: string; email: string; fullName: string }>;
}

export interface GenerateResult {
  desks: DeskInfo[];
  counts: Record<string, number>;
  statusCounts: Record<string, number>;
  stepsMs: Record<string, number>;
  totalMs: number;
  sizes: Record<string, string>;
}

/** Category weights: how often each subcategory is chosen (legal and out-of-scope ones are rare). */
function categoryPlan(): Array<{ code: string; weight: number; defaultType: RequestType | null }> {
  const weightOf: Record<string, number> = {
    ACC: 6,
    FAM: 4,
    GRD: 5,
    ATT: 3,
    SCH: 3,
    HW: 3,
    MSG: 2,
    REP: 1.5,
    TRN: 2,
    PD: 0.25,
    APL: 0.4,
    OUT: 1,
  };
  const plan: Array<{ code: string; weight: number; defaultType: RequestType | null }> = [];
  for (const category of DEFAULT_CATEGORIES) {
    const each = (weightOf[category.code] ?? 1) / category.children.length;
    for (const child of category.children)
      plan.push({ code: child.code, weight: each, defaultType: child.defaultType ?? category.defaultType ?? null });
  }
  return plan;
}

/** Lower bounds of the buckets for width_bucket(random(), bounds): bucket i has probability weights[i]/sum. */
function bucketBounds(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const w of weights) {
    bounds.push(acc / sum);
    acc += w;
  }
  return bounds;
}

async function timed<T>(steps: Record<string, number>, name: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  steps[name] = performance.now() - started;
  log(`  ${name}: ${(steps[name] / 1000).toFixed(1)} s`);
  return result;
}

const ORG_FIELDS = { phone: null, email: null, website: null, address: null, timezone: 'Europe/Moscow' } as const;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { log } = options;
  const steps: Record<string, number> = {};
  const started = performance.now();
  const random = prng(options.seed);
  const handle = openDatabase(options.url, { max: 2 });
  const client = new pg.Client({ connectionString: options.url, application_name: 'opora-bench-generator' });
  await client.connect();
  try {
    await timed(steps, 'migrations and calendars', log, async () => {
      await migrate(handle.pool);
      await installShippedCalendars(handle.db);
    });

    // ---- organisations and desks, through the app's own code ----
    const desks: DeskInfo[] = await timed(steps, 'organisations, desks, categories', log, () =>
      handle.db.transaction().execute(async (tx) => {
        const region = await insertOrganization(tx, null, {
          kind: 'region',
          name: 'Бенчмаркская область',
          shortName: 'Бенчмаркская обл.',
          slug: 'bench-region',
          ...ORG_FIELDS,
        });
        const municipalities = [];
        for (let m = 1; m <= options.municipalities; m += 1) {
          municipalities.push(
            await insertOrganization(tx, region, {
              kind: 'municipality',
              name: `Городской округ №${m}`,
              shortName: `г.о. №${m}`,
              slug: `bench-mun-${m}`,
              ...ORG_FIELDS,
            }),
          );
        }
        const result: DeskInfo[] = [];
        const support = await insertOrganization(tx, region, {
          kind: 'support_service',
          name: 'Региональная служба поддержки Школьного портала',
          shortName: 'Служба поддержки',
          slug: 'bench-support',
          ...ORG_FIELDS,
        });
        const schoolShare = 0.85;
        const zipf = Array.from({ length: options.schools }, (_, i) => 1 / Math.sqrt(i + 1));
        const zipfSum = zipf.reduce((a, b) => a + b, 0);
        result.push({
          index: 1,
          id: support.id,
          kind: 'support_service',
          shortName: support.shortName,
          weight: 1 - schoolShare,
          consultants: [],
        });
        for (let s = 1; s <= options.schools; s += 1) {
          const municipality = municipalities[(s - 1) % municipalities.length]!;
          const school = await insertOrganization(tx, municipality, {
            kind: 'school',
            name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №${s}»`,
            shortName: `МБОУ СОШ №${s}`,
            slug: `bench-school-${s}`,
            ...ORG_FIELDS,
          });
          result.push({
            index: s + 1,
            id: school.id,
            kind: 'school',
            shortName: school.shortName,
            weight: (schoolShare * zipf[s - 1]!) / zipfSum,
            consultants: [],
          });
        }
        for (const desk of result) await loadDesk(tx, desk.id);
        return result;
      }),
    );

    // ---- people: one statement for the users, one for the memberships ----
    await timed(steps, 'users and memberships', log, async () => {
      const hash = await hashPassword(BENCH_PASSWORD);
      const emails: string[] = [];
      const names: string[] = [];
      const phones: string[] = [];
      const orgIds: string[] = [];
      const roles: string[] = [];
      const add = (desk: DeskInfo, role: string, count: number) => {
        for (let n = 1; n <= count; n += 1) {
          emails.push(`${role}-${desk.index}-${n}@bench.opora.test`);
          names.push(fullName(random));
          phones.push(phone(random));
          orgIds.push(desk.id);
          roles.push(role);
        }
      };
      for (const desk of desks) {
        if (desk.kind === 'support_service') {
          add(desk, 'operator', 8);
          add(desk, 'head', 1);
        } else {
          add(desk, 'consultant', desk.index % 2 === 0 ? 2 : 3);
          add(desk, 'head', 1);
          add(desk, 'staff', 30);
          add(desk, 'parent', 150);
        }
      }
      await client.query(
        `with input as (select * from unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[]) as t(email, full_name, phone, org_id, role)),
              inserted as (insert into users (email, full_name, phone, password_hash, locale)
                           select email, full_name, phone, $6, 'ru' from input returning id, email)
         insert into memberships (user_id, organization_id, role)
         select inserted.id, input.org_id, input.role from inserted join input using (email)`,
        [emails, names, phones, orgIds, roles, hash],
      );
      const workers = await client.query<{ id: string; email: string; full_name: string; organization_id: string }>(
        `select u.id, u.email, u.full_name, m.organization_id from users u join memberships m on m.user_id = u.id
         where m.role in ('consultant', 'operator') order by u.email`,
      );
      for (const desk of desks) {
        desk.consultants = workers.rows
          .filter((w) => w.organization_id === desk.id)
          .map((w) => ({ id: w.id, email: w.email, fullName: w.full_name }));
        desk.consultants.sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
      }
    });

    // ---- per-desk lookup arrays for the set-based generation ----
    const plan = categoryPlan();
    await timed(steps, 'desk lookup table', log, async () => {
      await client.query('drop table if exists bench_desk');
      await client.query(
        `create temp table bench_desk as
         select d.idx, d.org_id, rd.number_prefix as prefix,
           array(select m.user_id from memberships m join users u on u.id = m.user_id
                 where m.organization_id = d.org_id and m.role in ('consultant', 'operator') order by u.email) as consultants,
           array(select m.user_id from memberships m join users u on u.id = m.user_id where m.organization_id = d.org_id and m.role = 'staff' order by u.email) as staff,
           array(select m.user_id from memberships m join users u on u.id = m.user_id where m.organization_id = d.org_id and m.role = 'parent' order by u.email) as parents,
           array(select c.id from unnest($3::text[]) with ordinality as u(code, i)
                 join request_categories c on c.code = u.code and c.organization_id = d.org_id order by u.i) as cats
         from unnest($1::uuid[], $2::int[]) as d(org_id, idx) join request_desks rd on rd.organization_id = d.org_id`,
        [desks.map((d) => d.id), desks.map((d) => d.index), plan.map((p) => p.code)],
      );
      const check = await client.query<{ bad: number }>(
        `select count(*)::int as bad from bench_desk where cardinality(cats) <> $1 or cardinality(consultants) = 0`,
        [plan.length],
      );
      if (check.rows[0]!.bad > 0) throw new Error('bench_desk: a desk lacks categories or consultants');
    });

    // ---- bulk load: FK triggers off (ids are taken from existing rows), secondary indexes rebuilt after ----
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '1GB'`);
    await client.query(`set work_mem = '256MB'`);
    await client.query(`set session_replication_role = replica`);
    await client.query(`set jit = off`);
    const dropped = await timed(steps, 'drop secondary indexes and unique constraints', log, async () => {
      const tables = ['requests', 'request_events', 'request_status_tokens', 'jobs'];
      const indexes = await client.query<{ name: string; def: string }>(
        `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class t on t.oid = i.indrelid
         where t.relname = any($1) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
        [tables],
      );
      const uniques = await client.query<{ tbl: string; name: string; def: string }>(
        `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
         from pg_constraint c join pg_class t on t.oid = c.conrelid where t.relname = any($1) and c.contype = 'u'`,
        [tables],
      );
      for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
      for (const u of uniques.rows) await client.query(`alter table ${u.tbl} drop constraint ${u.name}`);
      return [...indexes.rows.map((i) => i.def), ...uniques.rows.map((u) => `alter table ${u.tbl} add constraint ${u.name} ${u.def}`)];
    });

    const now = new Date();
    const totalDays = Math.floor((now.getTime() - new Date(DATA_START).getTime()) / 86_400_000);
    await timed(steps, `requests (${options.rows.toLocaleString('en-US')} rows)`, log, async () => {
      await client.query(`select setseed($1)`, [(options.seed % 1000) / 1000]);
      await client.query(REQUESTS_SQL, [
        options.rows,
        DATA_START,
        now.toISOString(),
        totalDays,
        bucketBounds(desks.map((d) => d.weight)),
        bucketBounds(plan.map((p) => p.weight)),
        plan.map((p) => p.defaultType),
        SUBJECTS,
        DESCRIPTIONS,
        RESOLUTIONS,
        SURNAMES.map((s) => s[0]),
        SURNAMES.map((s) => s[1]),
        MALE_NAMES,
        FEMALE_NAMES,
        MALE_PATRONYMICS,
        FEMALE_PATRONYMICS,
        CLASSES,
      ]);
    });
    await timed(steps, 'number counters', log, () =>
      client.query(
        `insert into request_number_counters (organization_id, year, last_value) select organization_id, year, max(sequence) from requests group by 1, 2`,
      ),
    );
    await timed(steps, 'open waiting periods', log, () =>
      client.query(
        `insert into request_pauses (request_id, organization_id, started_at) select id, organization_id, paused_since from requests where status = 'waiting_for_requester'`,
      ),
    );
    await timed(steps, 'status links', log, () =>
      client.query(
        `insert into request_status_tokens (token_hash, request_id, organization_id, created_at)
         select encode(digest(gen_random_uuid()::text, 'sha256'), 'hex'), id, organization_id, registered_at from requests`,
      ),
    );
    await timed(steps, 'timeline events', log, () => client.query(EVENTS_SQL, [options.eventsFraction, now.toISOString()]));
    await timed(steps, 'deadline jobs and alerts', log, async () => {
      await client.query(JOBS_SQL, [now.toISOString()]);
      await client.query(ALERTS_SQL, [now.toISOString()]);
    });
    await client.query(`set session_replication_role = origin`);
    await timed(steps, 'check references (foreign-key triggers were off)', log, async () => {
      const orphans = await client.query<{ what: string; n: string }>(ORPHANS_SQL);
      const bad = orphans.rows.filter((row) => Number(row.n) > 0);
      if (bad.length > 0) throw new Error(`generated rows reference missing rows: ${bad.map((b) => `${b.what}=${b.n}`).join(', ')}`);
    });

    await timed(steps, `rebuild ${dropped.length} indexes and unique constraints`, log, async () => {
      for (const statement of dropped) await client.query(statement);
    });
    await timed(steps, 'vacuum analyze', log, async () => {
      await client.query(
        'vacuum (analyze) requests, request_events, request_status_tokens, request_pauses, jobs, request_deadline_alerts, users, memberships',
      );
      await client.query('analyze');
    });
    await client.query('drop table if exists bench_desk');

    const counts: Record<string, number> = {};
    for (const t of [
      'organizations',
      'users',
      'memberships',
      'request_categories',
      'requests',
      'request_events',
      'request_status_tokens',
      'request_pauses',
      'jobs',
      'request_deadline_alerts',
    ]) {
      counts[t] = Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n);
    }
    const statusCounts: Record<string, number> = {};
    for (const row of (
      await client.query<{ status: string; n: string }>(`select status, count(*) as n from requests group by 1 order by 1`)
    ).rows)
      statusCounts[row.status] = Number(row.n);
    const overdue = await client.query<{ n: string }>(
      `select count(*) as n from requests where status in ('new','in_progress','waiting_for_requester') and ((paused_since is null and due_at < $1) or legal_due_at < $1)`,
      [now.toISOString()],
    );
    statusCounts.overdue = Number(overdue.rows[0]!.n);
    const sizes: Record<string, string> = {};
    for (const row of (
      await client.query<{ name: string; size: string }>(
        `select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size from pg_class c
         where c.relname in ('requests', 'request_events', 'request_status_tokens', 'jobs') order by 1`,
      )
    ).rows) {
      sizes[row.name] = row.size;
    }
    sizes.database = (await client.query(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0].s;
    return { desks, counts, statusCounts, stepsMs: steps, totalMs: performance.now() - started, sizes };
  } finally {
    await client.end();
    await handle.close();
  }
}

/**
 * One INSERT … SELECT: per-row random draws (materialised once), desk by weight, registration
 * time, status by age, lifecycle timestamps, requester, category/type, deadlines, then the yearly
 * sequence per desk by a window function. Timestamps are cut to milliseconds like the app's.
 *
 * $1 rows, $2 start, $3 now, $4 days, $5 desk bounds, $6 category bounds, $7 category types,
 * $8 subjects, $9 descriptions, $10 resolutions, $11/$12 surnames (m/f), $13/$14 first names,
 * $15/$16 patronymics, $17 classes.
 */
export const REQUESTS_SQL = `
with draws as materialized (
  select g,
    width_bucket(random(), $5::float8[]) as desk_idx,
    width_bucket(random(), $6::float8[]) as cat_idx,
    random() as r_day, random() as r_time, random() as r_status, random() as r_type, random() as r_chan,
    random() as r_kind, random() as r_user, random() as r_assign, random() as r_name, random() as r_name2,
    random() as r_contact, random() as r_text, random() as r_t1, random() as r_t2, random() as r_t3, random() as r_reason
  from generate_series(1, $1::int) as g
),
placed as (
  select d.*, k.org_id, k.prefix, k.cats[d.cat_idx] as category_id, ($7::text[])[d.cat_idx] as cat_type,
    -- picks, not the arrays: carrying 150-element arrays through the sort below would cost seconds
    k.parents[1 + floor(d.r_user * cardinality(k.parents))::int] as parent_pick,
    k.staff[1 + floor(d.r_user * cardinality(k.staff))::int] as staff_pick,
    k.consultants[1 + floor(d.r_assign * cardinality(k.consultants))::int] as consultant_pick,
    k.consultants[1] as first_consultant,
    date_trunc('milliseconds', least(
      date_trunc('day', $2::timestamptz) + floor(sqrt(d.r_day) * $4::int) * interval '1 day' + interval '5 hours' + d.r_time * interval '11 hours',
      $3::timestamptz - interval '1 minute' * (1 + d.r_time * 180)
    )) as registered_at
  from draws d join bench_desk k on k.idx = d.desk_idx
),
statused as (
  select p.*,
    case
      when p.registered_at > $3::timestamptz - interval '7 days' then
        case when r_status < 0.30 then 'new' when r_status < 0.65 then 'in_progress' when r_status < 0.75 then 'waiting_for_requester'
             when r_status < 0.90 then 'resolved' when r_status < 0.98 then 'closed' else 'rejected' end
      when p.registered_at > $3::timestamptz - interval '30 days' then
        case when r_status < 0.03 then 'new' when r_status < 0.09 then 'in_progress' when r_status < 0.12 then 'waiting_for_requester'
             when r_status < 0.16 then 'resolved' when r_status < 0.96 then 'closed' else 'rejected' end
      else
        case when r_status < 0.001 then 'new' when r_status < 0.004 then 'in_progress' when r_status < 0.005 then 'waiting_for_requester'
             when r_status < 0.96 then 'closed' else 'rejected' end
    end as status,
    case when r_chan < 0.30 then 'phone' when r_chan < 0.55 then 'in_person' when r_chan < 0.80 then 'web' when r_chan < 0.95 then 'email' else 'parent_meeting' end as channel,
    case when r_kind < 0.6 then 'parent' else 'staff' end as requester_kind,
    coalesce(p.cat_type, case when r_type < 0.9 then 'consultation' else 'incident' end) as type
  from placed p
),
lifecycle as (
  select s.*,
    case when s.status <> 'new' then date_trunc('milliseconds', s.registered_at + least(($3::timestamptz - s.registered_at) * 0.25, interval '2 days') * s.r_t1) end as first_response_at,
    case when s.channel in ('email', 'web') then date_trunc('milliseconds', s.registered_at - interval '30 minutes' * s.r_t3) else s.registered_at end as received_at,
    case when s.channel = 'web' and s.requester_kind = 'parent' then s.parent_pick
         when s.channel = 'web' and s.requester_kind = 'staff' then s.staff_pick end as requester_user_id,
    case when s.status = 'new' and s.r_assign < 0.5 then null else s.consultant_pick end as assignee_user_id
  from statused s
),
finished as (
  select l.*,
    case when l.status = 'resolved' then greatest(l.first_response_at, date_trunc('milliseconds', $3::timestamptz - interval '7 days' * l.r_t2))
         when l.status = 'closed' then date_trunc('milliseconds', l.first_response_at + least(($3::timestamptz - l.first_response_at) * 0.5, interval '6 days') * l.r_t2) end as resolved_at,
    case when l.status = 'rejected' then date_trunc('milliseconds', l.first_response_at + least(($3::timestamptz - l.first_response_at) * 0.5, interval '3 days') * l.r_t2) end as rejected_at,
    case when l.status = 'waiting_for_requester' then date_trunc('milliseconds', l.first_response_at + least($3::timestamptz - l.first_response_at, interval '1 day') * l.r_t2) end as paused_since,
    l.registered_at + interval '7 days' as review_due_at,
    case l.type when 'appeal_59fz' then l.registered_at + interval '30 days' when 'complaint_210fz' then l.registered_at + interval '21 days'
                when 'pd_request_152fz' then l.received_at + interval '14 days' end as legal_due_at,
    case l.type when 'appeal_59fz' then '59-FZ' when 'complaint_210fz' then '210-FZ' when 'pd_request_152fz' then '152-FZ' end as legal_basis,
    case when l.type = 'appeal_59fz' then l.received_at + interval '3 days' end as registration_due_at,
    u.full_name as user_name, u.email as user_email, u.phone as user_phone
  from lifecycle l left join users u on u.id = l.requester_user_id
),
people as (
  select f.*,
    case when f.status = 'closed' then date_trunc('milliseconds', f.resolved_at + least($3::timestamptz - f.resolved_at, interval '7 days') * (case when f.r_t3 < 0.7 then 1 else f.r_t3 end)) end as closed_at,
    coalesce(f.user_name,
      case when f.r_name < 0.6
        then ($12::text[])[1 + floor(f.r_name2 * cardinality($12::text[]))::int] || ' ' || ($14::text[])[1 + floor(f.r_t3 * cardinality($14::text[]))::int] || ' ' || ($16::text[])[1 + floor(f.r_t2 * cardinality($16::text[]))::int]
        else ($11::text[])[1 + floor(f.r_name2 * cardinality($11::text[]))::int] || ' ' || ($13::text[])[1 + floor(f.r_t3 * cardinality($13::text[]))::int] || ' ' || ($15::text[])[1 + floor(f.r_t2 * cardinality($15::text[]))::int]
      end) as requester_name,
    case when f.requester_user_id is not null then f.user_email
         when f.channel = 'email' or f.r_contact < 0.5 then 'r' || f.g || '.' || f.desk_idx || '@mail.example' end as requester_email
  from finished f
)
insert into requests (organization_id, number, year, sequence, channel, type, category_id, subject, description, requester_kind,
  requester_user_id, requester_name, requester_email, requester_phone, requester_locale, child_class, status, assignee_user_id,
  received_at, registered_at, review_start_at, review_due_at, legal_due_at, legal_basis, registration_due_at, due_at, paused_since,
  first_response_at, resolved_at, closed_at, rejected_at, reject_reason, reject_comment, resolution, consent_at, consent_version,
  created_by_user_id, created_at, updated_at)
select org_id,
  prefix || '-' || lpad((year % 100)::text, 2, '0') || '-' || lpad(sequence::text, 5, '0'), year, sequence,
  channel, type, category_id, subject, description, requester_kind, requester_user_id, requester_name, requester_email,
  requester_phone, 'ru', child_class, status, assignee_user_id, received_at, registered_at, registered_at, review_due_at, legal_due_at,
  legal_basis, registration_due_at, least(review_due_at, legal_due_at), paused_since, first_response_at, resolved_at, closed_at,
  rejected_at, reject_reason, reject_comment, resolution, consent_at, consent_version, created_by_user_id, registered_at,
  greatest(registered_at, first_response_at, resolved_at, closed_at, rejected_at, paused_since)
from (
  select p.*,
    row_number() over (partition by p.org_id, p.year order by p.registered_at, p.g) as sequence
  from (
    select pp.*,
      extract(year from pp.registered_at at time zone 'Europe/Moscow')::int as year,
      ($8::text[])[1 + floor(pp.r_text * cardinality($8::text[]))::int] as subject,
      case when pp.r_t1 < 0.5 then ($9::text[])[1 + floor(pp.r_t2 * cardinality($9::text[]))::int] end as description,
      case when pp.requester_user_id is not null then pp.user_phone
           when pp.channel = 'phone' or pp.requester_email is null or pp.r_contact >= 0.3
           then '+7 9' || lpad((floor(pp.r_contact * 1e9))::bigint::text, 9, '0') end as requester_phone,
      case when pp.requester_kind = 'parent' then ($17::text[])[1 + floor(pp.r_t3 * cardinality($17::text[]))::int] end as child_class,
      case when pp.status = 'rejected' then (array['insufficient_information', 'incorrect_question', 'non_constructive_or_late_replies'])[1 + floor(pp.r_reason * 3)::int] end as reject_reason,
      case when pp.status = 'rejected' then 'Обращение не относится к работе с Порталом, разъяснено, куда обратиться.' end as reject_comment,
      case when pp.status in ('resolved', 'closed') then ($10::text[])[1 + floor(pp.r_reason * cardinality($10::text[]))::int] end as resolution,
      case when pp.channel = 'web' and pp.requester_user_id is null then pp.registered_at end as consent_at,
      case when pp.channel = 'web' and pp.requester_user_id is null then '2024-01' end as consent_version,
      case when pp.channel = 'web' then pp.requester_user_id else coalesce(pp.assignee_user_id, pp.first_consultant) end as created_by_user_id
    from people pp
  ) p
) numbered
order by registered_at`;

/** Full timelines (in chronological id order) for open requests and a sample ($1) of the others. */
export const EVENTS_SQL = `
insert into request_events (request_id, organization_id, type, actor_kind, actor_user_id, actor_name, body, visibility, metadata, created_at)
select r.id, r.organization_id, e.type, e.actor_kind, e.actor_user_id, e.actor_name, e.body, e.visibility, e.metadata, e.at
from (
  select r.*, a.full_name as assignee_name
  from requests r left join users a on a.id = r.assignee_user_id
  where r.status in ('new', 'in_progress', 'waiting_for_requester') or random() < $1::float8
) r
cross join lateral (values
  (1, true, 'created', case when r.channel = 'web' then 'requester' else 'staff' end,
      case when r.channel = 'web' then r.requester_user_id else r.created_by_user_id end,
      case when r.channel = 'web' then r.requester_name else r.assignee_name end, null::text, 'public',
      jsonb_build_object('channel', r.channel, 'type', r.type, 'categoryId', r.category_id, 'outboxIds', '[]'::jsonb), r.registered_at),
  (2, r.assignee_user_id is not null, 'assigned', 'staff', r.assignee_user_id, r.assignee_name, null, 'internal',
      jsonb_build_object('from', null, 'to', r.assignee_user_id, 'toName', r.assignee_name), r.registered_at),
  (3, r.first_response_at is not null, 'status_changed', 'staff', r.assignee_user_id, r.assignee_name, null, 'public',
      jsonb_build_object('action', 'start', 'from', 'new', 'to', 'in_progress', 'outboxIds', '[]'::jsonb), r.first_response_at),
  (4, r.first_response_at is not null and r.status <> 'rejected', 'reply', 'staff', r.assignee_user_id, r.assignee_name,
      'Здравствуйте! Проверили вашу учётную запись, подскажите, пожалуйста, с какого устройства вы входите?', 'public',
      jsonb_build_object('outboxIds', '[]'::jsonb), r.first_response_at + interval '1 second'),
  (5, r.paused_since is not null, 'status_changed', 'staff', r.assignee_user_id, r.assignee_name,
      'Уточните, пожалуйста, класс ребёнка и ФИО второго родителя.', 'public',
      jsonb_build_object('action', 'request_clarification', 'from', 'in_progress', 'to', 'waiting_for_requester', 'outboxIds', '[]'::jsonb), r.paused_since),
  (6, r.resolved_at is not null, 'status_changed', 'staff', r.assignee_user_id, r.assignee_name, r.resolution, 'public',
      jsonb_build_object('action', 'resolve', 'from', 'in_progress', 'to', 'resolved', 'outboxIds', '[]'::jsonb), r.resolved_at),
  (7, r.closed_at is not null, 'status_changed', 'system', null::uuid, null, null, 'public',
      jsonb_build_object('action', 'auto_close', 'from', 'resolved', 'to', 'closed', 'outboxIds', '[]'::jsonb), r.closed_at),
  (8, r.rejected_at is not null, 'status_changed', 'staff', r.assignee_user_id, r.assignee_name, r.reject_comment, 'public',
      jsonb_build_object('action', 'reject', 'from', 'in_progress', 'to', 'rejected', 'reason', r.reject_reason, 'outboxIds', '[]'::jsonb), r.rejected_at)
) as e(seq, keep, type, actor_kind, actor_user_id, actor_name, body, visibility, metadata, at)
where e.keep and e.at <= $2::timestamptz
order by r.registered_at, r.id, e.seq`;

/**
 * The reminder and escalation jobs of open requests' current deadline, as scheduleDeadlineJobs makes
 * them (payload and key name the deadline; the generated requests' current one is the review
 * term); past ones are done.
 */
const JOBS_SQL = `
with open_requests as (
  select id, organization_id, due_at, registered_at, (extract(epoch from due_at) * 1000)::bigint as due_ms,
    to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_iso
  from requests where status in ('new', 'in_progress', 'waiting_for_requester') and paused_since is null
),
planned as (
  select 'requests.reminder' as kind,
    jsonb_build_object('requestId', id, 'deadline', 'review', 'dueAt', due_iso, 'leadHours', 24) as payload, organization_id,
    'requests.reminder:' || id || ':' || due_ms || ':review:24' as dedupe_key, due_at - interval '24 hours' as run_at, registered_at
  from open_requests where due_at - interval '24 hours' > registered_at
  union all
  select 'requests.escalation', jsonb_build_object('requestId', id, 'deadline', 'review', 'dueAt', due_iso), organization_id,
    'requests.escalation:' || id || ':' || due_ms || ':review', due_at + interval '1 millisecond', registered_at
  from open_requests
)
insert into jobs (kind, payload, organization_id, dedupe_key, run_at, attempts, max_attempts, finished_at, created_at)
select kind, payload, organization_id, dedupe_key, run_at,
  case when run_at <= $1::timestamptz then 1 else 0 end, 20,
  case when run_at <= $1::timestamptz then run_at + interval '2 seconds' end, registered_at
from planned order by run_at`;

/** Alerts already sent for open requests whose reminder time or deadline has passed. */
const ALERTS_SQL = `
insert into request_deadline_alerts (request_id, organization_id, kind, deadline, due_at, created_at)
select id, organization_id, 'reminder', 'review', due_at, due_at - interval '24 hours' from requests
where status in ('new', 'in_progress', 'waiting_for_requester') and paused_since is null and due_at - interval '24 hours' <= $1::timestamptz
  and due_at - interval '24 hours' > registered_at
union all
select id, organization_id, 'escalation', 'review', due_at, due_at + interval '1 second' from requests
where status in ('new', 'in_progress', 'waiting_for_requester') and paused_since is null and due_at < $1::timestamptz`;

/** Rows whose references do not exist (must all be 0; the load ran without FK triggers). */
const ORPHANS_SQL = `
select 'requests.organization_id' as what, count(*) as n from requests r where not exists (select 1 from organizations o where o.id = r.organization_id)
union all select 'requests.category_id', count(*) from requests r where r.category_id is not null and not exists (select 1 from request_categories c where c.id = r.category_id and c.organization_id = r.organization_id)
union all select 'requests.assignee_user_id', count(*) from requests r where r.assignee_user_id is not null and not exists (select 1 from memberships m where m.user_id = r.assignee_user_id and m.organization_id = r.organization_id)
union all select 'requests.requester_user_id', count(*) from requests r where r.requester_user_id is not null and not exists (select 1 from memberships m where m.user_id = r.requester_user_id and m.organization_id = r.organization_id)
union all select 'requests.created_by_user_id', count(*) from requests r where r.created_by_user_id is not null and not exists (select 1 from users u where u.id = r.created_by_user_id)
union all select 'request_events.actor_user_id', count(*) from request_events e where e.actor_user_id is not null and not exists (select 1 from users u where u.id = e.actor_user_id)
union all select 'request_events.request_id', count(*) from request_events e where not exists (select 1 from requests r where r.id = e.request_id)`;
