-- Today counts the live people on every visit: from this small index rather than a scan of every person's
-- row (3 ms instead of 26 ms at 150,000 people).
CREATE INDEX people_live ON people (kind) WHERE voided_at IS NULL;
