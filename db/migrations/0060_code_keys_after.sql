CREATE INDEX buildings_code_key ON buildings (code_key, code);
CREATE INDEX units_code_key ON units (building_id, code_key, code);
