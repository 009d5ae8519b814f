-- The monthly occupancy report (月度物业动态信息表): finalised snapshots, their revisions, accepted
-- warnings, and what makes a month's figures fast at 50,000 units and years of history.

-- "The month's changes": history rows dated inside a month, answered from this index alone.
CREATE INDEX occupancy_history_date ON occupancy_history (effective_date, unit_id, id, state);
-- Live units by building, counted from the index alone.
CREATE INDEX units_live_building ON units (building_id) WHERE voided_at IS NULL;

-- Month-end counts kept when a month closes (a cache, rebuilt from the history whenever it is missing):
-- for each kept month end, how many live units of each building had each state that day (units with no
-- history by then are not counted here; they are the units of the building less these). The triggers
-- below keep every kept month end exact when a change is recorded later with an earlier date, or a
-- unit is voided or moved to another building, in the same transaction.
CREATE TABLE occupancy_month_ends (
  month_end  TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE occupancy_month_end_counts (
  building_id TEXT NOT NULL REFERENCES buildings (id),
  month_end   TEXT NOT NULL REFERENCES occupancy_month_ends (month_end),
  state       TEXT NOT NULL,
  units       INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (building_id, month_end, state)
) STRICT, WITHOUT ROWID;
CREATE INDEX occupancy_month_end_counts_month ON occupancy_month_end_counts (month_end);

-- A history row changes the unit's state on every kept month end from its date until the unit's next
-- change: one less in the state it had there, one more in the state it has now.
CREATE TRIGGER occupancy_month_ends_history AFTER INSERT ON occupancy_history
WHEN EXISTS (SELECT 1 FROM occupancy_month_ends WHERE month_end >= NEW.effective_date)
BEGIN
  UPDATE occupancy_month_end_counts AS c SET units = c.units - 1, updated_at = NEW.created_at
   WHERE c.building_id = (SELECT building_id FROM units WHERE id = NEW.unit_id AND voided_at IS NULL)
     AND c.month_end >= NEW.effective_date
     AND c.state IS (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.unit_id AND h.effective_date <= c.month_end AND h.id <> NEW.id
                      ORDER BY h.effective_date DESC, h.id DESC LIMIT 1)
     AND c.state IS NOT (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.unit_id AND h.effective_date <= c.month_end
                          ORDER BY h.effective_date DESC, h.id DESC LIMIT 1);
  INSERT INTO occupancy_month_end_counts (building_id, month_end, state, units, created_at, updated_at)
  SELECT x.building_id, x.month_end, x.after, 1, NEW.created_at, NEW.created_at FROM (
    SELECT u.building_id, e.month_end,
           (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.unit_id AND h.effective_date <= e.month_end
             ORDER BY h.effective_date DESC, h.id DESC LIMIT 1) AS after,
           (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.unit_id AND h.effective_date <= e.month_end AND h.id <> NEW.id
             ORDER BY h.effective_date DESC, h.id DESC LIMIT 1) AS before
      FROM occupancy_month_ends e JOIN units u ON u.id = NEW.unit_id AND u.voided_at IS NULL
     WHERE e.month_end >= NEW.effective_date) AS x
   WHERE x.after IS NOT x.before
  ON CONFLICT (building_id, month_end, state) DO UPDATE SET units = units + 1, updated_at = excluded.updated_at;
END;

-- A unit voided (or moved to another building) leaves the counts of its old building on every kept month end.
CREATE TRIGGER occupancy_month_ends_unit AFTER UPDATE OF building_id, voided_at ON units
WHEN (OLD.building_id IS NOT NEW.building_id OR OLD.voided_at IS NOT NEW.voided_at) AND EXISTS (SELECT 1 FROM occupancy_month_ends)
BEGIN
  UPDATE occupancy_month_end_counts AS c SET units = c.units - 1, updated_at = NEW.updated_at
   WHERE OLD.voided_at IS NULL AND c.building_id = OLD.building_id
     AND c.state IS (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.id AND h.effective_date <= c.month_end
                      ORDER BY h.effective_date DESC, h.id DESC LIMIT 1);
  INSERT INTO occupancy_month_end_counts (building_id, month_end, state, units, created_at, updated_at)
  SELECT NEW.building_id, x.month_end, x.state, 1, NEW.updated_at, NEW.updated_at FROM (
    SELECT e.month_end, (SELECT h.state FROM occupancy_history h WHERE h.unit_id = NEW.id AND h.effective_date <= e.month_end
                          ORDER BY h.effective_date DESC, h.id DESC LIMIT 1) AS state
      FROM occupancy_month_ends e) AS x
   WHERE NEW.voided_at IS NULL AND x.state IS NOT NULL
  ON CONFLICT (building_id, month_end, state) DO UPDATE SET units = units + 1, updated_at = excluded.updated_at;
END;

-- A finalised report (and each revision of it): a snapshot that never changes. Revision 0 is the
-- original; a revision is a new row with the next revision number and its reason, the earlier ones stay.
CREATE TABLE occupancy_reports (
  id           TEXT PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  month        TEXT NOT NULL,
  revision     INTEGER NOT NULL CHECK (revision >= 0),
  reason       TEXT,
  as_of        TEXT NOT NULL,
  -- The figures per building and in total, the warnings and how each was accepted (JSON): what the report page shows.
  figures      TEXT NOT NULL,
  warnings     TEXT NOT NULL,
  finalised_by TEXT REFERENCES users (id),
  finalised_at TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (month, revision),
  CHECK ((revision = 0) = (reason IS NULL))
) STRICT;
CREATE TRIGGER occupancy_reports_no_update BEFORE UPDATE ON occupancy_reports BEGIN SELECT RAISE(ABORT, 'a finalised occupancy report never changes'); END;
CREATE TRIGGER occupancy_reports_no_delete BEFORE DELETE ON occupancy_reports BEGIN SELECT RAISE(ABORT, 'a finalised occupancy report never changes'); END;

-- The units behind every figure of a snapshot, one row a building: each unit's code and state at month
-- end, and the month's movements (JSON), as they were when the report was finalised.
CREATE TABLE occupancy_report_buildings (
  report_id   TEXT NOT NULL REFERENCES occupancy_reports (id),
  building_id TEXT NOT NULL,
  units       TEXT NOT NULL,
  movements   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (report_id, building_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER occupancy_report_buildings_no_update BEFORE UPDATE ON occupancy_report_buildings BEGIN SELECT RAISE(ABORT, 'a finalised occupancy report never changes'); END;
CREATE TRIGGER occupancy_report_buildings_no_delete BEFORE DELETE ON occupancy_report_buildings BEGIN SELECT RAISE(ABORT, 'a finalised occupancy report never changes'); END;

-- History recorded after a month was finalised with a date on or before its last day: the candidates for
-- "N units changed since finalisation" on the month's latest snapshot (kept by the trigger, whoever writes).
CREATE TABLE occupancy_report_late (
  report_id  TEXT NOT NULL REFERENCES occupancy_reports (id),
  history_id TEXT NOT NULL REFERENCES occupancy_history (id),
  unit_id    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (report_id, history_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX occupancy_reports_month_end ON occupancy_reports (as_of, revision);
CREATE TRIGGER occupancy_report_late_history AFTER INSERT ON occupancy_history
WHEN EXISTS (SELECT 1 FROM occupancy_reports WHERE as_of >= NEW.effective_date)
BEGIN
  INSERT INTO occupancy_report_late (report_id, history_id, unit_id, created_at, updated_at)
  SELECT r.id, NEW.id, NEW.unit_id, NEW.created_at, NEW.created_at FROM occupancy_reports r
   WHERE r.as_of >= NEW.effective_date
     AND NOT EXISTS (SELECT 1 FROM occupancy_reports r2 WHERE r2.month = r.month AND r2.revision > r.revision);
END;

-- A warning of a month accepted as it is (who, when, why), instead of being resolved in the data.
CREATE TABLE occupancy_report_acceptances (
  id          TEXT PRIMARY KEY,
  month       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  subject_id  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  accepted_by TEXT REFERENCES users (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX occupancy_report_acceptances_month ON occupancy_report_acceptances (month, kind, subject_id);
