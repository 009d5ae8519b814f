import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Response } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { chooseOption, fillSignIn, goTo, openDropdown, popupSettled, signIn, tempFile } from './helpers';

/**
 * Goods-release slip, end to end over the browser shell: a tenant moving out (clerk → phone calls →
 * cashier → signatures → print → gate → unit vacant), and a reprint marked 副本.
 */

const UNIT = '9-2-1502';
const OWNER = { name: '陈建国', phone: '13811112222', masked: '138****2222' };
const TENANT = { name: '林小雨', phone: '13922223333' };
const CLERK = { username: 'clerk1', password: 'Clerk2026x', displayName: '前台小张' };
const CASHIER = { username: 'cashier1', password: 'Cash2026x', displayName: '收银小刘' };
const ITEMS = [
  { name: '双人床', quantity: 1, unit: '张' },
  { name: '冰箱', quantity: 1, unit: '台' },
  { name: '纸箱', quantity: 6, unit: '箱' },
];
const RECEIPT = 'SJ-20261123-0088';

/** One unit with an owner (with a phone) and a tenant living there since March, through the admin CLI (which writes only while the app is stopped). */
async function seedUnit(app: RunningApp) {
  const csv = ['楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话,租户姓名,租户电话,起租日期', `9,${UNIT},住宅,15,96.5,出租,${OWNER.name},${OWNER.phone},${TENANT.name},${TENANT.phone},2026-03-01`].join('\r\n');
  await app.offline(() => app.cli('import', tempFile('名单.csv', `${csv}\r\n`)));
}

/** Today's date where the host and the page run (playwright.config.ts / fixtures.ts: Asia/Shanghai). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function createUser(page: Page, u: { username: string; password: string; displayName: string }, role: RegExp) {
  await goTo(page, 'users');
  await page.getByTestId('new-user').click();
  const form = page.getByTestId('user-form');
  await form.getByTestId('field-username').fill(u.username);
  await form.getByTestId('field-displayName').fill(u.displayName);
  await chooseOption(page, form.getByTestId('field-role'), role);
  await form.getByTestId('field-password').fill(u.password);
  await form.getByTestId('field-confirm').fill(u.password);
  await form.getByTestId('form-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.locator(`[data-testid="user-row"][data-username="${u.username}"]`)).toBeVisible();
}

/** Signs the current user out and another in (the page stays in the app). */
async function switchUser(page: Page, u: { username: string; password: string; displayName: string }) {
  await page.getByTestId('sign-out').click();
  await fillSignIn(page, u);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(u.displayName);
}

/** Opens a slip from the slips list, as a user would. */
async function openSlip(page: Page, number: string) {
  await page.getByTestId('nav-slips').click();
  await expect(page.getByTestId('slips-page')).toBeVisible();
  await page.locator(`[data-testid="slip-row"][data-number="${number}"]`).click();
  await expect(page.getByTestId('slip-number')).toHaveText(number);
}

/** An antd InputNumber / Input by its field test id (the id may sit on the wrapper or the <input>). */
function inputOf(field: Locator): Locator {
  return field.locator('xpath=self::input | .//input').first();
}

/** A few pen strokes across a signature pad; waits until the pad reports it is signed. */
async function sign(page: Page, who: 'clerk' | 'carrier' | 'owner') {
  const pad = page.getByTestId(`sig-${who}`);
  await pad.scrollIntoViewIfNeeded();
  await expect(pad).toHaveAttribute('data-empty', 'true');
  const box = (await pad.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const strokes: Array<Array<[number, number]>> = [
    [[0.1, 0.7], [0.2, 0.25], [0.3, 0.7], [0.4, 0.3], [0.5, 0.65]],
    [[0.55, 0.5], [0.65, 0.3], [0.72, 0.6], [0.8, 0.35], [0.9, 0.55]],
    [[0.15, 0.8], [0.5, 0.75], [0.88, 0.82]],
  ];
  for (const stroke of strokes) {
    await page.mouse.move(...at(...stroke[0]));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(...p), { steps: 8 });
    await page.mouse.up();
  }
  await expect(pad).toHaveAttribute('data-empty', 'false');
  await expect(page.getByTestId(`sig-status-${who}`)).toHaveText('已签名');
}

