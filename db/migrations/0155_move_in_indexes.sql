-- Move-in at a large site's scale (bench section 10: 20,000 move-ins, 20,300 notices in 242 batches, 200,000
-- inspection items, 30,000 rectification items). The owners expected (Today, the notices page) and the dashboard's
-- "waiting" count are an anti-join of every notice ever imported against its live record: each notice now finds
-- it from an index alone (a move-in row holds its templates' JSON, so reading its state from the table walks a
-- page a notice). Measured at the bench site on a loaded 2-core machine (min–median of 15), before → after:
-- the waiting notices' count 30–75 → 6–7 ms (with the count no longer joining the units, service.listNotices),
-- the tile's waiting count 31–37 → 8–10 ms, the tile's rectification counts 10–11 → 1.3–1.5 ms, the fixed
-- queue's count 8–14 → 0.6–0.7 ms. The waiting notices' count itself is no anti-join any more (repo.waitingCount:
-- two index counts, 1 ms). A UNIQUE index on the live records' notice_id was tried and left out: SQLite then
-- prefers it, not covering, to move_ins_notice, and the anti-joins left (the batches, the waiting page) slow down.
DROP INDEX move_ins_notice;
CREATE INDEX move_ins_notice ON move_ins (notice_id, state, id) WHERE notice_id IS NOT NULL;
-- The notices by date (the waiting list is "dated today or before"), and a batch's notices, without their rows.
CREATE INDEX move_in_notices_date ON move_in_notices (notice_date, id, unit_id);
CREATE INDEX move_in_notices_batch_id ON move_in_notices (batch_id, id);
-- Rectification items not accepted yet (the dashboard's open / overdue / fixed counts), and each queue by state.
CREATE INDEX move_in_rect_pending ON move_in_rectifications (state, due_date, move_in_id) WHERE state != 'accepted';
CREATE INDEX move_in_rect_state ON move_in_rectifications (state, due_date);
