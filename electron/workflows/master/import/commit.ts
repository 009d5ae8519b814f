import { q } from '../../../../db/statements';
import { naturalSortKey } from '../../../../shared/kernel/natural-sort';
import { personTerms, setTerms, unitTerms } from '../search-terms';
import type { ImportParty, ImportRow } from '../../../../shared/master/import-schema';
import type { UnitChange } from '../../../../shared/master/contract';
import type { OccupancyState, Relation, UnitUse } from '../../../../shared/master/enums';
import type { Db } from '../../../../db/connection';
import type { ServiceCtx } from '../../../host/context';
import { recordOccupancy } from '../service';

export interface ImportCounts {
  buildings: number;
  units: number;
  people: number;
  links: number;
  /** Units that already existed: `updated` had something in their row to change, `skipped` had nothing. */
  skipped: number;
  updated?: number;
}

interface ExistingUnit {
  id: string;
  use: UnitUse;
  floor: number | null;
  areaM2: number | null;
  note: string | null;
}

export function existingUnit(db: Db, code: string): ExistingUnit | undefined {
  return q(db, 'SELECT id, use, floor, area_m2 AS areaM2, note FROM units WHERE code = ? AND voided_at IS NULL').get<ExistingUnit>(code);
}

/**
 * The person a party of a row is, if already on file: by ID number, else name + phone; a name alone
 * only when the same name is already linked to this unit in the same role (two 张伟 on a site are
 * not one person, but a re-import must not duplicate the one already there).
 */
export function findPerson(db: Db, p: ImportParty, unitId: string | null, relation: Relation): string | undefined {
  let id: string | undefined;
  if (p.idNumber) id = q(db, 'SELECT id FROM people WHERE id_number = ? AND voided_at IS NULL').value<string>(p.idNumber);
  if (!id && p.phone) id = q(db, 'SELECT id FROM people WHERE phone = ? AND name = ? AND voided_at IS NULL').value<string>(p.phone, p.name);
  if (!id && !p.phone && !p.idNumber && unitId) {
    id = q(
      db,
      `SELECT p.id FROM unit_people l JOIN people p ON p.id = l.person_id
        WHERE l.unit_id = ? AND l.relation = ? AND l.voided_at IS NULL AND l.end_date IS NULL
          AND p.name = ? AND p.kind = ? AND p.voided_at IS NULL ORDER BY p.id LIMIT 1`,
    ).value<string>(unitId, relation, p.name, p.kind);
  }
  return id;
}

function linked(db: Db, unitId: string, personId: string, relation: Relation): boolean {
  return !!q(db, `SELECT 1 FROM unit_people WHERE unit_id = ? AND person_id = ? AND relation = ? AND voided_at IS NULL AND end_date IS NULL`).value(unitId, personId, relation);
}

function stateOn(db: Db, unitId: string, date: string): OccupancyState | null {
  return q(db, 'SELECT state FROM occupancy_history WHERE unit_id = ? AND effective_date <= ? ORDER BY effective_date DESC, id DESC LIMIT 1').value<OccupancyState>(unitId, date) ?? null;
}

function parties(row: ImportRow): Array<[ImportParty, Relation]> {
  const out: Array<[ImportParty, Relation]> = [];
  if (row.owner) out.push([row.owner, 'owner']);
  for (const c of row.coOwners ?? []) out.push([c, 'co_owner']);
  for (const f of row.family ?? []) out.push([f, 'family']);
  if (row.tenant) out.push([row.tenant, 'tenant']);
  return out;
}

/**
 * What importing a row does to a unit that already exists — the same decisions commitRows then
 * carries out, so the preview says exactly what will happen:
 * - use, area and a floor the file gives replace the unit's; a floor read from the room number only
 *   fills a missing one; a use the file does not give (no 用途) leaves the unit's;
 * - a note fills an empty note and never replaces one someone wrote (`noteKept` says so);
 * - a different occupancy state is added to the dated history (nothing is overwritten);
 * - owners and tenants not yet linked are linked (people already on file are matched, not changed).
 * Only `noteKept` is not a change: a row with no other item leaves the unit as it is.
 */
