import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';
import type { Building, LinkView, OccupancyEntry, PersonRow, UnitRow } from '../../../shared/master/schema';
import type { IdType, OccupancyState, PersonKind, Relation, UnitUse } from '../../../shared/master/enums';
import { maskIdNumber, maskPhone } from '../../../shared/master/id-number';

const mask = (v: string | null) => (v ? maskPhone(v) : null);

// ---------- buildings ----------
interface BuildingDb {
  id: string;
  code: string;
  name: string;
  note: string | null;
  voided_at: string | null;
  created_at: string;
  updated_at: string;
  unit_count: number;
}
const toBuilding = (r: BuildingDb): Building => ({
  id: r.id,
  code: r.code,
  name: r.name,
  note: r.note,
  unitCount: r.unit_count,
  voided: r.voided_at !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const BUILDING_SELECT = `SELECT b.*, (SELECT count(*) FROM units u WHERE u.building_id = b.id AND u.voided_at IS NULL) AS unit_count FROM buildings b`;

export function listBuildings(db: Db, includeVoided: boolean): Building[] {
  return q(db, `${BUILDING_SELECT} WHERE (? OR b.voided_at IS NULL) ORDER BY b.code_key, b.code`).all<BuildingDb>(includeVoided ? 1 : 0).map(toBuilding);
}
export function findBuilding(db: Db, id: string): Building | null {
  const r = q(db, `${BUILDING_SELECT} WHERE b.id = ?`).get<BuildingDb>(id);
  return r ? toBuilding(r) : null;
}
export function findBuildingByCode(db: Db, code: string): { id: string } | undefined {
  return q(db, 'SELECT id FROM buildings WHERE code = ? AND voided_at IS NULL').get<{ id: string }>(code);
}

// ---------- units ----------
interface UnitDb {
  id: string;
  building_id: string;
  building_code: string;
  code: string;
  use: UnitUse;
  floor: number | null;
  area_m2: number | null;
  note: string | null;
  voided_at: string | null;
  state: OccupancyState | null;
  state_since: string | null;
  owner_names: string | null;
}
const toUnit = (r: UnitDb): UnitRow => ({
  id: r.id,
  buildingId: r.building_id,
  buildingCode: r.building_code,
  code: r.code,
  use: r.use,
  floor: r.floor,
  areaM2: r.area_m2,
  state: r.state,
  stateSince: r.state_since,
  ownerNames: r.owner_names,
  note: r.note,
  voided: r.voided_at !== null,
});

/** The unit row with its state as of `date` (the latest history entry on or before it) and its current owners. */
const UNIT_SELECT = `
  SELECT u.id, u.building_id, b.code AS building_code, u.code, u.use, u.floor, u.area_m2, u.note, u.voided_at,
         h.state, h.effective_date AS state_since,
         (SELECT group_concat(p.name, '、') FROM unit_people l JOIN people p ON p.id = l.person_id
           WHERE l.unit_id = u.id AND l.relation IN ('owner', 'co_owner', 'company') AND l.voided_at IS NULL
             AND (l.end_date IS NULL OR l.end_date > :date)) AS owner_names
    FROM units u
    JOIN buildings b ON b.id = u.building_id
    LEFT JOIN occupancy_history h ON h.id = (
      SELECT id FROM occupancy_history WHERE unit_id = u.id AND effective_date <= :date
       ORDER BY effective_date DESC, id DESC LIMIT 1)`;

export interface UnitFilter {
  buildingId?: string;
  use?: UnitUse;
  state?: OccupancyState;
  q?: string;
  offset: number;
  limit: number;
}

export function listUnits(db: Db, date: string, f: UnitFilter): { rows: UnitRow[]; total: number } {
  const where = ['u.voided_at IS NULL'];
  const p: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.buildingId) {
    where.push('u.building_id = :buildingId');
    p.buildingId = f.buildingId;
  }
  if (f.use) {
    where.push('u.use = :use');
    p.use = f.use;
  }
  if (f.state) {
    // units.state is the current state (migration 0040); the list shows today's states.
    where.push('u.state = :state');
    p.state = f.state;
  }
  if (f.q?.trim()) {
    where.push("u.code LIKE :q ESCAPE '\\'");
    p.q = `${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const w = where.join(' AND ');
  // Pick the page from the narrow unit rows first (natural order: building, then code by length so
  // 3-2-902 precedes 3-2-1502), then load only those rows with their owners and dated state.
  const page = q(
    db,
    `SELECT u.id, count(*) OVER () AS total FROM units u JOIN buildings b ON b.id = u.building_id WHERE ${w}
      ORDER BY b.code_key, b.code, u.code_key, u.code LIMIT :limit OFFSET :offset`,
  ).all<{ id: string; total: number }>(p);
  const total = page.length ? page[0].total : (q(db, `SELECT count(*) FROM units u WHERE ${w}`).value<number>(p) ?? 0);
  const rows = page.map((r) => findUnit(db, r.id, date)).filter((u): u is UnitRow => u !== null);
  return { rows, total };
}

export function findUnit(db: Db, id: string, date: string): UnitRow | null {
  const r = q(db, `${UNIT_SELECT} WHERE u.id = :id`).get<UnitDb>({ id, date });
  return r ? toUnit(r) : null;
}
export function findUnitByCode(db: Db, code: string): { id: string; building_id: string } | undefined {
  return q(db, 'SELECT id, building_id FROM units WHERE code = ? AND voided_at IS NULL').get<{ id: string; building_id: string }>(code);
}

export function occupancyHistory(db: Db, unitId: string): OccupancyEntry[] {
  return q(
    db,
    `SELECT h.id, h.state, h.effective_date, h.source, h.note, u.display_name AS created_by_name, h.created_at
       FROM occupancy_history h LEFT JOIN users u ON u.id = h.created_by
      WHERE h.unit_id = ? ORDER BY h.effective_date DESC, h.id DESC`,
  )
    .all<{ id: string; state: OccupancyState; effective_date: string; source: string; note: string | null; created_by_name: string | null; created_at: string }>(unitId)
    .map((r) => ({
      id: r.id,
      state: r.state,
      effectiveDate: r.effective_date,
      source: r.source,
      note: r.note,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    }));
}

/** The state of one unit on a date: a single indexed lookup. */
export function stateOn(db: Db, unitId: string, date: string): OccupancyState | null {
  return (
    q(db, 'SELECT state FROM occupancy_history WHERE unit_id = ? AND effective_date <= ? ORDER BY effective_date DESC, id DESC LIMIT 1').value<OccupancyState>(
      unitId,
      date,
    ) ?? null
  );
}

/** How many live units were in each state on a date: one query, answered from the covering index. */
export function countStatesOn(db: Db, date: string, buildingId?: string): Record<string, number> {
  const rows = q(
    db,
    `SELECT coalesce(state, 'unknown') AS state, count(*) AS n FROM (
       SELECT (SELECT h.state FROM occupancy_history h WHERE h.unit_id = u.id AND h.effective_date <= :date
                ORDER BY h.effective_date DESC, h.id DESC LIMIT 1) AS state
         FROM units u WHERE u.voided_at IS NULL AND (:b IS NULL OR u.building_id = :b))
      GROUP BY 1`,
  ).all<{ state: string; n: number }>({ date, b: buildingId ?? null });
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * Units by their current state (Today): the state kept on each unit row in the same transaction as every
 * history insert (migration 0040; states are never dated in the future), so one pass over an index instead
 * of a history lookup per unit — what countStatesOn(today) answers, at a fraction of its cost.
 */
export function countCurrentStates(db: Db): Record<string, number> {
  // Grouped by the column itself, so that SQLite reads the units_state index in order (2 ms at 50,000 units);
  // grouping by coalesce(state, …) made it pick another index and sort (14 ms).
  const rows = q(db, 'SELECT state, count(*) AS n FROM units WHERE voided_at IS NULL GROUP BY state').all<{ state: string | null; n: number }>();
  return Object.fromEntries(rows.map((r) => [r.state ?? 'unknown', r.n]));
}

/** The state of every live unit on a date (e.g. the last day of a month): one query, one index seek per unit. */
export function statesOn(db: Db, date: string, buildingId?: string): { unitId: string; buildingId: string; state: OccupancyState | null }[] {
  return q(
    db,
    `SELECT u.id AS unitId, u.building_id AS buildingId,
            (SELECT state FROM occupancy_history h WHERE h.unit_id = u.id AND h.effective_date <= :date
              ORDER BY h.effective_date DESC, h.id DESC LIMIT 1) AS state
       FROM units u WHERE u.voided_at IS NULL AND (:b IS NULL OR u.building_id = :b)`,
  ).all({ date, b: buildingId ?? null });
}

// ---------- people ----------
export interface PersonDb {
  id: string;
  kind: PersonKind;
  name: string;
  phone: string | null;
  phone2: string | null;
  id_type: IdType | null;
  id_number: string | null;
  contact_person: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  birthday: string | null;
  note: string | null;
  voided_at: string | null;
  updated_at: string;
  units?: string | null;
}

export const toPersonRow = (r: PersonDb): PersonRow => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  phoneMasked: mask(r.phone),
  idType: r.id_type,
  idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
  contactPerson: r.contact_person,
  units: r.units ?? null,
});
export { mask as maskOrNull };

const PERSON_UNITS = `(SELECT group_concat(u.code, '、') FROM unit_people l JOIN units u ON u.id = l.unit_id
    WHERE l.person_id = p.id AND l.voided_at IS NULL AND (l.end_date IS NULL OR l.end_date > :date)) AS units`;

export function findPerson(db: Db, id: string, date: string): PersonDb | undefined {
  return q(db, `SELECT p.*, ${PERSON_UNITS} FROM people p WHERE p.id = :id`).get<PersonDb>({ id, date });
}

export function listPeople(db: Db, date: string, f: { q?: string; offset: number; limit: number }, searchIds?: string[]): { rows: PersonRow[]; total: number } {
  if (searchIds) {
    if (searchIds.length === 0) return { rows: [], total: 0 };
    const page = searchIds.slice(f.offset, f.offset + f.limit);
    const rows = page.map((id) => findPerson(db, id, date)).filter((r): r is PersonDb => !!r && r.voided_at === null);
    return { rows: rows.map(toPersonRow), total: searchIds.length };
  }
  const total = q(db, 'SELECT count(*) FROM people WHERE voided_at IS NULL').value<number>() ?? 0;
  const rows = q(db, `SELECT p.*, ${PERSON_UNITS} FROM people p WHERE p.voided_at IS NULL ORDER BY p.id DESC LIMIT :limit OFFSET :offset`).all<PersonDb>({
    date,
    limit: f.limit,
    offset: f.offset,
  });
  return { rows: rows.map(toPersonRow), total };
}

// ---------- links ----------
interface LinkDb {
  id: string;
  unit_id: string;
  unit_code: string;
  person_id: string;
  person_name: string;
  person_kind: PersonKind;
  phone: string | null;
  relation: Relation;
  start_date: string;
  end_date: string | null;
}
const LINK_SELECT = `SELECT l.id, l.unit_id, u.code AS unit_code, l.person_id, p.name AS person_name, p.kind AS person_kind, p.phone,
       l.relation, l.start_date, l.end_date
  FROM unit_people l JOIN units u ON u.id = l.unit_id JOIN people p ON p.id = l.person_id`;
const RELATION_ORDER = `CASE l.relation WHEN 'owner' THEN 0 WHEN 'company' THEN 1 WHEN 'co_owner' THEN 2 WHEN 'tenant' THEN 3 ELSE 4 END`;

/** A link's end date is the day the relation ended (the move-out day): from that day on it is no longer active. */
const toLink = (today: string) => (r: LinkDb): LinkView => ({
  id: r.id,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  personId: r.person_id,
  personName: r.person_name,
  personKind: r.person_kind,
  phoneMasked: mask(r.phone),
  relation: r.relation,
  startDate: r.start_date,
  endDate: r.end_date,
  active: r.start_date <= today && (r.end_date === null || r.end_date > today),
});

export function linksOfUnit(db: Db, unitId: string, today: string): LinkView[] {
  return q(db, `${LINK_SELECT} WHERE l.unit_id = ? AND l.voided_at IS NULL ORDER BY (l.end_date IS NOT NULL AND l.end_date < ?), ${RELATION_ORDER}, l.start_date`)
    .all<LinkDb>(unitId, today)
    .map(toLink(today));
}
export function linksOfPerson(db: Db, personId: string, today: string): LinkView[] {
  return q(db, `${LINK_SELECT} WHERE l.person_id = ? AND l.voided_at IS NULL ORDER BY l.start_date DESC`).all<LinkDb>(personId).map(toLink(today));
}
export function findLink(db: Db, id: string, today: string): LinkView | null {
  const r = q(db, `${LINK_SELECT} WHERE l.id = ? AND l.voided_at IS NULL`).get<LinkDb>(id);
  return r ? toLink(today)(r) : null;
}
