import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, chooseOption, goTo, signIn, switchLanguage } from './helpers';

/**
 * Decoration, the work and the deposit, end to end on the demo site: on a permit under way a patrol finds a
 * serious violation; the owner then the contractor are phoned, both sign the notice, the manager signs off a
 * penalty (deducted from the deposit), the site is rectified; the completion inspection passes (the manager
 * first set a home's refund wait to 0 days in Settings, so the refund is due at once), the refund is prepared
 * with the deduction shown (deposit − penalty) and paid out by the cashier: the ledger ends at 0. At the gate a
 * revoked worker pass is refused. IDs are masked everywhere. Screenshots in both languages go to
 * /tmp/shots-decoration-work/.
 */

const SHOTS = '/tmp/shots-decoration-work';
const MASKED_ID = /^\d{3}\*{11}\d{4}$/;

interface Row { id: string; number: string; state: string; use: string }
interface Detail extends Row { violations: unknown[]; passes: Array<{ number: string; revokedAt: string | null; validFrom: string; validTo: string }>; refund: { depositFen: number } | null }

/** The label around an antd radio or checkbox (its input is transparent): what a person clicks. */
const labelOf = (scope: Locator, testId: string) => scope.locator('label', { has: scope.page().getByTestId(testId) });

/** The whole page, without the toasts and tooltips of the steps before. */
async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Hidden by a style of its own (React owns those nodes: they are never removed by hand).
  await page.evaluate(() => {
    const st = document.createElement('style');
    st.id = 'shot-quiet';
    st.textContent = '.ant-message, .ant-tooltip { display: none !important; }';
    document.head.appendChild(st);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.evaluate(() => document.getElementById('shot-quiet')?.remove());
}

/** A screenshot in each language, back to Chinese after. */
async function bothLanguages(page: Page, name: string) {
  await shot(page, `${name}-zh`);
  await switchLanguage(page, 'en');
  await shot(page, `${name}-en`);
  await switchLanguage(page, 'zh-CN');
}

test.use({ seed: 'demo' });

test('a serious violation through the notice, penalty and rectification; inspection, refund less the penalty, payout to 0; a revoked pass refused at the gate', async ({ page, app }) => {
  test.setTimeout(180_000);
  await signIn(page, app);

  // Today shows the decoration queues, each row opening its permit.
  await expect(page.getByTestId('today-decoration')).toBeVisible();
  await expect(page.getByTestId('today-decoration-patrol-row').first()).toBeVisible();
  await expect(page.getByTestId('today-decoration-refunds-row').first()).toBeVisible();
  await bothLanguages(page, 'today');

  // The manager sets a home's refund wait to 0 days (Settings › Decoration permits), so the refund is due at once.
  await goTo(page, 'settings');
  const card = page.getByTestId('decoration-settings-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByTestId('field-decorationFees.residential.depositFen')).toHaveValue('2000.00');
  const wait = card.getByTestId('field-decorationRefundWait.residential.n');
  await wait.fill('0');
  await chooseOption(page, card.getByTestId('field-decorationRefundWait.residential.unit'), '天');
  // The hours printed on the door's permit are the site's own words.
  const hours = card.getByTestId('field-decorationWorkingHours');
  await expect(hours).toHaveValue('08:00–12:00, 14:00–18:00');
  await hours.fill('08:00–12:00, 14:30–18:30');
  await expect(card.getByTestId('decoration-settings-unsaved')).toBeVisible();
  await card.getByTestId('decoration-settings-submit').click();
  await expect(card.getByTestId('decoration-settings-unsaved')).toHaveCount(0);
  const saved = await api<{ decorationRefundWait: { residential: { unit: string; n: number } }; decorationWorkingHours: string }>(page, app, 'settings.get', {});
  expect(saved.decorationRefundWait.residential).toEqual({ unit: 'days', n: 0 });
  expect(saved.decorationWorkingHours).toBe('08:00–12:00, 14:30–18:30');
  await card.scrollIntoViewIfNeeded();
  await bothLanguages(page, 'settings');

  // A home under way with no violation yet (the demo's hot-work permit), and the revoked pass of another.
  const list = await api<{ rows: Row[] }>(page, app, 'decoration.list', { queue: 'underWay', limit: 50 });
  let permit: Detail | null = null;
  let revoked: string | null = null;
  let valid: string | null = null;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  for (const r of list.rows) {
    const d = await api<Detail>(page, app, 'decoration.get', { id: r.id });
    if (!permit && d.state === 'under_way' && d.use === 'residential' && d.violations.length === 0) permit = d;
    revoked ??= d.passes.find((p) => p.revokedAt)?.number ?? null;
    if (d.state === 'under_way' && d.id !== permit?.id) valid ??= d.passes.find((p) => !p.revokedAt && p.validFrom <= today && today <= p.validTo)?.number ?? null;
  }
  expect(valid, 'a valid pass').not.toBeNull();
  expect(permit, 'a residential permit under way with no violation').not.toBeNull();
  expect(revoked, 'a revoked pass').not.toBeNull();
  const deposit = permit!.refund!.depositFen;

  await page.goto(page.url().replace(/#.*$/, `#/decoration/${permit!.id}`));
  const work = page.getByTestId('during-work');
  await expect(work).toBeVisible();

  // The patrol.
  const patrols = work.getByTestId('patrol-row');
  const before = await patrols.count();
  const patrol = work.getByTestId('patrol-form');
  await chooseOption(page, patrol.getByTestId('field-department'), '工程部');
  await patrol.getByTestId('field-by').fill('工程部 陈工');
  await patrol.getByTestId('field-findings').fill('卫生间墙体被擅自凿开');
  await patrol.getByTestId('patrol-submit').click();
  await expect(patrols).toHaveCount(before + 1);

  // A serious violation: the form names its field errors first.
  await work.getByTestId('violation-add').click();
  const vf = work.getByTestId('violation-form');
  await labelOf(vf, 'severity-serious').click();
  await vf.getByTestId('violation-submit').click();
  await expect(vf.getByTestId('error-description')).toBeVisible();
  await vf.getByTestId('field-description').fill('擅自凿开卫生间墙体');
  await vf.getByTestId('violation-submit').click();
  const v = work.locator('[data-testid="violation"][data-severity="serious"]');
  await expect(v).toHaveCount(1);

  // The owner first, then the contractor (its manager's ID masked), both sign, the notice printed.
  await v.getByTestId('call-owner-form').getByTestId('field-note').fill('业主表示立即停工');
  await v.getByTestId('call-owner-submit').click();
  await expect(v.getByTestId('step-owner-done')).toBeVisible();
  await expect(v.getByTestId('manager-id-masked')).toHaveText(MASKED_ID);
  await expect(v.getByTestId('manager-id-masked')).toHaveText('110***********1234');
  await bothLanguages(page, 'notice-in-progress');
  await v.getByTestId('call-contractor-submit').click();
  await expect(v.getByTestId('step-contractor-done')).toBeVisible();
  await v.getByTestId('notice-signed').click();
  await expect(v.getByTestId('step-signed-done')).toBeVisible();

  // The manager's penalty, in yuan; deducted from the deposit.
  const pf = v.getByTestId('penalty-form');
  await pf.getByTestId('field-amountFen').fill('500');
  await expect(pf.getByTestId('penalty-preview')).toContainText('¥500.00');
  await pf.getByTestId('penalty-submit').click();
  await expect(v.getByTestId('penalty-shown')).toHaveAttribute('data-fen', '50000');
  await expect(v.getByTestId('penalty-shown')).toHaveAttribute('data-deducted', '50000');
  await v.getByTestId('rectified-form').getByTestId('field-note').fill('已恢复原状，工程部复查合格');
  await v.getByTestId('rectified-submit').click();
  await expect(v.getByTestId('rectified-shown')).toBeVisible();
  await bothLanguages(page, 'during-work');

  // The completion inspection, passed.
  const done = page.getByTestId('completion');
  await done.getByTestId('request-inspection-submit').click();
  await expect(page.getByTestId('decoration-page')).toHaveAttribute('data-state', 'inspection');
  const inspect = done.getByTestId('inspect-form');
  await inspect.getByTestId('field-engineeringBy').fill('工程部 刘工');
  await inspect.getByTestId('field-securityBy').fill('保安 李队');
  await inspect.getByTestId('inspect-submit').click();
  await expect(done.getByTestId('inspection-passed')).toBeVisible();
  await expect(page.getByTestId('decoration-page')).toHaveAttribute('data-state', 'completed');

  // The refund: checks, signatures; the amount computed (deposit − penalty), never typed.
  const rf = done.getByTestId('refund-form');
  await expect(rf.getByTestId('refund-preview')).toHaveAttribute('data-refund', String(deposit - 50_000));
  await expect(rf.getByTestId('sum-penalties')).toHaveText('− ¥500.00');
  await expect(rf.getByTestId('refund-manager-id')).toHaveText(MASKED_ID);
  await rf.getByTestId('refund-submit').click();
  await expect(rf.getByTestId('error-signedByOwner')).toBeVisible();
  for (const c of ['commonArea', 'neighbours', 'leaks', 'violations']) await labelOf(rf, `field-checks.${c}.ok`).click();
  for (const s of ['signedByOwner', 'signedByContractor', 'signedByManager']) await labelOf(rf, `field-${s}`).click();
  await expect(rf.getByTestId('field-signedByManager')).toBeChecked();
  await bothLanguages(page, 'refund-form');
  await rf.getByTestId('refund-submit').click();
  const sums = done.getByTestId('refund-sums');
  await expect(sums).toHaveAttribute('data-refund', String(deposit - 50_000));
  await expect(done.getByTestId('print-refund')).toBeVisible();

  // The cashier pays out with a receipt: the ledger ends at 0.
  await done.getByTestId('pay-out-form').getByTestId('field-receipt').fill('TK-E2E-0001');
  await done.getByTestId('pay-out-submit').click();
  await expect(done.getByTestId('refund-paid')).toBeVisible();
  await expect(page.getByTestId('decoration-page')).toHaveAttribute('data-state', 'refunded');
  const entries = done.getByTestId('ledger-entry');
  await expect(entries.last()).toHaveAttribute('data-kind', 'refund');
  await expect(entries.last()).toHaveAttribute('data-balance', '0');
  await expect(done.locator('[data-testid="ledger-entry"][data-kind="penalty"]')).toHaveCount(1);
  await bothLanguages(page, 'completion');

  // A rejected application: no inspection, its deposit due back at once.
  const rejected = await api<{ rows: Row[] }>(page, app, 'decoration.list', { state: 'rejected', limit: 5 });
  await page.goto(page.url().replace(/#.*$/, `#/decoration/${rejected.rows[0].id}`));
  await expect(page.getByTestId('completion')).toHaveAttribute('data-state', 'rejected');
  await expect(page.getByTestId('inspection-card')).toHaveCount(0);
  await expect(page.getByTestId('refund-form')).toBeVisible();
  await shot(page, 'completion-rejected-zh');

  // The manager's ledger: deposits held by age, refunds due and overdue (each opening its permit), the totals.
  await page.goto(page.url().replace(/#.*$/, '#/decoration/ledger'));
  const ledger = page.getByTestId('ledger-page');
  await expect(ledger.getByTestId('held-total')).toBeVisible();
  await expect(ledger.getByTestId('age-bucket')).toHaveCount(4);
  await expect(ledger.getByTestId('refunds-overdue-row').first()).toBeVisible();
  const totals = await api<{ totals: { paidFen: number; penaltiesFen: number; utilitiesFen: number; refundedFen: number }; held: { fen: number } }>(page, app, 'decoration.ledger', {});
  expect(totals.totals.paidFen - totals.totals.penaltiesFen - totals.totals.utilitiesFen - totals.totals.refundedFen).toBe(totals.held.fen);
  await expect(ledger.getByTestId('total-penalties')).toHaveAttribute('data-fen', String(totals.totals.penaltiesFen));
  await bothLanguages(page, 'ledger');
  const download = page.waitForEvent('download');
  await ledger.getByTestId('ledger-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await ledger.getByTestId('refunds-overdue-row').first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/decoration\/[0-9a-f-]+$/);

  // The gate: the revoked pass refused, with whose it is (ID masked) and its permit.
  await page.goto(page.url().replace(/#.*$/, '#/gate'));
  const input = page.getByTestId('gate-input');
  await input.fill(revoked!.toLowerCase());
  await input.press('Enter');
  const answer = page.getByTestId('gate-pass-answer');
  await expect(answer).toHaveAttribute('data-answer', 'revoked');
  await expect(answer).toHaveAttribute('data-number', revoked!);
  await expect(page.getByTestId('gate-pass-id')).toHaveText(MASKED_ID);
  await expect(page.getByTestId('gate-pass-permit')).toHaveText(/^ZX-\d{4}-\d{6}$/);
  await expect(input).toBeFocused();
  await bothLanguages(page, 'gate-revoked');
  // A valid pass: the big green answer.
  await input.fill(valid!);
  await input.press('Enter');
  await expect(answer).toHaveAttribute('data-answer', 'valid');
  await shot(page, 'gate-valid-zh');
  // A pass number that is no pass: unknown; a slip number still goes to the slip check as before.
  await input.fill('CR-2026-999999');
  await input.press('Enter');
  await expect(answer).toHaveAttribute('data-answer', 'unknown');
  await input.fill('FX-2026-999999');
  await input.press('Enter');
  await expect(page.getByTestId('gate-refusal')).toBeVisible();
  await expect(answer).toHaveCount(0);
});
