-- Decoration permits (装修管理, procedure 二), their worker passes, patrols, violations, hot-work approvals,
-- completion inspections and the deposit ledger. Money is integer fen. What the settings said when it was used
-- (the fee schedule, the unit's use) is copied onto the permit, so a later change never rewrites an old one.
CREATE TABLE decorations (
  id                      TEXT PRIMARY KEY,
  number                  TEXT NOT NULL UNIQUE,
  state                   TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'under_way', 'inspection', 'completed', 'refunded', 'voided')),
  unit_id                 TEXT NOT NULL REFERENCES units (id),
  unit_code               TEXT NOT NULL,
  unit_use                TEXT NOT NULL CHECK (unit_use IN ('residential', 'office', 'business_apartment', 'shop')),
  applicant_kind          TEXT NOT NULL CHECK (applicant_kind IN ('owner', 'agent', 'tenant', 'company_tenant')),
  applicant_person_id     TEXT REFERENCES people (id),
  applicant_name          TEXT NOT NULL,
  applicant_phone         TEXT NOT NULL,
  self_decoration         INTEGER NOT NULL CHECK (self_decoration IN (0, 1)),
  contractor_company      TEXT,
  contractor_manager      TEXT,
  contractor_phone        TEXT,
  contractor_id_number    TEXT,
  work_from               TEXT NOT NULL,
  work_to                 TEXT NOT NULL CHECK (work_to >= work_from),
  workers                 INTEGER NOT NULL CHECK (workers >= 0),
  description             TEXT NOT NULL,
  gov_flags               TEXT NOT NULL DEFAULT '[]',
  gov_told_at             TEXT,
  gov_told_by             TEXT REFERENCES users (id),
  fees                    TEXT,
  fees_total_fen          INTEGER CHECK (fees_total_fen >= 0),
  fees_receipt            TEXT,
  fees_paid_at            TEXT,
  fees_paid_by            TEXT REFERENCES users (id),
  submitted_at            TEXT,
  approval_due            TEXT,
  approval_due_estimated  INTEGER NOT NULL DEFAULT 0,
  decided_at              TEXT,
  decided_by              TEXT REFERENCES users (id),
  reject_reason           TEXT,
  protection_by           TEXT,
  protection_note         TEXT,
  protection_at           TEXT,
  permit_issued_at        TEXT,
  prior_state             TEXT,
  inspection_requested_at TEXT,
  fire_receipt            TEXT,
  passed_on               TEXT,
  refund_due              TEXT,
  refund_requested_by     TEXT CHECK (refund_requested_by IN ('owner', 'contractor')),
  refund_owner_consent    INTEGER NOT NULL DEFAULT 0,
  refund_checks           TEXT,
  refund_utilities_fen    INTEGER CHECK (refund_utilities_fen >= 0),
  refund_signed           TEXT,
  refund_prepared_at      TEXT,
  refund_prepared_by      TEXT REFERENCES users (id),
  refund_receipt          TEXT,
  refunded_at             TEXT,
  refunded_by             TEXT REFERENCES users (id),
  last_patrol_date        TEXT,
  print_count             INTEGER NOT NULL DEFAULT 0,
  void_reason             TEXT,
  created_by              TEXT REFERENCES users (id),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX decorations_unit ON decorations (unit_id, created_at);
CREATE INDEX decorations_state ON decorations (state, created_at);
CREATE INDEX decorations_created ON decorations (created_at);
-- Today: approvals by deadline; permits under way by their last patrol; refunds by due date.
CREATE INDEX decorations_approval ON decorations (approval_due) WHERE state = 'submitted';
CREATE INDEX decorations_patrol ON decorations (last_patrol_date) WHERE state IN ('under_way', 'inspection');
CREATE INDEX decorations_refund ON decorations (refund_due) WHERE state IN ('completed', 'rejected');
CREATE INDEX decorations_contractor ON decorations (contractor_company) WHERE contractor_company IS NOT NULL;

