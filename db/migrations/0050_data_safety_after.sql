-- After the rows already there are chained (audit-chain.ts): the append-only rules, now also refusing
-- INSERT OR REPLACE (a duplicate id or seq on insert), from any tool, with or without recursive triggers.
CREATE UNIQUE INDEX audit_seq ON audit_log (seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- Two EXISTS, each answered by its own index (one with OR would scan the table at every insert).
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) OR EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
  WHEN NEW.seq IS NULL OR NEW.hash IS NULL
  BEGIN SELECT RAISE(ABORT, 'audit rows are written by FrontDesk with their hash'); END;
