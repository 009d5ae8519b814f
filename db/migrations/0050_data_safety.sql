-- Data safety (issue 6).
-- The file says it is FrontDesk's: 'FDK1'. A restore or a start accepts only a file that carries it
-- (or an older FrontDesk schema, which the migrations then stamp).
PRAGMA application_id = 1178880817;

-- Facts about this database file itself, not the site's settings.
--   created_at          when FrontDesk created the file (or first migrated it to this version)
--   setup_completed_at  set by first-run setup; setup.init is offered only while it is absent
--   unclean_stop        a notice for the next manager who signs in (JSON), removed once shown
CREATE TABLE site_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO site_meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO site_meta (key, value) SELECT 'setup_completed_at', min(created_at) FROM users HAVING count(*) > 0;

-- The audit log becomes a hash chain: seq orders it, hash = SHA-256(previous hash, the row). The host
-- fills seq and hash of the rows already there (see electron/host/audit-chain.ts) in this transaction.
-- via: 'app' or 'cli'; os_user: the operating-system user of a CLI action.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN via TEXT NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'cli'));
ALTER TABLE audit_log ADD COLUMN os_user TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
