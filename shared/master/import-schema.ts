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
}

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
}
