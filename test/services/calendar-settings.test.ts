/**
 * The working-day calendar and office hours as site settings (convention 13): what the manager saves
 * changes the deadlines every workflow computes through `ctx.deadlines()`, bad entries are refused
 * with field errors, and Today tells the manager (only) from 1 December that next year's official
 * schedule is missing. Dates are checked against chinese-days' real 2026 schedule: National Day
 * 10-01…10-07 off, Saturday 10-10 a make-up working day; 2027 not in the data yet.
 */
import { describe, expect, it } from 'vitest';
import { dueDate, weekday } from '../../shared/kernel/deadlines';
import { DEFAULT_SETTINGS } from '../../electron/services/settings';
import { PASSWORD, testEnv, type TestEnv } from '../helpers/host';

const threeWorkingDays = { kind: 'working-days', days: 3 } as const;
const halfDay = { kind: 'office-hours', hours: 4 } as const;

function due(env: TestEnv, rule: Parameters<typeof dueDate>[0], start: string) {
  return dueDate(rule, start, env.host.ctx(null).deadlines());
}

describe('calendar settings', () => {
  it('start empty, with the common office hours', async () => {
    const env = testEnv();
    await env.init();
    const s = await env.ok('settings.get', {});
    expect(s.calendarOverrides).toEqual({ holidays: [], workdays: [], confirmedYears: [] });
    expect(s.officeHours).toEqual({ start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } });
    expect(DEFAULT_SETTINGS.officeHours).toEqual(s.officeHours);
  });

  it('the manager’s holidays and working days, saved in settings, move a working-day deadline', async () => {
    const env = testEnv();
    await env.init();
    expect(weekday('2026-09-29')).toBe(2); // a Tuesday
    // Official schedule only: 09-30, (National Day), 10-08, 10-09.
    expect(due(env, threeWorkingDays, '2026-09-29')).toEqual({ due: '2026-10-09', precision: 'day', estimated: false });

    await env.ok('settings.update', { calendarOverrides: { holidays: ['2026-10-09'], workdays: [], confirmedYears: [] } });
    // 10-09 off: the third working day is the make-up Saturday 10-10.
    expect(due(env, threeWorkingDays, '2026-09-29').due).toBe('2026-10-10');

    await env.ok('settings.update', { calendarOverrides: { holidays: ['2026-10-09'], workdays: ['2026-10-05'], confirmedYears: [] } });
    // The counter opens on 10-05 of National Day: 09-30, 10-05, 10-08.
    expect(due(env, threeWorkingDays, '2026-09-29').due).toBe('2026-10-08');

    // Kept across a restart, and audited.
    env.restart();
    await env.signIn('admin', 'mgr');
    expect(due(env, threeWorkingDays, '2026-09-29').due).toBe('2026-10-08');
    const audit = env.rows<{ after: string }>("SELECT after FROM audit_log WHERE entity = 'settings' ORDER BY id");
    expect(JSON.parse(audit.at(-1)!.after)).toEqual({ calendarOverrides: { holidays: ['2026-10-09'], workdays: ['2026-10-05'], confirmedYears: [] } });
  });

  it('office hours saved in settings move an hours deadline', async () => {
    const env = testEnv();
    await env.init();
    // 13:30 → 17:30 is exactly half a day of the default hours.
    expect(due(env, halfDay, '2026-10-09T13:30')).toEqual({ due: '2026-10-09T17:30', precision: 'minute', estimated: false });
    await env.ok('settings.update', { officeHours: { start: '08:30', end: '17:00', lunch: { start: '12:00', end: '13:30' } } });
    // 3.5 h on Friday, the last 0.5 h on the make-up Saturday from 08:30.
    expect(due(env, halfDay, '2026-10-09T13:30').due).toBe('2026-10-10T09:00');
    await env.ok('settings.update', { officeHours: { start: '09:00', end: '17:00' } });
    expect((await env.ok('settings.get', {})).officeHours).toEqual({ start: '09:00', end: '17:00' });
    // No lunch: 08:00 waits for 09:00, then 4 h.
    expect(due(env, halfDay, '2026-10-09T08:00').due).toBe('2026-10-09T13:00');
  });

  it('a deadline in a year without an official schedule is estimated until the manager confirms the year', async () => {
    const env = testEnv();
    await env.init();
    expect(due(env, threeWorkingDays, '2026-12-29')).toMatchObject({ estimated: true });
    await env.ok('settings.update', { calendarOverrides: { holidays: ['2027-01-01'], workdays: [], confirmedYears: [2027] } });
    // 12-30, 12-31, (01-01 the manager's holiday), then Monday 01-04.
    expect(due(env, threeWorkingDays, '2026-12-29')).toEqual({ due: '2027-01-04', precision: 'day', estimated: false });
  });

  it('refuses bad dates, a day both holiday and working day, and office hours out of order, with field errors', async () => {
    const env = testEnv();
    await env.init();
    const overrides = (o: object) => env.fail('settings.update', { calendarOverrides: { holidays: [], workdays: [], confirmedYears: [], ...o } });

    expect((await overrides({ holidays: ['2026-02-30'] })).fieldErrors).toEqual({ 'calendarOverrides.holidays.0': { message: 'v.date' } });
    expect((await overrides({ workdays: ['2026/10/10'] })).fieldErrors).toEqual({ 'calendarOverrides.workdays.0': { message: 'v.date' } });
    expect((await overrides({ holidays: ['2026-10-08', '2026-10-12'], workdays: ['2026-10-12'] })).fieldErrors).toEqual({
      'calendarOverrides.workdays': { message: 'v.holidayAndWorkday', params: { date: '2026-10-12' } },
    });
    expect((await overrides({ confirmedYears: [27] })).fieldErrors).toEqual({ 'calendarOverrides.confirmedYears.0': { message: 'v.tooSmall', params: { min: 1900 } } });

    const hours = (o: object) => env.fail('settings.update', { officeHours: { start: '08:30', end: '17:30', ...o } });
    expect((await hours({ end: '08:00' })).fieldErrors).toEqual({ 'officeHours.end': { message: 'v.endNotAfterStart' } });
    expect((await hours({ end: '08:30' })).fieldErrors).toEqual({ 'officeHours.end': { message: 'v.endNotAfterStart' } });
    expect((await hours({ start: '8:30' })).fieldErrors).toEqual({ 'officeHours.start': { message: 'v.invalidFormat' } });
    expect((await hours({ lunch: { start: '12:00', end: '18:00' } })).fieldErrors).toEqual({ 'officeHours.lunch': { message: 'v.lunchOutsideHours' } });
    expect((await hours({ lunch: { start: '08:00', end: '09:00' } })).fieldErrors).toEqual({ 'officeHours.lunch': { message: 'v.lunchOutsideHours' } });
    expect((await hours({ lunch: { start: '13:30', end: '12:00' } })).fieldErrors).toEqual({ 'officeHours.lunch.end': { message: 'v.endNotAfterStart' } });

    // Nothing was saved; a clerk may not change the calendar at all.
    expect((await env.ok('settings.get', {})).calendarOverrides).toEqual({ holidays: [], workdays: [], confirmedYears: [] });
    await env.addUser('clerk');
    expect((await env.fail('settings.update', { calendarOverrides: { holidays: ['2026-10-09'], workdays: [], confirmedYears: [] } }, 'clerk')).code).toBe('FORBIDDEN');
  });
});

