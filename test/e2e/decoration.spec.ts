import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, MANAGER, test, type RunningApp } from './fixtures';
import { api, goTo, openDropdown, popupSettled, signIn, switchLanguage, switchUser, tempFile, unitRow } from './helpers';

/**
 * Decoration permits at the counter, end to end over the browser shell: an office's application taken from the
 * unit's page (the owner picked from the unit's people), every document and commitment ticked, the owner told of
 * the fire approval, the submit refused until the cashier took the fees with a receipt, submitted, approved by the
 * project manager (a clerk has no approve button), the site protection confirmed, the permit issued, two workers'
 * passes added and listed masked. Screenshots of the list, the form and the permit's page in both languages go to
 * test-results/screens/<lang>-decoration-*.png (the screenshots spec's convention).
 */

const UNIT = 'A-1-1201';
const OWNER = { name: '陈建国', phone: '13811112222', masked: '138****2222' };
const CLERK = { username: 'clerk1', password: 'Clerk2026x', displayName: '前台小张' };
const CASHIER = { username: 'cashier1', password: 'Cash2026x', displayName: '收银小刘' };
const WORKERS = [
  { name: '赵师傅', id: '110101199003071234', phone: '13700001111' },
  { name: '钱师傅', id: '440308198811120021', phone: '13700002222' },
];
const OUT = path.resolve('test-results', 'screens');

/** One office unit with its owner (and phone), through the admin CLI (which writes only while the app is stopped). */
async function seedUnit(app: RunningApp) {
  const csv = ['楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话', `A,${UNIT},写字楼,12,210.5,办公,${OWNER.name},${OWNER.phone}`].join('\r\n');
  await app.offline(() => app.cli('import', tempFile('名单.csv', `${csv}\r\n`)));
}

const inputOf = (field: Locator): Locator => field.locator('xpath=self::input | .//input').first();

/** Types a date into an antd date picker and takes it with Enter (which also submits the form it is in). */
async function typeDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const isoDaysFromNow = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
};

/**
 * Opens a form's print dialog from its button, saves the PDF (the download the clerk would keep) and reads it
 * back as a person's tools would: its text (pdftotext) and every QR code on its pages (pdftoppm + zbarimg).
 */
async function printAndRead(page: Page, button: Locator, name: string): Promise<{ text: string; qr: string[] }> {
  await button.click();
  const dialog = page.locator('.ant-modal-wrap:visible');
  await expect(dialog.getByTestId('print-frame')).toBeVisible();
  await expect(dialog.getByTestId('print-kind')).toHaveText('正本');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('print-save').click()]);
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `decoration-${name}.pdf`);
  fs.copyFileSync(await download.path(), file);
  await dialog.locator('.ant-modal-close').click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const prefix = path.join(OUT, `decoration-${name}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
  const pages = fs.readdirSync(OUT).filter((f) => f.startsWith(`decoration-${name}-`) && f.endsWith('.png')).map((f) => path.join(OUT, f));
  // (zbarimg tries the desktop bus and says so on stderr when there is none: not ours to show.)
  const qr = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { text, qr: qr.trim().split('\n').filter(Boolean).sort() };
}

/** The window as tall as the page (up to 3000 px), nothing loading or moving, to test-results/screens/. */
async function shot(page: Page, lang: string, name: string) {
  fs.mkdirSync(OUT, { recursive: true });
  const size = page.viewportSize()!;
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 3000) });
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.getElementById('main-content')?.scrollTo(0, 0);
  });
  await page.mouse.move(800, 28);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${lang}-decoration-${name}.png`), animations: 'disabled' });
  await page.setViewportSize(size);
}

