-- Move-in (入伙 / 交房, procedure 一): the RH record, its steps in order, owners, keys, the inspection and its
-- rectification items; the developer's move-in notices (入伙通知书) imported by batch; moving in (入住,
-- procedure 三) with its internal notice (入住知会单) and each department's receipt. Money is integer fen.
-- What the settings said when it was used (rate, months, deposit, templates) is copied onto the record.
CREATE TABLE move_in_batches (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('preview', 'committed')),
  preview     TEXT,
  valid       INTEGER NOT NULL DEFAULT 0,
  invalid     INTEGER NOT NULL DEFAULT 0,
  created_by  TEXT REFERENCES users (id),
  created_at  TEXT NOT NULL,
  committed_at TEXT
) STRICT;

CREATE TABLE move_in_notices (
  id          TEXT PRIMARY KEY,
  batch_id    TEXT NOT NULL REFERENCES move_in_batches (id),
  line        INTEGER NOT NULL,
  unit_id     TEXT NOT NULL REFERENCES units (id),
  owner_name  TEXT NOT NULL,
  phone       TEXT,
  notice_date TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX move_in_notices_batch ON move_in_notices (batch_id, line);
CREATE INDEX move_in_notices_unit ON move_in_notices (unit_id, notice_date);

CREATE TABLE move_ins (
  id                      TEXT PRIMARY KEY,
  number                  TEXT NOT NULL UNIQUE,
  state                   TEXT NOT NULL CHECK (state IN ('open', 'not_handed_over', 'handed_over', 'voided')),
  unit_id                 TEXT NOT NULL REFERENCES units (id),
  unit_code               TEXT NOT NULL,
  building_id             TEXT NOT NULL REFERENCES buildings (id),
  unit_use                TEXT NOT NULL CHECK (unit_use IN ('residential', 'office', 'business_apartment', 'shop')),
  area_m2                 REAL,
  notice_id               TEXT REFERENCES move_in_notices (id),
  notice_date             TEXT,
  next_step               TEXT,
  fee_rate_fen            INTEGER NOT NULL CHECK (fee_rate_fen >= 0),
  fee_months              INTEGER NOT NULL CHECK (fee_months >= 0),
  fee_computed_fen        INTEGER CHECK (fee_computed_fen >= 0),
  fee_property_fen        INTEGER CHECK (fee_property_fen >= 0),
  fee_override_reason     TEXT,
  deposit_kind            TEXT NOT NULL CHECK (deposit_kind IN ('none', 'electricity', 'water')),
  deposit_fen             INTEGER NOT NULL CHECK (deposit_fen >= 0),
  fee_receipt             TEXT,
  fee_confirmed_at        TEXT,
  fee_confirmed_by        TEXT REFERENCES users (id),
  copies                  TEXT,
  copies_note             TEXT,
  bank_agreement          INTEGER,
  fire_safety_agreement   INTEGER,
  document_receipt        INTEGER,
  key_template            TEXT NOT NULL,
  keys                    TEXT,
  keys_signed_mode        TEXT CHECK (keys_signed_mode IN ('screen', 'paper')),
  keys_signature          TEXT,
  inspection_template     TEXT NOT NULL,
  inspection_date         TEXT,
  inspection_by           TEXT,
  meters                  TEXT,
  handover_date           TEXT,
  not_handed_over_reason  TEXT CHECK (not_handed_over_reason IN ('owner_refused', 'defects', 'fees')),
  handover_note           TEXT,
  defects_accepted        INTEGER NOT NULL DEFAULT 0,
  print_count             INTEGER NOT NULL DEFAULT 0,
  void_reason             TEXT,
  created_by              TEXT REFERENCES users (id),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX move_ins_unit ON move_ins (unit_id, created_at);
CREATE INDEX move_ins_building ON move_ins (building_id, state);
CREATE INDEX move_ins_state ON move_ins (state, created_at);
CREATE INDEX move_ins_created ON move_ins (created_at);
CREATE INDEX move_ins_notice ON move_ins (notice_id) WHERE notice_id IS NOT NULL;
-- One live record a unit: a second counter cannot start the same unit's move-in.
CREATE UNIQUE INDEX move_ins_one_live ON move_ins (unit_id) WHERE state IN ('open', 'not_handed_over', 'handed_over');

CREATE TABLE move_in_owners (
  move_in_id TEXT NOT NULL REFERENCES move_ins (id),
  person_id  TEXT NOT NULL REFERENCES people (id),
  seq        INTEGER NOT NULL,
  PRIMARY KEY (move_in_id, person_id)
) STRICT, WITHOUT ROWID;

-- The checklist: one row a step, done once, with who and when (the order is the rules').
CREATE TABLE move_in_steps (
  move_in_id TEXT NOT NULL REFERENCES move_ins (id),
  step       TEXT NOT NULL CHECK (step IN ('identity', 'fees', 'copies', 'archive', 'keys', 'inspection', 'handover', 'vacant')),
  by_user    TEXT REFERENCES users (id),
  at         TEXT NOT NULL,
  detail     TEXT,
  PRIMARY KEY (move_in_id, step)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER move_in_steps_no_update BEFORE UPDATE ON move_in_steps BEGIN SELECT RAISE(ABORT, 'move_in_steps is append-only'); END;
CREATE TRIGGER move_in_steps_no_delete BEFORE DELETE ON move_in_steps BEGIN SELECT RAISE(ABORT, 'move_in_steps is append-only'); END;

CREATE TABLE move_in_family (
  move_in_id TEXT NOT NULL REFERENCES move_ins (id),
  person_id  TEXT NOT NULL REFERENCES people (id),
  link_id    TEXT NOT NULL REFERENCES unit_people (id),
  PRIMARY KEY (move_in_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE move_in_inspection_items (
  id          TEXT PRIMARY KEY,
  move_in_id  TEXT NOT NULL REFERENCES move_ins (id),
  seq         INTEGER NOT NULL,
  area        TEXT NOT NULL,
  item        TEXT NOT NULL,
  result      TEXT NOT NULL CHECK (result IN ('ok', 'defective')),
  note        TEXT,
  critical    INTEGER NOT NULL CHECK (critical IN (0, 1)),
  UNIQUE (move_in_id, seq)
) STRICT;

CREATE TABLE move_in_rectifications (
  id                 TEXT PRIMARY KEY,
  move_in_id         TEXT NOT NULL REFERENCES move_ins (id),
  inspection_item_id TEXT NOT NULL UNIQUE REFERENCES move_in_inspection_items (id),
  description        TEXT NOT NULL,
  critical           INTEGER NOT NULL CHECK (critical IN (0, 1)),
  owner_opinion      TEXT NOT NULL,
  assigned_to        TEXT NOT NULL DEFAULT 'engineering',
  due_date           TEXT NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('open', 'fixed', 'accepted')),
  fixed_at           TEXT,
  fixed_by           TEXT REFERENCES users (id),
  fixed_note         TEXT,
  accepted_at        TEXT,
  accepted_by        TEXT REFERENCES users (id),
  reopened           INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX move_in_rect_record ON move_in_rectifications (move_in_id);
-- Today and the dashboard: open items by due date.
CREATE INDEX move_in_rect_due ON move_in_rectifications (due_date) WHERE state = 'open';

CREATE TABLE moving_ins (
  id                TEXT PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  state             TEXT NOT NULL CHECK (state IN ('notified', 'received', 'voided')),
  unit_id           TEXT NOT NULL REFERENCES units (id),
  unit_code         TEXT NOT NULL,
  occupant          TEXT NOT NULL CHECK (occupant IN ('owner', 'tenant')),
  person_id         TEXT NOT NULL REFERENCES people (id),
  on_date           TEXT NOT NULL,
  occupancy         TEXT NOT NULL CHECK (occupancy IN ('owner_occupied', 'office_in_use', 'rented')),
  prior_state       TEXT,
  tenancy_link_id   TEXT REFERENCES unit_people (id),
  owner_contact     TEXT,
  owner_phone       TEXT,
  owner_called_at   TEXT,
  owner_answer      TEXT CHECK (owner_answer IN ('agreed', 'refused', 'no_answer')),
  owner_note        TEXT,
  pledge_signed     INTEGER NOT NULL DEFAULT 0,
  lease_from        TEXT,
  lease_to          TEXT CHECK (lease_to IS NULL OR lease_from IS NULL OR lease_to >= lease_from),
  note              TEXT,
  print_count       INTEGER NOT NULL DEFAULT 0,
  void_reason       TEXT,
  created_by        TEXT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX moving_ins_unit ON moving_ins (unit_id, on_date);
CREATE INDEX moving_ins_created ON moving_ins (created_at);
CREATE INDEX moving_ins_waiting ON moving_ins (created_at) WHERE state = 'notified';

CREATE TABLE moving_in_receipts (
  moving_in_id TEXT NOT NULL REFERENCES moving_ins (id),
  department   TEXT NOT NULL CHECK (department IN ('security', 'engineering', 'cashier')),
  received_by  TEXT NOT NULL,
  by_user      TEXT REFERENCES users (id),
  at           TEXT NOT NULL,
  PRIMARY KEY (moving_in_id, department)
) STRICT, WITHOUT ROWID;
