import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn, switchLanguage } from './helpers';

/**
 * The monthly repair statistics page over the browser shell: three orders taken through the channels (one urgent,
 * one paid and collected, one still waiting), the month's figures, the chart drawn from a chunk fetched on
 * demand, the month picker by keyboard (no month to come), an empty month, the XLSX download read back, and the
 * page in both languages (test-results/screens/<lang>-repair-stats.png).
 */
test.use({ seed: 'manager' });

const OUT = path.resolve('test-results', 'screens');

/** A channel called from the signed-in page (the browser shell's own token cookie), its value or a thrown error. */
async function call<T = { id: string; callbacks: { id: string }[] }>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, i]) => (await fetch(`/api/${c as string}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function shoot(page: Page, lang: string) {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(1000, 110); // an empty spot beside the title: no tooltip left where the last click was
  await expect(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${lang}-repair-stats.png`), animations: 'disabled', fullPage: true });
}

test('the month’s repair statistics: figures, chart, month picker, empty month, XLSX, both languages', async ({ page, app }) => {
  test.setTimeout(120_000);
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await signIn(page, app);

  // ---- three orders through the channels ----
  const b = await call(page, 'buildings.create', { code: '1', name: '1号楼', note: null });
  const unit = await call(page, 'units.create', { buildingId: b.id, code: '1-101', use: 'residential', floor: 1, areaM2: 89.5, note: null });
  await call(page, 'settings.update', { technicians: [{ code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' }] });
  const now = () => new Date().toISOString();
  const intake = (over: Record<string, unknown>) =>
    call(page, 'repairs.create', { place: { kind: 'unit', unitId: unit.id }, reporterName: '张三', reporterPhone: '13812345678', reportedAt: now(), category: 'water', description: '厨房水管漏水', urgent: false, paid: false, ...over });
  const finish = async (id: string) => {
    await call(page, 'repairs.dispatch', { id, notifiedName: '工程部', notifiedAt: now() });
    await call(page, 'repairs.pickUp', { id, technician: 'liu', signedAt: now() });
    return call(page, 'repairs.complete', { id, workDone: '更换阀门', requesterSign: 'paper', finishedAt: now() });
  };
  const urgent = await finish((await intake({ urgent: true, description: '水管爆裂' })).id);
  await call(page, 'callbacks.attempt', { callbackId: urgent.callbacks[0].id, channel: 'phone', at: now(), reached: true, fixed: true, satisfaction: 'very_satisfied', note: null });
  const paid = await finish((await intake({ category: 'electric', description: '插座没电', paid: true, priceTold: true, charges: [{ code: 'labour_visit', quantity: 1 }, { code: 'switch', quantity: 5 }] })).id);
  await call(page, 'repairs.collect', { id: paid.id, receipt: 'R-1' });
  await intake({ category: 'doors_windows', description: '门锁卡住' });

  // ---- the page ----
  const withPage = scripts.length;
  // No menu entry yet (the lead wires menus): the route, as a link from the repairs list will open it.
  await page.evaluate(() => void (window.location.hash = '#/repairs/stats'));
  const stats = page.getByTestId('repair-stats-page');
  await expect(stats).toBeVisible();
  await expect(page.getByTestId('page-title')).toContainText('报修月度统计');
  await expect(page.getByTestId('received-total')).toHaveText('3');
  await expect(page.getByTestId('received-urgent')).toContainText('1');
  await expect(page.getByTestId('received-paid')).toContainText('1');
  // ¥30.00 labour + 5 × ¥18.00 switches, collected.
  await expect(page.getByTestId('charges-billed')).toHaveText('¥120.00');
  await expect(page.getByTestId('charges-collected')).toContainText('¥120.00');
  await expect(page.getByTestId('charges-pending')).toContainText('¥0.00');
  await expect(page.getByTestId('pick-up')).toContainText('2');
  // One callback answered (due in two days, done today: on time); the other not due yet.
  await expect(page.getByTestId('callback-rate')).toHaveText('100.00%');
  await expect(page.getByTestId('satisfaction-very_satisfied')).toContainText('1');
  // The chart is drawn (SVG) from its own chunk, fetched once the page had figures to draw.
  await expect(page.getByTestId('category-chart').locator('svg')).toBeVisible();
  expect(scripts.slice(0, withPage).some((u) => /category-chart/.test(u))).toBe(false);
  expect(scripts.some((u) => /category-chart/.test(u))).toBe(true);
  await expect(page.getByTestId('category-table').locator('tbody tr')).toHaveCount(10);

  // ---- no month to come; the previous month (empty) by keyboard ----
  const month = (await stats.getAttribute('data-month'))!;
  await expect(page.getByTestId('month-next')).toBeDisabled();
  await page.getByTestId('month-prev').focus();
  await page.keyboard.press('Enter');
  await expect(stats).not.toHaveAttribute('data-month', month);
  await expect(page.getByTestId('repair-stats-empty')).toBeVisible();
  await expect(page.getByTestId('export-xlsx')).toHaveCount(0);
  await page.getByTestId('month-next').focus();
  await page.keyboard.press('Enter');
  await expect(stats).toHaveAttribute('data-month', month);
  await expect(page.getByTestId('received-total')).toHaveText('3');

  // ---- the XLSX (the browser shell downloads it) ----
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(download.suggestedFilename()).toBe(`报修月度统计-${month}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按类别', '报修单']);
  expect(wb.getWorksheet('报修单')!.rowCount).toBe(2 + 3);
  await shoot(page, 'zh-CN');

  // ---- English ----
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('page-title')).toContainText('Monthly repair statistics');
  await expect(page.getByTestId('card-callbacks')).toContainText('Callback rate');
  await expect(page.getByTestId('satisfaction-very_satisfied')).toContainText('Very satisfied');
  await shoot(page, 'en');
});