/** Moves the clock to `iso` and unlocks the sessions the jump idle-locked. */
async function at(env: TestEnv, iso: string, sessions: string[]) {
  env.clock.set(iso);
  for (const s of sessions) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

describe('the Today notice of a missing official schedule', () => {
  it('shows next year to the manager from 1 December, not to a clerk, not on 30 November, and not once the year is confirmed', async () => {
    const env = testEnv();
    await env.init();
    await env.addUser('clerk');
    await env.addUser('supervisor');

    const everyone = ['mgr', 'clerk', 'supervisor'];
    await at(env, '2026-11-30T04:00:00.000Z', everyone);
    expect((await env.ok('today.summary', {})).scheduleNotice).toBeNull();

    await at(env, '2026-12-01T04:00:00.000Z', everyone);
    const today = await env.ok('today.summary', {});
    expect(today.date).toBe('2026-12-01');
    expect(today.scheduleNotice).toEqual({ year: 2027 });
    expect((await env.ok('today.summary', {}, 'clerk')).scheduleNotice).toBeNull();
    expect((await env.ok('today.summary', {}, 'supervisor')).scheduleNotice).toBeNull();

    await at(env, '2026-12-31T04:00:00.000Z', ['mgr']);
    expect((await env.ok('today.summary', {})).scheduleNotice).toEqual({ year: 2027 });

    // Own additions for 2027 alone do not make the year known; the manager's confirmation does.
    await env.ok('settings.update', { calendarOverrides: { holidays: ['2027-01-01'], workdays: [], confirmedYears: [] } });
    expect((await env.ok('today.summary', {})).scheduleNotice).toEqual({ year: 2027 });
    await env.ok('settings.update', { calendarOverrides: { holidays: ['2027-01-01'], workdays: [], confirmedYears: [2027] } });
    expect((await env.ok('today.summary', {})).scheduleNotice).toBeNull();
  });

  it('shows the current year all year when it is not in the data (an old build still running)', async () => {
    const env = testEnv();
    await env.init();
    await at(env, '2027-03-15T04:00:00.000Z', ['mgr']);
    expect((await env.ok('today.summary', {})).scheduleNotice).toEqual({ year: 2027 });
  });
});
