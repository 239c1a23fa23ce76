-- Foundation: organisations, identity, sessions, audit, durable jobs, e-mail outbox, notifications.
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references organizations (id),
  -- ancestors including itself, root first: tenancy checks use "X = any(path)"
  path uuid[] not null,
  kind text not null check (kind in ('region', 'municipality', 'school', 'support_service')),
  name text not null check (length(name) between 1 and 300),
  short_name text not null check (length(short_name) between 1 and 120),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  phone text,
  email text,
  website text,
  address text,
  timezone text not null default 'Europe/Moscow',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_parent_idx on organizations (parent_id);
create index organizations_path_idx on organizations using gin (path);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  full_name text not null check (length(full_name) between 1 and 200),
  phone text,
  password_hash text,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  is_active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (email);
create index users_name_trgm_idx on users using gin (full_name gin_trgm_ops);

create table memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  role text not null check (role in ('head', 'consultant', 'staff', 'parent', 'operator', 'admin')),
  created_at timestamptz not null default now(),
  unique (user_id, organization_id, role)
);
create index memberships_org_idx on memberships (organization_id, role);

create table sessions (
  -- sha-256 of the cookie token: a leaked table does not leak sessions
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  membership_id uuid references memberships (id) on delete set null,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_user_idx on password_resets (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  organization_id uuid references organizations (id),
  actor_user_id uuid references users (id) on delete set null,
  actor_role text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_log_org_created_idx on audit_log (organization_id, created_at desc);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);
create index audit_log_actor_idx on audit_log (actor_user_id, created_at desc);

-- Durable jobs: claimed with FOR UPDATE SKIP LOCKED; a dedupe key makes "send once" a constraint.
create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}',
  organization_id uuid references organizations (id),
  dedupe_key text unique,
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_until timestamptz,
  locked_by text,
  last_error text,
  finished_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where finished_at is null and failed_at is null;

create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations (id),
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  template text not null,
  related_type text,
  related_id text,
  message_id text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_related_idx on email_outbox (related_type, related_id);
create index email_outbox_pending_idx on email_outbox (created_at) where status = 'pending';

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  organization_id uuid references organizations (id),
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user_idx on notifications (user_id, created_at desc);
