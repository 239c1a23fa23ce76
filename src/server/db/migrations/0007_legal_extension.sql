-- A request's legal answer term may be extended once, with the reason told to the requester:
-- 59-FZ art. 12 part 2 (by the head, up to 30 days) and 152-FZ art. 20 part 3 (up to 5 working
-- days). When it was extended; null while the term is the law's own. The reason is the body of the
-- request's public `legal_term_extended` event, so de-personalisation erases it with the timeline.
alter table requests add column legal_extended_at timestamptz;
