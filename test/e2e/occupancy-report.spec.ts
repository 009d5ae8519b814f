import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { chooseOption, goTo, signIn, tempFile, unitRow } from './helpers';

/**
 * The monthly occupancy report, end to end on the real clock: last month is drafted from occupancy
 * history dated inside it (entered on the unit pages), a figure leads to its units, one warning is
 * resolved in the data and one accepted, the manager finalises and exports the PDF and the XLSX, then a
 * change dated inside the month but recorded later is flagged and a revision is issued.
 */

const BUILDING = '7';
const UNITS = ['7-1-101', '7-1-102', '7-1-103', '7-1-104'];

/** Last month as `YYYY-MM` where the host and the page run (playwright.config.ts / fixtures.ts: Asia/Shanghai), and a day of it. */
function lastMonth(): { month: string; day: (d: number) => string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { month, day: (d) => `${month}-${String(d).padStart(2, '0')}` };
}

/** Four units of building 7 with no occupancy history yet, through the admin CLI (it writes only while the app is stopped). */
async function seedUnits(app: RunningApp) {
  const csv = ['楼栋,房号,用途,楼层,建筑面积', ...UNITS.map((u) => `${BUILDING},${u},住宅,1,88`)].join('\r\n');
  await app.offline(() => app.cli('import', tempFile('名单.csv', `${csv}\r\n`)));
}

/** Records a unit's state from a date, through the state form of the unit page that is open. */
async function setStateHere(page: Page, code: string, state: string, date: string) {
  await expect(page.getByTestId('unit-code')).toHaveText(code);
  await page.getByTestId('set-occupancy').click();
  const form = page.getByTestId('occupancy-form');
  await chooseOption(page, form.getByTestId('field-state'), new RegExp(`^${state}$`));
  const input = form.locator('#f-effectiveDate');
  await input.click();
  await input.fill(date);
  // Enter takes the typed date and submits the form (the history item below shows it took that date).
  await input.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('history-item').filter({ hasText: date }).first()).toBeVisible();
}

async function setState(page: Page, code: string, state: string, date: string) {
  await goTo(page, 'units');
  await unitRow(page, code).click();
  await setStateHere(page, code, state, date);
}

function row(page: Page, code: string): Locator {
  return page.locator(`[data-testid="report-row"][data-code="${code}"]`);
}

function figure(scope: Locator, name: string): Locator {
  return scope.locator(`[data-testid="figure"][data-figure="${name}"]`);
}

async function openReport(page: Page, month: string) {
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-month', month);
  await expect(row(page, BUILDING)).toBeVisible();
}

