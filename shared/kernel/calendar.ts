/**
 * The working-day calendar of mainland China (convention 13): the official schedule of public
 * holidays and make-up working days (调休) from `chinese-days`, plus the manager's own additions.
 *
 * Why we read the package's JSON rather than call its functions: `chinese-days` 1.5.7 parses
 * 'YYYY-MM-DD' as UTC midnight and reads the weekday and the date back in the *process's* time zone
 * — also when it builds its own tables at import. On a PC set west of UTC every answer is off by a
 * day (TZ=America/New_York: `isWorkday('2026-11-09')`, a Monday, is false; `findWorkday(3,
 * '2026-09-29')` is '2026-10-08'; a local Date misses each holiday by a day). Its functions also
 * cannot say which years the schedule covers. The JSON it ships (`dist/chinese-days.json`, the data
 * file its README offers) holds the same data — a test checks it against the functions where they
 * work — and lets us compute on plain date strings, in no time zone at all.
 *
 * Overrides are treated as immutable values (they come from settings): lookups are compiled into
 * Sets once per object, so mutating an overrides object after use is not seen.
 *
 * Dates are 'YYYY-MM-DD' strings in the site's own calendar (Beijing time); day arithmetic is done on
 * day numbers through Date.UTC, which no time zone affects.
 */
import { z } from 'zod';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { encodeMessage } from './messages';

// ---------------------------------------------------------------------------------------------
// Dates as strings

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = ms / MS_PER_DAY;
  if (fromDayNumber(n) !== date) throw new RangeError(`no such date: ${date}`);
  return n;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Same message key as shared/kernel/validation's isoDate, so the form shows the same text. */
export const CalendarDateSchema = z.string().refine(isIsoDate, { message: 'v.date' });

// ---------------------------------------------------------------------------------------------
// The manager's additions

/**
 * Settings: days the manager adds to the official schedule. An override wins over chinese-days.
 * `confirmedYears`: years whose official schedule the manager has typed in by hand (as overrides)
 * before an app update brought it; such a year counts as known, so its deadlines stop saying
 * "estimated". Without this the flag could only be cleared by upgrading the package.
 */
export const CalendarOverridesSchema = z
  .object({
    holidays: z.array(CalendarDateSchema).max(2000).default([]),
    workdays: z.array(CalendarDateSchema).max(2000).default([]),
    confirmedYears: z.array(z.number().int().min(1900).max(2199)).max(300).default([]),
  })
  .superRefine((o, ctx) => {
    // One date cannot be both; the form shows it on the workday list, naming the (first) date.
    const holidays = new Set(o.holidays);
    const both = o.workdays.find((d) => holidays.has(d));
    if (both) ctx.addIssue({ code: 'custom', path: ['workdays'], message: encodeMessage('v.holidayAndWorkday', { date: both }) });
  });
export type CalendarOverrides = z.infer<typeof CalendarOverridesSchema>;

/** What the functions accept: every list optional, so `{}` means "no additions". */
export type CalendarOverridesInput = {
  readonly holidays?: readonly string[];
  readonly workdays?: readonly string[];
  readonly confirmedYears?: readonly number[];
};

export const NO_OVERRIDES: CalendarOverrides = Object.freeze({ holidays: [], workdays: [], confirmedYears: [] }) as CalendarOverrides;

type CompiledOverrides = { holidays: Set<string>; workdays: Set<string>; confirmedYears: Set<number> };
const compiled = new WeakMap<object, CompiledOverrides>();

