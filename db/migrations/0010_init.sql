-- FrontDesk initial schema. Forward only: never edit once landed; add a new file instead.
-- Keys are UUIDv7 text; every row carries created_at / updated_at (ISO UTC). Records are voided, never deleted.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id              TEXT PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('clerk', 'cashier', 'supervisor', 'manager')),
  password_hash   TEXT NOT NULL,
  password_salt   TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE buildings (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  note        TEXT,
  voided_at   TEXT,
  void_reason TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX buildings_code_live ON buildings (code) WHERE voided_at IS NULL;

CREATE TABLE units (
  id          TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings (id),
  code        TEXT NOT NULL,
  use         TEXT NOT NULL CHECK (use IN ('residential', 'office', 'business_apartment', 'shop')),
  floor       INTEGER,
  area_m2     REAL CHECK (area_m2 IS NULL OR area_m2 > 0),
  note        TEXT,
  voided_at   TEXT,
  void_reason TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX units_code_live ON units (code) WHERE voided_at IS NULL;
CREATE INDEX units_building ON units (building_id, code);

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('person', 'company')),
  name            TEXT NOT NULL,
  phone           TEXT,
  phone2          TEXT,
  id_type         TEXT CHECK (id_type IS NULL OR id_type IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'business_license', 'other')),
  id_number       TEXT,
  contact_person  TEXT,
  emergency_name  TEXT,
  emergency_phone TEXT,
  birthday        TEXT,
  note            TEXT,
  voided_at       TEXT,
  void_reason     TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX people_id_number ON people (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX people_phone ON people (phone) WHERE phone IS NOT NULL;

CREATE TABLE unit_people (
  id          TEXT PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES units (id),
  person_id   TEXT NOT NULL REFERENCES people (id),
  relation    TEXT NOT NULL CHECK (relation IN ('owner', 'co_owner', 'family', 'tenant', 'company')),
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  voided_at   TEXT,
  void_reason TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX unit_people_unit ON unit_people (unit_id);
CREATE INDEX unit_people_person ON unit_people (person_id);

-- 房屋动态: one row per change of a unit's state, with the date it took effect.
CREATE TABLE occupancy_history (
  id             TEXT PRIMARY KEY,
  unit_id        TEXT NOT NULL REFERENCES units (id),
  state          TEXT NOT NULL CHECK (state IN ('not_handed_over', 'vacant', 'under_decoration', 'owner_occupied', 'office_in_use', 'rented')),
  effective_date TEXT NOT NULL,
  source         TEXT NOT NULL,
  note           TEXT,
  created_by     TEXT REFERENCES users (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
-- id is time-ordered (UUIDv7), so (unit, date, id) picks the last change made for a day.
CREATE INDEX occupancy_unit_date ON occupancy_history (unit_id, effective_date, id);

-- Append-only: the triggers below refuse any UPDATE or DELETE.
CREATE TABLE audit_log (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  before    TEXT,
  after     TEXT
) STRICT;
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Human-facing numbers (FX-2026-000123): one counter per prefix and year, advanced in the record's transaction.
CREATE TABLE sequences (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  value  INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
) STRICT;
