-- One timeline for every kind of record (the workflow kit): who did what when, with what detail, on a
-- release slip today and on move-ins, permits, repairs and callbacks as they land. Append-only like the
-- audit log. The slips' own events table moves here unchanged (kind 'slip').
CREATE TABLE record_events (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  at         TEXT NOT NULL,
  user_id    TEXT REFERENCES users (id),
  action     TEXT NOT NULL,
  detail     TEXT
) STRICT;
CREATE INDEX record_events_record ON record_events (kind, record_id, at);
CREATE TRIGGER record_events_no_update BEFORE UPDATE ON record_events BEGIN SELECT RAISE(ABORT, 'record_events is append-only'); END;
CREATE TRIGGER record_events_no_delete BEFORE DELETE ON record_events BEGIN SELECT RAISE(ABORT, 'record_events is append-only'); END;

INSERT INTO record_events (id, kind, record_id, at, user_id, action, detail)
  SELECT id, 'slip', slip_id, at, user_id, action, detail FROM release_slip_events;
DROP TRIGGER release_slip_events_no_update;
DROP TRIGGER release_slip_events_no_delete;
DROP TABLE release_slip_events;
