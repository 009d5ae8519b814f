-- Repairs (报修 / 维修派工, procedure 十三) and the callbacks (回访, procedure 八) finished work creates.
-- Money is integer fen. Settings (technicians, price list, areas, categories) are copied onto the order as
-- they were when used, so a later change of the list never rewrites an old order.
CREATE TABLE repairs (
  id                   TEXT PRIMARY KEY,
  number               TEXT NOT NULL UNIQUE,
  state                TEXT NOT NULL CHECK (state IN ('received', 'dispatched', 'picked_up', 'completed', 'closed', 'reopened', 'voided')),
  unit_id              TEXT REFERENCES units (id),
  area_code            TEXT,
  place_name           TEXT NOT NULL,
  category             TEXT NOT NULL,
  category_name        TEXT NOT NULL,
  reporter_person_id   TEXT REFERENCES people (id),
  reporter_name        TEXT NOT NULL,
  reporter_phone       TEXT NOT NULL,
  reporter_phone_last4 TEXT NOT NULL,
  reported_at          TEXT NOT NULL,
  description          TEXT NOT NULL,
  appointment_at       TEXT,
  urgent               INTEGER NOT NULL CHECK (urgent IN (0, 1)),
  paid                 INTEGER NOT NULL CHECK (paid IN (0, 1)),
  price_told           INTEGER NOT NULL DEFAULT 0 CHECK (price_told IN (0, 1)),
  charge_total_fen     INTEGER NOT NULL DEFAULT 0 CHECK (charge_total_fen >= 0),
  charge_state         TEXT NOT NULL CHECK (charge_state IN ('none', 'pending', 'collected', 'waived')),
  charge_note          TEXT,
  charge_by            TEXT REFERENCES users (id),
  charge_at            TEXT,
  notified_name        TEXT,
  dispatched_at        TEXT,
  chase_count          INTEGER NOT NULL DEFAULT 0,
  last_chased_at       TEXT,
  technician_code      TEXT,
  technician_name      TEXT,
  technician_trade     TEXT,
  technician_phone     TEXT,
  technician_signature TEXT,
  picked_up_at         TEXT,
  work_done            TEXT,
  materials            TEXT,
  requester_sign       TEXT CHECK (requester_sign IN ('screen', 'paper')),
  requester_signature  TEXT,
  finished_at          TEXT,
  leak_test_date       TEXT,
  reopen_count         INTEGER NOT NULL DEFAULT 0,
  end_reason           TEXT,
  created_by           TEXT REFERENCES users (id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK ((unit_id IS NULL) <> (area_code IS NULL))
) STRICT;
-- Today: orders waiting for a technician (a small, hot set).
CREATE INDEX repairs_not_picked_up ON repairs (created_at) WHERE state IN ('received', 'dispatched', 'reopened');
-- End of day and the open list: orders not returned or not finished.
CREATE INDEX repairs_state ON repairs (state, created_at);
CREATE INDEX repairs_unit ON repairs (unit_id, created_at) WHERE unit_id IS NOT NULL;
CREATE INDEX repairs_phone ON repairs (reporter_phone);
CREATE INDEX repairs_phone_last4 ON repairs (reporter_phone_last4, created_at);
CREATE INDEX repairs_created ON repairs (created_at);

CREATE TABLE repair_charges (
  id             TEXT PRIMARY KEY,
  repair_id      TEXT NOT NULL REFERENCES repairs (id),
  line           INTEGER NOT NULL,
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('labour', 'material')),
  unit_of_count  TEXT NOT NULL,
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  amount_fen     INTEGER NOT NULL CHECK (amount_fen = unit_price_fen * quantity),
  UNIQUE (repair_id, line)
) STRICT;

-- The callback queue is generic: repairs are its first source; complaints and requests will follow.
CREATE TABLE callbacks (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  source_kind   TEXT NOT NULL,
  source_id     TEXT NOT NULL,
  source_number TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('open', 'escalated', 'done', 'cancelled')),
  due_date      TEXT NOT NULL,
  place_name    TEXT NOT NULL,
  contact_name  TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  unreached     INTEGER NOT NULL DEFAULT 0,
  escalated_at  TEXT,
  outcome       TEXT CHECK (outcome IN ('closed', 'reopened')),
  done_at       TEXT,
  done_date     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
-- Today's queue: open callbacks by due date (overdue first).
CREATE INDEX callbacks_queue ON callbacks (due_date) WHERE state IN ('open', 'escalated');
-- The rate: callbacks by due date with how they ended.
CREATE INDEX callbacks_due ON callbacks (due_date, state, done_date);
CREATE INDEX callbacks_source ON callbacks (source_kind, source_id);

CREATE TABLE callback_attempts (
  id           TEXT PRIMARY KEY,
  callback_id  TEXT NOT NULL REFERENCES callbacks (id),
  channel      TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'sms')),
  at           TEXT NOT NULL,
  reached      INTEGER NOT NULL CHECK (reached IN (0, 1)),
  fixed        INTEGER CHECK (fixed IN (0, 1)),
  satisfaction TEXT CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'neutral', 'unsatisfied')),
  note         TEXT,
  by_user      TEXT REFERENCES users (id),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX callback_attempts_callback ON callback_attempts (callback_id, at);
