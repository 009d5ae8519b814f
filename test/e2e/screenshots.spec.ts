import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, openDropdown, popupSettled, signIn, switchLanguage, tempFile } from './helpers';

/**
 * Screenshots of the main pages of the demo site, in both languages, for looking at the app:
 * test-results/screens/<lang>-<page>.png (not committed). `npm run screenshots` also writes the zh-CN
 * units list at 1366×820 to docs/screenshot-units.png, which the README shows; `npm test` leaves docs/ alone.
 */
test.use({ seed: 'demo' });
test.describe.configure({ mode: 'parallel' });

const OUT = path.resolve('test-results', 'screens');
const README_SHOT = process.env.FRONTDESK_README_SHOTS === '1' ? path.resolve('docs', 'screenshot-units.png') : path.join(OUT, 'zh-CN-units-readme.png');

/** Waits until nothing is loading or moving, then takes the window. */
async function shoot(page: Page, lang: string, name: string, file = path.join(OUT, `${lang}-${name}.png`)) {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton, [data-testid="loading"]')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(800, 28); // an empty spot of the header: no hover effect left where the last click was
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, animations: 'disabled' });
}

const BAD_CSV = [
  '楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话,业主身份证号',
  '12,12-1-101,住宅,1,89.5,自住,蒋文,13812340001,',
  '12,12-1-102,住宅,1,120,自住,韩梅,1381234567,',
  '12,12-1-103,别墅,1,120,空置,杨光,13812340003,',
  '12,12-1-104,住宅,1,-3,空置,朱琳,13812340004,',
  '12,12-1-105,住宅,1,95,出租,秦川,13812340005,440308199003071234',
  '12,12-1-101,住宅,1,95,出租,许晴,13812340006,',
  '12,12-1-201,住宅,2,95,空置,何静,13812340007,',
].join('\r\n');

