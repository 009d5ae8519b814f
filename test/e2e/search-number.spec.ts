import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { signIn } from './helpers';
import { temporarySlip } from '../helpers/slip-draft';

/**
 * Open by number: a record number typed or scanned into the global search (Ctrl+K) opens that record.
 * A USB scanner types the QR code's content (the number) key by key within milliseconds, then Enter.
 */

/** Calls a channel with the page's session (the browser shell's cookie). */
async function api<T = Record<string, unknown>>(page: Page, app: RunningApp, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(new URL(`/api/${channel}`, app.url).toString(), { data: input });
  expect(r.ok()).toBe(true);
  const body = (await r.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value!;
}

async function seedSlips(page: Page, app: RunningApp): Promise<string[]> {
  const b = await api<{ id: string }>(page, app, 'buildings.create', { code: '7', name: '7号楼', note: null });
  const u = await api<{ id: string }>(page, app, 'units.create', { buildingId: b.id, code: '7-701', use: 'residential', floor: 7, areaM2: 90, note: null });
  const numbers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const s = await api<{ number: string }>(page, app, 'slips.create', temporarySlip(u.id));
    numbers.push(s.number);
  }
  return numbers;
}

test('a slip number typed or scanned into Ctrl+K and Enter opens that slip', async ({ page, app }) => {
  await signIn(page, app);
  const [first, second] = await seedSlips(page, app);
  expect(second).toMatch(/^FX-\d{4}-000002$/);
  const box = page.getByTestId('global-search');

  // A scanner (Caps Lock on): the number key by key, then Enter at once — before the debounced search answers.
  await page.keyboard.press('Control+KeyK');
  await expect(box).toBeFocused();
  await page.keyboard.type(second.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-number')).toHaveText(second);
  await expect(page).toHaveURL(/#\/slips\/[^/]+$/);
  await expect(box).toHaveValue('');

  // Typed by hand in full width without the leading zeros: the hit shows the unit and state; Enter opens it.
  await page.keyboard.press('Control+KeyK');
  await expect(box).toBeFocused();
  const [prefix, year] = first.split('-');
  await box.fill(`${prefix}－${year}－１`.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toHaveAttribute('data-kind', 'slip');
  await expect(hit).toContainText(first);
  await expect(hit).toContainText('7-701');
  await expect(hit).toContainText('草稿');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-number')).toHaveText(first);

  // A number that names no slip finds nothing.
  await page.keyboard.press('Control+KeyK');
  await box.fill(`${prefix}-${year}-000099`);
  await expect(page.getByTestId('search-empty')).toBeVisible();
});
