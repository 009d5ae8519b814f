import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { api, signIn, switchLanguage, tempFile } from './helpers';

/**
 * The screens around the move-in record, end to end on a site with a tower in handover: the developer's notices
 * imported with a bad row (the preview says why, only the valid rows go in), the owner waiting in the list and on
 * Today; a defect found at an inspection (the record taken there through the API) fixed by engineering then accepted
 * by the owner from the rectification list; the handover register's counts; a tenant moving in (the owner's
 * confirmation, the pledge, the lease: what is missing shown on its field first), whose 入住知会单 stays on Today until
 * security, engineering and the cashier have each received it; Settings › move-in saved. Screenshots of each screen
 * in both languages go to test-results/moving-in/.
 */

const SHOTS = 'test-results/moving-in';

const isoDaysFromNow = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + n * 86_400_000));

async function shot(page: Page, name: string, el?: Locator) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    const st = document.createElement('style');
    st.id = 'shot-quiet';
    st.textContent = '.ant-message, .ant-tooltip { display: none !important; }';
    document.head.appendChild(st);
  });
  await page.waitForTimeout(300);
  if (el) await el.screenshot({ path: `${SHOTS}/${name}.png` });
  else {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
  await page.evaluate(() => document.getElementById('shot-quiet')?.remove());
}

async function bothLanguages(page: Page, name: string, el?: () => Locator) {
  await shot(page, `${name}-zh`, el?.());
  await switchLanguage(page, 'en');
  await shot(page, `${name}-en`, el?.());
  await switchLanguage(page, 'zh-CN');
}

const open = (page: Page, path: string) => page.goto(`${page.url().replace(/#.*$/, '')}#${path}`);

interface Unit { id: string; code: string }

async function tower(page: Page, app: RunningApp): Promise<{ units: Unit[]; ownerId: string }> {
  const b = await api<{ id: string }>(page, app, 'buildings.create', { code: 'T9', name: '9号楼', note: null });
  const units: Unit[] = [];
  for (const code of ['T9-101', 'T9-102', 'T9-103']) {
    const u = await api<{ id: string; code: string }>(page, app, 'units.create', { buildingId: b.id, code, use: 'residential', floor: 1, areaM2: 89.5, note: null });
    await api(page, app, 'units.setOccupancy', { unitId: u.id, state: 'not_handed_over', effectiveDate: isoDaysFromNow(-60), note: null });
    units.push({ id: u.id, code: u.code });
  }
  const owner = await api<{ id: string }>(page, app, 'people.create', {
    kind: 'person', name: '孙丽', phone: '13912345678', phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null,
  });
  await api(page, app, 'links.create', { unitId: units[2].id, personId: owner.id, relation: 'owner', startDate: isoDaysFromNow(-60), endDate: null });
  return { units, ownerId: owner.id };
}

