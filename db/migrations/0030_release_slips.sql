-- Goods-release slips (物品放行条), procedure 四 / 十五.
CREATE TABLE release_slips (
  id                TEXT PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  unit_id           TEXT NOT NULL REFERENCES units (id),
  state             TEXT NOT NULL CHECK (state IN ('draft', 'awaiting_verification', 'ready_to_issue', 'issued', 'exited', 'refused', 'voided')),
  nature            TEXT NOT NULL CHECK (nature IN ('moving_out', 'temporary')),
  reason            TEXT NOT NULL,
  carrier_type      TEXT NOT NULL CHECK (carrier_type IN ('owner', 'tenant', 'family', 'helper', 'decoration_worker', 'company_employee', 'other')),
  carrier_person_id TEXT REFERENCES people (id),
  carrier_name      TEXT NOT NULL,
  carrier_phone     TEXT,
  carrier_id_type   TEXT,
  carrier_id_number TEXT,
  tenant_move_out   INTEGER NOT NULL DEFAULT 0 CHECK (tenant_move_out IN (0, 1)),
  tenancy_link_id   TEXT REFERENCES unit_people (id),
  meter_readings    TEXT,
  fees_cleared_by   TEXT REFERENCES users (id),
  fees_cleared_at   TEXT,
  fees_receipt      TEXT,
  sig_clerk         TEXT,
  sig_carrier       TEXT,
  sig_owner         TEXT,
  recording_ref     TEXT,
  issued_by         TEXT REFERENCES users (id),
  issued_at         TEXT,
  exited_by         TEXT REFERENCES users (id),
  exited_at         TEXT,
  end_reason        TEXT,
  print_count       INTEGER NOT NULL DEFAULT 0,
  created_by        TEXT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX release_slips_unit ON release_slips (unit_id, created_at);
CREATE INDEX release_slips_state ON release_slips (state, created_at);
CREATE INDEX release_slips_exited ON release_slips (exited_at) WHERE exited_at IS NOT NULL;

CREATE TABLE release_slip_items (
  id             TEXT PRIMARY KEY,
  slip_id        TEXT NOT NULL REFERENCES release_slips (id),
  line           INTEGER NOT NULL,
  name           TEXT NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
  unit_of_count  TEXT NOT NULL,
  remark         TEXT,
  UNIQUE (slip_id, line)
) STRICT;

CREATE TABLE release_slip_calls (
  id            TEXT PRIMARY KEY,
  slip_id       TEXT NOT NULL REFERENCES release_slips (id),
  contact_role  TEXT NOT NULL CHECK (contact_role IN ('owner', 'company_head', 'decoration_manager')),
  contact_name  TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  called_at     TEXT NOT NULL,
  answer        TEXT NOT NULL CHECK (answer IN ('agreed', 'refused', 'unreachable')),
  note          TEXT,
  recorded_by   TEXT REFERENCES users (id),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX release_slip_calls_slip ON release_slip_calls (slip_id, called_at);

-- The slip's timeline: every step with who and when (append-only, like the audit log).
CREATE TABLE release_slip_events (
  id       TEXT PRIMARY KEY,
  slip_id  TEXT NOT NULL REFERENCES release_slips (id),
  at       TEXT NOT NULL,
  user_id  TEXT REFERENCES users (id),
  action   TEXT NOT NULL,
  detail   TEXT
) STRICT;
CREATE INDEX release_slip_events_slip ON release_slip_events (slip_id, at);
CREATE TRIGGER release_slip_events_no_update BEFORE UPDATE ON release_slip_events BEGIN SELECT RAISE(ABORT, 'release_slip_events is append-only'); END;
CREATE TRIGGER release_slip_events_no_delete BEFORE DELETE ON release_slip_events BEGIN SELECT RAISE(ABORT, 'release_slip_events is append-only'); END;