/** Decodes the `slips.print` answer. */
async function printedPdf(resp: Response): Promise<{ bytes: Buffer; fileName: string; copy: boolean }> {
  const body = (await resp.json()) as { ok: boolean; value?: { pdfBase64: string; fileName: string; copy: boolean }; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return { bytes: Buffer.from(body.value!.pdfBase64, 'base64'), fileName: body.value!.fileName, copy: body.value!.copy };
}

const isPrint = (r: Response) => r.url().endsWith('/api/slips.print') && r.request().method() === 'POST';

/** Calls a channel with the page's session (the browser shell's cookie), for what the UI does not let a user try. */
async function api(page: Page, app: RunningApp, channel: string, input: unknown) {
  const r = await page.request.post(new URL(`/api/${channel}`, app.url).toString(), { data: input });
  expect(r.ok()).toBe(true);
  return (await r.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string; params?: Record<string, string> } };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

test('a tenant moves out: clerk, phone calls, cashier, signatures, print, gate exit once, unit vacant', async ({ page, app }) => {
  test.setTimeout(150_000);
  await seedUnit(app);

  // The manager adds a clerk and a cashier.
  await signIn(page, app);
  await createUser(page, CLERK, /前台/);
  await createUser(page, CASHIER, /^收银员$/);

  // 1. The clerk opens a moving-out slip for the tenant.
  await switchUser(page, CLERK);
  await page.getByTestId('nav-slips').click();
  await page.getByTestId('new-slip').click();
  const form = page.getByTestId('slip-form');
  await expect(form).toBeVisible();
  await form.getByTestId('field-unitId').click();
  await page.keyboard.type('9-2-15');
  await popupSettled(page);
  await openDropdown(page).getByTestId('unit-option').filter({ hasText: UNIT }).click();
  await expect(openDropdown(page)).toHaveCount(0);
  // The unit's owners are shown to check it is the right home (and its people are loaded).
  await expect(form).toContainText(`业主：${OWNER.name}`);

  await form.getByTestId('nature-moving_out').click();
  await expect(form.getByTestId('moving-out-hint')).toBeVisible();
  await form.getByTestId('field-tenantMoveOut').check();
  await expect(form.getByTestId('meter-readings')).toBeVisible();
  await inputOf(form.getByTestId('field-meterReadings.water')).fill('1234.5');
  await inputOf(form.getByTestId('field-meterReadings.electricity')).fill('5678');
  await inputOf(form.getByTestId('field-meterReadings.gas')).fill('321');
  await form.getByTestId('field-reason').fill('租约到期，退租搬家');

  await chooseOption(page, form.getByTestId('field-carrier.personId'), TENANT.name);
  await expect(inputOf(form.getByTestId('field-carrier.name'))).toHaveValue(TENANT.name);
  await expect(form.getByTestId('field-carrier.type')).toContainText('租户');
  await expect(form.getByTestId('verify-hint')).toContainText('提交后需要电话核实：业主');

  for (const [i, item] of ITEMS.entries()) {
    if (i > 0) await form.getByTestId('slip-add-item').click();
    await expect(form.getByTestId('slip-item')).toHaveCount(i + 1);
    await inputOf(form.getByTestId(`field-items.${i}.name`)).fill(item.name);
    await inputOf(form.getByTestId(`field-items.${i}.quantity`)).fill(String(item.quantity));
    const uoc = inputOf(form.getByTestId(`field-items.${i}.unitOfCount`));
    await uoc.fill(item.unit);
    await uoc.press('Escape');
    await expect(uoc).toHaveValue(item.unit);
  }

  await form.getByTestId('slip-save-submit').click();
  const slip = page.getByTestId('slip-page');
  await expect(slip).toHaveAttribute('data-state', 'awaiting_verification');
  await expect(page.getByTestId('slip-state')).toHaveText('待核实');
  const number = (await page.getByTestId('slip-number').textContent())!.trim();
  expect(number).toMatch(/^[A-Z]{1,6}-\d{4}-\d{6}$/);
  await expect(page.getByTestId('slip-unit')).toHaveText(UNIT);
  await expect(page.getByTestId('slip-carrier')).toHaveText(TENANT.name);
  await expect(page.getByTestId('slip-item-row')).toHaveCount(ITEMS.length);
  await expect(page.getByTestId('slip-details')).toContainText('电话核实：业主');
  // The one to phone is the owner, with the number on file (masked).
  await expect(page.getByTestId('proposed-contact')).toContainText(`建议致电业主：${OWNER.name}（${OWNER.masked}）`);
  await expect(page.getByTestId('tenant-move-out')).toContainText('待业主同意');
  await expect(page.getByTestId('meter-values')).toContainText('1234.5');

  // 2. Phone calls: unreachable keeps it waiting; agreed makes it ready, but the fees block issuing.
  const call = page.getByTestId('call-form');
  await expect(inputOf(call.getByTestId('field-contactName'))).toHaveValue(OWNER.name);
  await call.getByTestId('call-fill-phone').click();
  await expect(inputOf(call.getByTestId('field-contactPhone'))).toHaveValue(OWNER.phone);
  await call.getByTestId('call-answer-unreachable').click();
  await expect(page.locator('[data-testid="call-row"][data-answer="unreachable"]')).toHaveCount(1);
  await expect(slip).toHaveAttribute('data-state', 'awaiting_verification');
  await expect(page.getByTestId('slip-state')).toHaveText('待核实');
  await expect(page.getByTestId('call-panel')).toBeVisible();

  await expect(inputOf(call.getByTestId('field-contactPhone'))).toHaveValue(OWNER.phone);
  await call.getByTestId('call-answer-agreed').click();
  await expect(slip).toHaveAttribute('data-state', 'ready_to_issue');
  await expect(page.getByTestId('slip-state')).toHaveText('待开单');
  await expect(page.getByTestId('call-panel')).toHaveCount(0);
  await expect(page.getByTestId('call-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="call-row"][data-answer="agreed"]')).toHaveCount(1);
  await expect(page.getByTestId('tenant-move-out')).toContainText('已同意');
  await expect(page.getByTestId('next-step')).toHaveText('核实已通过，但还有问题要处理才能开单。');
  const blockers = page.getByTestId('issue-blocker');
  await expect(blockers).toHaveCount(1);
  await expect(blockers.first()).toHaveAttribute('data-reason', 'slip.why.feesNotCleared');
  await expect(blockers.first()).toHaveText('搬家迁出：收银员还没有确认费用已结清。');
  await expect(page.getByTestId('fees-status')).toHaveAttribute('data-cleared', 'false');
  await expect(page.getByTestId('fees-status')).toContainText('等待收银员确认费用已结清');
  await expect(page.getByTestId('fees-form')).toHaveCount(0); // a clerk cannot confirm fees
  await expect(page.getByTestId('issue-submit')).toBeDisabled();
  // The host refuses too (not only the disabled button), with the same reason.
  const slipId = new URL(page.url()).hash.split('/').pop()!;
  const refused = await api(page, app, 'slips.issue', { slipId, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false });
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatchObject({ code: 'BAD_STATE', message: 'slip.why.feesNotCleared' });

  // 3. The cashier confirms the fees with the receipt number.
  await switchUser(page, CASHIER);
  await openSlip(page, number);
  await expect(slip).toHaveAttribute('data-state', 'ready_to_issue');
  await expect(page.getByTestId('issue-panel')).toHaveCount(0); // a cashier does not issue
  await expect(page.getByTestId('fees-status')).toContainText('请核对该房屋截至今天的物业费');
  await inputOf(page.getByTestId('fees-form').getByTestId('field-receipt')).fill(RECEIPT);
  await page.getByTestId('fees-confirm').click();
  const fees = page.getByTestId('fees-status');
  await expect(fees).toHaveAttribute('data-cleared', 'true');
  await expect(fees).toContainText(`收银已确认费用结清至 ${today()}`);
  await expect(fees).toContainText(new RegExp(`确认人：${CASHIER.displayName}；时间：${today()} \\d{2}:\\d{2}；收据号：${RECEIPT}`));
  await expect(page.locator('[data-testid="timeline-item"][data-action="fees-cleared"]')).toContainText(CASHIER.displayName);

  // 4. The clerk again: each signer signs on screen or on paper; the owner here signs the printed slip.
  await switchUser(page, CLERK);
  await openSlip(page, number);
  await expect(page.getByTestId('issue-blockers')).toHaveCount(0);
  await expect(page.getByTestId('next-step')).toHaveText('核实已通过，可以签名开单。');
  await expect(page.getByTestId('fees-status')).toHaveAttribute('data-cleared', 'true');
  await expect(page.getByTestId('signer-carrier')).toContainText(`携带人签名（${TENANT.name}）`);
  for (const who of ['clerk', 'carrier', 'owner'] as const) await expect(page.getByTestId(`signer-${who}`)).toHaveAttribute('data-mode', 'screen');
  // On screen means a signature in the box: an empty box is not a paper signature.
  await page.getByTestId('issue-submit').click();
  await expect(page.getByTestId('error-sig-clerk')).toHaveText('经办人选择了屏幕签名，但签名框是空的：请签名，或改为纸上签名。');
  await expect(slip).toHaveAttribute('data-state', 'ready_to_issue');
  for (const who of ['clerk', 'carrier', 'owner'] as const) await sign(page, who);
  await expect(page.getByTestId('error-sig-clerk')).toHaveCount(0);
  // The recording is asked for only when the owner does not sign at all.
  await expect(page.getByTestId('field-recordingRef')).toHaveCount(0);
  await page.getByTestId('sig-mode-owner-recording').click();
  await expect(page.getByTestId('signer-owner')).toHaveAttribute('data-mode', 'recording');
  await expect(page.getByTestId('sig-owner')).toHaveCount(0);
  await expect(page.getByTestId('field-recordingRef')).toBeVisible();
  // Its hint names the owner's agreed verification call.
  await expect(page.getByTestId('signer-owner')).toContainText(`录音对应的核实电话：${OWNER.name}，${today()}`);
  await page.getByTestId('issue-submit').click();
  await expect(page.getByTestId('error-recordingRef')).toHaveText('业主不签字时，必须填写电话录音编号。');
  await expect(slip).toHaveAttribute('data-state', 'ready_to_issue');
  // The owner in person signs the printed slip instead: no recording needed (what was drawn on screen is dropped).
  await page.getByTestId('sig-mode-owner-paper').click();
  await expect(page.getByTestId('signer-owner')).toHaveAttribute('data-mode', 'paper');
  await expect(page.getByTestId('field-recordingRef')).toHaveCount(0);
  await expect(page.getByTestId('error-recordingRef')).toHaveCount(0);
  await expect(page.getByTestId('sig-paper-owner')).toHaveText('打印后在放行条上签名，签名线留空。');
  await expect(page.getByTestId('issue-submit')).toBeEnabled();
  await page.getByTestId('issue-submit').click();
  await expect(slip).toHaveAttribute('data-state', 'issued');
  await expect(page.getByTestId('slip-state')).toHaveText('已开单');
  await expect(page.getByTestId('issue-panel')).toHaveCount(0);
  await expect(page.getByTestId('slip-signatures')).toContainText('经办人：屏幕签名');
  await expect(page.getByTestId('slip-signatures')).toContainText('携带人：屏幕签名');
  await expect(page.getByTestId('slip-signatures')).toContainText('业主：纸上签名');
  await expect(page.getByTestId('slip-signer-owner')).toHaveAttribute('data-mode', 'paper');
  await expect(page.getByTestId('slip-signatures')).not.toContainText('录音编号');
  await expect(page.locator('[data-testid="timeline-item"][data-action="issue"]')).toContainText('经办人：屏幕签名 · 携带人：屏幕签名 · 业主：纸上签名');

  // 5. Print: "Save PDF" fetches the slip once and downloads it.
  const panel = page.getByTestId('print-panel');
  await expect(panel).toBeVisible();
  const [printResp, download] = await Promise.all([page.waitForResponse(isPrint), page.waitForEvent('download'), panel.getByTestId('print-save').click()]);
  const pdf = await printedPdf(printResp);
  expect(pdf.copy).toBe(false);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(panel.getByTestId('print-kind')).toHaveText('正本');
  await expect(panel.getByTestId('print-copy-note')).toContainText('已打印 1 次');
  expect(download.suggestedFilename()).toBe(pdf.fileName);
  expect(fs.readFileSync(await download.path())).toEqual(pdf.bytes);

  fs.mkdirSync('test-results', { recursive: true });
  const pdfFile = path.resolve('test-results/slip-e2e.pdf');
  fs.writeFileSync(pdfFile, pdf.bytes);
  const text = pdftotext(pdfFile);
  for (const s of [number, UNIT, ...ITEMS.map((i) => i.name), TENANT.name, '存档联', '门岗联', '物品放行条', RECEIPT]) expect(text, `PDF text lacks ${s}`).toContain(s);
  expect(text).not.toContain('副本');
  // The owner's line is left empty for the paper signature, on both parts; no recording stands in for it.
  expect(text.split('（纸上签名）').length - 1).toBe(2);
  expect(text).not.toContain('不签字');
  expect(text).not.toContain('电话录音');
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+1$/m);
  const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' });
  // name type encoding emb sub uni object ID: every NotoSansSC font is an embedded subset.
  const noto = fonts.split('\n').filter((l) => /^[A-Z]{6}\+NotoSansSC/.test(l));
  expect(noto.length, fonts).toBeGreaterThan(0);
  for (const l of noto) expect(l, fonts).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  const pngBase = path.resolve('test-results/slip-e2e');
  fs.rmSync(`${pngBase}.png`, { force: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfFile, pngBase]);
  expect(fs.statSync(`${pngBase}.png`).size).toBeGreaterThan(10_000);

  // 6. The gate: typed in lower case with spaces, it is found; exit once; a second time is refused loudly.
  await page.getByTestId('nav-gate').click();
  await expect(page.getByTestId('gate-page')).toBeVisible();
  const gateInput = page.getByTestId('gate-input');
  await expect(gateInput).toBeFocused();
  const typed = ` ${number.toLowerCase().replace(/-/g, ' - ')} `;
  await gateInput.fill(typed);
  await gateInput.press('Enter');
  const found = page.getByTestId('gate-slip');
  await expect(found).toHaveAttribute('data-number', number);
  await expect(found).toHaveAttribute('data-state', 'issued');
  await expect(page.getByTestId('gate-slip-state')).toHaveText('已开单');
  await expect(found).toContainText(UNIT);
  await expect(found).toContainText(TENANT.name);
  await expect(found).toContainText('租户');
  await expect(page.getByTestId('gate-item')).toHaveCount(ITEMS.length);
  for (const [i, item] of ITEMS.entries()) {
    await expect(page.getByTestId('gate-item').nth(i)).toContainText(item.name);
    await expect(page.getByTestId('gate-item').nth(i)).toContainText(`${item.quantity} ${item.unit}`);
  }
  await expect(page.getByTestId('gate-refusal')).toHaveCount(0);
  await expect(gateInput).toHaveValue('');
  await page.getByTestId('gate-exit').click();
  const ok = page.getByTestId('gate-ok');
  await expect(ok).toBeVisible();
  await expect(ok).toHaveAttribute('data-number', number);
  await expect(ok).toContainText('已放行');
  await expect(ok).toContainText(`${number}（${UNIT}）已于 ${today()}`);
  await expect(page.getByTestId('gate-exit')).toHaveCount(0);
  await expect(gateInput).toBeFocused();

  await gateInput.fill(typed);
  await gateInput.press('Enter');
  const refusal = page.getByTestId('gate-refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'alreadyExited');
  await expect(refusal).toContainText('不得放行');
  await expect(page.getByTestId('gate-refusal-text')).toContainText(new RegExp(`放行条 ${number} 已于 ${today()} \\d{2}:\\d{2} 出门，不能再次放行！`));
  await expect(page.getByTestId('gate-ok')).toHaveCount(0);
  await expect(page.getByTestId('gate-exit')).toHaveCount(0);
  await expect(found).toHaveAttribute('data-state', 'exited');

  const unknown = number.replace(/\d{6}$/, '999999');
  await gateInput.fill(unknown);
  await gateInput.press('Enter');
  await expect(refusal).toHaveAttribute('data-reason', 'unknown');
  await expect(page.getByTestId('gate-refusal-text')).toHaveText(`没有编号为 ${unknown} 的放行条。`);
  await expect(page.getByTestId('gate-slip')).toHaveCount(0);
  await expect(page.getByTestId('gate-exit')).toHaveCount(0);

  // The slip records the exit and the refused second try.
  await openSlip(page, number);
  await expect(slip).toHaveAttribute('data-state', 'exited');
  await expect(page.getByTestId('slip-state')).toHaveText('已出门');
  await expect(page.locator('[data-testid="timeline-item"][data-action="exit"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="timeline-item"][data-action="gate-refused"]')).toContainText('不能再次放行');

  // 7. The unit is vacant from today and the tenancy has ended today.
  await page.getByTestId('slip-unit').click();
  await expect(page.getByTestId('unit-code')).toHaveText(UNIT);
  const details = page.getByTestId('unit-details');
  await expect(details.getByTestId('state-tag')).toHaveAttribute('data-state', 'vacant');
  await expect(details.getByTestId('state-tag')).toHaveText('空置');
  await expect(page.getByTestId('history-item').first()).toContainText('空置');
  await expect(page.getByTestId('history-item').first()).toContainText(today());
  const tenancy = page.getByTestId('link-row').filter({ has: page.locator('[data-relation="tenant"]') });
  await expect(tenancy).toHaveCount(1);
  await expect(tenancy).toContainText(TENANT.name);
  await expect(tenancy).toContainText('2026-03-01');
  await expect(tenancy).toContainText(today());
  await expect(tenancy.getByTestId('end-link')).toHaveCount(0);
  // The exit day is the move-out day: from it on the tenancy is no longer active.
  await expect(tenancy).toHaveAttribute('data-active', 'false');
  const owner = page.getByTestId('link-row').filter({ has: page.locator('[data-relation="owner"]') });
  await expect(owner).toHaveAttribute('data-active', 'true');
  await expect(page.locator('[data-testid="unit-slips"] [data-testid="slip-row"]')).toHaveAttribute('data-state', 'exited');
});

test('a reprint is marked as a copy (副本), on screen and on the PDF', async ({ page, app }) => {
  await seedUnit(app);
  await signIn(page, app);

  // An issued slip, made quickly through the channels (the owner in person: no call, no fees).
  const units = await api(page, app, 'units.list', { q: UNIT, limit: 5, offset: 0 });
  const unitId = (units.value!.rows as Array<{ id: string; code: string }>).find((u) => u.code === UNIT)!.id;
  const unit = await api(page, app, 'units.get', { id: unitId });
  const ownerId = (unit.value!.links as Array<{ personId: string; relation: string }>).find((l) => l.relation === 'owner')!.personId;
  const created = await api(page, app, 'slips.create', {
    unitId,
    nature: 'temporary',
    reason: '送修',
    carrier: { type: 'owner', personId: ownerId, name: OWNER.name, phone: OWNER.phone },
    items: [{ name: '电视机', quantity: 1, unitOfCount: '台', remark: '' }],
  });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
  const slipId = created.value!.id as string;
  const number = created.value!.number as string;
  expect((await api(page, app, 'slips.submit', { id: slipId })).value?.state).toBe('ready_to_issue');
  const issued = await api(page, app, 'slips.issue', {
    slipId,
    signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } },
    recordingRef: 'REC-20261123-01',
    acknowledgeFrequent: false,
  });
  expect(issued.value?.state, JSON.stringify(issued.error)).toBe('issued');

  await openSlip(page, number);
  const panel = page.getByTestId('print-panel');
  await expect(panel.getByTestId('print-copy-note')).toHaveCount(0);
  await expect(panel.getByTestId('print-reprint')).toHaveCount(0);

  // The first rendering is the original; preview, save and print reuse it.
  const [first] = await Promise.all([page.waitForResponse(isPrint), panel.getByTestId('print-preview').click()]);
  const original = await printedPdf(first);
  expect(original.copy).toBe(false);
  await expect(panel.getByTestId('print-kind')).toHaveText('正本');
  await expect(panel.getByTestId('print-frame')).toBeVisible();
  await expect(panel.getByTestId('print-copy-note')).toContainText('已打印 1 次');

  // A reprint renders again: a copy, logged. Printing opens the PDF in a new window (closed here).
  page.on('popup', (p) => void p.close());
  const [second] = await Promise.all([page.waitForResponse(isPrint), panel.getByTestId('print-reprint').click()]);
  const copy = await printedPdf(second);
  expect(copy.copy).toBe(true);
  await expect(panel.getByTestId('print-kind')).toHaveText('副本');
  await expect(panel.getByTestId('print-copy-note')).toContainText('已打印 2 次');
  await expect(page.locator('[data-testid="timeline-item"][data-action="reprint"]')).toContainText('第 2 次打印');

  const dir = test.info().outputPath();
  fs.mkdirSync(dir, { recursive: true });
  const originalFile = path.join(dir, 'original.pdf');
  const copyFile = path.join(dir, 'copy.pdf');
  fs.writeFileSync(originalFile, original.bytes);
  fs.writeFileSync(copyFile, copy.bytes);
  expect(pdftotext(originalFile)).not.toContain('副本');
  const copyText = pdftotext(copyFile);
  expect(copyText).toContain('副本');
  expect(copyText).toContain(number);
});
