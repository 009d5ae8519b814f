import type { Page } from '@playwright/test';
import type { ImportRow } from '../../shared/master/import-schema';
import { rowsToXlsx } from '../helpers/write-xlsx';
import { expect, test } from './fixtures';
import { goTo, signIn, tempFile, unitRow } from './helpers';

const HEADER = '楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话';

/** Picks the file with the hidden <input type=file> of the upload area (antd puts the test id on the input itself). */
async function upload(page: Page, file: string) {
  await page.locator('input[type="file"][data-testid="import-upload"], [data-testid="import-upload"] input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toBeVisible();
}

/** Notes, from inside the page, whether the progress bar was ever on screen (it may be up for well under a second). */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    const check = () => {
      if (document.querySelector('[data-testid="import-progress"] .ant-progress')) w.__sawProgress = true;
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  });
}

test('a CSV with one bad row: the line and message are shown, only the valid rows can be imported', async ({ page, app }) => {
  const rows = [
    HEADER,
    '7,7-1-101,住宅,1,89.5,自住,周明,13812345678',
    '7,7-1-102,住宅,1,120,自住,吴芳,1381234567', // line 3: the phone has 10 digits
    '7,7-1-201,住宅,2,95,空置,郑强,13912345670',
  ];
  // Enough good rows that the import takes a moment.
  for (let i = 1; i <= 300; i++) rows.push(`7,7-2-${1000 + i},住宅,${Math.ceil(i / 10)},88,空置,,`);
  const file = tempFile('名单.csv', rows.join('\r\n') + '\r\n');

  await signIn(page, app);
  await goTo(page, 'import');
  await upload(page, file);

  await expect(page.getByTestId('import-valid')).toContainText('302');
  await expect(page.getByTestId('import-errors-count')).toContainText('1');
  const errorRow = page.getByTestId('import-error-row');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.locator('td').nth(0)).toHaveText('3');
  await expect(errorRow.locator('td').nth(1)).toHaveText('业主电话');
  await expect(errorRow.locator('td').nth(2)).toHaveText('电话号码“1381234567”不正确');

  // "Import" is not possible while a row has an error.
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await expect(page.getByTestId('import-commit-valid')).toBeEnabled();

  await watchProgress(page);
  await page.getByTestId('import-commit-valid').click();
  await page.getByTestId('import-partial-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('新增房屋302');
  await expect(result).toContainText('新增住户2');

  await page.getByTestId('import-go-units').click();
  await expect(page.getByTestId('units-page')).toBeVisible();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('共 302 条');
  await page.getByTestId('filter-code').fill('7-1-');
  await expect(page.getByTestId('unit-row')).toHaveCount(2);
  await expect(unitRow(page, '7-1-101')).toContainText('周明');
  await expect(unitRow(page, '7-1-201')).toContainText('郑强');
  await expect(unitRow(page, '7-1-102')).toHaveCount(0);
});

test('an Excel file with a title row above the headers imports in full', async ({ page, app }) => {
  const party = (name: string, phone: string) => ({ name, kind: 'person' as const, phone, idType: null, idNumber: null, contactPerson: null });
  const rows: ImportRow[] = [
    { line: 3, buildingCode: '5', buildingName: null, unitCode: '5-1-301', use: 'residential', floor: 3, areaM2: 102.35, state: 'owner_occupied', owner: party('钱多多', '13600001234'), tenant: null, tenancyStart: null },
    { line: 4, buildingCode: '5', buildingName: null, unitCode: '5-1-302', use: 'residential', floor: 3, areaM2: 98, state: 'rented', owner: party('孙丽', '13600005678'), tenant: party('冯涛', '13700009999'), tenancyStart: '2025-03-01' },
    { line: 5, buildingCode: '5', buildingName: null, unitCode: '5-S01', use: 'shop', floor: 1, areaM2: 45.5, state: 'vacant', owner: null, tenant: null, tenancyStart: null },
  ];
  const file = tempFile('房屋信息表.xlsx', await rowsToXlsx(rows, { titleRow: '阳光花园房屋信息表（2025年6月）' }));

  await signIn(page, app);
  await goTo(page, 'import');
  await upload(page, file);
  await expect(page.getByTestId('import-valid')).toContainText('3');
  await expect(page.getByTestId('import-errors-count')).toContainText('0');
  await expect(page.getByTestId('import-error-row')).toHaveCount(0);
  await expect(page.getByTestId('import-commit-valid')).toHaveCount(0);
  await expect(page.getByTestId('import-columns')).toContainText('业主姓名');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-result')).toContainText('新增房屋3');
  await expect(page.getByTestId('import-result')).toContainText('新增住户3');

  await page.getByTestId('import-go-units').click();
  await expect(page.getByTestId('unit-row')).toHaveCount(3);
  await expect(unitRow(page, '5-1-302')).toContainText('孙丽');
  await unitRow(page, '5-1-302').click();
  const links = page.getByTestId('link-row');
  await expect(links).toHaveCount(2);
  await expect(links.filter({ hasText: '冯涛' })).toContainText('137****9999');
});
