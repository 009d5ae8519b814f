/**
 * The monthly occupancy report (月度物业动态信息表, procedure 十六), as pure rules: which changes of the dated
 * occupancy history are the month's movements, the figures and the occupancy rate, the consistency checks,
 * and when the report is due. Nothing here reads the database: the service feeds it history rows.
 */
import type { OccupancyState } from '../../master/enums';

/** A unit with no history on a date counts as not handed over (and is listed as such). */
export type StateOrNone = OccupancyState | null;

export const OCCUPIED_STATES = ['owner_occupied', 'office_in_use', 'rented'] as const satisfies readonly OccupancyState[];
const OCCUPIED = new Set<StateOrNone>(OCCUPIED_STATES);
export const isOccupied = (s: StateOrNone): boolean => OCCUPIED.has(s);
export const isHandedOver = (s: StateOrNone): boolean => s !== null && s !== 'not_handed_over';

/** The figures of the table, in its column order: states as of the last day, then the month's movements. */
export const STATE_FIGURES = ['units', 'handedOver', 'notHandedOver', 'ownerOccupied', 'officeInUse', 'rented', 'vacant', 'underDecoration'] as const;
export const MOVEMENT_FIGURES = ['moveIns', 'movingIns', 'moveOuts', 'decorationsStarted', 'decorationsCompleted'] as const;
/** Not a column: the units of "not handed over" that have no history at all by the day (listed, and warned about). */
export const EXTRA_FIGURES = ['noHistory'] as const;
export const FIGURES = [...STATE_FIGURES, ...MOVEMENT_FIGURES, ...EXTRA_FIGURES] as const;
export type StateFigure = (typeof STATE_FIGURES)[number];
export type MovementFigure = (typeof MOVEMENT_FIGURES)[number];
export type Figure = (typeof FIGURES)[number];

export const STATE_OF_FIGURE: Partial<Record<StateFigure, OccupancyState>> = {
  ownerOccupied: 'owner_occupied',
  officeInUse: 'office_in_use',
  rented: 'rented',
  vacant: 'vacant',
  underDecoration: 'under_decoration',
};

/** Whether a unit in state `s` on the day is behind a state figure. */
export function inStateFigure(figure: StateFigure | 'noHistory', s: StateOrNone, hasHistory = s !== null): boolean {
  switch (figure) {
    case 'units':
      return true;
    case 'handedOver':
      return isHandedOver(s);
    case 'notHandedOver':
      return !isHandedOver(s);
    case 'noHistory':
      return !hasHistory;
    default:
      return s === STATE_OF_FIGURE[figure];
  }
}

/**
 * What one change of state is, for the month's columns (a change may be two things at once):
 * - a unit's first recorded state (no history before it) is its opening state, not a movement: a site that
 *   starts with an import of its roster, or a unit added later with the state it already had, did not see
 *   thousands of move-ins that month — its month-end states count it, its movements do not;
 * - move-in 入伙: out of not handed over into a handed-over state — normally `→ vacant`;
 *   handed over straight into decoration or use is a move-in too;
 * - moving-in 入住: into owner-occupied, office in use or rented from any other state;
 * - move-out: `→ vacant` from an occupied state;
 * - decoration started: `→ under decoration`; completed: leaving under decoration.
 * A correction back to not handed over is none of them.
 */
export function movementsOf(from: StateOrNone, to: OccupancyState): MovementFigure[] {
  if (from === to || from === null) return [];
  const out: MovementFigure[] = [];
  if (!isHandedOver(from) && isHandedOver(to)) out.push('moveIns');
  if (isOccupied(to)) out.push('movingIns');
  if (to === 'vacant' && isOccupied(from)) out.push('moveOuts');
  if (to === 'under_decoration') out.push('decorationsStarted');
  if (from === 'under_decoration') out.push('decorationsCompleted');
  return out;
}

export interface HistoryRow {
  unitId: string;
  effectiveDate: string;
  /** UUIDv7: among rows of one day, the later id is the one in effect. */
  id: string;
  state: OccupancyState;
}

export interface Transition {
  unitId: string;
  date: string;
  from: StateOrNone;
  to: OccupancyState;
  kinds: MovementFigure[];
}

/**
 * The transitions of one unit over a period from its rows dated inside it (any order) and its state the day
 * before: only the last row of a day counts (a same-day correction replaces the first entry), and a row that
 * repeats the state before it changes nothing.
 */
export function transitionsOf(before: StateOrNone, rows: readonly HistoryRow[]): { transitions: Transition[]; after: StateOrNone } {
  const sorted = [...rows].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const transitions: Transition[] = [];
  let state = before;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (i + 1 < sorted.length && sorted[i + 1].effectiveDate === r.effectiveDate) continue;
    if (r.state !== state) {
      const kinds = movementsOf(state, r.state);
      transitions.push({ unitId: r.unitId, date: r.effectiveDate, from: state, to: r.state, kinds });
    }
    state = r.state;
  }
  return { transitions, after: state };
}

