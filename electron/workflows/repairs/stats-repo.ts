/**
 * The SQL of the monthly repair statistics: each figure reads one range of an index (the covering ones of
 * migration 0130), not the orders' rows past their signatures (data URLs stored before the pick-up and finish times).
 * Bounds are UTC instants as the app stores them (ISO, ms, Z), so comparing the strings compares the times.
 */
import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';
import type { ChargeState, RepairState } from '../../../shared/workflows/repairs/rules';

/** Orders received in [start, end) by category, voided apart (index repairs_created; the columns counted precede the signatures). */
export const receivedByCategory = (db: Db, startIso: string, endIso: string) =>
  q(db, `SELECT category, state = 'voided' AS voided, count(*) AS n, sum(urgent) AS urgent, sum(paid) AS paid
           FROM repairs WHERE created_at >= ? AND created_at < ? GROUP BY category, state = 'voided'`)
    .all<{ category: string; voided: 0 | 1; n: number; urgent: number; paid: number }>(startIso, endIso);

/** The name an order of this category carried (a category since removed from settings keeps its name). */
export const categoryNameIn = (db: Db, category: string, startIso: string, endIso: string) =>
  q(db, 'SELECT category_name FROM repairs WHERE created_at >= ? AND created_at < ? AND category = ? LIMIT 1').value<string>(startIso, endIso, category);

export interface FinishedRow {
  category: string;
  receivedAt: string;
  finishedAt: string;
  paid: 0 | 1;
  chargeState: ChargeState;
  chargeTotalFen: number;
}

/** Orders finished in [start, end), not voided (index repairs_stats_finished). */
export const finishedBetween = (db: Db, startIso: string, endIso: string) =>
  q(db, `SELECT category, created_at AS receivedAt, finished_at AS finishedAt, paid, charge_state AS chargeState, charge_total_fen AS chargeTotalFen
           FROM repairs WHERE finished_at >= ? AND finished_at < ? AND state <> 'voided'`).all<FinishedRow>(startIso, endIso);

/** Orders picked up in [start, end), not voided: when engineering was told (else received) and when the technician signed (index repairs_stats_picked_up). */
export const pickedUpBetween = (db: Db, startIso: string, endIso: string) =>
  q(db, `SELECT coalesce(dispatched_at, created_at) AS fromAt, picked_up_at AS pickedUpAt
           FROM repairs WHERE picked_up_at >= ? AND picked_up_at < ? AND state <> 'voided'`).all<{ fromAt: string; pickedUpAt: string }>(startIso, endIso);

export interface MonthOrderRow {
  number: string;
  placeName: string;
  category: string;
  categoryName: string;
  urgent: 0 | 1;
  paid: 0 | 1;
  chargeTotalFen: number;
  chargeState: ChargeState;
  state: RepairState;
  reportedAt: string;
  pickedUpAt: string | null;
  finishedAt: string | null;
}

/** Every order received in [start, end), voided ones too, in the order they came in (for the export). */
export const ordersReceivedBetween = (db: Db, startIso: string, endIso: string) =>
  q(db, `SELECT number, place_name AS placeName, category, category_name AS categoryName, urgent, paid, charge_total_fen AS chargeTotalFen,
                charge_state AS chargeState, state, reported_at AS reportedAt, picked_up_at AS pickedUpAt, finished_at AS finishedAt
           FROM repairs WHERE created_at >= ? AND created_at < ? ORDER BY created_at, number`).all<MonthOrderRow>(startIso, endIso);
