import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.use({ seed: 'demo' });

/** The units behind a movement figure name the record that made each change; its number opens that record. */
test('the decorations started in a month name their permits, and a permit number opens the permit', async ({ page, app }) => {
  await signIn(page, app);
  await page.getByTestId('nav-reports').click();
  // The demo's permits are dated back from today: take the latest month (this one or up to 4 before) with a decoration started.
  const started = page.getByTestId('report-total').locator('[data-testid="figure"][data-figure="decorationsStarted"]');
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  let found = false;
  for (let back = 0; back <= 4 && !found; back++) {
    const t = y * 12 + (m - 1) - back;
    const month = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
    await page.goto(page.url().replace(/#.*$/, `#/reports/occupancy?month=${month}`));
    await expect(page.getByTestId('reports-page')).toHaveAttribute('data-month', month);
    found = Number(await started.getAttribute('data-value')) > 0;
  }
  expect(found).toBe(true);
  await started.click();
  const drawer = page.getByTestId('units-drawer');
  const rows = drawer.getByTestId('units-drawer-row');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  await expect(drawer.getByTestId('record-number-link')).toHaveCount(n);
  for (const text of await drawer.getByTestId('record-number-link').allTextContents()) expect(text).toMatch(/^ZX-\d{4}-\d{6}$/);
  await drawer.getByTestId('record-number-link').first().click();
  await expect(page).toHaveURL(/#\/decoration\/[0-9a-f-]+$/);
});