export function planExisting(db: Db, row: ImportRow, unit: ExistingUnit, stateDate: string): UnitChange[] {
  const changes: UnitChange[] = [];
  if (!row.useDefaulted && row.use !== unit.use) changes.push({ kind: 'use', from: unit.use, to: row.use });
  if (row.floor !== null && row.floor !== unit.floor && (!row.floorFromCode || unit.floor === null)) changes.push({ kind: 'floor', from: unit.floor, to: row.floor });
  if (row.areaM2 !== null && row.areaM2 !== unit.areaM2) changes.push({ kind: 'area', from: unit.areaM2, to: row.areaM2 });
  if (row.note) {
    if (!unit.note) changes.push({ kind: 'note', to: row.note });
    else if (unit.note !== row.note) changes.push({ kind: 'noteKept' });
  }
  if (row.state) {
    const current = stateOn(db, unit.id, stateDate);
    if (current !== row.state) changes.push({ kind: 'state', from: current, to: row.state });
  }
  for (const [p, relation] of parties(row)) {
    const pid = findPerson(db, p, unit.id, relation);
    if (!pid) changes.push({ kind: 'link', relation, name: p.name, newPerson: true });
    else if (!linked(db, unit.id, pid, relation)) changes.push({ kind: 'link', relation, name: p.name, newPerson: false });
  }
  return changes;
}

export const isChange = (c: UnitChange): boolean => c.kind !== 'noteKept';

export interface CommitOptions {
  /** Date the imported occupancy states take effect; defaults to today. */
  stateDate?: (row: ImportRow) => string;
  /** Extra dated history before the current state (demo data: handover dates). */
  history?: (row: ImportRow) => { state: OccupancyState; date: string }[];
  /** Date owners' links start (demo data: the handover date); defaults to today. */
  ownerSince?: (row: ImportRow) => string;
  source?: string;
}

/**
 * Writes normalised rows: buildings and units are found by code or created (an existing unit changes
 * only as planExisting says), people are matched by findPerson so a re-import does not duplicate them,
 * links are added when missing, and a state that differs from the unit's current one is appended to
 * its dated history.
 * Runs inside the caller's transaction; each created record is audited with source 'import'.
 */