-- The checklist: a document received, a commitment signed (the row exists while it is ticked).
CREATE TABLE decoration_items (
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  kind          TEXT NOT NULL CHECK (kind IN ('document', 'commitment')),
  code          TEXT NOT NULL,
  on_date       TEXT NOT NULL,
  by_user       TEXT REFERENCES users (id),
  at            TEXT NOT NULL,
  PRIMARY KEY (decoration_id, kind, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE decoration_passes (
  id            TEXT PRIMARY KEY,
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  number        TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  id_number     TEXT NOT NULL,
  phone         TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  valid_to      TEXT NOT NULL CHECK (valid_to >= valid_from),
  revoked_at    TEXT,
  revoked_by    TEXT REFERENCES users (id),
  revoke_reason TEXT,
  printed       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX decoration_passes_permit ON decoration_passes (decoration_id, created_at);

CREATE TABLE decoration_patrols (
  id            TEXT PRIMARY KEY,
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  on_date       TEXT NOT NULL,
  department    TEXT NOT NULL CHECK (department IN ('service', 'engineering', 'security')),
  by_name       TEXT NOT NULL,
  findings      TEXT,
  by_user       TEXT REFERENCES users (id),
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX decoration_patrols_permit ON decoration_patrols (decoration_id, on_date);

CREATE TABLE decoration_violations (
  id                   TEXT PRIMARY KEY,
  decoration_id        TEXT NOT NULL REFERENCES decorations (id),
  on_date              TEXT NOT NULL,
  severity             TEXT NOT NULL CHECK (severity IN ('minor', 'serious')),
  description          TEXT NOT NULL,
  hot_work             INTEGER NOT NULL CHECK (hot_work IN (0, 1)),
  hot_work_unapproved  INTEGER NOT NULL CHECK (hot_work_unapproved IN (0, 1)),
  warned_who           TEXT,
  owner_called_at      TEXT,
  owner_call_note      TEXT,
  contractor_called_at TEXT,
  contractor_call_note TEXT,
  signed_at            TEXT,
  penalty_fen          INTEGER CHECK (penalty_fen > 0),
  penalty_deducted_fen INTEGER CHECK (penalty_deducted_fen >= 0),
  penalty_note         TEXT,
  penalty_by           TEXT REFERENCES users (id),
  penalty_at           TEXT,
  rectified_at         TEXT,
  rectified_note       TEXT,
  by_user              TEXT REFERENCES users (id),
  at                   TEXT NOT NULL
) STRICT;
CREATE INDEX decoration_violations_permit ON decoration_violations (decoration_id, on_date);

CREATE TABLE decoration_hot_work (
  id            TEXT PRIMARY KEY,
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  from_at       TEXT NOT NULL,
  to_at         TEXT NOT NULL CHECK (to_at > from_at),
  location      TEXT NOT NULL,
  fire_watch    TEXT NOT NULL,
  approved_by   TEXT NOT NULL,
  by_user       TEXT REFERENCES users (id),
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX decoration_hot_work_permit ON decoration_hot_work (decoration_id, from_at);

CREATE TABLE decoration_inspections (
  decoration_id  TEXT NOT NULL REFERENCES decorations (id),
  seq            INTEGER NOT NULL,
  engineering_by TEXT NOT NULL,
  security_by    TEXT NOT NULL,
  passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
  by_user        TEXT REFERENCES users (id),
  at             TEXT NOT NULL,
  PRIMARY KEY (decoration_id, seq)
) STRICT;

CREATE TABLE decoration_problems (
  id            TEXT PRIMARY KEY,
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  inspection    INTEGER NOT NULL,
  description   TEXT NOT NULL,
  closed_at     TEXT,
  closed_note   TEXT,
  closed_by     TEXT REFERENCES users (id)
) STRICT;
CREATE INDEX decoration_problems_permit ON decoration_problems (decoration_id);

-- The deposit ledger: append-only. Amounts are positive fen; the kind gives the direction (payment in;
-- penalty, utilities and refund out). A permit's balance is the sum; it is never negative and 0 after the refund.
CREATE TABLE deposit_ledger (
  id            TEXT PRIMARY KEY,
  decoration_id TEXT NOT NULL REFERENCES decorations (id),
  seq           INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('payment', 'penalty', 'utilities', 'refund')),
  amount_fen    INTEGER NOT NULL CHECK (amount_fen >= 0),
  balance_fen   INTEGER NOT NULL CHECK (balance_fen >= 0),
  receipt       TEXT,
  note          TEXT,
  ref_id        TEXT,
  by_user       TEXT REFERENCES users (id),
  at            TEXT NOT NULL,
  UNIQUE (decoration_id, seq)
) STRICT;
CREATE INDEX deposit_ledger_kind ON deposit_ledger (kind, amount_fen);
CREATE TRIGGER deposit_ledger_no_update BEFORE UPDATE ON deposit_ledger BEGIN SELECT RAISE(ABORT, 'deposit_ledger is append-only'); END;
CREATE TRIGGER deposit_ledger_no_delete BEFORE DELETE ON deposit_ledger BEGIN SELECT RAISE(ABORT, 'deposit_ledger is append-only'); END;
-- Each entry follows the one before: the next seq, and the balance moved by exactly its amount.
CREATE TRIGGER deposit_ledger_follows BEFORE INSERT ON deposit_ledger
WHEN NEW.seq != COALESCE((SELECT MAX(seq) FROM deposit_ledger WHERE decoration_id = NEW.decoration_id), 0) + 1
  OR NEW.balance_fen != COALESCE((SELECT balance_fen FROM deposit_ledger WHERE decoration_id = NEW.decoration_id ORDER BY seq DESC LIMIT 1), 0)
                        + CASE NEW.kind WHEN 'payment' THEN NEW.amount_fen ELSE -NEW.amount_fen END
BEGIN SELECT RAISE(ABORT, 'deposit_ledger entry does not follow the one before'); END;
-- One refund per permit, whatever the code does.
CREATE UNIQUE INDEX deposit_ledger_one_refund ON deposit_ledger (decoration_id) WHERE kind = 'refund';
-- The deposits held, per permit (the ledger's last balance): kept in step by the ledger's writer, read by the manager's view.
CREATE TABLE deposit_balances (
  decoration_id TEXT PRIMARY KEY REFERENCES decorations (id),
  balance_fen   INTEGER NOT NULL CHECK (balance_fen >= 0),
  paid_at       TEXT NOT NULL
) STRICT;
CREATE INDEX deposit_balances_held ON deposit_balances (paid_at) WHERE balance_fen > 0;