async function saved(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

test('a manager reviews last month, follows a figure, resolves and accepts warnings, finalises, exports, and revises after a late change', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { month, day } = lastMonth();
  await seedUnits(app);
  await signIn(page, app);

  // Last month: 101–103 delivered not handed over on the 1st (a unit's first state is its opening state, not a
  // movement); then 101 handed over (vacant), 102 moved in by its owner, 103 rented (no tenant on file); 104 has no history.
  for (const [code, state, d] of [['7-1-101', '空置', 5], ['7-1-102', '住家户', 10], ['7-1-103', '租户', 12]] as const) {
    await setState(page, code, '未接房', day(1));
    await setStateHere(page, code, state, day(d));
  }

  // ---- the report opens on last month, as a draft ----
  await openReport(page, month);
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-kind', 'draft');
  const b7 = row(page, BUILDING);
  const expected: Record<string, number> = { units: 4, handedOver: 3, notHandedOver: 1, ownerOccupied: 1, officeInUse: 0, rented: 1, vacant: 1, underDecoration: 0, moveIns: 3, movingIns: 2, moveOuts: 0 };
  for (const [f, n] of Object.entries(expected)) await expect(figure(b7, f), f).toHaveAttribute('data-value', String(n));
  await expect(b7.getByTestId('rate')).toHaveText('66.67%');
  const total = page.getByTestId('report-total');
  await expect(figure(total, 'units')).toHaveText('4');

  // ---- a figure, by keyboard, to the units behind it ----
  await figure(b7, 'moveIns').focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('units-drawer');
  await expect(drawer.getByTestId('units-drawer-row')).toHaveCount(3);
  const moved = drawer.locator('[data-testid="units-drawer-row"][data-code="7-1-102"]');
  await expect(moved).toContainText(day(10));
  await expect(moved).toContainText('未接房');
  await expect(moved).toContainText('住家户');
  await moved.getByTestId('units-drawer-link').click();
  await expect(page.getByTestId('unit-code')).toHaveText('7-1-102');
  await page.goBack();
  await expect(row(page, BUILDING)).toBeVisible();

  // ---- two warnings: building 7 has a unit without history; 7-1-103 is rented without a tenancy ----
  const warnings = page.getByTestId('warning');
  await expect(warnings).toHaveCount(2);
  const noHistory = page.locator('[data-testid="warning"][data-kind="noHistory"]');
  const rented = page.locator('[data-testid="warning"][data-kind="rentedWithoutTenancy"]');
  await expect(rented).toContainText('7-1-103');

  // Finalising is refused while they are open (the dialog says so before the host would).
  await page.getByTestId('finalise').click();
  await expect(page.getByTestId('finalise-blocked')).toContainText('还有 2 条提示未处理');
  await expect(page.getByTestId('finalise-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');

  // Resolve: the unit without history gets its state (not handed over since the 3rd), and the report is read again on return.
  await noHistory.getByTestId('warning-resolve').click();
  await expect(drawer.getByTestId('units-drawer-row')).toHaveCount(1);
  await drawer.locator('[data-testid="units-drawer-row"][data-code="7-1-104"]').getByTestId('units-drawer-link').click();
  await setStateHere(page, '7-1-104', '未接房', day(3));
  await page.goBack();
  await expect(row(page, BUILDING)).toBeVisible();
  await expect(warnings).toHaveCount(1);
  await expect(noHistory).toHaveCount(0);

  // Accept: a reason is required; then who accepted it, and why, is shown.
  await rented.getByTestId('warning-accept').click();
  const acceptForm = page.getByTestId('accept-submit-form');
  await acceptForm.getByTestId('accept-submit').click();
  await expect(acceptForm.getByTestId('error-reason')).toHaveText('必填');
  await acceptForm.getByTestId('field-reason').fill('租户登记在补录中，合同已核对');
  await acceptForm.getByTestId('accept-submit').click();
  await expect(acceptForm).toHaveCount(0);
  await expect(rented).toHaveAttribute('data-accepted', 'true');
  await expect(rented.getByTestId('warning-accepted-by')).toContainText('王经理');
  await expect(rented.getByTestId('warning-accepted-by')).toContainText('租户登记在补录中，合同已核对');

  // ---- finalise ----
  await page.getByTestId('finalise').click();
  await expect(page.getByTestId('finalise-blocked')).toHaveCount(0);
  await expect(page.getByTestId('finalise-confirm')).toBeEnabled();
  await page.getByTestId('finalise-confirm').click();
  const status = page.getByTestId('report-status');
  // Either the report turns final or the dialog shows the host's refusal: a failure names the refusal.
  const finaliseError = page.getByTestId('finalise-error');
  await expect
    .poll(async () => ((await finaliseError.count()) ? `refused: ${await finaliseError.innerText()}` : await status.getAttribute('data-kind')), { timeout: 15_000 })
    .toBe('final');
  const original = (await status.getAttribute('data-number'))!;
  expect(original).toMatch(/-\d{4}-\d{6}$/);
  await expect(page.getByTestId('finalise')).toHaveCount(0);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await expect(page.locator('[data-testid="timeline-item"][data-action="finalise"]')).toHaveCount(1);
  await expect(page.getByTestId('changed-since-final')).toHaveCount(0);

  // ---- export both files (the browser shell downloads them) ----
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`${month}.*\\.pdf$`));
  const pdfBytes = await saved(pdf);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfFile = tempFile('report.pdf', pdfBytes);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain(original);
  // The building's row: its code, then its figures (4 units, 3 handed over, 1 not) and its rate.
  expect(text.split('\n').some((l) => /^\s*7\b/.test(l) && /\b4\s+3\s+1\b/.test(l) && l.includes('66.67'))).toBe(true);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await saved(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');

  // ---- a late change dated inside the month: decoration started at 7-1-101 on the 20th ----
  await setState(page, '7-1-101', '装修中', day(20));
  await openReport(page, month);
  const changed = page.getByTestId('changed-since-final');
  await expect(changed).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('changed-since-final-title')).toHaveText('定稿后有 1 套房屋的数字发生变化');
  const changedUnit = changed.locator('[data-testid="changed-unit"][data-code="7-1-101"]');
  await expect(changedUnit).toContainText('空置');
  await expect(changedUnit).toContainText('装修中');
  // The finalised figures stay as they were…
  await expect(figure(row(page, BUILDING), 'underDecoration')).toHaveAttribute('data-value', '0');
  // …and the live draft shows the change, for comparison.
  await page.getByTestId('toggle-draft').click();
  await expect(page.getByTestId('live-draft-note')).toBeVisible();
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-kind', 'draft');
  await expect(figure(row(page, BUILDING), 'underDecoration')).toHaveAttribute('data-value', '1');
  await expect(figure(row(page, BUILDING), 'decorationsStarted')).toHaveAttribute('data-value', '1');
  await page.getByTestId('toggle-draft').click();
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-kind', 'final');

  // ---- issue a revision: a reason, then the new number; the original is still listed ----
  await changed.getByTestId('revise').click();
  const reviseForm = page.getByTestId('revise-submit-form');
  await reviseForm.getByTestId('field-reason').fill('7-1-101 装修开工登记迟报');
  await reviseForm.getByTestId('revise-submit').click();
  await expect(reviseForm).toHaveCount(0);
  await expect(page.getByTestId('report-revision')).toHaveText('第 1 次修订');
  const revised = (await status.getAttribute('data-number'))!;
  expect(revised).not.toBe(original);
  await expect(page.getByTestId('changed-since-final')).toHaveCount(0);
  await expect(figure(row(page, BUILDING), 'underDecoration')).toHaveAttribute('data-value', '1');
  const versions = page.getByTestId('version-row');
  await expect(versions).toHaveCount(2);
  await expect(page.locator(`[data-testid="version-row"][data-revision="0"][data-number="${original}"]`)).toContainText('原稿');
  await expect(page.locator(`[data-testid="version-row"][data-revision="1"][data-number="${revised}"]`)).toContainText('7-1-101 装修开工登记迟报');
  await expect(page.locator('[data-testid="timeline-item"][data-action="revise"]')).toHaveCount(1);

  // The original can still be opened as it was.
  await page.locator('[data-testid="version-row"][data-revision="0"]').getByTestId('version-view').click();
  await expect(status).toHaveAttribute('data-number', original);
  await expect(figure(row(page, BUILDING), 'underDecoration')).toHaveAttribute('data-value', '0');
});