test('an office application from the unit page: documents, the owner told, the cashier’s fees, submitted, approved, protected, the permit and two passes; a clerk cannot approve', async ({ page, app }) => {
  test.setTimeout(240_000);
  await seedUnit(app);
  await signIn(page, app);
  await api(page, app, 'users.create', { ...CLERK, role: 'clerk' });
  await api(page, app, 'users.create', { ...CASHIER, role: 'cashier' });
  await switchUser(page, CLERK);

  // The list, empty: it says what to do.
  await page.getByTestId('nav-decoration').click();
  await expect(page.getByTestId('decorations-page')).toBeVisible();
  await expect(page.getByTestId('empty')).toContainText('还没有装修申请');
  // A clerk does not keep the deposit ledger.
  await expect(page.getByTestId('link-ledger')).toHaveCount(0);

  // The unit's page: its decoration card is empty; a new application from there has the unit filled in.
  await goTo(page, 'units');
  await unitRow(page, UNIT).click();
  const card = page.getByTestId('unit-decorations');
  await expect(card.getByTestId('unit-decorations-empty')).toContainText('这套房屋没有装修申请');
  await card.getByTestId('unit-new-decoration').click();
  const form = page.getByTestId('decoration-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('field-unitId')).toContainText(UNIT);
  await expect(form).toContainText('写字楼');
  // The unit is known: the focus is in the applicant.
  await expect(page.locator('#f-applicant-name')).toBeFocused();

  // Saved with nothing typed: each problem next to its field, nothing created.
  await form.getByTestId('decoration-save').click();
  await expect(form.getByTestId('error-applicant.name')).toHaveText('必填');
  await expect(form.getByTestId('error-applicant.phone')).toHaveText('必填');
  await expect(form.getByTestId('error-contractor.company')).toHaveText('必填');
  await expect(form.getByTestId('error-workTo')).toHaveText('必填');
  await expect(form.getByTestId('error-description')).toHaveText('必填');

  // The owner, picked from the unit's people: name, kind and phone (revealed, logged) filled.
  const name = inputOf(form.getByTestId('field-applicant.name'));
  await name.click();
  await popupSettled(page);
  await openDropdown(page).getByTestId('applicant-option').filter({ hasText: OWNER.name }).click();
  await expect(name).toHaveValue(OWNER.name);
  await expect(inputOf(form.getByTestId('field-applicant.phone'))).toHaveValue(OWNER.phone);
  await expect(form.getByTestId('field-applicant.kind').locator('.ant-radio-button-wrapper-checked')).toHaveText('业主');
  await inputOf(form.getByTestId('field-contractor.company')).fill('美家装饰有限公司');
  await inputOf(form.getByTestId('field-contractor.managerName')).fill('李工');
  await inputOf(form.getByTestId('field-contractor.managerPhone')).fill('13911112222');
  await inputOf(form.getByTestId('field-contractor.managerIdNumber')).fill('110101199003071234');
  await inputOf(form.getByTestId('field-workers')).fill('2');
  await form.getByTestId('field-description').fill('办公室隔断、天花和灯具改造');
  await form.getByTestId('gov-fire').click();
  await shot(page, 'zh-CN', 'form');
  // The end of the work last: Enter takes the date and saves the application.
  const workTo = isoDaysFromNow(60);
  await typeDate(form.locator('#f-workTo'), workTo);

  // The permit's page: a draft, the owner's phone masked, the documents of an office and the commitments to collect.
  const permit = page.getByTestId('decoration-page');
  await expect(permit).toHaveAttribute('data-state', 'draft');
  const number = (await page.getByTestId('decoration-number').textContent())!.trim();
  expect(number).toMatch(/^ZX-\d{4}-\d{6}$/);
  const permitId = /#\/decoration\/([\w-]+)/.exec(page.url())![1];
  await expect(page.getByTestId('decoration-state')).toHaveText('资料收集中');
  await expect(page.getByTestId('decoration-unit')).toHaveText(UNIT);
  await expect(page.getByTestId('decoration-applicant')).toHaveText(OWNER.name);
  await expect(page.getByTestId('value-applicant-phone')).toHaveText(OWNER.masked);
  await page.getByTestId('reveal-applicant-phone').click();
  await expect(page.getByTestId('value-applicant-phone')).toHaveText(OWNER.phone);
  const checklist = page.getByTestId('checklist-panel');
  await expect(checklist.locator('[data-code="fire_design_receipt"]')).toBeVisible();
  await expect(checklist.locator('[data-code="self_decoration"]')).toHaveCount(0);
  const items = checklist.getByTestId('check-item');
  const total = await items.count();
  expect(total).toBe(17); // 4 drawings + 5 contractor papers + 3 office papers; 5 commitments
  await expect(checklist.getByTestId('missing-count')).toHaveText(`还差 ${total} 项`);
  // The fees from the office schedule: the cashier's, not the clerk's.
  await expect(page.getByTestId('fee-line')).toHaveCount(6);
  await expect(page.getByTestId('fees-total')).toHaveText('¥7,110.00');
  await expect(page.getByTestId('fees-pay')).toHaveCount(0);
  await expect(page.getByTestId('fees-for-cashier')).toBeVisible();

  // Every document and commitment ticked, one by one (today's date).
  for (let i = 0; i < total; i++) {
    const next = checklist.locator('[data-testid="check-item"][data-done="false"]').first();
    const code = await next.getAttribute('data-code');
    await next.locator('input[type="checkbox"]').click();
    await expect(checklist.locator(`[data-code="${code}"]`)).toHaveAttribute('data-done', 'true');
  }
  await expect(checklist.getByTestId('missing-count')).toHaveText('已收齐');
  await expect(checklist.locator('[data-code="fire_safety"]')).toContainText('签署');

  // The fire approval: the owner is told.
  await page.getByTestId('gov-tell').click();
  await expect(page.getByTestId('gov-told')).toContainText('告知业主');

  // Submitted before the fees are paid: the host's reason is shown.
  await page.getByTestId('decoration-submit').click();
  await expect(page.getByTestId('submit-error')).toContainText('收银员确认收费后才能提交审批');
  await shot(page, 'zh-CN', 'permit-draft');

  // The cashier takes the fees with the receipt number.
  await switchUser(page, CASHIER);
  await page.goto(`${app.url.split('?')[0]}#/decoration`);
  await page.locator(`[data-testid="decoration-row"][data-number="${number}"]`).click();
  await expect(permit).toHaveAttribute('data-state', 'draft');
  await expect(page.getByTestId('decoration-submit')).toHaveCount(0);
  await page.getByTestId('fees-pay').click();
  await expect(page.getByTestId('fees-error')).toHaveText('请填写收据号');
  await page.getByTestId('field-receipt').fill('SK-20261');
  await page.getByTestId('field-receipt').press('Enter');
  await expect(page.getByTestId('fees-paid')).toContainText('SK-20261');
  await expect(page.getByTestId('fees-state')).toHaveAttribute('data-state', 'paid');

  // The clerk submits; the approval is the project manager's: no approve button for a clerk.
  await switchUser(page, CLERK);
  const url = () => `${app.url.split('?')[0]}#/decoration/${permitId}`;
  await page.goto(url());
  await expect(page.getByTestId('ready-fees')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('decoration-submit').click();
  await expect(permit).toHaveAttribute('data-state', 'submitted');
  await expect(page.getByTestId('decoration-state')).toHaveText('待审批');
  await expect(page.getByTestId('approval-due')).toBeVisible();
  await expect(page.getByTestId('approval-for-manager')).toBeVisible();
  await expect(page.getByTestId('decoration-approve')).toHaveCount(0);
  await expect(page.getByTestId('decoration-reject')).toHaveCount(0);
  // The checklist is history now: folded, the items a click away, nothing to tick.
  await expect(page.getByTestId('checklist-panel')).toContainText('已收齐 17 项资料和承诺书');
  await page.getByTestId('checklist-show').click();
  await expect(page.getByTestId('check-item')).toHaveCount(17);
  await expect(page.getByTestId('checklist-panel').locator('input[type="checkbox"]')).toHaveCount(0);

  // The project manager approves.
  await switchUser(page, MANAGER);
  await page.goto(url());
  await page.getByTestId('decoration-approve').click();
  await expect(permit).toHaveAttribute('data-state', 'approved');
  await expect(page.getByTestId('decision')).toContainText(MANAGER.displayName);

  // The clerk records engineering's site protection, then issues the permit.
  await switchUser(page, CLERK);
  await page.goto(url());
  await expect(page.getByTestId('issue-permit')).toBeDisabled();
  const protect = page.getByTestId('protect-form');
  await protect.getByTestId('protect-submit').click();
  await expect(protect.getByTestId('error-by')).toHaveText('必填');
  await inputOf(protect.getByTestId('field-by')).fill('工程部刘工');
  await protect.getByTestId('protect-submit').click();
  await expect(page.getByTestId('protection')).toContainText('工程部刘工');
  await page.getByTestId('issue-permit').click();
  await expect(permit).toHaveAttribute('data-state', 'under_way');
  await expect(page.getByTestId('permit-issued')).toBeVisible();
  await expect(page.getByTestId('print-permit')).toBeVisible();
  // The application form and the permit for the door print by the ZX number, and read back.
  const application = await printAndRead(page, page.getByTestId('print-application'), 'application');
  for (const s of [number, '装修申请表', '美家装饰', '消防联动费', '7,110.00', '柒仟壹佰壹拾元整']) expect(application.text, `application lacks ${s}`).toContain(s);
  const door = await printAndRead(page, page.getByTestId('print-permit'), 'permit');
  for (const s of [number, '施工许可证', '13911112222']) expect(door.text, `permit lacks ${s}`).toContain(s);
  expect(door.qr).toEqual([number]);

  // Two workers' passes: each ID shown masked once saved.
  const pass = page.getByTestId('pass-form');
  for (const w of WORKERS) {
    await inputOf(pass.getByTestId('field-name')).fill(w.name);
    await inputOf(pass.getByTestId('field-idNumber')).fill(w.id);
    await inputOf(pass.getByTestId('field-phone')).fill(w.phone);
    await pass.getByTestId('pass-submit').click();
    await expect(page.getByTestId('pass-row').filter({ hasText: w.name })).toHaveCount(1);
    await expect(inputOf(pass.getByTestId('field-name'))).toHaveValue('');
  }
  const rows = page.getByTestId('pass-row');
  await expect(rows).toHaveCount(2);
  for (const w of WORKERS) {
    const r = rows.filter({ hasText: w.name });
    await expect(r).toContainText(/^CR-\d{4}-\d{6}/);
    await expect(r).not.toContainText(w.id);
    await expect(r).toContainText(`${w.id.slice(0, 3)}`);
    await expect(r).toContainText(workTo);
    await expect(r.getByTestId('pass-state')).toHaveAttribute('data-state', 'valid');
  }
  await expect(page.getByTestId('print-pass')).toHaveCount(2);
  // The passes print as cards, each with its worker, the ID masked, and a QR code a gate scanner reads as its number.
  const passNumbers = (await rows.evaluateAll((els) => els.map((e) => /CR-\d{4}-\d{6}/.exec(e.textContent ?? '')?.[0] ?? ''))).sort();
  const cards = await printAndRead(page, page.getByTestId('print-passes'), 'passes');
  expect(cards.qr).toEqual(passNumbers);
  for (const w of WORKERS) {
    expect(cards.text).toContain(w.name);
    expect(cards.text).not.toContain(w.id);
  }
  // Every step on the timeline, oldest first.
  const actions = await page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  // (the 17 ticks of one visit read as one step)
  expect(actions).toEqual(['create', 'item-received', 'gov-told', 'pay', 'submit', 'approve', 'protect', 'issue-permit', 'print', 'print', 'add-pass', 'add-pass', 'print']);
  await shot(page, 'zh-CN', 'permit');

  // The unit's card lists the permit, with a link to it.
  await page.getByTestId('decoration-unit').click();
  await expect(page.getByTestId('unit-decorations').locator(`[data-testid="decoration-row"][data-number="${number}"]`)).toHaveAttribute('data-state', 'under_way');

  // The list: by state, and searched by number, unit and contractor.
  await page.getByTestId('nav-decoration').click();
  const row = page.locator(`[data-testid="decoration-row"][data-number="${number}"]`);
  await expect(row).toHaveAttribute('data-state', 'under_way');
  await page.getByTestId('tab-submitted').click();
  await expect(page.getByTestId('empty')).toContainText('没有符合条件的装修申请');
  await page.getByTestId('tab-under_way').click();
  await expect(row).toBeVisible();
  for (const q of [number, UNIT, '美家']) {
    await expect(async () => {
      await page.getByTestId('filter-q').fill(q);
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`), { timeout: 2000 });
    }).toPass();
    await expect(page.getByTestId('decoration-row')).toHaveCount(1);
  }
  await page.getByTestId('filter-clear').click();
  await expect(row).toBeVisible();
  await shot(page, 'zh-CN', 'list');

  // The same screens in English.
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('page-title')).toHaveText('Decoration');
  await shot(page, 'en', 'list');
  await row.click();
  await expect(permit).toHaveAttribute('data-state', 'under_way');
  await expect(page.getByTestId('decoration-state')).toHaveText('Under way');
  await shot(page, 'en', 'permit');
  await page.goto(`${app.url.split('?')[0]}#/decoration/new`);
  // The empty form is ready when its first field has the focus (no unit given: the unit picker).
  await expect(page.getByTestId('decoration-form')).toBeVisible();
  await expect(page.locator('#f-unitId')).toBeFocused();
  await page.getByTestId('decoration-save').click();
  await expect(page.getByTestId('decoration-form').getByTestId('error-description')).toHaveText('Required');
  await shot(page, 'en', 'form');
});
