-- The monthly report's "rented with no active tenancy" check asks, for each of the ~20 % of units that are
-- rented, whether a tenancy covers the day: answered from this small index alone (138 → 21 ms at 50,000 units).
CREATE INDEX unit_people_tenancy ON unit_people (unit_id, start_date, end_date) WHERE relation = 'tenant' AND voided_at IS NULL;
