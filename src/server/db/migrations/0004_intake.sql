-- Public intake (web form and status page): the desk's 152-FZ consent texts with their versions,
-- and the spam protection of the form (the proof-of-work signing key, and the challenges already
-- spent so each is accepted once). Every tenant row carries organization_id.

-- Consent texts of an organisation; the newest row is the one the form shows. Old versions stay,
-- so the text a person agreed to (requests.consent_version) can always be shown again.
create table intake_consent_texts (
  organization_id uuid not null references organizations (id),
  version text not null check (version ~ '^[0-9A-Za-z._-]{1,40}$'),
  text text not null check (length(text) between 20 and 20000),
  created_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null,
  primary key (organization_id, version)
);
create index intake_consent_texts_current_idx on intake_consent_texts (organization_id, created_at desc);

-- The HMAC key that signs proof-of-work challenges: one per installation, created on first use,
-- shared by every app process (so a challenge issued by one process is accepted by another).
create table intake_pow_keys (
  id smallint primary key check (id = 1),
  secret bytea not null check (length(secret) >= 32),
  created_at timestamptz not null default now()
);

-- Spent challenges. A challenge is accepted once; the same challenge comes back only with the same
-- form submission key (a double submit), which the request engine answers with the same request.
-- Rows are useless after expires_at and are deleted then.
create table intake_pow_spent (
  challenge_id text primary key,
  organization_id uuid not null references organizations (id),
  idempotency_key text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index intake_pow_spent_expires_idx on intake_pow_spent (expires_at);
