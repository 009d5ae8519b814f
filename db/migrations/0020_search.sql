-- Global search: prefix terms for unit codes, names, pinyin initials and phone tails.
-- Terms are computed in the host (pinyin needs a dictionary); this migration creates the table
-- and fills it for existing rows with what SQL can compute; the host completes pinyin terms
-- (search_terms_pending marks rows whose pinyin terms are still to be added).
CREATE TABLE search_terms (
  term     TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('unit', 'person')),
  ref_id   TEXT NOT NULL,
  PRIMARY KEY (term, kind, ref_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_terms_ref ON search_terms (ref_id);

INSERT OR IGNORE INTO search_terms (term, kind, ref_id)
  SELECT lower(code), 'unit', id FROM units WHERE voided_at IS NULL;
INSERT OR IGNORE INTO search_terms (term, kind, ref_id)
  SELECT lower(name), 'person', id FROM people WHERE voided_at IS NULL;
INSERT OR IGNORE INTO search_terms (term, kind, ref_id)
  SELECT substr(phone, -4), 'person', id FROM people WHERE voided_at IS NULL AND phone IS NOT NULL AND length(phone) >= 4;
INSERT OR IGNORE INTO search_terms (term, kind, ref_id)
  SELECT phone, 'person', id FROM people WHERE voided_at IS NULL AND phone IS NOT NULL;

CREATE TABLE search_terms_pending (
  person_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
INSERT INTO search_terms_pending (person_id) SELECT id FROM people WHERE voided_at IS NULL;
