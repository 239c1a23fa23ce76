-- Production calendars (reference data, editable by an admin of a root organisation), each
-- organisation's week kind and its own closure days. A revision counter lets every process
-- notice edits cheaply and rebuild its cached calendars.
create table production_calendar_years (
  country text not null default 'ru',
  week_kind text not null check (week_kind in ('five_day', 'six_day')),
  year integer not null check (year between 1990 and 2100),
  holidays date[] not null default '{}',
  working_weekends date[] not null default '{}',
  short_days date[] not null default '{}',
  source text not null default '',
  -- 'shipped' (from data/calendars), 'imported' (file upload) or 'edited' (changed by hand)
  origin text not null default 'shipped' check (origin in ('shipped', 'imported', 'edited')),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  primary key (country, week_kind, year)
);

create table organization_calendars (
  organization_id uuid primary key references organizations (id),
  week_kind text not null default 'five_day' check (week_kind in ('five_day', 'six_day')),
  country text not null default 'ru',
  updated_at timestamptz not null default now()
);

create table calendar_closures (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  day date not null,
  reason text not null check (length(reason) between 1 and 300),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (organization_id, day)
);

create table calendar_revision (
  id integer primary key default 1 check (id = 1),
  revision bigint not null default 0
);
insert into calendar_revision (id, revision) values (1, 0);
