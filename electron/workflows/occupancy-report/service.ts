import { AppError } from '../../../shared/kernel/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { OccupancyState } from '../../../shared/master/enums';
import type { BuildingFigures, OccupancyReport, ReportUnit, SnapshotInfo, Warning } from '../../../shared/workflows/occupancy-report/schema';
import {
  ACCEPTABLE,
  addsUp,
  dayBefore,
  dueReminder,
  figuresOf,
  firstDayOf,
  inStateFigure,
  lastDayOf,
  monthEnded,
  monthOf,
  previousMonth,
  MOVEMENT_FIGURES,
  totalOf,
  transitionsOf,
  type Figure,
  type Figures,
  type HistoryRow,
  type MovementFigure,
  type StateOrNone,
  type Transition,
  type WarningKind,
} from '../../../shared/workflows/occupancy-report/rules';
import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import * as repo from './repo';

/** The record kind on the kit's timeline. */
export const REPORT_KIND = 'occupancy-report';
/** A kept month end further away than this is not worth rolling from: one pass over the units is cheaper. */
const ROLL_DAYS = 200;

type Counts = Map<string, Map<OccupancyState, number>>;

function add(c: Counts, building: string, state: StateOrNone, d: number) {
  if (state === null) return;
  let m = c.get(building);
  if (!m) c.set(building, (m = new Map()));
  m.set(state, (m.get(state) ?? 0) + d);
}

function toCounts(rows: readonly repo.StateCount[]): Counts {
  const c: Counts = new Map();
  for (const r of rows) add(c, r.buildingId, r.state, r.n);
  return c;
}

