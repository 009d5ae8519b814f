import { q } from '../../../db/statements';
import { naturalSortKey } from '../../../shared/kernel/natural-sort';
import * as repo from './repo';
import { clearTerms, personTerms, searchTerms, setTerms, unitTerms } from './search-terms';
import { AppError, fieldError } from '../../../shared/kernel/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { Building, LinkInput, PersonDetail, PersonInput, SearchHit, UnitDetail, UnitInput, UnitRow } from '../../../shared/master/schema';
import type { OccupancyState } from '../../../shared/master/enums';
import type { ServiceCtx } from '../../host/context';
import { keepClosedMonth } from '../occupancy-report/service';

const notFound = () => new AppError('NOT_FOUND');

// ---------- buildings ----------
function buildingOrThrow(ctx: ServiceCtx, id: string): Building {
  const b = repo.findBuilding(ctx.db, id);
  if (!b || b.voided) throw notFound();
  return b;
}

function assertBuildingCodeFree(ctx: ServiceCtx, code: string, selfId?: string) {
  const other = repo.findBuildingByCode(ctx.db, code);
  if (other && other.id !== selfId) throw fieldError('code', 'v.codeTaken');
}

export function createBuilding(ctx: ServiceCtx, input: ChannelParsedInput<'buildings.create'>): Building {
  assertBuildingCodeFree(ctx, input.code);
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    q(ctx.db, 'INSERT INTO buildings (id, code, code_key, name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, input.code, naturalSortKey(input.code), input.name, input.note, now, now);
    ctx.audit('create', 'building', id, null, input);
  })();
  return buildingOrThrow(ctx, id);
}

export function updateBuilding(ctx: ServiceCtx, input: ChannelParsedInput<'buildings.update'>): Building {
  const before = buildingOrThrow(ctx, input.id);
  assertBuildingCodeFree(ctx, input.code, input.id);
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE buildings SET code = ?, code_key = ?, name = ?, note = ?, updated_at = ? WHERE id = ?').run(input.code, naturalSortKey(input.code), input.name, input.note, ctx.nowIso(), input.id);
    ctx.audit('update', 'building', input.id, { code: before.code, name: before.name, note: before.note }, { code: input.code, name: input.name, note: input.note });
  })();
  return buildingOrThrow(ctx, input.id);
}

export function voidBuilding(ctx: ServiceCtx, input: { id: string; reason: string }) {
  const b = buildingOrThrow(ctx, input.id);
  if (b.unitCount > 0) throw new AppError('BAD_STATE', 'error.buildingHasUnits', { params: { count: b.unitCount } });
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE buildings SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(ctx.nowIso(), input.reason, ctx.nowIso(), input.id);
    ctx.audit('void', 'building', input.id, { code: b.code, name: b.name }, { reason: input.reason });
  })();
  return { done: true as const };
}

// ---------- units ----------
function unitOrThrow(ctx: ServiceCtx, id: string): UnitRow {
  const u = repo.findUnit(ctx.db, id, ctx.today());
  if (!u || u.voided) throw notFound();
  return u;
}

export function getUnit(ctx: ServiceCtx, id: string): UnitDetail {
  const u = unitOrThrow(ctx, id);
  return { ...u, links: repo.linksOfUnit(ctx.db, id, ctx.today()), history: repo.occupancyHistory(ctx.db, id) };
}

function checkUnitInput(ctx: ServiceCtx, input: UnitInput, selfId?: string) {
  buildingOrThrowField(ctx, input.buildingId);
  const other = repo.findUnitByCode(ctx.db, input.code);
  if (other && other.id !== selfId) throw fieldError('code', 'v.codeTaken');
}

function buildingOrThrowField(ctx: ServiceCtx, id: string) {
  const b = repo.findBuilding(ctx.db, id);
  if (!b || b.voided) throw fieldError('buildingId', 'v.notFound');
}

const unitAudit = (u: UnitInput) => ({ buildingId: u.buildingId, code: u.code, use: u.use, floor: u.floor, areaM2: u.areaM2, note: u.note });