export function commitRows(ctx: ServiceCtx, rows: ImportRow[], counts: ImportCounts, opts: CommitOptions = {}): void {
  const db = ctx.db;
  const now = ctx.nowIso();
  const today = ctx.today();
  const source = opts.source ?? 'import';
  const buildingIds = new Map<string, string>();

  const buildingId = (code: string, name: string | null): string => {
    const cached = buildingIds.get(code);
    if (cached) return cached;
    let id = q(db, 'SELECT id FROM buildings WHERE code = ? AND voided_at IS NULL').value<string>(code);
    if (!id) {
      id = ctx.newId();
      q(db, 'INSERT INTO buildings (id, code, code_key, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, code, naturalSortKey(code), name ?? code, now, now);
      ctx.audit(`${source}-create`, 'building', id, null, { code, name: name ?? code });
      counts.buildings++;
    }
    buildingIds.set(code, id);
    return id;
  };

  const personId = (p: ImportParty, unitId: string, relation: Relation): string => findPerson(db, p, unitId, relation) ?? insertParty(p);

  const insertParty = (p: ImportParty): string => {
    const id = ctx.newId();
    q(db, `INSERT INTO people (id, kind, name, phone, id_type, id_number, contact_person, emergency_name, emergency_phone, birthday, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id, p.kind, p.name, p.phone, p.idNumber ? (p.idType ?? 'resident_id') : null, p.idNumber, p.contactPerson, p.emergencyName ?? null, p.emergencyPhone ?? null, p.birthday ?? null, p.note ?? null, now, now,
    );
    setTerms(db, 'person', id, personTerms({ name: p.name, phone: p.phone, phone2: null }), true);
    ctx.audit(`${source}-create`, 'person', id, null, { kind: p.kind, name: p.name });
    counts.people++;
    return id;
  };

  const link = (unitId: string, pId: string, relation: Relation, start: string) => {
    const exists = q(db, `SELECT 1 FROM unit_people WHERE unit_id = ? AND person_id = ? AND relation = ? AND voided_at IS NULL AND end_date IS NULL`).value(unitId, pId, relation);
    if (exists) return;
    const id = ctx.newId();
    q(db, 'INSERT INTO unit_people (id, unit_id, person_id, relation, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, unitId, pId, relation, start, now, now);
    counts.links++;
  };

  for (const row of rows) {
    const bId = buildingId(row.buildingCode, row.buildingName);
    const existing = existingUnit(db, row.unitCode);
    let unitId: string;
    if (existing) {
      unitId = existing.id;
      const changes = planExisting(db, row, existing, opts.stateDate?.(row) ?? today);
      const fields = { use: existing.use, floor: existing.floor, areaM2: existing.areaM2, note: existing.note };
      for (const c of changes) {
        if (c.kind === 'use') fields.use = c.to;
        else if (c.kind === 'floor') fields.floor = c.to;
        else if (c.kind === 'area') fields.areaM2 = c.to;
        else if (c.kind === 'note') fields.note = c.to;
      }
      if (changes.some((c) => c.kind === 'use' || c.kind === 'floor' || c.kind === 'area' || c.kind === 'note')) {
        q(db, 'UPDATE units SET use = ?, floor = ?, area_m2 = ?, note = ?, updated_at = ? WHERE id = ?').run(fields.use, fields.floor, fields.areaM2, fields.note, now, unitId);
        const before = { use: existing.use, floor: existing.floor, areaM2: existing.areaM2, note: existing.note };
        // The plain 'update' action (as an edit in the unit form); the run's own 'import' record names the file.
        ctx.audit('update', 'unit', unitId, before, fields);
      }
      if (changes.some(isChange)) counts.updated = (counts.updated ?? 0) + 1;
      else counts.skipped++;
    } else {
      unitId = ctx.newId();
      q(db, 'INSERT INTO units (id, building_id, code, code_key, use, floor, area_m2, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        unitId, bId, row.unitCode, naturalSortKey(row.unitCode), row.use, row.floor, row.areaM2, row.note ?? null, now, now,
      );
      setTerms(db, 'unit', unitId, unitTerms(row.unitCode), true);
      ctx.audit(`${source}-create`, 'unit', unitId, null, { code: row.unitCode, use: row.use, floor: row.floor, areaM2: row.areaM2 });
      counts.units++;
    }
    const history = opts.history?.(row) ?? [];
    for (const h of history) recordOccupancy(ctx, unitId, h.state, h.date, source, null);
    if (row.state) {
      const date = opts.stateDate?.(row) ?? today;
      // A unit created by this row has no history but what the row itself just gave it.
      const current = existing || history.length ? stateOn(db, unitId, date) : null;
      if (current !== row.state) recordOccupancy(ctx, unitId, row.state, date, source, null);
    }
    const since = row.tenancyStart ?? today;
    const owned = opts.ownerSince?.(row) ?? today;
    if (row.owner) link(unitId, personId(row.owner, unitId, 'owner'), 'owner', owned);
    for (const c of row.coOwners ?? []) link(unitId, personId(c, unitId, 'co_owner'), 'co_owner', owned);
    for (const f of row.family ?? []) link(unitId, personId(f, unitId, 'family'), 'family', opts.stateDate?.(row) ?? today);
    if (row.tenant) link(unitId, personId(row.tenant, unitId, 'tenant'), 'tenant', since);
  }
}
