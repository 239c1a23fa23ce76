-- The record of each destruction of requests' personal data (152-FZ art. 21; Roskomnadzor order
-- No. 179 of 28.10.2022): one row per batch of the nightly de-personalisation and per erasure on a
-- person's demand. The act of destruction and its extract from the log are printed from these rows.
-- The numbers identify whose data were destroyed without holding any of it.
create table request_erasures (
  id bigint generated always as identity primary key,
  organization_id uuid not null references organizations (id),
  erased_at timestamptz not null,
  reason text not null check (reason in ('retention', 'subject_request')),
  -- Who ran it: null for the nightly housekeeping (the system).
  actor_user_id uuid references users (id) on delete set null,
  actor_role text,
  numbers text[] not null check (cardinality(numbers) > 0),
  emails_deleted integer not null default 0 check (emails_deleted >= 0),
  -- The retention period in force (for 'retention').
  retention_days integer
);
create index request_erasures_org_erased_idx on request_erasures (organization_id, erased_at);

-- Erasures made before this table existed, from their audit rows (migration 0006 wrote them).
insert into request_erasures (organization_id, erased_at, reason, actor_user_id, actor_role, numbers, emails_deleted, retention_days)
select a.organization_id,
       a.created_at,
       case a.action when 'request.anonymize' then 'retention' else 'subject_request' end,
       a.actor_user_id,
       a.actor_role,
       array(select jsonb_array_elements_text(a.after -> 'numbers')),
       coalesce((a.after ->> 'emails')::integer, 0),
       (a.after ->> 'anonymizeAfterDays')::integer
from audit_log a
where a.action in ('request.anonymize', 'personal_data.erase')
  and a.organization_id is not null
  and jsonb_typeof(a.after -> 'numbers') = 'array'
  and jsonb_array_length(a.after -> 'numbers') > 0
order by a.id;
