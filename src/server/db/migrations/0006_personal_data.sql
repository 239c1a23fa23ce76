-- Personal data under 152-FZ: a desk de-personalises its closed and rejected requests after a
-- retention period of its own (default 1,825 days: five years, the storage term of citizens'
-- appeals, "5 лет ЭПК", in Rosarchive's list of standard records, order No. 236 of 20.12.2019).
alter table request_desks
  add column anonymize_after_days integer not null default 1825 check (anonymize_after_days between 30 and 3650);

-- When the request's personal data were erased; null while they are kept.
alter table requests add column anonymized_at timestamptz;

-- A de-personalised request keeps no way to reach its requester.
alter table requests drop constraint requests_requester_contact;
alter table requests add constraint requests_requester_contact
  check (anonymized_at is not null or requester_user_id is not null or requester_email is not null or requester_phone is not null);

-- The nightly sweep finds a desk's finished requests still holding personal data, oldest first.
-- Open requests are not in this index, so registering a request does not pay for it.
create index requests_retention_idx on requests (organization_id, (coalesce(closed_at, rejected_at)))
  where anonymized_at is null and status in ('closed', 'rejected');

-- A de-personalised request's in-app notices (they repeat its subject) are found by their link.
create index notifications_link_idx on notifications (link);
