import type { IdType, OccupancyState, UnitUse } from './enums';

/** A person or company as read from one row of an import file. */
export interface ImportParty {
  name: string;
  kind: 'person' | 'company';
  phone: string | null;
  idType: IdType | null;
  idNumber: string | null;
  /** For a company: the contact person's name. */
  contactPerson: string | null;
  /** Optional extras (demo data and richer files): ISO birthday, emergency contact. */
  birthday?: string | null;
  emergencyName?: string | null;
  emergencyPhone?: string | null;
  /** Set when the birthday was read from the resident ID number because the file gave none. */
  birthdayFromId?: true;
  /** From a 业主备注 / 租户备注 column; stored in the person's note. */
  note?: string;
}

/** One row of an import file, normalised. `line` is the row number the clerk sees in the spreadsheet (1-based). */
export interface ImportRow {
  line: number;
  buildingCode: string;
  buildingName: string | null;
  unitCode: string;
  use: UnitUse;
  floor: number | null;
  areaM2: number | null;
  state: OccupancyState | null;
  owner: ImportParty | null;
  tenant: ImportParty | null;
  /** ISO date the tenancy started, when the file gives one. */
  tenancyStart: string | null;
  /** Optional extras (demo data): co-owners and family members living in the unit. */
  coOwners?: ImportParty[];
  family?: ImportParty[];
  /** Set when the floor was read from the room number (902 → 9) because the file gave none. */
  floorFromCode?: true;
  /** Set when the file gave no use (no 用途 column, or an empty cell): `use` is then the default, residential. */
  useDefaulted?: true;
  /** From a 备注 column; stored in the unit's note. */
  note?: string;
}

/**
 * Why a line of the file is not imported. `blank`, `summary` (合计…) and `note` (a lone 注：… line) are
 * found while parsing; `duplicate` and `error` are rows with problems (left out when only the valid
 * rows are imported); `unchanged` is a unit that already exists with nothing in the row to change.
 */
export type SkipReason = 'blank' | 'summary' | 'note' | 'duplicate' | 'error' | 'unchanged';
export const SKIP_REASONS: readonly SkipReason[] = ['blank', 'summary', 'note', 'duplicate', 'error', 'unchanged'];

/** A problem in one cell; `code` is an i18n key under `import.error.*`, `params` fill its placeholders. */
export interface ImportIssue {
  line: number;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedImport {
  /** Which known column each recognised header was mapped to, e.g. { unitCode: '房号' }. */
  columns: Record<string, string>;
  headerLine: number;
  rows: ImportRow[];
  /** Rows with at least one error are not in `rows`; their problems are here. */
  errors: ImportIssue[];
  /** File-level problems (wrong columns, unreadable file, empty file). When non-empty, rows is empty. */
  fileErrors: ImportIssue[];
  totalLines: number;
  encoding: string | null;
  /** Lines under the header that are not rows at all: blank lines between rows, totals, lone notes. */
  skipped: Array<{ line: number; reason: 'blank' | 'summary' | 'note' }>;
  /** Headers of the file that are not imported (序号, an unknown column, a second 电话 column…), as written. */
  ignoredColumns: string[];
}
