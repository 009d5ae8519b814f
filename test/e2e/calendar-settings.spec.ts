import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, signIn } from './helpers';

/** A day of the Settings calendar by date. */
const day = (page: Page, date: string) => page.locator(`[data-testid="cal-day"][data-date="${date}"]`);

/** Steps the calendar's year with its arrow buttons until it shows `year`. */
async function showYear(page: Page, year: number) {
  const cal = page.getByTestId('year-calendar');
  for (let i = 0; i < 30 && Number(await cal.getAttribute('data-year')) !== year; i++) {
    await page.getByTestId(Number(await cal.getAttribute('data-year')) > year ? 'calendar-prev-year' : 'calendar-next-year').click();
  }
  await expect(cal).toHaveAttribute('data-year', String(year));
}

test('the manager toggles days in the working-day calendar, by mouse and keyboard, saves, and sees them marked', async ({ page, app }) => {
  await signIn(page, app);
  await goTo(page, 'settings');
  await expect(page.getByTestId('calendar-card')).toBeVisible();
  await showYear(page, 2026);
  await expect(page.getByTestId('calendar-status')).toHaveAttribute('data-status', 'official');
  // The official schedule as chinese-days has it: National Day off, Saturday 10-10 worked.
  await expect(day(page, '2026-10-01')).toHaveAttribute('data-reason', 'holiday');
  await expect(day(page, '2026-10-10')).toHaveAttribute('data-reason', 'makeup-workday');
  await expect(day(page, '2026-10-09')).toHaveAttribute('data-reason', 'weekday');
  for (const r of ['weekday', 'weekend', 'holiday', 'makeup-workday', 'override-holiday', 'override-workday']) await expect(page.getByTestId(`legend-${r}`)).toBeVisible();

  // Friday 10-09 becomes the site's own holiday by a click…
  await day(page, '2026-10-09').click();
  await expect(day(page, '2026-10-09')).toHaveAttribute('data-reason', 'override-holiday');
  // … and Sunday 10-11 its own working day from the keyboard: two steps right, Enter.
  await page.keyboard.press('ArrowRight');
  await expect(day(page, '2026-10-10')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(day(page, '2026-10-11')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day(page, '2026-10-11')).toHaveAttribute('data-reason', 'override-workday');
  await expect(page.getByTestId('own-holidays')).toContainText('2026-10-09');
  await expect(page.getByTestId('own-workdays')).toContainText('2026-10-11');
  await expect(page.getByTestId('calendar-unsaved')).toBeVisible();

  await page.getByTestId('calendar-submit').click();
  await expect(page.getByTestId('calendar-unsaved')).toHaveCount(0);

  // The site form, opened before the calendar was saved, sends only its own fields: it does not undo the days.
  await page.getByTestId('settings-form').getByTestId('field-hotline').fill('400-800-1234');
  await page.getByTestId('settings-submit').click();
  await expect(page.locator('.ant-message-notice').last()).toBeVisible();

  // Saved in the site settings: after a reload the days are still marked.
  await page.reload();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await goTo(page, 'settings');
  await showYear(page, 2026);
  await expect(day(page, '2026-10-09')).toHaveAttribute('data-reason', 'override-holiday');
  await expect(day(page, '2026-10-11')).toHaveAttribute('data-reason', 'override-workday');
  await expect(page.getByTestId('settings-form').getByTestId('field-hotline')).toHaveValue('400-800-1234');
  // A second toggle gives the day back to the official schedule.
  await day(page, '2026-10-11').click();
  await expect(day(page, '2026-10-11')).toHaveAttribute('data-reason', 'weekend');
  await expect(page.getByTestId('own-workdays')).toHaveCount(0);
});

test('a year without an official schedule is flagged as estimated until the manager confirms it', async ({ page, app }) => {
  await signIn(page, app);
  await goTo(page, 'settings');
  await showYear(page, 2027);
  const status = page.getByTestId('calendar-status');
  await expect(status).toHaveAttribute('data-status', 'estimated');
  await expect(page.getByTestId('year-calendar')).toHaveAttribute('data-known', 'false');
  await day(page, '2027-01-01').click();
  await page.getByTestId('calendar-confirm-year').click();
  await expect(status).toHaveAttribute('data-status', 'confirmed');
  await page.getByTestId('calendar-submit').click();
  await expect(page.getByTestId('calendar-unsaved')).toHaveCount(0);
  await expect(page.getByTestId('year-calendar')).toHaveAttribute('data-known', 'true');

  // Confirmed, the year is never Today's notice (whatever today's date is).
  await goTo(page, 'today');
  await expect(page.getByTestId('count-units')).toBeVisible();
  await expect(page.locator('[data-testid="schedule-notice"][data-year="2027"]')).toHaveCount(0);
});

test('office hours are refused out of order, with the message next to the field', async ({ page, app }) => {
  await signIn(page, app);
  await goTo(page, 'settings');
  const closes = page.getByTestId('field-officeHours.end');
  await closes.click();
  await closes.fill('08:00');
  await closes.press('Enter');
  await page.getByTestId('calendar-submit').click();
  await expect(page.getByTestId('error-officeHours.end')).toHaveText('必须晚于开始时间');
});
