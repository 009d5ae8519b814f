/**
 * The deadline module (convention 13): fixed cases on the 2026 official schedule, the "estimated"
 * flag for a year chinese-days does not cover yet, the Today notice, office hours, and properties
 * of the arithmetic. chinese-days is pinned to 1.5.7 (data through 2026): when an update brings the
 * 2027 schedule, the 2027 cases below move to the next unknown year.
 */
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  CalendarOverridesSchema,
  DEFAULT_OFFICE_HOURS,
  DeadlineRuleSchema,
  OfficeHoursSchema,
  addCalendarDays,
  addOfficeHours,
  addWorkingDays,
  dayInfo,
  dayNumber,
  dueDate,
  fromDayNumber,
  isOverdue,
  isWorkingDay,
  isYearKnown,
  localWallClock,
  officialYears,
  scheduleNotice,
  toggleOverride,
  weekday,
  yearCalendar,
  yearOf,
  type CalendarOverridesInput,
  type OfficeHours,
} from '../../../shared/kernel/deadlines';

const OFFICE: OfficeHours = { start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } };
const ctx = { officeHours: OFFICE };

/**
 * The package's own functions, as an oracle. They are right only where the process runs at UTC or
 * east of it: chinese-days builds its tables at import by parsing dates as UTC midnight and reading
 * them back in local time, so west of UTC every holiday is keyed a day early (the reason
 * shared/kernel/calendar.ts reads the JSON instead). Elsewhere the comparisons are skipped.
 */
const packageOracleWorks = new Date(2026, 0, 1).getTimezoneOffset() <= 0;

/** The package's own answer for a date, asked with a local-midnight Date. */
function packageSaysWorking(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  return chineseDays.getDayDetail(new Date(y, m - 1, d)).work;
}

