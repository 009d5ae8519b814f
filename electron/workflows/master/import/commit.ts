import { q } from '../../../../db/statements';
import { naturalSortKey } from '../../../../shared/kernel/natural-sort';
import { personTerms, setTerms, unitTerms } from '../search-terms';
import type { ImportParty, ImportRow } from '../../../../shared/master/import-schema';
import type { OccupancyState, Relation } from '../../../../shared/master/enums';
import type { ServiceCtx } from '../../../host/context';
import { recordOccupancy } from '../service';

export interface ImportCounts {
  buildings: number;
  units: number;
  people: number;
  links: number;
  skipped: number;
}

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
 * Writes normalised rows: buildings and units are found by code or created, people are matched by ID
 * number (or name + phone) so a re-import does not duplicate them, links are added when missing, and a
 * state that differs from the unit's current one is appended to its dated history.
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

  const personId = (p: ImportParty, unitId: string, relation: Relation): string => {
    let id: string | undefined;
    if (p.idNumber) id = q(db, 'SELECT id FROM people WHERE id_number = ? AND voided_at IS NULL').value<string>(p.idNumber);
    if (!id && p.phone) id = q(db, 'SELECT id FROM people WHERE phone = ? AND name = ? AND voided_at IS NULL').value<string>(p.phone, p.name);
    // A name alone does not identify a person across the site (two 张伟), but the same name already
    // linked to this unit in the same role is the same person: a re-import must not duplicate them.
    if (!id && !p.phone && !p.idNumber) {
      id = q(
        db,
        `SELECT p.id FROM unit_people l JOIN people p ON p.id = l.person_id
          WHERE l.unit_id = ? AND l.relation = ? AND l.voided_at IS NULL AND l.end_date IS NULL
            AND p.name = ? AND p.kind = ? AND p.voided_at IS NULL ORDER BY p.id LIMIT 1`,
      ).value<string>(unitId, relation, p.name, p.kind);
    }
    return id ?? insertParty(p);
  };

  const insertParty = (p: ImportParty): string => {
    const id = ctx.newId();
    q(db, `INSERT INTO people (id, kind, name, phone, id_type, id_number, contact_person, emergency_name, emergency_phone, birthday, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id, p.kind, p.name, p.phone, p.idNumber ? (p.idType ?? 'resident_id') : null, p.idNumber, p.contactPerson, p.emergencyName ?? null, p.emergencyPhone ?? null, p.birthday ?? null, now, now,
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
    const existing = q(db, 'SELECT id FROM units WHERE code = ? AND voided_at IS NULL').value<string>(row.unitCode);
    let unitId: string;
    if (existing) {
      unitId = existing;
      q(db, 'UPDATE units SET use = ?, floor = coalesce(?, floor), area_m2 = coalesce(?, area_m2), updated_at = ? WHERE id = ?').run(row.use, row.floor, row.areaM2, now, unitId);
      counts.skipped++;
    } else {
      unitId = ctx.newId();
      q(db, 'INSERT INTO units (id, building_id, code, code_key, use, floor, area_m2, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        unitId, bId, row.unitCode, naturalSortKey(row.unitCode), row.use, row.floor, row.areaM2, now, now,
      );
      setTerms(db, 'unit', unitId, unitTerms(row.unitCode), true);
      ctx.audit(`${source}-create`, 'unit', unitId, null, { code: row.unitCode, use: row.use, floor: row.floor, areaM2: row.areaM2 });
      counts.units++;
    }
    for (const h of opts.history?.(row) ?? []) recordOccupancy(ctx, unitId, h.state, h.date, source, null);
    if (row.state) {
      const date = opts.stateDate?.(row) ?? today;
      const current = q(db, 'SELECT state FROM occupancy_history WHERE unit_id = ? AND effective_date <= ? ORDER BY effective_date DESC, id DESC LIMIT 1').value<string>(unitId, date);
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