export function createUnit(ctx: ServiceCtx, input: UnitInput): UnitRow {
  checkUnitInput(ctx, input);
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    q(ctx.db, 'INSERT INTO units (id, building_id, code, code_key, use, floor, area_m2, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id, input.buildingId, input.code, naturalSortKey(input.code), input.use, input.floor, input.areaM2, input.note, now, now,
    );
    setTerms(ctx.db, 'unit', id, unitTerms(input.code));
    ctx.audit('create', 'unit', id, null, unitAudit(input));
  })();
  return unitOrThrow(ctx, id);
}

export function updateUnit(ctx: ServiceCtx, input: UnitInput & { id: string }): UnitRow {
  const before = unitOrThrow(ctx, input.id);
  checkUnitInput(ctx, input, input.id);
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE units SET building_id = ?, code = ?, code_key = ?, use = ?, floor = ?, area_m2 = ?, note = ?, updated_at = ? WHERE id = ?').run(
      input.buildingId, input.code, naturalSortKey(input.code), input.use, input.floor, input.areaM2, input.note, ctx.nowIso(), input.id,
    );
    setTerms(ctx.db, 'unit', input.id, unitTerms(input.code));
    ctx.audit('update', 'unit', input.id, unitAudit({ ...before, note: before.note }), unitAudit(input));
  })();
  return unitOrThrow(ctx, input.id);
}

export function voidUnit(ctx: ServiceCtx, input: { id: string; reason: string }) {
  const u = unitOrThrow(ctx, input.id);
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE units SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(ctx.nowIso(), input.reason, ctx.nowIso(), input.id);
    clearTerms(ctx.db, input.id);
    ctx.audit('void', 'unit', input.id, { code: u.code }, { reason: input.reason });
  })();
  return { done: true as const };
}

/** Appends a dated state to the unit's history (房屋动态). Used by the manager's manual setting, import and, later, the workflows. */
export function recordOccupancy(ctx: ServiceCtx, unitId: string, state: OccupancyState, effectiveDate: string, source: string, note: string | null) {
  // A month's end is kept (for the monthly report) by the first change recorded after the month closed.
  keepClosedMonth(ctx);
  const now = ctx.nowIso();
  const id = ctx.newId();
  q(ctx.db, 'INSERT INTO occupancy_history (id, unit_id, state, effective_date, source, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id, unitId, state, effectiveDate, source, note, ctx.user?.id ?? null, now, now,
  );
  // Keep the unit's current-state cache (migration 0040) in step, in the same transaction.
  q(ctx.db, `UPDATE units SET state = (SELECT state FROM occupancy_history WHERE unit_id = :unit ORDER BY effective_date DESC, id DESC LIMIT 1)
             WHERE id = :unit`).run({ unit: unitId });
  return id;
}

/** A unit's occupancy state on a date from its dated history (null before its first entry). */
export const occupancyStateOn = (ctx: ServiceCtx, unitId: string, date: string): OccupancyState | null => repo.stateOn(ctx.db, unitId, date);

export function setOccupancy(ctx: ServiceCtx, input: ChannelParsedInput<'units.setOccupancy'>): UnitDetail {
  const u = unitOrThrow(ctx, input.unitId);
  if (input.effectiveDate > ctx.today()) throw fieldError('effectiveDate', 'v.notInFuture');
  ctx.db.transaction(() => {
    const before = repo.stateOn(ctx.db, input.unitId, input.effectiveDate);
    const id = recordOccupancy(ctx, input.unitId, input.state, input.effectiveDate, 'manual', input.note);
    ctx.audit('set-occupancy', 'unit', u.id, { state: before, date: input.effectiveDate }, { state: input.state, date: input.effectiveDate, historyId: id, note: input.note });
  })();
  return getUnit(ctx, input.unitId);
}

export function occupancyOnDate(ctx: ServiceCtx, input: ChannelParsedInput<'occupancy.onDate'>): ChannelOutput<'occupancy.onDate'> {
  const counts = repo.countStatesOn(ctx.db, input.date, input.buildingId);
  return { date: input.date, counts, units: Object.values(counts).reduce((a, b) => a + b, 0) };
}

// ---------- people ----------
function personOrThrow(ctx: ServiceCtx, id: string): repo.PersonDb {
  const p = repo.findPerson(ctx.db, id, ctx.today());
  if (!p || p.voided_at) throw notFound();
  return p;
}

