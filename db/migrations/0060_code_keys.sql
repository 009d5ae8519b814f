-- Unit and building codes sort naturally (1-1-902 before 1-1-1001, 2-… after 1-10-…): a sort key kept beside
-- each code (shared/kernel/natural-sort.ts: digit runs length-prefixed), written with the code by the
-- services and filled here for the rows already there (migrations/index.ts). Lists order by (code_key, code).
ALTER TABLE buildings ADD COLUMN code_key TEXT;
ALTER TABLE units ADD COLUMN code_key TEXT;