describe('the official schedule from chinese-days', () => {
  it('covers 2004…2026 without gaps, and not 2027', () => {
    const years = officialYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(isYearKnown(2027)).toBe(false);
    expect(isYearKnown(2003)).toBe(false);
  });

  it.skipIf(!packageOracleWorks)('agrees with the package functions on every day of 2004…2027', () => {
    const mismatches: string[] = [];
    for (let n = dayNumber('2004-01-01'); n <= dayNumber('2027-12-31'); n++) {
      const date = fromDayNumber(n);
      if (dayInfo(date).working !== packageSaysWorking(date)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('National Day 2026: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    for (let d = 1; d <= 7; d++) {
      expect(dayInfo(`2026-10-0${d}`)).toMatchObject({ working: false, reason: 'holiday', name: '国庆节', nameEn: 'National Day', estimated: false });
    }
    expect(weekday('2026-09-20')).toBe(0);
    expect(dayInfo('2026-09-20')).toMatchObject({ working: true, reason: 'makeup-workday', name: '国庆节' });
    expect(weekday('2026-10-10')).toBe(6);
    expect(dayInfo('2026-10-10')).toMatchObject({ working: true, reason: 'makeup-workday' });
    expect(dayInfo('2026-10-08')).toMatchObject({ working: true, reason: 'weekday' });
    expect(dayInfo('2026-10-11')).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('Spring Festival 2026: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (const d of ['2026-02-15', '2026-02-17', '2026-02-20', '2026-02-23']) {
      expect(dayInfo(d)).toMatchObject({ working: false, reason: 'holiday', name: '春节', nameEn: 'Spring Festival' });
    }
    expect(dayInfo('2026-02-24')).toMatchObject({ working: true, reason: 'weekday' });
    expect(dayInfo('2026-02-14')).toMatchObject({ working: true, reason: 'makeup-workday', name: '春节' });
    expect(dayInfo('2026-02-28')).toMatchObject({ working: true, reason: 'makeup-workday', name: '春节' });
    // Fri 02-13 → Sat 02-14 (1), holiday through 02-23, Tue 02-24 (2), Wed 02-25 (3).
    expect(addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
  });

  it('the year calendar for Settings', () => {
    const y = yearCalendar(2026);
    expect(y.known).toBe(true);
    expect(y.days).toHaveLength(365);
    expect(y.days[0]).toMatchObject({ date: '2026-01-01', working: false, reason: 'holiday', name: '元旦' });
    // 261 weekdays − 19 holidays on weekdays + 6 make-up Saturdays/Sundays.
    expect(y.days.filter((d) => d.working)).toHaveLength(248);
    expect(y.days.filter((d) => d.reason === 'makeup-workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const y2028 = yearCalendar(2028);
    expect(y2028).toMatchObject({ year: 2028, known: false });
    expect(y2028.days).toHaveLength(366);
    expect(y2028.days.every((d) => d.estimated && (d.reason === 'weekday' || d.reason === 'weekend'))).toBe(true);
  });
});

describe('working days', () => {
  it('3 working days from Tuesday 2026-09-29 is Friday 2026-10-09', () => {
    expect(addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
    expect(weekday('2026-10-09')).toBe(5);
    expect(dueDate({ kind: 'working-days', days: 3 }, '2026-09-29T15:20', ctx)).toEqual({ due: '2026-10-09', precision: 'day', estimated: false });
    // …and the next one is the make-up Saturday.
    expect(addWorkingDays('2026-09-29', 4)).toBe('2026-10-10');
  });

  it('the start day never counts, even when it is a holiday or a weekend', () => {
    expect(addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09'); // Saturday → Monday
    expect(addWorkingDays('2026-11-06', 1)).toBe('2026-11-09'); // Friday → Monday
    expect(addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
  });

  it("a manager's holiday shifts a due date", () => {
    const overrides = { holidays: ['2026-10-08'], workdays: [] };
    expect(dayInfo('2026-10-08', overrides)).toMatchObject({ working: false, reason: 'override-holiday' });
    // 09-30 (1), 10-08 now off, 10-09 (2), make-up Saturday 10-10 (3).
    expect(addWorkingDays('2026-09-29', 3, overrides)).toBe('2026-10-10');
  });

  it("a manager's workday on a Sunday counts", () => {
    const overrides = { holidays: [], workdays: ['2026-11-08'] };
    expect(weekday('2026-11-08')).toBe(0);
    expect(isWorkingDay('2026-11-08', overrides)).toBe(true);
    expect(dayInfo('2026-11-08', overrides).reason).toBe('override-workday');
    expect(addWorkingDays('2026-11-07', 1, overrides)).toBe('2026-11-08');
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09');
  });

  it('an override wins over the official schedule both ways', () => {
    expect(dayInfo('2026-10-10', { holidays: ['2026-10-10'] })).toMatchObject({ working: false, reason: 'override-holiday' });
    expect(dayInfo('2026-10-05', { workdays: ['2026-10-05'] })).toMatchObject({ working: true, reason: 'override-workday' });
  });

  it('refuses a negative or fractional count and a malformed date', () => {
    expect(() => addWorkingDays('2026-09-29', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-29', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-9-29', 1)).toThrow(RangeError);
  });
});

describe('a year without an official schedule (2027 in chinese-days 1.5.7)', () => {
  it('days of 2027 are estimated: Mon–Fri plus overrides', () => {
    expect(dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: true, reason: 'weekday', estimated: true });
    expect(dayInfo('2027-01-02')).toMatchObject({ working: false, reason: 'weekend', estimated: true });
    expect(dayInfo('2027-01-01', { holidays: ['2027-01-01'] })).toMatchObject({ working: false, reason: 'override-holiday', estimated: true });
  });

  it('a deadline walking into 2027 says estimated; one ending in 2026 does not', () => {
    const rule = { kind: 'working-days', days: 3 } as const;
    expect(dueDate(rule, '2026-12-28', ctx)).toEqual({ due: '2026-12-31', precision: 'day', estimated: false });
    expect(dueDate({ kind: 'working-days', days: 4 }, '2026-12-28', ctx)).toEqual({ due: '2027-01-01', precision: 'day', estimated: true });
    expect(dueDate({ kind: 'office-hours', hours: 8 }, '2026-12-31T15:00', ctx)).toEqual({ due: '2027-01-01T15:30', precision: 'minute', estimated: true });
    // Calendar days read no schedule.
    expect(dueDate({ kind: 'calendar-days', days: 10 }, '2026-12-28T09:00', ctx)).toEqual({ due: '2027-01-07', precision: 'day', estimated: false });
  });

  it("the manager can confirm having entered a year's schedule by hand", () => {
    const overrides = { holidays: ['2027-01-01'], confirmedYears: [2027] };
    expect(dueDate({ kind: 'working-days', days: 4 }, '2026-12-28', { ...ctx, overrides })).toEqual({ due: '2027-01-04', precision: 'day', estimated: false });
    expect(scheduleNotice('2026-12-01', overrides)).toBeNull();
  });

  it('Today tells the manager from 1 December, and all year when the current year is unknown', () => {
    expect(scheduleNotice('2026-11-30')).toBeNull();
    expect(scheduleNotice('2026-12-01')).toEqual({ year: 2027, known: false });
    expect(scheduleNotice('2026-12-31')).toEqual({ year: 2027, known: false });
    expect(scheduleNotice('2025-12-15')).toBeNull(); // 2026 is known
    expect(scheduleNotice('2027-03-01')).toEqual({ year: 2027, known: false });
    expect(scheduleNotice('2027-12-01')).toEqual({ year: 2027, known: false });
  });
});

describe('office hours', () => {
  it('4 h from Friday 16:00 is Monday 11:00 (1.5 h on Friday, 2.5 h on Monday)', () => {
    expect(addOfficeHours('2026-11-06T16:00', 4, OFFICE)).toBe('2026-11-09T11:00');
    expect(dueDate({ kind: 'office-hours', hours: 4 }, '2026-11-06T16:00', ctx)).toEqual({ due: '2026-11-09T11:00', precision: 'minute', estimated: false });
  });

  it('skips holidays and runs on a make-up Saturday', () => {
    expect(addOfficeHours('2026-09-30T16:00', 4, OFFICE)).toBe('2026-10-08T11:00');
    expect(addOfficeHours('2026-10-09T16:00', 4, OFFICE)).toBe('2026-10-10T11:00');
    expect(addOfficeHours('2026-10-03T10:00', 1, OFFICE)).toBe('2026-10-08T09:30');
  });

  it('skips lunch, the night, and lands on an end boundary when the time runs out there', () => {
    expect(addOfficeHours('2026-11-09T10:00', 4, OFFICE)).toBe('2026-11-09T15:30');
    expect(addOfficeHours('2026-11-09T12:30', 1, OFFICE)).toBe('2026-11-09T14:30');
    expect(addOfficeHours('2026-11-09T07:00', 1, OFFICE)).toBe('2026-11-09T09:30');
    expect(addOfficeHours('2026-11-09T08:30', 3.5, OFFICE)).toBe('2026-11-09T12:00');
    expect(addOfficeHours('2026-11-09T08:30', 3.75, OFFICE)).toBe('2026-11-09T13:45');
    expect(addOfficeHours('2026-11-09T13:30', 4, OFFICE)).toBe('2026-11-09T17:30');
    expect(addOfficeHours('2026-11-09T17:30', 0.5, OFFICE)).toBe('2026-11-10T09:00');
    expect(addOfficeHours('2026-11-06T18:00', 0.5, OFFICE)).toBe('2026-11-09T09:00');
    expect(addOfficeHours('2026-11-09', 1, OFFICE)).toBe('2026-11-09T09:30');
    expect(addOfficeHours('2026-11-09T10:00', 2, { start: '09:00', end: '18:00' })).toBe('2026-11-09T12:00');
  });

  it('refuses office hours out of order and hours that are not whole minutes', () => {
    expect(() => addOfficeHours('2026-11-09T10:00', 1, { start: '17:00', end: '09:00' })).toThrow(RangeError);
    expect(() => addOfficeHours('2026-11-09T10:00', 1, { ...OFFICE, lunch: { start: '12:00', end: '18:00' } })).toThrow(RangeError);
    expect(() => addOfficeHours('2026-11-09T10:00', 1 / 7, OFFICE)).toThrow(RangeError);
    expect(() => addOfficeHours('2026-11-09 10:00', 1, OFFICE)).toThrow(RangeError);
  });
});

describe('wall clock and overdue', () => {
  it('turns a UTC instant into Beijing wall-clock time, whatever zone the process runs in', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(localWallClock('2026-09-29T08:00:00Z')).toBe('2026-09-29T16:00');
        expect(localWallClock('2026-12-31T16:30:00.000Z')).toBe('2027-01-01T00:30');
        expect(localWallClock(Date.UTC(2026, 9, 9, 8, 0))).toBe('2026-10-09T16:00');
        expect(addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
        expect(dayInfo('2026-10-01').reason).toBe('holiday');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(localWallClock('2026-09-29T08:00:00Z', 'UTC')).toBe('2026-09-29T08:00');
    expect(() => localWallClock('yesterday')).toThrow(RangeError);
  });

  it('a day deadline is overdue only from the next day; a minute deadline after its minute', () => {
    const day = dueDate({ kind: 'working-days', days: 3 }, '2026-09-29', ctx);
    expect(isOverdue(day, '2026-10-09T23:59')).toBe(false);
    expect(isOverdue(day, '2026-10-10T00:00')).toBe(true);
    const minute = dueDate({ kind: 'office-hours', hours: 4 }, '2026-11-06T16:00', ctx);
    expect(isOverdue(minute, '2026-11-09T11:00')).toBe(false);
    expect(isOverdue(minute, '2026-11-09T11:01')).toBe(true);
  });
});

describe('schemas for settings', () => {
  it('deadline rules', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'office-hours', hours: 4 }).success).toBe(true);
    expect(DeadlineRuleSchema.safeParse({ kind: 'office-hours', hours: 3.75 }).success).toBe(true);
    expect(DeadlineRuleSchema.safeParse({ kind: 'office-hours', hours: 0 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'office-hours', hours: 1 / 7 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'working-days', days: 3 }).success).toBe(true);
    expect(DeadlineRuleSchema.safeParse({ kind: 'working-days', days: 0 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'calendar-days', days: 1.5 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'months', months: 3 }).success).toBe(false);
  });

  it('office hours and overrides', () => {
    expect(OfficeHoursSchema.safeParse(DEFAULT_OFFICE_HOURS).success).toBe(true);
    expect(OfficeHoursSchema.safeParse({ start: '09:00', end: '18:00' }).success).toBe(true);
    expect(OfficeHoursSchema.safeParse({ start: '18:00', end: '09:00' }).success).toBe(false);
    expect(OfficeHoursSchema.safeParse({ start: '8:30', end: '17:30' }).success).toBe(false);
    expect(OfficeHoursSchema.safeParse({ ...OFFICE, lunch: { start: '13:30', end: '12:00' } }).success).toBe(false);
    expect(OfficeHoursSchema.safeParse({ ...OFFICE, lunch: { start: '07:00', end: '09:00' } }).success).toBe(false);

    expect(CalendarOverridesSchema.parse({})).toEqual({ holidays: [], workdays: [], confirmedYears: [] });
    expect(CalendarOverridesSchema.safeParse({ holidays: ['2026-10-08'], workdays: ['2026-11-08'] }).success).toBe(true);
    expect(CalendarOverridesSchema.safeParse({ holidays: ['2026-10-08'], workdays: ['2026-10-08'] }).success).toBe(false);
    expect(CalendarOverridesSchema.safeParse({ holidays: ['2026-02-30'] }).success).toBe(false);
  });

  it('name the fault and the field to correct', () => {
    const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues(CalendarOverridesSchema.safeParse({ holidays: ['2026-10-08', '2026-10-12'], workdays: ['2026-10-12'] }))).toEqual([
      ['workdays', 'v.holidayAndWorkday|{"date":"2026-10-12"}'],
    ]);
    expect(issues(OfficeHoursSchema.safeParse({ start: '18:00', end: '09:00' }))).toEqual([['end', 'v.endNotAfterStart']]);
    expect(issues(OfficeHoursSchema.safeParse({ ...OFFICE, lunch: { start: '13:30', end: '12:00' } }))).toEqual([['lunch.end', 'v.endNotAfterStart']]);
    expect(issues(OfficeHoursSchema.safeParse({ ...OFFICE, lunch: { start: '07:00', end: '09:00' } }))).toEqual([['lunch', 'v.lunchOutsideHours']]);
    // Hours out of order: only the closing time is marked, not the lunch break as well.
    expect(issues(OfficeHoursSchema.safeParse({ start: '18:00', end: '09:00', lunch: { start: '12:00', end: '13:00' } }))).toEqual([['end', 'v.endNotAfterStart']]);
  });
});

describe("the Settings calendar's toggle", () => {
  const none = CalendarOverridesSchema.parse({});
  it('flips a day against the official schedule, and a second toggle restores it', () => {
    // A Friday, a National Day holiday, a make-up Saturday, a plain Sunday.
    for (const [date, list] of [
      ['2026-10-09', 'holidays'],
      ['2026-10-02', 'workdays'],
      ['2026-10-10', 'holidays'],
      ['2026-10-11', 'workdays'],
    ] as const) {
      const once = toggleOverride(none, date);
      expect(once[list]).toEqual([date]);
      expect(isWorkingDay(date, once)).toBe(!isWorkingDay(date));
      expect(toggleOverride(once, date)).toEqual(none);
    }
  });

  it('keeps the lists sorted and the confirmed years', () => {
    let o = { ...none, confirmedYears: [2027] };
    for (const d of ['2027-05-06', '2027-01-01', '2027-03-02']) o = toggleOverride(o, d);
    expect(o).toEqual({ holidays: ['2027-01-01', '2027-03-02', '2027-05-06'], workdays: [], confirmedYears: [2027] });
    expect(() => toggleOverride(o, '2027-02-30')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over 2024…2028 (known years, the unknown 2027–2028, and the turn of the year)

const FIRST = dayNumber('2024-01-01');
const LAST = dayNumber('2028-12-31');
const dateArb = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const overridesArb: fc.Arbitrary<CalendarOverridesInput> = fc
  .uniqueArray(fc.tuple(dateArb, fc.boolean()), { maxLength: 12, selector: ([d]) => d })
  .map((pairs) => ({ holidays: pairs.filter(([, h]) => h).map(([d]) => d), workdays: pairs.filter(([, h]) => !h).map(([d]) => d) }));
const countArb = fc.integer({ min: 0, max: 40 });
const RUNS = { numRuns: 150 };

/** Working days in (from, to]. */
function workingDaysAfter(from: string, to: string, o: CalendarOverridesInput): number {
  let k = 0;
  for (let n = dayNumber(from) + 1; n <= dayNumber(to); n++) if (isWorkingDay(fromDayNumber(n), o)) k++;
  return k;
}

describe('properties of working days', () => {
  it('the due day of n ≥ 1 working days is a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), overridesArb, (d, n, o) => isWorkingDay(addWorkingDays(d, n, o), o)),
      RUNS,
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(dateArb, countArb, countArb, overridesArb, (d, a, b, o) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return addWorkingDays(d, lo, o) < addWorkingDays(d, hi, o);
      }),
      RUNS,
    );
  });

  it('working days strictly between the start and the due day, plus the due day, are n', () => {
    fc.assert(
      fc.property(dateArb, countArb, overridesArb, (d, n, o) => workingDaysAfter(d, addWorkingDays(d, n, o), o) === n),
      RUNS,
    );
  });

  it('adds up: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(dateArb, countArb, countArb, overridesArb, (d, a, b, o) => addWorkingDays(addWorkingDays(d, a, o), b, o) === addWorkingDays(d, a + b, o)),
      RUNS,
    );
  });

  it.skipIf(!packageOracleWorks)("agrees with chinese-days' findWorkday in the years it knows", () => {
    const known = fc.integer({ min: dayNumber('2004-01-01'), max: dayNumber('2026-11-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(known, fc.integer({ min: 1, max: 15 }), (d, n) => {
        const [y, m, day] = d.split('-').map(Number);
        return addWorkingDays(d, n) === chineseDays.findWorkday(n, new Date(y, m - 1, day));
      }),
      RUNS,
    );
  });

  it('is estimated exactly when a day it counted lies in a year without a schedule', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), overridesArb, (d, n, o) => {
        const r = dueDate({ kind: 'working-days', days: n }, d, { ...ctx, overrides: o });
        let unknown = false;
        for (let y = yearOf(fromDayNumber(dayNumber(d) + 1)); y <= yearOf(r.due); y++) unknown ||= !isYearKnown(y);
        return r.estimated === unknown;
      }),
      RUNS,
    );
  });
});

