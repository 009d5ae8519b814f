-- The current occupancy state of each unit, kept on the unit row in the same transaction as every
-- history insert (states are never dated in the future), so lists filter by state through an index
-- instead of a history lookup per unit. The dated history stays the source of truth for past dates.
ALTER TABLE units ADD COLUMN state TEXT CHECK (state IS NULL OR state IN ('not_handed_over', 'vacant', 'under_decoration', 'owner_occupied', 'office_in_use', 'rented'));
UPDATE units SET state = (
  SELECT h.state FROM occupancy_history h WHERE h.unit_id = units.id ORDER BY h.effective_date DESC, h.id DESC LIMIT 1
);
CREATE INDEX units_state ON units (state) WHERE voided_at IS NULL;

-- Covering index: "the state of every unit on date D" is answered from the index alone.
CREATE INDEX occupancy_unit_date_state ON occupancy_history (unit_id, effective_date, id, state);
DROP INDEX occupancy_unit_date;