/** Sets built once per overrides object: a deadline walk asks about hundreds of days. */
function compile(o: CalendarOverridesInput): CompiledOverrides {
  let c = compiled.get(o);
  if (!c) {
    c = { holidays: new Set(o.holidays ?? []), workdays: new Set(o.workdays ?? []), confirmedYears: new Set(o.confirmedYears ?? []) };
    compiled.set(o, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// The official schedule

type Entry = { en: string; zh: string };

/** "National Day,国庆节,3" → { en, zh }; the trailing number is the statutory day count. */
function parseEntry(raw: string): Entry {
  const parts = raw.split(',');
  const en = parts[0] ?? raw;
  const zh = parts.length >= 3 ? parts.slice(1, -1).join(',') : (parts[1] ?? en);
  return { en, zh };
}

function parseTable(table: Record<string, string>): Map<string, Entry> {
  const m = new Map<string, Entry>();
  for (const [date, raw] of Object.entries(table)) if (DATE_RE.test(date)) m.set(date, parseEntry(raw));
  return m;
}

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
const OFFICIAL_HOLIDAYS = parseTable(data.holidays);
const OFFICIAL_WORKDAYS = parseTable(data.workdays);

/**
 * The years whose official schedule is in the data, found in the data itself: a year counts when its
 * holidays include both Spring Festival and National Day, which every State Council notice since
 * 1999 has. A New Year's Day that spills into the next year (a 12-31 or 01-01 entry) can therefore
 * not make a year look known on its own.
 */
const KNOWN_YEARS: ReadonlySet<number> = (() => {
  const spring = new Set<number>();
  const national = new Set<number>();
  for (const [date, e] of OFFICIAL_HOLIDAYS) {
    if (e.en === 'Spring Festival') spring.add(yearOf(date));
    if (e.en === 'National Day') national.add(yearOf(date));
  }
  return new Set([...spring].filter((y) => national.has(y)));
})();

/** Years with an official schedule in chinese-days, ascending (1.5.7: 2004…2026). */
export function officialYears(): number[] {
  return [...KNOWN_YEARS].sort((a, b) => a - b);
}

/** Known: the official schedule is in the data, or the manager confirmed having entered it. */
export function isYearKnown(year: number, overrides: CalendarOverridesInput = NO_OVERRIDES): boolean {
  return KNOWN_YEARS.has(year) || compile(overrides).confirmedYears.has(year);
}

// ---------------------------------------------------------------------------------------------
// Days

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup-workday' | 'override-holiday' | 'override-workday';

export type DayInfo = {
  date: string;
  working: boolean;
  reason: DayReason;
  /** For an official holiday or make-up working day: the holiday's name (zh, e.g. 国庆节) … */
  name?: string;
  /** … and in English (e.g. National Day), for the en UI. */
  nameEn?: string;
  /**
   * The year's official schedule is not known, so a weekday may yet turn out to be a holiday. Set
   * for every day of such a year, overridden or not: it describes the year, as `yearCalendar().known`.
   */
  estimated: boolean;
};

/**
 * Order: the manager's holiday, the manager's workday (the schema refuses a date in both), the
 * official make-up working day, the official holiday, then Mon–Fri. In a year with no official
 * schedule only the overrides and Mon–Fri apply, and the day is `estimated`.
 */
export function dayInfo(date: string, overrides: CalendarOverridesInput = NO_OVERRIDES): DayInfo {
  const wd = weekday(date); // validates the date too
  const o = compile(overrides);
  const estimated = !isYearKnown(yearOf(date), overrides);
  if (o.holidays.has(date)) return { date, working: false, reason: 'override-holiday', estimated };
  if (o.workdays.has(date)) return { date, working: true, reason: 'override-workday', estimated };
  const makeup = OFFICIAL_WORKDAYS.get(date);
  if (makeup) return { date, working: true, reason: 'makeup-workday', name: makeup.zh, nameEn: makeup.en, estimated };
  const holiday = OFFICIAL_HOLIDAYS.get(date);
  if (holiday) return { date, working: false, reason: 'holiday', name: holiday.zh, nameEn: holiday.en, estimated };
  const weekend = wd === 0 || wd === 6;
  return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', estimated };
}

/**
 * The Settings calendar's click on a day: a day the manager changed goes back to the official schedule;
 * any other day flips — a working day becomes the manager's holiday, a day off the manager's working
 * day. Lists stay sorted, without duplicates; `confirmedYears` is kept as it is.
 */
export function toggleOverride(overrides: CalendarOverrides, date: string): CalendarOverrides {
  const info = dayInfo(date, overrides); // validates the date too
  const without = (list: readonly string[]) => list.filter((d) => d !== date);
  const withDate = (list: readonly string[]) => [...new Set([...list, date])].sort();
  if (info.reason === 'override-holiday') return { ...overrides, holidays: without(overrides.holidays) };
  if (info.reason === 'override-workday') return { ...overrides, workdays: without(overrides.workdays) };
  return info.working
    ? { ...overrides, holidays: withDate(overrides.holidays) }
    : { ...overrides, workdays: withDate(overrides.workdays) };
}

export function isWorkingDay(date: string, overrides: CalendarOverridesInput = NO_OVERRIDES): boolean {
  return dayInfo(date, overrides).working;
}

export type YearCalendar = { year: number; known: boolean; days: DayInfo[] };

/** Every day of a year, for the calendar in Settings. */
export function yearCalendar(year: number, overrides: CalendarOverridesInput = NO_OVERRIDES): YearCalendar {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  const first = dayNumber(`${year}-01-01`);
  const next = dayNumber(`${year + 1}-01-01`);
  const days: DayInfo[] = [];
  for (let n = first; n < next; n++) days.push(dayInfo(fromDayNumber(n), overrides));
  return { year, known: isYearKnown(year, overrides), days };
}

export type ScheduleNotice = { year: number; known: false };

/**
 * For the manager's Today: the year whose official schedule is missing, or null.
 * - The current year is unknown (an old build still running): that year, any day of the year.
 * - From 1 December (the State Council publishes the next year's notice in November or December,
 *   and an app update follows): next year, if it is unknown.
 */
export function scheduleNotice(today: string, overrides: CalendarOverridesInput = NO_OVERRIDES): ScheduleNotice | null {
  dayNumber(today);
  const year = yearOf(today);
  if (!isYearKnown(year, overrides)) return { year, known: false };
  if (today.slice(5) >= '12-01' && !isYearKnown(year + 1, overrides)) return { year: year + 1, known: false };
  return null;
}
