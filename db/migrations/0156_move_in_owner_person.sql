-- A move-in found by its owner: the owners' people to their records (the list's search by name).
CREATE INDEX move_in_owners_person ON move_in_owners (person_id, move_in_id);
