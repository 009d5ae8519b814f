import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, signIn, switchLanguage } from './helpers';

/**
 * Callbacks (回访) end to end over the browser shell: three finished repairs, one overdue; the queue puts it
 * first; three unreached attempts pass it to the supervisor; an unsatisfied answer reopens its repair; a
 * satisfied one closes it and leaves the queue. Then a manager edits the price list and the technicians.
 * Screenshots of both languages go to $CALLBACK_SHOTS (default test-results/screens).
 */

const SHOTS = process.env.CALLBACK_SHOTS ?? path.resolve('test-results', 'screens');
const DAY = 86_400_000;

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One channel call from the signed-in page (the app's own API, same session). */
async function api<T = Record<string, unknown>>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c as string}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      return (await res.json()) as Result;
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A repair taken in, dispatched, signed for and finished `daysAgo` days ago: its callback is due 2 days after. */
async function finishedRepair(page: Page, o: { area: string; name: string; phone: string; daysAgo: number }): Promise<{ id: string; number: string }> {
  const at = new Date(Date.now() - o.daysAgo * DAY - 60_000).toISOString();
  const r = await api<{ id: string; number: string }>(page, 'repairs.create', {
    place: { kind: 'public', areaCode: o.area },
    reporterName: o.name,
    reporterPhone: o.phone,
    reportedAt: at,
    category: 'public_facilities',
    description: '公共照明不亮',
    appointmentAt: null,
    urgent: false,
    paid: false,
  });
  await api(page, 'repairs.dispatch', { id: r.id, notifiedName: '工程部刘工', notifiedAt: at });
  await api(page, 'repairs.pickUp', { id: r.id, technician: 'liu', signedAt: at });
  await api(page, 'repairs.complete', { id: r.id, workDone: '更换灯管', requesterSign: 'paper', finishedAt: at });
  return r;
}

const row = (page: Page, source: string): Locator => page.locator(`[data-testid="callback-row"][data-source="${source}"]`);

async function openCallback(page: Page, source: string) {
  await page.getByTestId('nav-callbacks').click();
  await expect(page.getByTestId('callbacks-page')).toBeVisible();
  await row(page, source).click();
  await expect(page.getByTestId('callback-page')).toBeVisible();
  await expect(page.getByTestId('callback-source')).toHaveText(source);
}

/** Waits until nothing is loading or moving, then takes the window (or one element). */
async function shoot(page: Page, name: string, target?: Locator) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.mouse.move(800, 28);
  await page.evaluate(() => document.fonts.ready);
  const lang = await page.locator('html').getAttribute('lang');
  const file = path.join(SHOTS, `callbacks-${lang}-${name}.png`);
  // One element: cut from the whole page, so the sticky header is not stitched into a tall card.
  const clip = target ? await target.evaluate((el) => ({ x: el.getBoundingClientRect().left + window.scrollX, y: el.getBoundingClientRect().top + window.scrollY, width: el.clientWidth, height: el.clientHeight })) : undefined;
  await page.screenshot({ path: file, animations: 'disabled', fullPage: true, clip });
}

/** The <input> of an antd field by its test id (the id may sit on the wrapper or the input). */
const inputOf = (page: Page, testId: string): Locator => page.getByTestId(testId).locator('xpath=self::input | .//input').first();