export function getPerson(ctx: ServiceCtx, id: string): PersonDetail {
  const p = personOrThrow(ctx, id);
  return {
    ...repo.toPersonRow(p),
    phone2Masked: repo.maskOrNull(p.phone2),
    emergencyName: p.emergency_name,
    emergencyPhoneMasked: repo.maskOrNull(p.emergency_phone),
    birthday: p.birthday,
    note: p.note,
    links: repo.linksOfPerson(ctx.db, id, ctx.today()),
    updatedAt: p.updated_at,
  };
}

/** The audit log never holds an ID number or phone in clear: only their masked form. */
const personAudit = (p: PersonInput) => ({
  kind: p.kind,
  name: p.name,
  phone: repo.maskOrNull(p.phone),
  idType: p.idType,
  idNumber: p.idNumber ? `${p.idNumber.slice(0, 3)}…${p.idNumber.slice(-4)}` : null,
  contactPerson: p.contactPerson,
  emergencyName: p.emergencyName,
  birthday: p.birthday,
});

function checkPerson(ctx: ServiceCtx, input: PersonInput) {
  if (input.birthday && input.birthday > ctx.today()) throw fieldError('birthday', 'v.notInFuture');
}

export function insertPerson(ctx: ServiceCtx, input: PersonInput): string {
  const id = ctx.newId();
  const now = ctx.nowIso();
  q(ctx.db, `INSERT INTO people (id, kind, name, phone, phone2, id_type, id_number, contact_person, emergency_name, emergency_phone, birthday, note, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, input.kind, input.name, input.phone, input.phone2, input.idType, input.idNumber, input.contactPerson, input.emergencyName, input.emergencyPhone, input.birthday, input.note, now, now,
  );
  setTerms(ctx.db, 'person', id, personTerms(input));
  return id;
}

export function createPerson(ctx: ServiceCtx, input: PersonInput): PersonDetail {
  checkPerson(ctx, input);
  let id = '';
  ctx.db.transaction(() => {
    id = insertPerson(ctx, input);
    ctx.audit('create', 'person', id, null, personAudit(input));
  })();
  return getPerson(ctx, id);
}

export function updatePerson(ctx: ServiceCtx, input: { id: string; person: PersonInput }): PersonDetail {
  const before = personOrThrow(ctx, input.id);
  const p = input.person;
  checkPerson(ctx, p);
  ctx.db.transaction(() => {
    q(ctx.db, `UPDATE people SET kind = ?, name = ?, phone = ?, phone2 = ?, id_type = ?, id_number = ?, contact_person = ?, emergency_name = ?,
               emergency_phone = ?, birthday = ?, note = ?, updated_at = ? WHERE id = ?`).run(
      p.kind, p.name, p.phone, p.phone2, p.idType, p.idNumber, p.contactPerson, p.emergencyName, p.emergencyPhone, p.birthday, p.note, ctx.nowIso(), input.id,
    );
    setTerms(ctx.db, 'person', input.id, personTerms(p));
    const was: PersonInput = {
      kind: before.kind, name: before.name, phone: before.phone, phone2: before.phone2, idType: before.id_type, idNumber: before.id_number,
      contactPerson: before.contact_person, emergencyName: before.emergency_name, emergencyPhone: before.emergency_phone, birthday: before.birthday, note: before.note,
    };
    ctx.audit('update', 'person', input.id, personAudit(was), personAudit(p));
  })();
  return getPerson(ctx, input.id);
}

const REVEAL_COLUMN = { phone: 'phone', phone2: 'phone2', idNumber: 'id_number', emergencyPhone: 'emergency_phone' } as const;

/** Shows one masked value in clear; every reveal is written to the audit log with who and when. */
export function revealPerson(ctx: ServiceCtx, input: ChannelParsedInput<'people.reveal'>) {
  const p = personOrThrow(ctx, input.id);
  const value = p[REVEAL_COLUMN[input.field]];
  ctx.db.transaction(() => ctx.audit('reveal', 'person', input.id, null, { field: input.field, name: p.name }))();
  return { value };
}

export function listPeople(ctx: ServiceCtx, input: ChannelParsedInput<'people.list'>) {
  const text = input.q?.trim();
  const ids = text ? searchTerms(ctx.db, text, 500).filter((h) => h.kind === 'person').map((h) => h.refId) : undefined;
  return { ...repo.listPeople(ctx.db, ctx.today(), input, ids), offset: input.offset };
}

// ---------- links ----------
export function createLink(ctx: ServiceCtx, input: LinkInput) {
  const unit = repo.findUnit(ctx.db, input.unitId, ctx.today());
  if (!unit || unit.voided) throw fieldError('unitId', 'v.notFound');
  const person = repo.findPerson(ctx.db, input.personId, ctx.today());
  if (!person || person.voided_at) throw fieldError('personId', 'v.notFound');
  if (input.relation === 'company' && person.kind !== 'company') throw fieldError('relation', 'v.companyRelationNeedsCompany');
  const dup = q(ctx.db, `SELECT 1 FROM unit_people WHERE unit_id = ? AND person_id = ? AND relation = ? AND voided_at IS NULL
                         AND (end_date IS NULL OR end_date > ?)`).value(input.unitId, input.personId, input.relation, input.startDate);
  if (dup) throw fieldError('personId', 'v.alreadyLinked');
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    q(ctx.db, 'INSERT INTO unit_people (id, unit_id, person_id, relation, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id, input.unitId, input.personId, input.relation, input.startDate, input.endDate, now, now,
    );
    ctx.audit('create', 'link', id, null, { unit: unit.code, person: person.name, relation: input.relation, startDate: input.startDate, endDate: input.endDate });
  })();
  return repo.findLink(ctx.db, id, ctx.today())!;
}

export function endLink(ctx: ServiceCtx, input: { id: string; endDate: string }) {
  const l = repo.findLink(ctx.db, input.id, ctx.today());
  if (!l) throw notFound();
  if (input.endDate < l.startDate) throw fieldError('endDate', 'v.endBeforeStart');
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE unit_people SET end_date = ?, updated_at = ? WHERE id = ?').run(input.endDate, ctx.nowIso(), input.id);
    ctx.audit('end', 'link', input.id, { endDate: l.endDate }, { endDate: input.endDate });
  })();
  return repo.findLink(ctx.db, input.id, ctx.today())!;
}

export function voidLink(ctx: ServiceCtx, input: { id: string; reason: string }) {
  const l = repo.findLink(ctx.db, input.id, ctx.today());
  if (!l) throw notFound();
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE unit_people SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(ctx.nowIso(), input.reason, ctx.nowIso(), input.id);
    ctx.audit('void', 'link', input.id, { unit: l.unitCode, person: l.personName, relation: l.relation }, { reason: input.reason });
  })();
  return { done: true as const };
}

// ---------- search ----------
/** Units and people by name, pinyin, phone tail or code (record numbers are the host's: electron/host/search.ts). */
export function searchMaster(ctx: ServiceCtx, text: string): SearchHit[] {
  const out: SearchHit[] = [];
  const hits = searchTerms(ctx.db, text, 20);
  const today = ctx.today();
  for (const h of hits) {
    if (h.kind === 'unit') {
      const u = repo.findUnit(ctx.db, h.refId, today);
      if (u && !u.voided) out.push({ kind: 'unit', id: u.id, title: u.code, subtitle: u.ownerNames, unitId: u.id });
    } else {
      const p = repo.findPerson(ctx.db, h.refId, today);
      if (p && !p.voided_at) {
        const phone = repo.maskOrNull(p.phone);
        out.push({ kind: 'person', id: p.id, title: p.name, subtitle: [phone, p.units].filter(Boolean).join(' · ') || null, unitId: null });
      }
    }
  }
  return out;
}

// ---------- the import machinery, for a workflow's own imports (move-in notices) ----------
/** The file reader (CSV/XLSX) and the cell checks of the roster import, with its per-row error codes. */
export { readFile as readImportFile, readCsv as readImportCsv, type Sheet as ImportSheet, type ReadResult as ImportReadResult } from './import/read';
export { checkDate, checkPhone, checkText, collapse, normalizeKeyword, type RawCell } from './import/values';