/** Per building (and in total): the states as of the day, the period's movements, the occupancy rate. */
export type Figures = Record<StateFigure | MovementFigure | 'noHistory', number> & {
  /** 入住率 = occupied (owner-occupied + office in use + rented) ÷ handed over, in basis points (8523 = 85.23 %); null with nothing handed over. */
  occupancyRateBp: number | null;
};

/** Counts of units by state on the day (no history: key `none`) into the figures; movements start at zero. */
export function figuresOf(units: number, byState: Partial<Record<OccupancyState | 'none', number>>): Figures {
  const n = (s: OccupancyState | 'none') => byState[s] ?? 0;
  const counted = n('not_handed_over') + n('vacant') + n('under_decoration') + n('owner_occupied') + n('office_in_use') + n('rented');
  const noHistory = byState.none ?? units - counted;
  const handedOver = n('vacant') + n('under_decoration') + n('owner_occupied') + n('office_in_use') + n('rented');
  const f: Figures = {
    units,
    handedOver,
    notHandedOver: n('not_handed_over') + noHistory,
    ownerOccupied: n('owner_occupied'),
    officeInUse: n('office_in_use'),
    rented: n('rented'),
    vacant: n('vacant'),
    underDecoration: n('under_decoration'),
    moveIns: 0,
    movingIns: 0,
    moveOuts: 0,
    decorationsStarted: 0,
    decorationsCompleted: 0,
    noHistory,
    occupancyRateBp: null,
  };
  f.occupancyRateBp = occupancyRateBp(f);
  return f;
}

export function occupancyRateBp(f: Pick<Figures, 'ownerOccupied' | 'officeInUse' | 'rented' | 'handedOver'>): number | null {
  if (f.handedOver <= 0) return null;
  // Integer arithmetic, rounded half up: no floating point in a figure a manager signs.
  return Math.floor(((f.ownerOccupied + f.officeInUse + f.rented) * 20_000 + f.handedOver) / (2 * f.handedOver));
}

/** The sum of buildings' figures (the rate recomputed from the sums, never averaged). */
export function totalOf(list: readonly Figures[]): Figures {
  const t = figuresOf(0, {});
  for (const f of list) for (const k of [...STATE_FIGURES, ...MOVEMENT_FIGURES, 'noHistory'] as const) t[k] += f[k];
  t.occupancyRateBp = occupancyRateBp(t);
  return t;
}

export const WARNING_KINDS = ['doesNotAddUp', 'noHistory', 'rentedWithoutTenancy'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
/** Warnings a manager may accept as they are (with a reason); the others must be resolved in the data. */
export const ACCEPTABLE: ReadonlySet<WarningKind> = new Set(['noHistory', 'rentedWithoutTenancy']);

/**
 * The building's states add up to its units, and nothing is negative: handed over + not handed over = units,
 * and the handed-over states add up to handed over. A mismatch means the counts are wrong, never accepted.
 */
export function addsUp(f: Figures): boolean {
  const parts = f.ownerOccupied + f.officeInUse + f.rented + f.vacant + f.underDecoration;
  const nonNegative = [...STATE_FIGURES, ...MOVEMENT_FIGURES, 'noHistory' as const].every((k) => f[k] >= 0);
  return nonNegative && f.handedOver + f.notHandedOver === f.units && parts === f.handedOver && f.noHistory <= f.notHandedOver;
}

// ---------- dates ----------
export { isMonth, lastDayOf, firstDayOf, monthOf, previousMonth, dayBefore } from '../../kernel/months';
import { lastDayOf, monthOf, previousMonth } from '../../kernel/months';

/** A month can be finalised once it has ended (its last day is before today). */
export const monthEnded = (month: string, today: string): boolean => lastDayOf(month) < today;

export interface DueSettings {
  /** Today reminds the manager from this day of the next month (default the 1st)… */
  occupancyReportRemindFromDay: number;
  /** …and it is overdue after this day (default the 3rd: procedure 十六, "每月3日前"). */
  occupancyReportDueDay: number;
}

/**
 * Today's reminder: last month's report, from the reminder day of this month until it is finalised; overdue
 * after the due day. Null before the reminder day or once finalised.
 */
export function dueReminder(today: string, s: DueSettings, finalised: (month: string) => boolean): { month: string; dueDate: string; overdue: boolean } | null {
  const day = Number(today.slice(8, 10));
  const month = previousMonth(monthOf(today));
  if (day < s.occupancyReportRemindFromDay || finalised(month)) return null;
  const dueDay = Math.min(s.occupancyReportDueDay, Number(lastDayOf(monthOf(today)).slice(8, 10)));
  return { month, dueDate: `${monthOf(today)}-${String(dueDay).padStart(2, '0')}`, overdue: day > dueDay };
}
