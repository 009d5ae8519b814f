import init from './0010_init.sql';
import search from './0020_search.sql';
import releaseSlips from './0030_release_slips.sql';
import unitState from './0040_unit_state.sql';
import dataSafety from './0050_data_safety.sql';
import dataSafetyAfter from './0050_data_safety_after.sql';
import { chainExistingRows } from '../audit-chain';
import codeKeys from './0060_code_keys.sql';
import codeKeysAfter from './0060_code_keys_after.sql';
import recordEvents from './0070_record_events.sql';
import slipSigners from './0080_slip_signers.sql';
import occupancyReports from './0090_occupancy_reports.sql';
import livePeople from './0100_live_people.sql';
import tenancies from './0110_tenancies.sql';
import repairs from './0120_repairs.sql';
import repairsToday from './0125_repairs_today.sql';
import repairStats from './0130_repair_stats.sql';
import decoration from './0140_decoration.sql';
import moveIn from './0150_move_in.sql';
import moveInIndexes from './0155_move_in_indexes.sql';
import moveInOwnerPerson from './0156_move_in_owner_person.sql';
import { naturalSortKey } from '../../shared/kernel/natural-sort';
import type { Db } from '../connection';

/** Ordered list of migrations; version N is the N-th entry. Bundled as text at build time. */
export interface Migration {
  name: string;
  sql: string;
  /** A step SQL cannot do (hashing), then more SQL; all in the migration's transaction. */
  complete?: (db: Db) => void;
  sqlAfter?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '0010_init', sql: init },
  { name: '0020_search', sql: search },
  { name: '0030_release_slips', sql: releaseSlips },
  { name: '0040_unit_state', sql: unitState },
  { name: '0050_data_safety', sql: dataSafety, complete: chainExistingRows, sqlAfter: dataSafetyAfter },
  { name: '0060_code_keys', sql: codeKeys, complete: fillCodeKeys, sqlAfter: codeKeysAfter },
  { name: '0070_record_events', sql: recordEvents },
  { name: '0080_slip_signers', sql: slipSigners },
  { name: '0090_occupancy_reports', sql: occupancyReports },
  { name: '0100_live_people', sql: livePeople },
  { name: '0110_tenancies', sql: tenancies },
  { name: '0120_repairs', sql: repairs },
  { name: '0125_repairs_today', sql: repairsToday },
  { name: '0130_repair_stats', sql: repairStats },
  { name: '0140_decoration', sql: decoration },
  { name: '0150_move_in', sql: moveIn },
  { name: '0155_move_in_indexes', sql: moveInIndexes },
  { name: '0156_move_in_owner_person', sql: moveInOwnerPerson },
];

/** Migration 6: the natural sort key of every building and unit code already there. */
function fillCodeKeys(db: Db): void {
  for (const table of ['buildings', 'units'] as const) {
    const set = db.prepare(`UPDATE ${table} SET code_key = ? WHERE rowid = ?`);
    for (const r of db.prepare(`SELECT rowid AS rid, code FROM ${table}`).all() as { rid: number; code: string }[]) set.run(naturalSortKey(r.code), r.rid);
  }
}
