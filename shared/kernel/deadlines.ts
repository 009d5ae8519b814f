/**
 * Deadlines are data, computed here and nowhere else (convention 13). A workflow's settings hold a
 * `DeadlineRule`; its rules.ts calls `dueDate(rule, start, ctx)` and its today.ts uses `isOverdue`.
 *
 * - calendar days:  "within 7 days"                 → a date
 * - working days:   "within 3 working days"         → a date (the day counts until its end)
 * - office hours:   "within half a day" (4 h)       → a date and time inside office hours
 *
 * Counting rule (the same as the Civil Code's art. 201 and chinese-days' `findWorkday`): the day of
 * the start is never counted, whatever it is. "n working days from d" is the n-th working day
 * strictly after d; so a complaint received on a Saturday or during National Day gets the same
 * deadline as one received on the working day before, and "0 working days" is d itself. This makes
 * addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b) hold for every d.
 *
 * Time: the functions take wall-clock strings of the site's own time ('YYYY-MM-DD',
 * 'YYYY-MM-DDTHH:MM'), never `Date.now()` (time is injected, convention 7). Records keep UTC instants
 * (convention 10); turn one into the site's wall clock with `localWallClock(instant)` — Beijing time
 * by default, the legal time of the whole mainland, whatever zone the counter PC is set to. China has
 * had no daylight saving since 1991, so wall-clock minutes are real minutes; a zone with DST would be
 * off by the shift on its change-over days.
 *
 * Estimated: a due date is `estimated` when the walk read a day of a year whose official schedule is
 * not in chinese-days (nor confirmed by the manager): Mon–Fri plus the overrides stood in for it.
 * Calendar days read no schedule and are never estimated.
 */
import { z } from 'zod';
import {
  type CalendarOverridesInput,
  NO_OVERRIDES,
  dayInfo,
  dayNumber,
  fromDayNumber,
  isYearKnown,
  yearOf,
} from './calendar';

export * from './calendar';

// ---------------------------------------------------------------------------------------------
// Rules and settings

/** Hours in whole minutes (0.5 h, 3.75 h); float noise from a form (1.1 * 60) is tolerated. */
const wholeMinutes = (h: number) => Math.abs(h * 60 - Math.round(h * 60)) < 1e-6;

export const DeadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar-days'), days: z.number().int().min(1).max(3660) }),
  z.object({ kind: z.literal('working-days'), days: z.number().int().min(1).max(366) }),
  z.object({
    kind: z.literal('office-hours'),
    hours: z.number().positive().max(1000).refine(wholeMinutes, { message: 'v.invalid' }),
  }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const hhmm = z.string().regex(HHMM_RE, { message: 'v.invalidFormat' });

function minutesOf(t: string): number {
  const m = HHMM_RE.exec(t);
  if (!m) throw new RangeError(`not an HH:MM time: ${JSON.stringify(t)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Office hours of the service centre ('HH:MM', site time); they apply on working days only. */
export type OfficeHours = { start: string; end: string; lunch?: { start: string; end: string } };

export const OfficeHoursSchema: z.ZodType<OfficeHours, OfficeHours> = z
  .object({ start: hhmm, end: hhmm, lunch: z.object({ start: hhmm, end: hhmm }).optional() })
  .superRefine((o, ctx) => {
    // Each fault once, on the field to correct (times that are not HH:MM already have their message).
    const m = (t: string) => (HHMM_RE.test(t) ? minutesOf(t) : null);
    const [s, e] = [m(o.start), m(o.end)];
    if (s !== null && e !== null && s >= e) ctx.addIssue({ code: 'custom', path: ['end'], message: 'v.endNotAfterStart' });
    if (!o.lunch) return;
    const [ls, le] = [m(o.lunch.start), m(o.lunch.end)];
    if (ls === null || le === null) return;
    if (ls >= le) ctx.addIssue({ code: 'custom', path: ['lunch', 'end'], message: 'v.endNotAfterStart' });
    else if (s !== null && e !== null && s < e && officeIntervals(o, false) === null) ctx.addIssue({ code: 'custom', path: ['lunch'], message: 'v.lunchOutsideHours' });
  });

/** A common timetable; settings start from it. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } };

/** [from, to) minute-of-day intervals of a working day; null (or a throw) when the times are out of order. */
function officeIntervals(o: OfficeHours, strict = true): [number, number][] | null {
  try {
    const s = minutesOf(o.start);
    const e = minutesOf(o.end);
    if (!o.lunch) {
      if (s < e) return [[s, e]];
    } else {
      const ls = minutesOf(o.lunch.start);
      const le = minutesOf(o.lunch.end);
      // Lunch strictly inside the day, so both halves have some minutes.
      if (s < ls && ls < le && le < e) return [[s, ls], [le, e]];
    }
  } catch (err) {
    if (strict) throw err;
    return null;
  }
  if (strict) throw new RangeError(`office hours out of order: ${JSON.stringify(o)}`);
  return null;
}

export type DeadlineContext = { overrides?: CalendarOverridesInput; officeHours: OfficeHours };

/**
 * `due` is 'YYYY-MM-DD' for day rules (the whole day is allowed: overdue from the next day) and
 * 'YYYY-MM-DDTHH:MM' for office hours (overdue after that minute).
 */
export type Due = { due: string; precision: 'day' | 'minute'; estimated: boolean };

// ---------------------------------------------------------------------------------------------
// Wall clock

const WALL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The site's zone: Beijing time (China Standard Time, UTC+8, no DST). */
export const SITE_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A UTC instant (ISO string with Z or an offset, epoch ms, or Date) as 'YYYY-MM-DDTHH:MM' in `timeZone`. */
export function localWallClock(instant: string | number | Date, timeZone: string = SITE_TIME_ZONE): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** 'YYYY-MM-DDTHH:MM' → [day number, minute of day]; a bare date is its midnight. */
function parseWall(s: string): [number, number] {
  if (!s.includes('T')) return [dayNumber(s), 0];
  const m = WALL_RE.exec(s);
  if (!m) throw new RangeError(`not a YYYY-MM-DDTHH:MM wall-clock time: ${JSON.stringify(s)}`);
  return [dayNumber(m[1]), minutesOf(m[2])];
}

function formatWall(day: number, minute: number): string {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${fromDayNumber(day)}T${hh}:${mm}`;
}

// ---------------------------------------------------------------------------------------------
// The walks

/** Reads days through the calendar and remembers whether any of them was estimated. */
function reader(overrides: CalendarOverridesInput) {
  let estimated = false;
  const unknownYears = new Map<number, boolean>();
  return {
    working(day: number): boolean {
      const date = fromDayNumber(day);
      const y = yearOf(date);
      let unknown = unknownYears.get(y);
      if (unknown === undefined) unknownYears.set(y, (unknown = !isYearKnown(y, overrides)));
      if (unknown) estimated = true;
      return dayInfo(date, overrides).working;
    },
    get estimated() {
      return estimated;
    },
  };
}

function requireCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
}

function walkWorkingDays(from: string, n: number, overrides: CalendarOverridesInput): { due: string; estimated: boolean } {
  requireCount(n, 'working days');
  const r = reader(overrides);
  let day = dayNumber(from);
  for (let left = n; left > 0; ) {
    day += 1;
    if (r.working(day)) left -= 1;
  }
  return { due: fromDayNumber(day), estimated: r.estimated };
}

// A guard for a hand-built OfficeHours or overrides that never leave a working minute; the schemas
// make that impossible, so reaching it is a bug.
const MAX_DAYS_WALKED = 40_000;

function walkOfficeHours(
  from: string,
  hours: number,
  officeHours: OfficeHours,
  overrides: CalendarOverridesInput,
): { due: string; estimated: boolean } {
  if (!(hours >= 0) || !Number.isFinite(hours) || !wholeMinutes(hours)) throw new RangeError(`hours must be ≥ 0 in whole minutes, not ${hours}`);
  const intervals = officeIntervals(officeHours)!;
  let [day, minute] = parseWall(from);
  let left = Math.round(hours * 60);
  if (left === 0) return { due: formatWall(day, minute), estimated: false };
  const r = reader(overrides);
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++, day++, minute = 0) {
    if (!r.working(day)) continue;
    for (const [a, b] of intervals) {
      if (minute >= b) continue;
      const s = Math.max(minute, a);
      // The last minute used may be the interval's end: 4 h from 13:30 is 17:30 today, not 08:30
      // tomorrow. So a result lies in (a, b] of an office interval of a working day.
      if (left <= b - s) return { due: formatWall(day, s + left), estimated: r.estimated };
      left -= b - s;
      minute = b;
    }
  }
  throw new RangeError('office hours never reach the deadline: no working minutes');
}

