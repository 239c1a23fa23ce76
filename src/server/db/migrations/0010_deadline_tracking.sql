-- A request may run two deadlines at once: the review term of the regulation and the legal answer
-- term (59-FZ, 210-FZ, 152-FZ). Each gets its own reminder and escalation, so an alert records
-- which deadline it was for. Alerts sent so far were for the earlier of the two: the legal one
-- when it was that instant, else the review one.
alter table request_deadline_alerts
  add column deadline text not null default 'review' check (deadline in ('review', 'legal'));

update request_deadline_alerts a set deadline = 'legal'
from requests r
where r.id = a.request_id and a.due_at = r.legal_due_at;

alter table request_deadline_alerts drop constraint request_deadline_alerts_pkey;
alter table request_deadline_alerts add primary key (request_id, deadline, kind, due_at);

-- When the legal answer term was met: the first resolution on or before the legal deadline. A
-- request reopened afterwards is judged by its fresh review term only; the legal deadline it met
-- stays on record but is no longer what counts (due_at, the overdue queue, the badge).
alter table requests add column legal_met_at timestamptz;

-- Requests answered in time so far: the first resolution on their timeline before the legal
-- deadline, or the resolution on record.
update requests r set legal_met_at = m.met_at
from (
  select q.id, least(
      (select min(e.created_at) from request_events e
        where e.request_id = q.id and e.type = 'status_changed' and e.metadata ->> 'to' = 'resolved'
          and e.created_at <= q.legal_due_at),
      case when q.resolved_at <= q.legal_due_at then q.resolved_at end) as met_at
  from requests q
  where q.legal_due_at is not null
) m
where m.id = r.id and m.met_at is not null;

update requests set due_at = review_due_at where legal_met_at is not null and due_at <> review_due_at;

-- The overdue view now asks whether the legal deadline was met: the index of 0005 carries that
-- too, so the view's count still reads the index alone.
drop index requests_open_due_idx;
create index requests_open_due_idx on requests (organization_id, due_at) include (paused_since, legal_due_at, legal_met_at)
  where status in ('new', 'in_progress', 'waiting_for_requester');