/** 孙丽's move-in of T9-103 through every step to the handover, with one defect (kitchen plumbing) past its due date. */
async function handedOverWithDefect(page: Page, app: RunningApp, unit: Unit, ownerId: string) {
  const d = await api<{ id: string; keyTemplate: unknown[]; inspectionTemplate: Array<{ area: string; item: string }> }>(page, app, 'moveIn.create', { unitId: unit.id, ownerIds: [ownerId] });
  await api(page, app, 'moveIn.identity', { id: d.id, idDocumentSeen: true, purchaseContractSeen: true, noticeSeen: true, noticeDate: isoDaysFromNow(-20) });
  await api(page, app, 'moveIn.confirmFees', { id: d.id, receipt: 'SK-0009' });
  await api(page, app, 'moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] });
  await api(page, app, 'moveIn.archive', { id: d.id, family: [], bankAgreement: true, fireSafetyAgreement: true, documentReceipt: true, emergencyName: '孙强', emergencyMobile: '13600001111', birthday: '1980-05-01' });
  await api(page, app, 'moveIn.keys', { id: d.id, keys: d.keyTemplate, signature: { mode: 'paper' } });
  const date = isoDaysFromNow(-10);
  await api(page, app, 'moveIn.inspect', {
    id: d.id,
    date,
    engineeringBy: '工程部刘工',
    items: d.inspectionTemplate.map((t) =>
      t.area === 'kitchen' && t.item === 'plumbing'
        ? { area: t.area, item: t.item, result: 'defective', note: '水槽下水管渗水', critical: false, ownerOpinion: '同意整改后再验', dueDate: isoDaysFromNow(-2) }
        : { area: t.area, item: t.item, result: 'ok' },
    ),
    meters: [
      { kind: 'water', reading: 12.5 },
      { kind: 'electricity', reading: 305 },
      { kind: 'gas', reading: 0 },
    ],
  });
  await api(page, app, 'moveIn.handover', { id: d.id, outcome: 'handed_over', date });
  return d.id;
}

test('notices imported with a bad row, a defect fixed and accepted, the register, a tenant moving in until every department has the notice, settings', async ({ page, app }) => {
  test.setTimeout(300_000);
  // A second tower of 2,000 units not handed over (the roster import through the admin CLI), for the register's size.
  const big = ['楼栋,房号,用途,楼层,建筑面积,房屋状态', ...Array.from({ length: 2000 }, (_, i) => `T8,T8-${String(Math.floor(i / 20) + 1).padStart(2, '0')}${String((i % 20) + 1).padStart(2, '0')},住宅,${Math.floor(i / 20) + 1},89.5,未接房`)];
  await app.offline(() => app.cli('import', tempFile('8号楼.csv', `${big.join('\r\n')}\r\n`)));
  await signIn(page, app);
  const { units, ownerId } = await tower(page, app);

  // ---- the developer's notices: one row names a unit the site does not have
  await expect(page.getByTestId('nav-movingIn')).toBeVisible();
  await open(page, '/move-in/notices');
  await expect(page.getByTestId('notices-page')).toBeVisible();
  await expect(page.getByTestId('empty')).toBeVisible();
  await page.getByTestId('notices-import').click();
  await page.getByTestId('import-batch-name').fill('9号楼第一批');
  const csv = ['房号,业主,电话,入伙日期', `T9-101,李明,13800001111,${isoDaysFromNow(-1)}`, `T9-102,赵强,13800002222,${isoDaysFromNow(3)}`, `X9-999,无名氏,13800003333,${isoDaysFromNow(0)}`].join('\r\n');
  await page.locator('[data-testid="import-upload"] input[type="file"], input[type="file"][data-testid="import-upload"]').setInputFiles(tempFile('入伙通知.csv', `${csv}\r\n`));
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await expect(page.getByTestId('import-valid')).toContainText('2');
  await expect(page.getByTestId('import-invalid')).toContainText('1');
  const bad = page.locator('[data-testid="import-preview-row"][data-valid="0"]');
  await expect(bad).toHaveCount(1);
  await expect(bad.getByTestId('import-row-errors')).toContainText('找不到房号 X9-999');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await bothLanguages(page, 'notices-import-preview');
  await page.getByTestId('import-commit-valid').click();
  await page.getByTestId('import-partial-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('2');
  await page.getByTestId('import-go-notices').click();

  // ---- the owners expected: both waiting, each starts its move-in from the list
  const rows = page.getByTestId('notice-row');
  await expect(rows).toHaveCount(2);
  const li = page.locator('[data-testid="notice-row"][data-unit="T9-101"]');
  await expect(li).toContainText('李明');
  await expect(li).toContainText('138****1111');
  await expect(li.getByTestId('notice-start')).toBeVisible();
  await page.getByTestId('filter-q').fill('赵');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-unit', 'T9-102');
  await page.getByTestId('filter-q').fill('');
  await expect(rows).toHaveCount(2);
  await bothLanguages(page, 'notices');

  // ---- a defect past its due date: overdue on the list and on Today, fixed by engineering, accepted by the owner
  const moveInId = await handedOverWithDefect(page, app, units[2], ownerId);
  await open(page, '/');
  const waitingToday = page.getByTestId('today-movein-waiting');
  await expect(waitingToday).toBeVisible();
  // Only the notice dated on or before today: 李明 (T9-101), not 赵强 (in three days).
  await expect(waitingToday.getByTestId('today-movein-waiting-row')).toHaveCount(1);
  await expect(waitingToday).toContainText('李明');
  const overdueToday = page.getByTestId('today-movein-overdue');
  await expect(overdueToday.getByTestId('today-movein-overdue-row')).toHaveCount(1);
  await expect(overdueToday).toContainText('水槽下水管渗水');
  await expect(overdueToday).toContainText('厨房 · 给排水');

  await open(page, '/move-in/rectifications?queue=overdue');
  await expect(page.getByTestId('rectifications-page')).toBeVisible();
  const rect = page.getByTestId('rect-row');
  await expect(rect).toHaveCount(1);
  await expect(rect).toHaveAttribute('data-overdue', '1');
  await expect(rect.getByTestId('rect-due')).toHaveCSS('color', 'rgb(207, 19, 34)');
  await expect(rect).toContainText('同意整改后再验');
  await expect(rect.getByTestId('rect-record')).toHaveAttribute('href', new RegExp(`/move-in/${moveInId}$`));
  await bothLanguages(page, 'rectifications-overdue');
  await rect.getByTestId('rect-fix').click();
  await page.getByTestId('field-note').fill('更换下水管');
  await page.getByTestId('rect-confirm').click();
  await expect(rect).toHaveCount(0);
  await page.getByTestId('tab-fixed').click();
  await expect(rect).toHaveCount(1);
  await expect(rect).toHaveAttribute('data-state', 'fixed');
  await expect(rect).toContainText('更换下水管');
  await bothLanguages(page, 'rectifications-fixed');
  await rect.getByTestId('rect-accept').click();
  await page.getByTestId('rect-confirm').click();
  await expect(rect).toHaveCount(0);
  await page.getByTestId('tab-all').click();
  await expect(rect).toHaveAttribute('data-state', 'accepted');

  // ---- the handover register of the tower: two waiting, one handed over
  await open(page, '/move-in/register');
  await expect(page.getByTestId('register-pick-first')).toBeVisible();
  await page.getByTestId('register-building').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'T9' }).click();
  await expect(page.getByTestId('count-total')).toContainText('3');
  await expect(page.getByTestId('count-waiting')).toContainText('2');
  await expect(page.getByTestId('count-handed_over')).toContainText('1');
  await expect(page.getByTestId('count-not_handed_over')).toContainText('0');
  await expect(page.locator('[data-testid="register-row"][data-unit="T9-103"]')).toHaveAttribute('data-status', 'handed_over');
  await expect(page.getByTestId('register-print-spot')).toHaveCount(1);
  await bothLanguages(page, 'register');
  await page.getByTestId('count-card-waiting').click();
  await expect(page.getByTestId('register-row')).toHaveCount(2);
  // By the batch imported: its two units.
  await page.getByTestId('scope-batch').click();
  await page.getByTestId('register-batch').click();
  const firstBatch = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid="batch-option"]').filter({ hasText: '9号楼第一批' });
  await expect(firstBatch.getByTestId('batch-option-counts')).toContainText('2 份通知 · 待办理 2 · 已交房 0');
  await firstBatch.click();
  await expect(page.getByTestId('count-total')).toContainText('2');

  // The register of the 2,000-unit tower: counted and shown, 100 rows a page.
  await page.getByTestId('scope-building').click();
  await page.getByTestId('register-building').click();
  const started = Date.now();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'T8' }).click();
  await expect(page.getByTestId('count-total')).toContainText('2,000');
  await expect(page.getByTestId('register-row')).toHaveCount(100);
  const shown = Date.now() - started;
  await expect(page.getByTestId('count-no_notice')).toContainText('2,000');
  const first = await page.getByTestId('register-row').first().getAttribute('data-unit');
  const paged = Date.now();
  await page.locator('.ant-pagination-item-20').click();
  await expect(page.locator('.ant-pagination-item-active')).toHaveText('20');
  await expect(page.getByTestId('register-row').first()).not.toHaveAttribute('data-unit', first!);
  await expect(page.getByTestId('register-row')).toHaveCount(100);
  const nextPage = Date.now() - paged;
  console.log(`register of 2,000 units: shown in ${shown} ms, page 20 in ${nextPage} ms`);
  expect(shown).toBeLessThan(3000);
  expect(nextPage).toBeLessThan(1000);

  // ---- a tenant moves in to T9-103: what is missing shows on its field first
  await open(page, `/moving-in/new?unitId=${units[2].id}`);
  const form = page.getByTestId('moving-in-form');
  await expect(form).toBeVisible();
  await form.getByTestId('occupant-tenant').click();
  await expect(form.getByTestId('tenant-section')).toBeVisible();
  await form.getByTestId('field-tenant.name').fill('周杰');
  await form.getByTestId('field-tenant.phone').fill('13700009999');
  await expect(form.getByTestId('field-ownerConfirmation.contactName')).toContainText('孙丽');
  await form.getByTestId('field-ownerConfirmation.contactPhone').fill('13912345678');
  await page.getByTestId('moving-in-save').click();
  await expect(form.getByTestId('error-ownerConfirmation.answer')).toBeVisible();
  await expect(form.getByTestId('error-pledgeSigned')).toContainText('安全责任书');
  await expect(form.getByTestId('error-leaseFrom')).toBeVisible();
  await expect(form.getByTestId('error-leaseTo')).toBeVisible();
  await bothLanguages(page, 'moving-in-form-gaps');
  await form.getByTestId('answer-agreed').click();
  await form.getByTestId('field-pledgeSigned').check();
  for (const [f, v] of [['leaseFrom', isoDaysFromNow(-1)], ['leaseTo', isoDaysFromNow(364)]] as const) {
    const input = form.getByTestId(`field-${f}`);
    await input.click();
    await input.fill(v);
    await input.press('Enter');
  }
  await expect(page.getByTestId('moving-in-page')).toBeVisible();
  const number = (await page.getByTestId('moving-in-number').textContent())!;
  expect(number).toMatch(/^RZ-\d{4}-\d{6}$/);
  await expect(page.getByTestId('moving-in-state')).toHaveAttribute('data-state', 'notified');
  await expect(page.getByTestId('moving-in-occupancy')).toHaveAttribute('data-occupancy', 'rented');
  await expect(page.getByTestId('moving-in-confirmation')).toContainText('孙丽');
  await expect(page.getByTestId('moving-in-confirmation')).toContainText('139****5678');
  await expect(page.getByTestId('print-notice')).toBeVisible();
  await expect(page.getByTestId('print-tenant')).toBeVisible();
  await bothLanguages(page, 'moving-in-record');

  // The notice stays on Today until the third department has received it.
  const receive = async (dep: string, name: string) => {
    const card = page.getByTestId(`receipt-${dep}`);
    await card.getByTestId('receipt-name').fill(name);
    await card.getByTestId('receipt-submit').click();
    await expect(card).toHaveAttribute('data-received', '1');
  };
  await receive('security', '保安张队');
  await receive('engineering', '工程部刘工');
  await open(page, '/');
  const notices = page.getByTestId('today-movein-notices');
  await expect(notices.locator(`[data-number="${number}"]`)).toBeVisible();
  await expect(notices).toContainText('收银处');
  await bothLanguages(page, 'today');
  await notices.locator(`[data-number="${number}"] a`).click();
  await expect(page.getByTestId('moving-in-page')).toBeVisible();
  await receive('cashier', '收银员小陈');
  await expect(page.getByTestId('moving-in-state')).toHaveAttribute('data-state', 'received');
  await bothLanguages(page, 'moving-in-received');
  await open(page, '/');
  await expect(page.getByTestId('today-movein-waiting')).toBeVisible();
  await expect(page.locator(`[data-testid="today-movein-notices"] [data-number="${number}"]`)).toHaveCount(0);

  // The list of moving-ins (from the side navigation), and the queue of notices not received (empty now).
  await page.getByTestId('nav-movingIn').click();
  await expect(page.getByTestId('moving-ins-page')).toBeVisible();
  await expect(page.locator(`[data-testid="moving-in-row"][data-number="${number}"]`)).toHaveAttribute('data-state', 'received');
  // Searched by the tenant's name, the unit's code (its start) or the RZ number; filtered to a unit; all kept in the URL.
  const movingRows = page.getByTestId('moving-in-row');
  await page.getByTestId('filter-q').fill('周');
  await expect(page).toHaveURL(/[?&]q=%E5%91%A8/);
  await expect(movingRows).toHaveCount(1);
  await expect(movingRows.first()).toHaveAttribute('data-number', number);
  await page.getByTestId('filter-q').fill('T8');
  await expect(page.getByTestId('moving-in-no-match')).toBeVisible();
  await expect(movingRows).toHaveCount(0);
  await page.getByTestId('filter-q').fill(number.toLowerCase());
  await expect(movingRows).toHaveCount(1);
  await page.getByTestId('filter-q').fill('T9-1');
  await expect(movingRows).toHaveCount(1);
  await page.getByTestId('filter-unit').click();
  await page.keyboard.type('T9-103');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid="unit-option"]').filter({ hasText: 'T9-103' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${units[2].id}`));
  await expect(movingRows).toHaveCount(1);
  await bothLanguages(page, 'moving-ins-search');
  await page.reload();
  await expect(page.getByTestId('filter-q')).toHaveValue('T9-1');
  await expect(movingRows).toHaveCount(1);
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('filter-q')).toHaveValue('');
  await expect(movingRows).toHaveCount(1);
  await bothLanguages(page, 'moving-ins');
  await page.getByTestId('tab-notReceived').click();
  await expect(page.getByTestId('moving-in-row')).toHaveCount(0);

  // ---- a notice whose move-in has started leaves the waiting list; among all of the batch it links its RH record
  const notice = (await api<{ rows: Array<{ id: string; unitCode: string }> }>(page, app, 'moveIn.notices', { waiting: true, search: 'T9-101' })).rows[0];
  const begun = await api<{ id: string; number: string }>(page, app, 'moveIn.create', {
    unitId: units[0].id, noticeId: notice.id,
    newOwner: { kind: 'person', name: '李明', phone: '13800001111', phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null },
  });
  await open(page, '/move-in/notices');
  await expect(page.getByTestId('notice-row')).toHaveCount(1);
  await expect(page.getByTestId('notice-row')).toHaveAttribute('data-unit', 'T9-102');
  await page.getByTestId('filter-waiting').click();
  const startedRow = page.locator('[data-testid="notice-row"][data-unit="T9-101"]');
  await expect(startedRow).toHaveAttribute('data-started', '1');
  await expect(startedRow.getByTestId('notice-record')).toHaveText(begun.number);
  await expect(startedRow.getByTestId('notice-record')).toHaveAttribute('href', new RegExp(`/move-in/${begun.id}$`));
  await bothLanguages(page, 'notices-all');

  // ---- 600 notices of the 2,000-unit tower, dated before the first batch's: more than the notices list's 500 a page, yet
  // both batches are in the pickers (moveIn.batches), newest first with their counts.
  const t8 = ['房号,业主,入伙日期', ...Array.from({ length: 600 }, (_, i) => `T8-${String(Math.floor(i / 20) + 1).padStart(2, '0')}${String((i % 20) + 1).padStart(2, '0')},业主${i + 1},${isoDaysFromNow(-30)}`)];
  const preview = await api<{ batchId: string; valid: number }>(page, app, 'moveIn.importPreview', { fileName: '8号楼.csv', contentBase64: Buffer.from(t8.join('\n')).toString('base64'), batchName: '8号楼首批' });
  expect(preview.valid).toBe(600);
  await api(page, app, 'moveIn.importCommit', { batchId: preview.batchId, onlyValid: false });
  const firstNotices = await api<{ rows: Array<{ batchName: string }> }>(page, app, 'moveIn.notices', { waiting: false, limit: 500 });
  expect(firstNotices.rows.some((n) => n.batchName === '9号楼第一批')).toBe(false);
  await open(page, '/move-in/register?scope=batch');
  await page.getByTestId('register-batch').click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid="batch-option"]');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('8号楼首批');
  await expect(options.nth(0).getByTestId('batch-option-counts')).toContainText('600 份通知 · 待办理 600 · 已交房 0');
  await expect(options.nth(1)).toContainText('9号楼第一批');
  await expect(options.nth(1).getByTestId('batch-option-counts')).toContainText('2 份通知 · 待办理 1 · 已交房 0');
  await shot(page, 'register-batches-zh');
  await options.nth(1).click();
  await expect(page.getByTestId('count-total')).toContainText('2');
  await expect(page).toHaveURL(/[?&]batch=/);
  await page.getByTestId('register-batch').click();
  await options.filter({ hasText: '8号楼首批' }).click();
  await expect(page.getByTestId('count-total')).toContainText('600');
  await expect(page.getByTestId('count-waiting')).toContainText('600');
  // The notices' batch filter reads the same list: the first batch's one waiting notice.
  await open(page, '/move-in/notices');
  await page.getByTestId('filter-batch').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid="batch-option"]').filter({ hasText: '9号楼第一批' }).click();
  await expect(page.getByTestId('notice-row')).toHaveCount(1);
  await expect(page.getByTestId('notice-row')).toHaveAttribute('data-unit', 'T9-102');

  // ---- Settings › move-in: the rate in yuan, stored in fen
  await open(page, '/settings?section=move-in');
  const card = page.getByTestId('movein-settings-card');
  await card.scrollIntoViewIfNeeded();
  const rate = card.getByTestId('field-moveInFeeRates.residential');
  await expect(rate).toHaveValue('2.50');
  await expect(card.getByTestId('field-moveInDeposits.office.fen')).toHaveValue('1000.00');
  await rate.fill('2.80');
  await card.getByTestId('movein-settings-submit').click();
  await expect(card.getByTestId('movein-settings-unsaved')).toHaveCount(0);
  const saved = await api<{ moveInFeeRates: { residential: number } }>(page, app, 'settings.get', {});
  expect(saved.moveInFeeRates.residential).toBe(280);
  await bothLanguages(page, 'settings');
});
