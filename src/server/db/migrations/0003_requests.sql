-- Requests (обращения): desks and their policy, the per-desk category taxonomy, requests with
-- their deadlines, the timeline of events, waiting periods, attachments (bytea, so backups
-- include them), yearly number counters and the record of deadline alerts already sent.
-- Every tenant row carries organization_id.

create table request_desks (
  organization_id uuid primary key references organizations (id),
  -- numbers look like PREFIX-YY-NNNNN
  number_prefix text not null check (number_prefix ~ '^[0-9A-Za-zА-ЯЁа-яё]{1,10}$'),
  term_unit text not null default 'calendar_days' check (term_unit in ('calendar_days', 'working_days')),
  review_term_days integer not null default 7 check (review_term_days between 1 and 60),
  -- Labour Code art. 14 part 4: a term ending on a non-working day ends on the next working day
  move_to_next_working_day boolean not null default true,
  pause_while_waiting boolean not null default true,
  auto_close_days integer not null default 7 check (auto_close_days between 1 and 90),
  reopen_window_days integer not null default 30 check (reopen_window_days between 0 and 365),
  reminder_lead_hours integer not null default 24 check (reminder_lead_hours between 1 and 240),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);

create table request_number_counters (
  organization_id uuid not null references organizations (id),
  year integer not null check (year between 2000 and 2099),
  last_value integer not null check (last_value > 0),
  primary key (organization_id, year)
);

create table request_categories (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  parent_id uuid references request_categories (id),
  code text not null check (code ~ '^[A-Za-zА-ЯЁа-яё0-9._-]{1,20}$'),
  name text not null check (length(name) between 1 and 200),
  default_type text check (default_type in ('consultation', 'incident', 'data_change', 'training', 'appeal_59fz', 'complaint_210fz', 'pd_request_152fz', 'out_of_scope')),
  position integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, code)
);
create index request_categories_org_idx on request_categories (organization_id, parent_id, position);

create table requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  number text not null,
  year integer not null,
  sequence integer not null,
  channel text not null check (channel in ('in_person', 'parent_meeting', 'phone', 'email', 'web')),
  type text not null check (type in ('consultation', 'incident', 'data_change', 'training', 'appeal_59fz', 'complaint_210fz', 'pd_request_152fz', 'out_of_scope')),
  category_id uuid references request_categories (id),
  subject text not null check (length(subject) between 1 and 200),
  what_did text,
  expected text,
  happened text,
  description text,
  requester_kind text not null check (requester_kind in ('staff', 'parent')),
  requester_user_id uuid references users (id) on delete set null,
  requester_name text not null check (length(requester_name) between 1 and 200),
  requester_email text check (requester_email is null or (requester_email = lower(requester_email) and position('@' in requester_email) > 1)),
  requester_phone text,
  requester_locale text not null default 'ru' check (requester_locale in ('ru', 'en')),
  child_class text,
  status text not null default 'new' check (status in ('new', 'in_progress', 'waiting_for_requester', 'resolved', 'closed', 'rejected')),
  assignee_user_id uuid references users (id) on delete set null,
  received_at timestamptz not null,
  registered_at timestamptz not null,
  -- start of the current review term: the registration, or the last reopening
  review_start_at timestamptz not null,
  review_due_at timestamptz not null,
  legal_due_at timestamptz,
  legal_basis text check (legal_basis in ('59-FZ', '210-FZ', '152-FZ')),
  registration_due_at timestamptz,
  -- least(review_due_at, legal_due_at): what the queues sort by and overdue is judged against
  due_at timestamptz not null,
  -- start of the open waiting period while the review clock is paused
  paused_since timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  rejected_at timestamptz,
  reject_reason text check (reject_reason in ('insufficient_information', 'incorrect_question', 'non_constructive_or_late_replies')),
  reject_comment text,
  resolution text,
  consent_at timestamptz,
  consent_version text,
  idempotency_key text,
  source_message_id text,
  created_by_user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, number),
  unique (organization_id, year, sequence),
  unique (organization_id, idempotency_key),
  unique (organization_id, source_message_id),
  -- a known user, or a contact name with at least one way to answer
  constraint requests_requester_contact check (requester_user_id is not null or requester_email is not null or requester_phone is not null),
  constraint requests_rejection check ((status = 'rejected') = (reject_reason is not null))
);
create index requests_queue_idx on requests (organization_id, status, due_at);
create index requests_assignee_idx on requests (organization_id, assignee_user_id, status, due_at);
create index requests_open_due_idx on requests (organization_id, due_at) where status in ('new', 'in_progress', 'waiting_for_requester');
create index requests_requester_idx on requests (requester_user_id, created_at desc);
create index requests_created_idx on requests (organization_id, created_at desc);
create index requests_category_idx on requests (category_id);
create index requests_requester_name_trgm_idx on requests using gin (requester_name gin_trgm_ops);
create index requests_requester_email_trgm_idx on requests using gin (requester_email gin_trgm_ops);

-- Private status links (${PUBLIC_URL}/status/<token>): only the sha-256 of each token is stored;
-- every e-mail to the requester carries a fresh link, and all of them stay valid.
create table request_status_tokens (
  token_hash text primary key,
  request_id uuid not null references requests (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  created_at timestamptz not null default now()
);
create index request_status_tokens_request_idx on request_status_tokens (request_id);

-- Waiting-for-requester periods; the review deadline is extended by the closed ones.
create table request_pauses (
  id bigint generated always as identity primary key,
  request_id uuid not null references requests (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  started_at timestamptz not null,
  ended_at timestamptz,
  check (ended_at is null or ended_at >= started_at)
);
create index request_pauses_request_idx on request_pauses (request_id);
create unique index request_pauses_one_open_idx on request_pauses (request_id) where ended_at is null;

-- The timeline: one row per thing that happened; internal rows are never shown to the requester.
create table request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references requests (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  type text not null,
  actor_kind text not null check (actor_kind in ('staff', 'requester', 'system')),
  actor_user_id uuid references users (id) on delete set null,
  actor_name text,
  body text,
  visibility text not null check (visibility in ('public', 'internal')),
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index request_events_request_idx on request_events (request_id, id);

create table request_attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references requests (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  event_id bigint not null references request_events (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index request_attachments_request_idx on request_attachments (request_id);
create index request_attachments_event_idx on request_attachments (event_id);

-- One row per deadline alert sent: a reminder or an escalation happens once per deadline, even
-- when its job runs twice (restart, a second runner, a re-enqueued job).
create table request_deadline_alerts (
  request_id uuid not null references requests (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  kind text not null check (kind in ('reminder', 'escalation')),
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (request_id, kind, due_at)
);

create index notifications_unread_idx on notifications (user_id) where read_at is null;