function flat(c: Counts): repo.StateCount[] {
  return [...c].flatMap(([buildingId, m]) => [...m].map(([state, n]) => ({ buildingId, state, n })));
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Units of each building by state on a date: a kept month end read as it is, or the nearest kept one (within
 * ROLL_DAYS either way) corrected by the units that changed in between, or else one pass over every unit.
 * Reading never writes: month ends are kept by writes (keepClosedMonth, finalising).
 */
function countsAt(ctx: ServiceCtx, date: string): Counts {
  if (repo.isKept(ctx.db, date)) return toCounts(repo.keptCounts(ctx.db, date));
  const base = repo.keptNear(ctx.db, date, shiftDays(date, -ROLL_DAYS), shiftDays(date, ROLL_DAYS));
  if (!base) return toCounts(repo.countsFullPass(ctx.db, date));
  const counts = toCounts(repo.keptCounts(ctx.db, base));
  // Forward from an earlier month end: out of the state it had there, into the state on the date; backward the other way round.
  const forward = base < date;
  for (const ch of forward ? repo.changedBetween(ctx.db, base, date) : repo.changedBetween(ctx.db, date, base)) {
    add(counts, ch.buildingId, forward ? ch.before : ch.after, -1);
    add(counts, ch.buildingId, forward ? ch.after : ch.before, 1);
  }
  return counts;
}

/** Keeps a closed month's end, in the caller's transaction; from then on migration 0090's triggers keep it exact. */
function keepMonthEnd(ctx: ServiceCtx, monthEnd: string, counts?: Counts) {
  if (monthEnd >= ctx.today() || repo.isKept(ctx.db, monthEnd)) return;
  repo.keep(ctx.db, monthEnd, flat(counts ?? countsAt(ctx, monthEnd)), ctx.nowIso());
}

/** The bench closes a month the way the first change recorded after it would (its seeded history bypasses recordOccupancy). */
export const keepMonthEndForBench = (ctx: ServiceCtx, monthEnd: string) => keepMonthEnd(ctx, monthEnd);

const keptOn = new WeakMap<ServiceCtx['db'], string>();

/**
 * Month-end counts are kept when a month closes: the first change of state recorded after a month has ended
 * keeps that month's end (master's recordOccupancy calls this before every history row, in its transaction),
 * so last month's report rolls forward from a kept month end instead of seeking every unit.
 */
export function keepClosedMonth(ctx: ServiceCtx): void {
  const monthEnd = lastDayOf(previousMonth(monthOf(ctx.today())));
  if (keptOn.get(ctx.db) === monthEnd) return;
  ctx.db.transaction(() => keepMonthEnd(ctx, monthEnd))();
  keptOn.set(ctx.db, monthEnd);
}

interface Live {
  month: string;
  from: string;
  asOf: string;
  buildings: BuildingFigures[];
  total: Figures;
  transitions: (Transition & { buildingId: string })[];
}

function transitionsIn(rows: readonly (HistoryRow & { buildingId: string })[], before: Map<string, StateOrNone>) {
  const byUnit = new Map<string, (HistoryRow & { buildingId: string })[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  const out: (Transition & { buildingId: string })[] = [];
  const after = new Map<string, { buildingId: string; before: StateOrNone; after: StateOrNone }>();
  for (const [unitId, list] of byUnit) {
    const b = before.get(unitId) ?? null;
    const t = transitionsOf(b, list);
    for (const x of t.transitions) out.push({ ...x, buildingId: list[0].buildingId });
    after.set(unitId, { buildingId: list[0].buildingId, before: b, after: t.after });
  }
  return { transitions: out, changes: after };
}

function addMovements(f: Figures, transitions: readonly Transition[]) {
  for (const t of transitions) for (const k of t.kinds) f[k]++;
}

function assemble(ctx: ServiceCtx, counts: Counts, transitions: readonly (Transition & { buildingId: string })[]): { buildings: BuildingFigures[]; total: Figures } {
  const units = repo.unitsByBuilding(ctx.db);
  const byBuilding = new Map<string, (Transition & { buildingId: string })[]>();
  for (const t of transitions) (byBuilding.get(t.buildingId) ?? byBuilding.set(t.buildingId, []).get(t.buildingId)!).push(t);
  const buildings = repo.buildings(ctx.db).map((b) => {
    const figures = figuresOf(units.get(b.id) ?? 0, Object.fromEntries(counts.get(b.id) ?? []));
    addMovements(figures, byBuilding.get(b.id) ?? []);
    return { buildingId: b.id, code: b.code, name: b.name, figures };
  });
  return { buildings, total: totalOf(buildings.map((b) => b.figures)) };
}

/** The live report from `from` (a month's first day) to `asOf`, from the dated history alone. */
function live(ctx: ServiceCtx, from: string, asOf: string): Live {
  const counts = countsAt(ctx, dayBefore(from));
  const period = repo.rowsIn(ctx.db, from, asOf);
  const { transitions, changes } = transitionsIn(period.rows, period.before);
  for (const ch of changes.values()) {
    add(counts, ch.buildingId, ch.before, -1);
    add(counts, ch.buildingId, ch.after, 1);
  }
  return { month: monthOf(from), from, asOf, transitions, ...assemble(ctx, counts, transitions) };
}

// ---------- warnings ----------
function warningsOf(ctx: ServiceCtx, month: string, asOf: string, buildings: readonly BuildingFigures[], total: Figures): Warning[] {
  const accepted = repo.acceptances(ctx.db, month);
  const out: Warning[] = [];
  const push = (kind: WarningKind, subjectId: string, subject: string, count: number) => {
    const a = ACCEPTABLE.has(kind) ? accepted.get(`${kind}:${subjectId}`) : undefined;
    out.push({ kind, subjectId, subject, count, acceptable: ACCEPTABLE.has(kind), accepted: a ? { by: a.by, at: a.at, reason: a.reason } : null });
  };
  for (const b of buildings) if (!addsUp(b.figures)) push('doesNotAddUp', b.buildingId, b.code, b.figures.units);
  if (!addsUp(total)) push('doesNotAddUp', 'total', 'total', total.units);
  for (const b of buildings) if (b.figures.noHistory > 0) push('noHistory', b.buildingId, b.code, b.figures.noHistory);
  for (const u of repo.rentedWithoutTenancy(ctx.db, asOf)) push('rentedWithoutTenancy', u.unitId, u.code, 1);
  return out;
}

const unresolved = (w: readonly Warning[]) => w.filter((x) => !x.accepted);

// ---------- reading ----------
function snapshotInfo(r: Omit<repo.SnapshotRow, 'figures' | 'warnings'>): SnapshotInfo {
  return { id: r.id, number: r.number, revision: r.revision, reason: r.reason, finalisedAt: r.finalisedAt, finalisedBy: r.finalisedBy };
}

function draftReport(ctx: ServiceCtx, from: string, asOf: string, monthReport: boolean): OccupancyReport {
  const l = live(ctx, from, asOf);
  return {
    month: l.month,
    from,
    asOf,
    kind: 'draft',
    snapshot: null,
    revisions: repo.snapshotsOf(ctx.db, l.month).map(snapshotInfo),
    buildings: l.buildings,
    total: l.total,
    warnings: warningsOf(ctx, l.month, asOf, l.buildings, l.total),
    changedSinceFinal: null,
    canFinalise: monthReport && monthEnded(l.month, ctx.today()),
    timeline: [],
  };
}

interface StoredFigures {
  buildings: BuildingFigures[];
  total: Figures;
}
/** In a snapshot's building row: each unit [id, code, state at month end], each movement [unit id, code, date, from, to]. */
type StoredUnit = [string, string, StateOrNone];
type StoredMove = [string, string, string, StateOrNone, OccupancyState];

function finalReport(ctx: ServiceCtx, s: repo.SnapshotRow): OccupancyReport {
  const stored = JSON.parse(s.figures) as StoredFigures;
  const revisions = repo.snapshotsOf(ctx.db, s.month).map(snapshotInfo);
  const latest = revisions[revisions.length - 1]?.id === s.id;
  return {
    month: s.month,
    from: firstDayOf(s.month),
    asOf: s.asOf,
    kind: 'final',
    snapshot: snapshotInfo(s),
    revisions,
    buildings: stored.buildings,
    total: stored.total,
    warnings: JSON.parse(s.warnings) as Warning[],
    changedSinceFinal: latest ? changedSince(ctx, s) : null,
    canFinalise: true,
    timeline: timelineOf(ctx, REPORT_KIND, s.id),
  };
}

/**
 * Units whose figures in a snapshot differ from the history now: the units with history recorded after it
 * (the late rows kept by migration 0090's trigger), each compared with its stored state and movements.
 */
function changedSince(ctx: ServiceCtx, s: repo.SnapshotRow): NonNullable<OccupancyReport['changedSinceFinal']> {
  const late = repo.lateUnits(ctx.db, s.id);
  if (!late.length) return { count: 0, units: [] };
  const refs = repo.unitRefs(ctx.db, late);
  const stored = new Map<string, { state: StateOrNone; code: string; moves: string }>();
  const wanted = new Set(late);
  for (const b of repo.snapshotBuildings(ctx.db, s.id, null)) {
    for (const u of JSON.parse(b.units) as StoredUnit[]) if (wanted.has(u[0])) stored.set(u[0], { state: u[2], code: u[1], moves: '' });
    // Only movements count: a correction back to not handed over is in the history but in no column.
    const moves = (JSON.parse(b.movements) as StoredMove[]).filter((m) => wanted.has(m[0]) && transitionKinds(m[3], m[4]).length);
    for (const m of moves) {
      const e = stored.get(m[0]);
      if (e) e.moves += `${m[2]}:${m[3]}>${m[4]};`;
    }
  }
  const from = firstDayOf(s.month);
  const units: NonNullable<OccupancyReport['changedSinceFinal']>['units'] = [];
  for (const unitId of late) {
    const was = stored.get(unitId);
    const now = repo.stateOn(ctx.db, unitId, s.asOf);
    const p = repo.rowsIn(ctx.db, from, s.asOf, unitId);
    const moves = transitionsOf(p.before.get(unitId) ?? null, p.rows)
      .transitions.filter((t) => t.kinds.length)
      .map((t) => `${t.date}:${t.from}>${t.to};`)
      .join('');
    const movementsChanged = moves !== (was?.moves ?? '');
    if ((was?.state ?? null) !== now || movementsChanged) {
      units.push({ unitId, code: was?.code ?? refs.get(unitId)?.code ?? '?', was: was?.state ?? null, now, movementsChanged });
    }
  }
  units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { count: units.length, units };
}

export function getReport(ctx: ServiceCtx, input: ChannelParsedInput<'occupancyReport.get'>): OccupancyReport {
  if (!input.draft) {
    const s = input.snapshotId ? repo.snapshot(ctx.db, input.snapshotId) : repo.latestSnapshot(ctx.db, input.month);
    if (input.snapshotId && (!s || s.month !== input.month)) throw new AppError('NOT_FOUND');
    if (s) return finalReport(ctx, s);
  }
  return draftReport(ctx, firstDayOf(input.month), lastDayOf(input.month), true);
}

/** A draft as of any date: the states that day, the movements of its month up to it. */
export function draftOn(ctx: ServiceCtx, date: string): OccupancyReport {
  return draftReport(ctx, firstDayOf(monthOf(date)), date, false);
}

// ---------- the units behind a figure ----------
const isMovement = (f: Figure): f is MovementFigure => (MOVEMENT_FIGURES as readonly string[]).includes(f);

export function unitsOf(ctx: ServiceCtx, input: ChannelParsedInput<'occupancyReport.units'>): ChannelOutput<'occupancyReport.units'> {
  const month = input.month ?? monthOf(input.date!);
  const from = firstDayOf(month);
  const asOf = input.date ?? lastDayOf(month);
  let rows: ReportUnit[];
  const s = input.month && !input.draft ? (input.snapshotId ? repo.snapshot(ctx.db, input.snapshotId) : repo.latestSnapshot(ctx.db, month)) : undefined;
  if (input.snapshotId && (!s || s.month !== month)) throw new AppError('NOT_FOUND');
  if (s) {
    const codes = new Map((JSON.parse(s.figures) as StoredFigures).buildings.map((b) => [b.buildingId, b.code]));
    const parts = repo.snapshotBuildings(ctx.db, s.id, input.buildingId);
    parts.sort((a, b) => order(codes.get(a.buildingId), codes.get(b.buildingId)));
    rows = parts.flatMap((b): ReportUnit[] => {
      const buildingCode = codes.get(b.buildingId) ?? '';
      if (isMovement(input.figure)) {
        const f = input.figure;
        return (JSON.parse(b.movements) as StoredMove[])
          .filter((m) => transitionKinds(m[3], m[4]).includes(f))
          .map((m) => ({ unitId: m[0], code: m[1], buildingCode, state: m[4], date: m[2], from: m[3] }));
      }
      const fig = input.figure as Exclude<Figure, MovementFigure>;
      return (JSON.parse(b.units) as StoredUnit[]).filter((u) => inStateFigure(fig, u[2])).map((u) => ({ unitId: u[0], code: u[1], buildingCode, state: u[2], date: null, from: null }));
    });
  } else if (isMovement(input.figure)) {
    const f = input.figure;
    const p = repo.rowsIn(ctx.db, from, asOf);
    const moves = transitionsIn(p.rows, p.before).transitions.filter((t) => t.kinds.includes(f) && (!input.buildingId || t.buildingId === input.buildingId));
    const refs = repo.unitRefs(ctx.db, [...new Set(moves.map((m) => m.unitId))]);
    const unitOrder = new Map(repo.unitStatesOn(ctx.db, asOf, input.buildingId).map((u, i) => [u.unitId, i]));
    moves.sort((a, b) => (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    rows = moves.map((m) => ({ unitId: m.unitId, code: refs.get(m.unitId)?.code ?? '', buildingCode: refs.get(m.unitId)?.buildingCode ?? '', state: m.to, date: m.date, from: m.from }));
  } else {
    const fig = input.figure as Exclude<Figure, MovementFigure>;
    rows = repo
      .unitStatesOn(ctx.db, asOf, input.buildingId)
      .filter((u) => inStateFigure(fig, u.state))
      .map((u) => ({ unitId: u.unitId, code: u.code, buildingCode: u.buildingCode, state: u.state, date: null, from: null }));
  }
  const page = rows.slice(input.offset, input.offset + input.limit);
  if (isMovement(input.figure)) {
    const records = repo.recordsOfChanges(ctx.db, page.filter((r) => r.date).map((r) => ({ unitId: r.unitId, date: r.date! })));
    for (const r of page) r.record = records.get(`${r.unitId}|${r.date}`) ?? null;
  }
  return { rows: page, total: rows.length, offset: input.offset };
}

const order = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
const transitionKinds = (from: StateOrNone, to: OccupancyState) => transitionsOf(from, [{ unitId: '', id: '', effectiveDate: '', state: to }]).transitions[0]?.kinds ?? [];

// ---------- accepting a warning ----------
export function acceptWarning(ctx: ServiceCtx, input: ChannelParsedInput<'occupancyReport.accept'>): Warning[] {
  if (!ACCEPTABLE.has(input.kind)) throw new AppError('BAD_STATE', 'report.error.mustResolve');
  const report = draftReport(ctx, firstDayOf(input.month), lastDayOf(input.month), true);
  const w = report.warnings.find((x) => x.kind === input.kind && x.subjectId === input.subjectId);
  if (!w) throw new AppError('NOT_FOUND', 'report.error.noSuchWarning');
  ctx.db.transaction(() => {
    repo.insertAcceptance(ctx.db, { id: ctx.newId(), month: input.month, kind: input.kind, subjectId: input.subjectId, reason: input.reason, userId: ctx.user?.id ?? null, now: ctx.nowIso() });
    ctx.audit('accept-warning', 'occupancy-report', null, null, { month: input.month, kind: input.kind, subject: w.subject, reason: input.reason });
  })();
  return warningsOf(ctx, input.month, report.asOf, report.buildings, report.total);
}

// ---------- finalising and revising ----------
/**
 * The snapshot of a month from one pass over every unit (the authority: each unit's own state at month end)
 * and the month's history rows, in the caller's transaction.
 */
function takeSnapshot(ctx: ServiceCtx, month: string, revision: number, reason: string | null): string {
  const from = firstDayOf(month);
  const asOf = lastDayOf(month);
  const states = repo.unitStatesOn(ctx.db, asOf, null);
  const p = repo.rowsIn(ctx.db, from, asOf);
  const { transitions } = transitionsIn(p.rows, p.before);
  const counts: Counts = new Map();
  for (const u of states) add(counts, u.buildingId, u.state, 1);
  keepMonthEnd(ctx, asOf, counts);
  const figures = assemble(ctx, counts, transitions);
  const warnings = warningsOf(ctx, month, asOf, figures.buildings, figures.total);
  const open = unresolved(warnings);
  if (open.length) throw new AppError('BAD_STATE', 'report.error.unresolved', { params: { count: open.length } });

  const id = ctx.newId();
  const now = ctx.nowIso();
  const number = nextNumber(ctx, ctx.settings().occupancyReportPrefix, Number(ctx.today().slice(0, 4)));
  repo.insertSnapshot(ctx.db, { id, number, month, revision, reason, asOf, figures: JSON.stringify(figures), warnings: JSON.stringify(warnings), userId: ctx.user?.id ?? null, now });
  const codes = new Map(states.map((u) => [u.unitId, u.code]));
  const byBuilding = new Map<string, { units: StoredUnit[]; moves: StoredMove[] }>(figures.buildings.map((b) => [b.buildingId, { units: [], moves: [] }]));
  for (const u of states) byBuilding.get(u.buildingId)?.units.push([u.unitId, u.code, u.state]);
  const sorted = [...transitions].sort((a, b) => order(a.unitId, b.unitId) || order(a.date, b.date));
  for (const t of sorted) byBuilding.get(t.buildingId)?.moves.push([t.unitId, codes.get(t.unitId) ?? '', t.date, t.from, t.to]);
  for (const [buildingId, b] of byBuilding) repo.insertSnapshotBuilding(ctx.db, id, buildingId, JSON.stringify(b.units), JSON.stringify(b.moves), now);
  return id;
}

export function finalise(ctx: ServiceCtx, input: ChannelParsedInput<'occupancyReport.finalise'>): OccupancyReport {
  if (!monthEnded(input.month, ctx.today())) throw new AppError('BAD_STATE', 'report.error.notEnded');
  let id = '';
  ctx.db.transaction(() => {
    if (repo.isFinalised(ctx.db, input.month)) throw new AppError('BAD_STATE', 'report.error.alreadyFinal');
    id = takeSnapshot(ctx, input.month, 0, null);
    const s = repo.snapshot(ctx.db, id)!;
    appendEvent(ctx, REPORT_KIND, id, 'finalise', { month: input.month, total: (JSON.parse(s.figures) as StoredFigures).total });
    ctx.audit('finalise', 'occupancy-report', id, null, { number: s.number, month: input.month });
  })();
  return finalReport(ctx, repo.snapshot(ctx.db, id)!);
}

export function revise(ctx: ServiceCtx, input: ChannelParsedInput<'occupancyReport.revise'>): OccupancyReport {
  let id = '';
  ctx.db.transaction(() => {
    const prev = repo.latestSnapshot(ctx.db, input.month);
    if (!prev) throw new AppError('BAD_STATE', 'report.error.notFinal');
    id = takeSnapshot(ctx, input.month, prev.revision + 1, input.reason);
    const s = repo.snapshot(ctx.db, id)!;
    appendEvent(ctx, REPORT_KIND, id, 'revise', { month: input.month, revision: s.revision, reason: input.reason, supersedes: prev.number });
    appendEvent(ctx, REPORT_KIND, prev.id, 'revised', { by: s.number, reason: input.reason });
    ctx.audit('revise', 'occupancy-report', id, { number: prev.number, revision: prev.revision }, { number: s.number, revision: s.revision, reason: input.reason });
  })();
  return finalReport(ctx, repo.snapshot(ctx.db, id)!);
}

// ---------- Today ----------
/** For whoever finalises the report: last month's, from the reminder day until it is finalised; overdue after the due day. */
export function dueOnToday(ctx: ServiceCtx): ChannelOutput<'today.summary'>['occupancyReport'] {
  if (!can(ctx.user?.role, 'occupancyReport.finalise')) return null;
  return dueReminder(ctx.today(), ctx.settings(), (m) => repo.isFinalised(ctx.db, m));
}

/** For tests and the bench: the figures straight from one pass over the units (no kept month ends). */
export function figuresByUnitPass(ctx: ServiceCtx, month: string): { buildings: BuildingFigures[]; total: Figures } {
  const states = repo.unitStatesOn(ctx.db, lastDayOf(month), null);
  const p = repo.rowsIn(ctx.db, firstDayOf(month), lastDayOf(month));
  const counts: Counts = new Map();
  for (const u of states) add(counts, u.buildingId, u.state, 1);
  return assemble(ctx, counts, transitionsIn(p.rows, p.before).transitions);
}

// ---------- for the exported files ----------
/** One unit in the exported detail: its state at the report's day and each change of state in the month, in order. */
export interface DetailUnit {
  buildingCode: string;
  code: string;
  state: StateOrNone;
  changes: { date: string; from: StateOrNone; to: OccupancyState }[];
}

/** Every unit of the report (its snapshot's when finalised, else the history now), building by building. */
export function detailOf(ctx: ServiceCtx, report: OccupancyReport): DetailUnit[] {
  if (report.snapshot) {
    const parts = new Map(repo.snapshotBuildings(ctx.db, report.snapshot.id, null).map((b) => [b.buildingId, b]));
    return report.buildings.flatMap((b) => {
      const part = parts.get(b.buildingId);
      if (!part) return [];
      const moves = new Map<string, DetailUnit['changes']>();
      for (const m of JSON.parse(part.movements) as StoredMove[]) (moves.get(m[0]) ?? moves.set(m[0], []).get(m[0])!).push({ date: m[2], from: m[3], to: m[4] });
      return (JSON.parse(part.units) as StoredUnit[]).map((u) => ({ buildingCode: b.code, code: u[1], state: u[2], changes: moves.get(u[0]) ?? [] }));
    });
  }
  const p = repo.rowsIn(ctx.db, report.from, report.asOf);
  const moves = new Map<string, DetailUnit['changes']>();
  const sorted = [...transitionsIn(p.rows, p.before).transitions].sort((a, b) => order(a.date, b.date));
  for (const t of sorted) (moves.get(t.unitId) ?? moves.set(t.unitId, []).get(t.unitId)!).push({ date: t.date, from: t.from, to: t.to });
  return repo.unitStatesOn(ctx.db, report.asOf, null).map((u) => ({ buildingCode: u.buildingCode, code: u.code, state: u.state, changes: moves.get(u.unitId) ?? [] }));
}

/** A draft's states per building as counts (its units with no history are not counted, as in countsAt). */
function countsOfFigures(buildings: readonly BuildingFigures[]): Counts {
  const c: Counts = new Map();
  for (const b of buildings) {
    const f = b.figures;
    add(c, b.buildingId, 'not_handed_over', f.notHandedOver - f.noHistory);
    add(c, b.buildingId, 'vacant', f.vacant);
    add(c, b.buildingId, 'under_decoration', f.underDecoration);
    add(c, b.buildingId, 'owner_occupied', f.ownerOccupied);
    add(c, b.buildingId, 'office_in_use', f.officeInUse);
    add(c, b.buildingId, 'rented', f.rented);
  }
  return c;
}

/** The site's occupancy rate from units by state per building (a rate needs no movements and no unit totals). */
function rateOfCounts(counts: Counts): number | null {
  const totals: StateTotals = {};
  for (const m of counts.values()) for (const [state, n] of m) totals[state] = (totals[state] ?? 0) + n;
  return rateOf(totals);
}

/**
 * The occupancy rate at each of the `count` month ends up to `month` (oldest first): the latest finalised
 * snapshot's where the month is finalised, the draft from the history otherwise. The states at the latest
 * month end not finalised are counted once (the draft of that month when the caller has it, else countsAt); each
 * earlier month end is a kept one as kept, or else the later one rolled back by the units that changed in
 * between — a month's changes, not a pass over every unit per month.
 */
export function monthEndRates(ctx: ServiceCtx, month: string, count = 12, draft?: OccupancyReport): { month: string; rateBp: number | null; finalised: boolean }[] {
  const months: string[] = [month];
  while (months.length < count) months.unshift(previousMonth(months[0]));
  const out: { month: string; rateBp: number | null; finalised: boolean }[] = [];
  let counts: Counts | null = null;
  let at = '';
  for (const m of [...months].reverse()) {
    const s = repo.latestSnapshot(ctx.db, m);
    if (s) {
      out.unshift({ month: m, rateBp: (JSON.parse(s.figures) as StoredFigures).total.occupancyRateBp, finalised: true });
      continue;
    }
    const end = lastDayOf(m);
    if (!counts) counts = draft?.kind === 'draft' && draft.asOf === end ? countsOfFigures(draft.buildings) : countsAt(ctx, end);
    else if (repo.isKept(ctx.db, end)) counts = toCounts(repo.keptCounts(ctx.db, end));
    else {
      for (const ch of repo.changedBetween(ctx.db, end, at)) {
        add(counts, ch.buildingId, ch.after, -1);
        add(counts, ch.buildingId, ch.before, 1);
      }
    }
    at = end;
    out.unshift({ month: m, rateBp: rateOfCounts(counts), finalised: false });
  }
  return out;
}

// ---------- the dashboard ----------
/** Units of every building by state. */
export type StateTotals = Partial<Record<OccupancyState, number>>;

/**
 * History rows one dashboard read may roll over to reach month ends that are not kept (each changed unit costs
 * two index seeks, ≈7 µs at 50,000 units): a site running FrontDesk keeps every month end (the first change
 * after it), so this only bounds the first months after back history was written around the app (a bench seed).
 */
const DASHBOARD_ROLL_ROWS = 3_000;

interface MonthEndChain {
  now: StateTotals;
  ends: { date: string; totals: StateTotals | null }[];
  /** The newest point known so far, to roll back from. */
  known: { date: string; totals: StateTotals };
  rowsLeft: number;
}
/** One chain per request: the master tile and the trend read the same month ends once (a ctx lives for one call). */
const chains = new WeakMap<ServiceCtx, MonthEndChain>();

const sum = (rows: readonly repo.StateCount[]): StateTotals => {
  const t: StateTotals = {};
  for (const r of rows) t[r.state] = (t[r.state] ?? 0) + r.n;
  return t;
};

export const rateOf = (t: StateTotals): number | null => figuresOf(0, t).occupancyRateBp;

function chainOf(ctx: ServiceCtx): MonthEndChain {
  let c = chains.get(ctx);
  if (!c) {
    const now = sum(repo.statesNow(ctx.db));
    chains.set(ctx, (c = { now, ends: [], known: { date: ctx.today(), totals: now }, rowsLeft: DASHBOARD_ROLL_ROWS }));
  }
  return c;
}

/** Units by state now (each live unit's kept current state). */
export function totalsNow(ctx: ServiceCtx): StateTotals {
  return chainOf(ctx).now;
}

/**
 * Units by state at each of the last `count` closed month ends, newest first: a kept month end as kept (exact
 * under late changes, migration 0090); otherwise rolled back from the next newer point (now, or a later month
 * end) over the units changed in between, while the rows crossed stay within DASHBOARD_ROLL_ROWS; else null.
 */
export function closedMonthEnds(ctx: ServiceCtx, count: number): { date: string; totals: StateTotals | null }[] {
  const c = chainOf(ctx);
  let month = c.ends.length ? previousMonth(monthOf(c.ends[c.ends.length - 1].date)) : previousMonth(monthOf(ctx.today()));
  while (c.ends.length < count) {
    const date = lastDayOf(month);
    let totals: StateTotals | null = null;
    if (repo.isKept(ctx.db, date)) totals = sum(repo.keptCounts(ctx.db, date));
    else {
      const rows = repo.rowsBetween(ctx.db, date, c.known.date, c.rowsLeft);
      if (rows <= c.rowsLeft) {
        c.rowsLeft -= rows;
        totals = { ...c.known.totals };
        // Back from the newer point: out of the state each changed unit has there, into the one it had on `date`.
        for (const ch of rows ? repo.changedBetween(ctx.db, date, c.known.date) : []) {
          if (ch.after) totals[ch.after] = (totals[ch.after] ?? 0) - 1;
          if (ch.before) totals[ch.before] = (totals[ch.before] ?? 0) + 1;
        }
      }
    }
    if (totals) c.known = { date, totals };
    c.ends.push({ date, totals });
    month = previousMonth(month);
  }
  return c.ends.slice(0, count);
}

/**
 * The occupancy rate at the end of each of the last `count` months, oldest first, this month as of today: a
 * finalised month's as finalised. `known` is false where the month end could not be read cheaply (see closedMonthEnds).
 */
export function rateTrend(ctx: ServiceCtx, count: number): { month: string; rateBp: number | null; finalised: boolean; known: boolean }[] {
  const closed = closedMonthEnds(ctx, count - 1).reverse();
  const finals = repo.finalRates(ctx.db, closed.map((e) => monthOf(e.date)));
  const points = closed.map((e) => {
    const month = monthOf(e.date);
    const f = finals.get(month);
    if (f) return { month, rateBp: f.rateBp, finalised: true, known: true };
    return { month, rateBp: e.totals ? rateOf(e.totals) : null, finalised: false, known: e.totals !== null };
  });
  return [...points, { month: monthOf(ctx.today()), rateBp: rateOf(totalsNow(ctx)), finalised: false, known: true }];
}

/** Last month's report for the dashboard: finalised (its number and the units changed since), or not yet (due from the reminder day, overdue after the due day). */
export function lastMonthReport(ctx: ServiceCtx): { month: string; number: string | null; changedSince: number; dueDate: string | null; overdue: boolean } {
  const month = previousMonth(monthOf(ctx.today()));
  const s = repo.latestSnapshot(ctx.db, month);
  if (s) return { month, number: s.number, changedSince: changedSince(ctx, s).count, dueDate: null, overdue: false };
  const due = dueReminder(ctx.today(), ctx.settings(), () => false);
  return { month, number: null, changedSince: 0, dueDate: due?.dueDate ?? null, overdue: due?.overdue ?? false };
}