test('the callback queue: overdue first, escalation, reopen, done; the repair settings', async ({ page, app }) => {
  test.setTimeout(180_000);
  await signIn(page, app);
  await api(page, 'settings.update', { technicians: [{ code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' }] });
  // Created in another order than they are due: the queue sorts them.
  const later = await finishedRepair(page, { area: 'lobby', name: '张伟', phone: '13811110001', daysAgo: 0 });
  const next = await finishedRepair(page, { area: 'garage', name: '李娜', phone: '13811110002', daysAgo: 1 });
  const overdue = await finishedRepair(page, { area: 'garden', name: '王芳', phone: '13811110003', daysAgo: 5 });

  // The queue: by due date, the overdue one first.
  await page.getByTestId('nav-callbacks').click();
  await expect(page.getByTestId('callback-row')).toHaveCount(3);
  await expect(page.getByTestId('callback-row').first()).toHaveAttribute('data-source', overdue.number);
  await expect(page.getByTestId('callback-row').first()).toHaveAttribute('data-overdue', 'true');
  await expect(row(page, overdue.number).getByTestId('overdue-tag')).toBeVisible();
  await expect(page.getByTestId('callback-row').nth(1)).toHaveAttribute('data-source', next.number);
  await expect(page.getByTestId('callback-row').nth(2)).toHaveAttribute('data-source', later.number);
  await expect(row(page, later.number)).toHaveAttribute('data-overdue', 'false');
  await expect(row(page, overdue.number)).toContainText('138****0003');
  await shoot(page, 'queue');

  // The overdue one: the phone revealed for the call (logged), then three unreached attempts.
  await row(page, overdue.number).click();
  await expect(page.getByTestId('callback-overdue')).toBeVisible();
  await expect(page.getByTestId('value-contact-phone')).toHaveText('138****0003');
  await page.getByTestId('reveal-contact-phone').click();
  await expect(page.getByTestId('value-contact-phone')).toHaveText('13811110003');
  for (let n = 1; n <= 3; n++) {
    await page.getByTestId('reached-no').click();
    await expect(page.getByTestId('attempt-outcome')).toHaveAttribute('data-outcome', n < 3 ? 'open' : 'escalated');
    await page.getByTestId('attempt-submit').click();
    await expect(page.getByTestId('attempt-row')).toHaveCount(n);
  }
  await expect(page.getByTestId('escalated-toast')).toBeVisible();
  await expect(page.getByTestId('callback-state')).toHaveAttribute('data-state', 'escalated');
  await expect(page.getByTestId('callback-status')).toHaveAttribute('data-state', 'escalated');
  await expect(page.getByTestId('callback-unreached')).toContainText('3');
  await expect(page.locator('[data-testid="timeline-item"][data-action="escalate"]')).toHaveCount(1);
  await shoot(page, 'callback-escalated');

  // A reached answer must answer both questions.
  await openCallback(page, next.number);
  await page.getByTestId('reached-yes').click();
  await page.getByTestId('attempt-submit').click();
  await expect(page.getByTestId('error-fixed')).toBeVisible();
  await expect(page.getByTestId('error-satisfaction')).toBeVisible();
  await expect(page.getByTestId('attempt-row')).toHaveCount(0);
  // Unsatisfied: the clerk is told first that the repair reopens.
  await page.getByTestId('fixed-yes').click();
  await page.getByTestId('satisfaction-unsatisfied').click();
  await expect(page.getByTestId('attempt-outcome')).toHaveAttribute('data-outcome', 'reopened');
  await page.getByTestId('field-note').fill('维修后灯还是闪');
  await shoot(page, 'attempt-reopen', page.getByTestId('attempt-panel'));
  await page.getByTestId('attempt-submit').click();
  await expect(page.getByTestId('reopen-prompt')).toContainText(next.number);
  await page.getByTestId('reopen-confirm').click();
  await expect(page.getByTestId('callback-status')).toHaveAttribute('data-outcome', 'reopened');
  await expect(page.getByTestId('callback-state')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('attempt-form')).toHaveCount(0);
  await expect(page.getByTestId('attempt-row')).toHaveAttribute('data-satisfaction', 'unsatisfied');
  expect((await api<{ state: string; reopenCount: number }>(page, 'repairs.get', { id: next.id })).state).toBe('reopened');

  // Satisfied: done, the repair closed, and it leaves the queue.
  await openCallback(page, later.number);
  await page.getByTestId('channel-visit').click();
  await page.getByTestId('reached-yes').click();
  await page.getByTestId('fixed-yes').click();
  await page.getByTestId('satisfaction-very_satisfied').click();
  await expect(page.getByTestId('attempt-outcome')).toHaveAttribute('data-outcome', 'closed');
  await page.getByTestId('attempt-submit').click();
  await expect(page.getByTestId('callback-status')).toHaveAttribute('data-outcome', 'closed');
  expect((await api<{ state: string }>(page, 'repairs.get', { id: later.id })).state).toBe('closed');

  await page.getByTestId('nav-callbacks').click();
  await expect(page.getByTestId('callback-row')).toHaveCount(1);
  await expect(page.getByTestId('callback-row').first()).toHaveAttribute('data-state', 'escalated');
  await page.getByTestId('filter-done').click();
  await expect(page.getByTestId('callback-row')).toHaveCount(2);
  await expect(row(page, later.number)).toHaveAttribute('data-state', 'done');
  await page.getByTestId('filter-cancelled').click();
  await expect(page.getByTestId('empty')).toBeVisible();

  // The reveal is in the audit log, with whose number it was.
  const audit = await api<{ rows: Array<{ action: string; entity: string; after: string | null }> }>(page, 'audit.list', { offset: 0, limit: 100 });
  expect(audit.rows.filter((r) => r.action === 'reveal' && r.entity === 'callback').map((r) => r.after)).toEqual([JSON.stringify({ field: 'contactPhone', name: '王芳' })]);

  // Settings › Repairs and callbacks: a price and a technician, checked before anything is sent.
  await goTo(page, 'settings');
  const card = page.getByTestId('repair-settings-card');
  await expect(card).toBeVisible();
  await expect(page.locator('[data-testid="prices-row"][data-code="tap"]')).toBeVisible();
  const tapPrice = inputOf(page, 'field-repairPriceList.2.priceFen');
  await expect(tapPrice).toHaveValue('45.00');
  await tapPrice.fill('52.555');
  await card.getByTestId('technicians-add').click();
  await page.getByTestId('field-technicians.1.code').fill('liu');
  await page.getByTestId('field-technicians.1.name').fill('陈师傅');
  await page.getByTestId('field-technicians.1.trade').fill('木工');
  await page.getByTestId('field-technicians.1.phone').fill('139 0000 1111');
  await card.getByTestId('repair-settings-submit').click();
  await expect(page.getByTestId('form-problems')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('error-repairPriceList.2.priceFen')).toHaveText('金额最多两位小数，如 45.00');
  await expect(page.getByTestId('error-technicians.1.code')).toHaveText('该编号已存在');
  await shoot(page, 'settings-errors', page.getByTestId('prices'));
  // Nothing was sent.
  const before = await api<{ repairPriceList: Array<{ code: string; priceFen: number }>; technicians: unknown[] }>(page, 'settings.get', {});
  expect(before.repairPriceList.find((p) => p.code === 'tap')?.priceFen).toBe(4500);
  expect(before.technicians).toHaveLength(1);
  // Leaving with unsaved changes asks first.
  await page.getByTestId('nav-callbacks').click();
  await expect(page.getByTestId('leave-prompt')).toBeVisible();
  await page.getByTestId('leave-cancel').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();

  // Typed with a Chinese IME: full-width digits are the same amount.
  await tapPrice.fill('５２．５');
  await page.getByTestId('field-technicians.1.code').fill('Chen');
  await expect(page.getByTestId('field-technicians.1.code')).toHaveValue('chen');
  // A saved code stays as it is: records keep it.
  await expect(page.getByTestId('field-technicians.0.code')).toBeDisabled();
  await card.getByTestId('repair-settings-submit').click();
  await expect(page.locator('.ant-message-notice').filter({ hasText: '已保存' })).toBeVisible();
  await expect(card.getByTestId('repair-settings-unsaved')).toHaveCount(0);
  const saved = await api<{ repairPriceList: Array<{ code: string; priceFen: number }>; technicians: Array<{ code: string; phone: string | null }> }>(page, 'settings.get', {});
  expect(saved.repairPriceList.find((p) => p.code === 'tap')?.priceFen).toBe(5250);
  expect(saved.technicians).toEqual([
    { code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' },
    { code: 'chen', name: '陈师傅', trade: '木工', phone: '13900001111' },
  ]);

  await page.reload();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await goTo(page, 'settings');
  await expect(inputOf(page, 'field-repairPriceList.2.priceFen')).toHaveValue('52.50');
  await expect(page.locator('[data-testid="technicians-row"][data-code="chen"]')).toBeVisible();
  await expect(page.getByTestId('field-technicians.1.name')).toHaveValue('陈师傅');
  await expect(page.getByTestId('field-technicians.1.code')).toBeDisabled();
  await shoot(page, 'settings', page.getByTestId('repair-settings-card'));

  // The same screens in English.
  await switchLanguage(page, 'en');
  await shoot(page, 'settings', page.getByTestId('repair-settings-card'));
  await page.getByTestId('nav-callbacks').click();
  await expect(page.getByTestId('callback-row')).toHaveCount(1);
  await expect(page.getByTestId('page-title')).toHaveText('Callbacks');
  await shoot(page, 'queue');
  await page.getByTestId('filter-done').click();
  await expect(page.getByTestId('callback-row')).toHaveCount(2);
  await shoot(page, 'done');
  await openCallback(page, overdue.number);
  await expect(page.getByTestId('callback-status')).toContainText('supervisor');
  await shoot(page, 'callback-escalated');
  await page.getByTestId('nav-callbacks').click();
  await page.getByTestId('filter-done').click();
  await row(page, next.number).click();
  await expect(page.getByTestId('callback-status')).toHaveAttribute('data-outcome', 'reopened');
  await shoot(page, 'callback-reopened');
});
