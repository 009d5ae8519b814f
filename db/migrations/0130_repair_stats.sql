-- The monthly repair statistics (issue 9): each figure reads one range of one of these covering indexes and
-- never the orders' rows (a row holds the signatures' data URLs before its finish time, so reading finished_at
-- from the table walks their overflow pages). Measured at the bench site (500,000 orders, 450,000 callbacks):
-- see README / the bench's repairs section for the figures before and after.
-- Orders received in a month, by category, urgency, paid / free, voided apart.
CREATE INDEX repairs_stats_received ON repairs (created_at, state, category, urgent, paid);
-- Orders picked up in a month: from when engineering was told (or received) to the signature.
CREATE INDEX repairs_stats_picked_up ON repairs (picked_up_at, state, dispatched_at, created_at) WHERE picked_up_at IS NOT NULL;
-- Orders finished in a month: time to complete, and the paid ones' charges and how they stand.
CREATE INDEX repairs_stats_finished ON repairs (finished_at, state, category, created_at, paid, charge_state, charge_total_fen) WHERE finished_at IS NOT NULL;
-- The callback rate of one source's callbacks (repairs now; complaints later) over their due dates.
CREATE INDEX callbacks_stats_due ON callbacks (source_kind, due_date, state, done_date);
-- The answers of the customers reached in a month.
CREATE INDEX callback_attempts_reached ON callback_attempts (at, callback_id, satisfaction) WHERE reached = 1;