describe('properties of calendar days', () => {
  const delta = fc.integer({ min: -800, max: 800 });
  it('adds up, and the difference is n', () => {
    fc.assert(
      fc.property(dateArb, delta, delta, (d, a, b) => {
        expect(addCalendarDays(addCalendarDays(d, a), b)).toBe(addCalendarDays(d, a + b));
        expect(dayNumber(addCalendarDays(d, a)) - dayNumber(d)).toBe(a);
        expect(addCalendarDays(addCalendarDays(d, a), -a)).toBe(d);
      }),
      RUNS,
    );
  });
});

describe('properties of office hours', () => {
  const INTERVALS: [number, number][] = [
    [8 * 60 + 30, 12 * 60],
    [13 * 60 + 30, 17 * 60 + 30],
  ];
  const wallArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 1439 })).map(([d, m]) => `${d}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  /** Quarter hours up to 5 working days. */
  const hoursArb = fc.integer({ min: 0, max: 150 }).map((q) => q / 4);
  const toMinutes = (w: string) => dayNumber(w.slice(0, 10)) * 1440 + Number(w.slice(11, 13)) * 60 + Number(w.slice(14, 16));

  it('a result lies in (start, end] of an office interval on a working day', () => {
    fc.assert(
      fc.property(wallArb, hoursArb.filter((h) => h > 0), overridesArb, (from, h, o) => {
        const r = addOfficeHours(from, h, OFFICE, o);
        const m = Number(r.slice(11, 13)) * 60 + Number(r.slice(14, 16));
        return isWorkingDay(r.slice(0, 10), o) && INTERVALS.some(([a, b]) => a < m && m <= b) && r > from;
      }),
      RUNS,
    );
  });

  it('h1 then h2 is h1 + h2', () => {
    fc.assert(
      fc.property(wallArb, hoursArb, hoursArb, overridesArb, (from, h1, h2, o) => addOfficeHours(addOfficeHours(from, h1, OFFICE, o), h2, OFFICE, o) === addOfficeHours(from, h1 + h2, OFFICE, o)),
      RUNS,
    );
  });

  it('exactly h hours of office time pass, counted minute by minute', () => {
    fc.assert(
      fc.property(wallArb, fc.integer({ min: 1, max: 64 }).map((q) => q / 4), overridesArb, (from, h, o) => {
        const end = toMinutes(addOfficeHours(from, h, OFFICE, o));
        let office = 0;
        // Minute [t, t+1) is office time when it lies in an interval on a working day.
        for (let t = toMinutes(from); t < end; t++) {
          const m = t % 1440;
          if (INTERVALS.some(([a, b]) => a <= m && m < b) && isWorkingDay(fromDayNumber(Math.floor(t / 1440)), o)) office++;
        }
        return office === h * 60;
      }),
      { numRuns: 60 },
    );
  });
});