for (const lang of ['zh-CN', 'en'] as const) {
  test(`screens in ${lang}`, async ({ page, app }) => {
    fs.mkdirSync(OUT, { recursive: true });
    await signIn(page, app);
    if (lang === 'en') await switchLanguage(page, 'en');

    // Today
    await expect(page.getByTestId('count-units')).toContainText('2,000');
    await expect(page.getByTestId('recent-item').first()).toBeVisible();
    // The manager's dashboard at the top of Today, its trend drawn.
    await expect(page.getByTestId('tile-occupancy.rateTrend').locator('svg')).toBeVisible();
    // Repairs and callbacks on Today: the callback-rate tiles, the orders to chase, the callbacks due (the demo has all).
    await expect(page.getByTestId('tile-repairs.callbackRateMonth').getByTestId('tile-value')).toHaveText(/^\d{1,3}\.\d{2}%$/);
    await expect(page.getByTestId('today-repair-chase-row').first()).toBeVisible();
    await expect(page.getByTestId('today-callbacks-row').first()).toBeVisible();
    await shoot(page, lang, '01-today');
    await page.getByTestId('today-repairs').scrollIntoViewIfNeeded();
    await shoot(page, lang, '01b-today-repairs');

    // Units list (and the README's picture)
    await goTo(page, 'units');
    await expect(page.getByTestId('unit-row')).toHaveCount(50);
    await shoot(page, lang, '02-units');
    if (lang === 'zh-CN') {
      const size = page.viewportSize()!;
      await page.setViewportSize({ width: 1366, height: 820 });
      await shoot(page, lang, 'units-readme', README_SHOT);
      await page.setViewportSize(size);
    }

    // A rented unit: owner and tenant links, history
    await page.getByTestId('filter-state').click();
    await popupSettled(page);
    await openDropdown(page).locator('.ant-select-item-option').nth(5).click(); // rented
    await expect(page).toHaveURL(/state=rented/);
    await page.getByTestId('unit-row').first().click();
    await expect(page.getByTestId('link-row').first()).toBeVisible();
    await expect(page.getByTestId('history-item').first()).toBeVisible();
    await shoot(page, lang, '03-unit');

    // People and one person
    await goTo(page, 'people');
    await expect(page.getByTestId('person-row')).toHaveCount(50);
    await shoot(page, lang, '04-people');
    // The newest person may have no unit now (the demo's tenant whose moving-in was voided): open one who has.
    const rows = page.getByTestId('person-row');
    const units = await rows.evaluateAll((rs) => rs.map((r) => r.querySelector('td:last-child')?.textContent?.trim() ?? ''));
    const withUnit = units.findIndex(Boolean);
    expect(withUnit).toBeGreaterThanOrEqual(0);
    await rows.nth(withUnit).click();
    await expect(page.getByTestId('person-link-row').first()).toBeVisible();
    await shoot(page, lang, '05-person');

    // Import preview with errors
    await goTo(page, 'import');
    await shoot(page, lang, '06-import-start');
    await page.locator('input[type="file"][data-testid="import-upload"], [data-testid="import-upload"] input[type="file"]').setInputFiles(tempFile('名单.csv', BAD_CSV));
    await expect(page.getByTestId('import-error-row').first()).toBeVisible();
    await shoot(page, lang, '07-import-errors');

    // Buildings, audit log
    await goTo(page, 'buildings');
    await expect(page.getByTestId('building-row').first()).toBeVisible();
    await shoot(page, lang, '08-buildings');
    await goTo(page, 'audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await shoot(page, lang, '09-audit');

    // Backup (with one backup in the list)
    await goTo(page, 'backup');
    await page.getByTestId('backup-now').click();
    await expect(page.locator('[data-testid="backup-row"][data-kind="manual"]')).toHaveCount(1);
    await shoot(page, lang, '10-backup');

    // Settings, and its working-day calendar
    await goTo(page, 'settings');
    await shoot(page, lang, '11-settings');
    await page.getByTestId('calendar-card').scrollIntoViewIfNeeded();
    await shoot(page, lang, '11b-calendar');

    // Release slips: the list, an issued slip's page (signers, timeline), the gate, the shortcut list
    await page.getByTestId('nav-slips').click();
    await expect(page.getByTestId('slip-row').first()).toBeVisible();
    await shoot(page, lang, '13-slips');
    await page.locator('[data-testid="slip-row"][data-state="exited"], [data-testid="slip-row"][data-state="issued"]').first().click();
    await expect(page.getByTestId('timeline-item').first()).toBeVisible();
    await shoot(page, lang, '14-slip');
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await shoot(page, lang, '14b-slip-timeline');
    // The monthly occupancy report (last month, a draft of the demo's history) and the units behind one figure
    await page.getByTestId('nav-reports').click();
    await expect(page.getByTestId('report-row').first()).toBeVisible();
    await shoot(page, lang, '17-report');
    await page.getByTestId('report-total').locator('[data-testid="figure"][data-figure="vacant"]').click();
    await expect(page.getByTestId('units-drawer-row').first()).toBeVisible();
    await shoot(page, lang, '17b-report-units');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('units-drawer')).toHaveCount(0);
    await page.getByTestId('warnings').scrollIntoViewIfNeeded();
    await shoot(page, lang, '17c-report-warnings');
    // Finalised: the number, the versions, the timeline
    await page.getByTestId('finalise').click();
    await page.getByTestId('finalise-confirm').click();
    await expect(page.getByTestId('report-status')).toHaveAttribute('data-kind', 'final');
    await expect(page.getByTestId('timeline-item')).toHaveCount(1);
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await shoot(page, lang, '17d-report-final');
    // Repairs: the list, an order's page, the callback queue
    await page.getByTestId('nav-repairs').click();
    await expect(page.getByTestId('repair-row').first()).toBeVisible();
    await shoot(page, lang, '18-repairs');
    await page.getByTestId('repair-row').first().click();
    await expect(page.getByTestId('repair-page')).toBeVisible();
    await shoot(page, lang, '18b-repair');
    await page.getByTestId('nav-callbacks').click();
    await expect(page.getByTestId('callbacks-page')).toBeVisible();
    await shoot(page, lang, '19-callbacks');
    await page.getByTestId('nav-gate').click();
    await shoot(page, lang, '15-gate');
    await page.getByTestId('shortcut-help-open').click();
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await shoot(page, lang, '16-shortcuts');
    await page.keyboard.press('Escape');

    // Sign-in
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('signin-page')).toBeVisible();
    await shoot(page, lang, '12-sign-in');
  });
}
