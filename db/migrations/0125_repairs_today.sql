-- Repairs on Today and the dashboard (issue 9).
-- The cashier's queue: paid orders whose charge is still to collect (few at any time: a partial index).
CREATE INDEX repairs_charge_pending ON repairs (finished_at) WHERE charge_state = 'pending';

-- A closed month's callback rate, frozen by the first write after the month ended (a callback attempt
-- recorded late, back-dated into that month, no longer changes the month's figure).
CREATE TABLE callback_rate_months (
  month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  due INTEGER NOT NULL CHECK (due >= 0),
  on_time INTEGER NOT NULL CHECK (on_time >= 0 AND on_time <= due),
  frozen_at TEXT NOT NULL
) STRICT;