// ---------------------------------------------------------------------------------------------
// Public arithmetic

/** The date `n` calendar days after `from` (n may be negative). */
export function addCalendarDays(from: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`calendar days must be a whole number, not ${n}`);
  return fromDayNumber(dayNumber(from) + n);
}

/** The n-th working day strictly after `from` (n ≥ 0; 0 gives `from`). See the counting rule above. */
export function addWorkingDays(from: string, n: number, overrides: CalendarOverridesInput = NO_OVERRIDES): string {
  return walkWorkingDays(from, n, overrides).due;
}

/**
 * The wall-clock minute when `hours` of office time after `from` ('YYYY-MM-DDTHH:MM', site time;
 * a bare date is its 00:00) are used up. Time outside office hours, at lunch, and on non-working
 * days does not run. 0 hours gives `from` unchanged.
 */
export function addOfficeHours(
  from: string,
  hours: number,
  officeHours: OfficeHours,
  overrides: CalendarOverridesInput = NO_OVERRIDES,
): string {
  return walkOfficeHours(from, hours, officeHours, overrides).due;
}

/**
 * When a rule started at `start` falls due. `start` is the site's wall clock, 'YYYY-MM-DDTHH:MM'
 * (from `localWallClock(record.createdAt)`), or a bare date; day rules use only its date.
 */
export function dueDate(rule: DeadlineRule, start: string, ctx: DeadlineContext): Due {
  const overrides = ctx.overrides ?? NO_OVERRIDES;
  const date = start.slice(0, 10);
  switch (rule.kind) {
    case 'calendar-days':
      parseWall(start);
      return { due: addCalendarDays(date, rule.days), precision: 'day', estimated: false };
    case 'working-days':
      parseWall(start);
      return { ...walkWorkingDays(date, rule.days, overrides), precision: 'day' };
    case 'office-hours':
      return { ...walkOfficeHours(start, rule.hours, ctx.officeHours, overrides), precision: 'minute' };
  }
}

/** Past its deadline at `now` (site wall clock 'YYYY-MM-DDTHH:MM'): a day deadline only from the next day. */
export function isOverdue(due: Due, now: string): boolean {
  parseWall(now);
  return due.precision === 'day' ? now.slice(0, 10) > due.due : now.length === 10 ? `${now}T00:00` > due.due : now > due.due;
}
