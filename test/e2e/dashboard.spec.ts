import { expect, MANAGER, test } from './fixtures';
import { chooseOption, fillSignIn, goTo } from './helpers';

/**
 * The manager's dashboard on Today over the browser shell (the demo site): every tile drawn, the trend as an
 * SVG chart from a chunk loaded on demand, a part and a whole tile each open their list (by mouse and by
 * keyboard); a clerk's Today has none.
 */
test.use({ seed: 'demo' });

const CLERK = { username: 'clerk.dash', password: 'Clerk2026x', displayName: '前台小李' };

test('a manager sees the site’s tiles and follows them to their lists; a clerk does not see them', async ({ page, app }) => {
  test.setTimeout(90_000);
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await page.goto(app.url);
  await expect(page.getByTestId('signin-page')).toBeVisible();
  // The dashboard (with echarts) is its own chunk, fetched once there are tiles to draw, not with the app.
  const withApp = scripts.length;
  await fillSignIn(page, { username: MANAGER.username, password: MANAGER.password });
  const board = page.getByTestId('dashboard');
  await expect(board).toBeVisible();
  expect(scripts.slice(0, withApp).some((u) => /Dashboard/.test(u))).toBe(false);
  expect(scripts.some((u) => /Dashboard/.test(u))).toBe(true);
  for (const id of ['occupancy.byState', 'occupancy.rateTrend', 'report.lastMonth', 'slips.exitedToday', 'slips.waiting', 'safety.backup', 'safety.integrity']) {
    await expect(board.getByTestId(`tile-${id}`)).toBeVisible();
  }
  // The trend is drawn (SVG renderer) and says the rate as a percentage.
  const trend = board.getByTestId('tile-occupancy.rateTrend');
  await expect(trend.getByTestId('trend-chart').locator('svg')).toBeVisible();
  await expect(trend.getByTestId('tile-value')).toHaveText(/^\d{1,3}\.\d{2}%$/);
  // The demo site's units by state add up to its 2,000 units.
  const values = await board.getByTestId('tile-occupancy.byState').getByTestId('part-value').allTextContents();
  expect(values.map((v) => Number(v.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(2000);

  // A part opens its list: the vacant units.
  const vacant = board.getByTestId('part-occupancy.byState-vacant');
  const vacantCount = (await vacant.getByTestId('part-value').textContent())!.trim();
  await vacant.getByRole('link').click();
  await expect(page).toHaveURL(/#\/units\?state=vacant/);
  await expect(page.getByTestId('unit-row').first()).toBeVisible();
  await expect(page.getByTestId('units-page')).toContainText(vacantCount);

  // A whole tile is one link, reached and opened with the keyboard: the last backup opens the backups page.
  await goTo(page, 'today');
  const backupLink = page.getByTestId('tile-link-safety.backup');
  await backupLink.focus();
  await expect(backupLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/backup$/);

  // A clerk's Today: no dashboard, and the chart code is never fetched.
  await goTo(page, 'users');
  await page.getByTestId('new-user').click();
  const form = page.getByTestId('user-form');
  await form.getByTestId('field-username').fill(CLERK.username);
  await form.getByTestId('field-displayName').fill(CLERK.displayName);
  await chooseOption(page, form.getByTestId('field-role'), /前台/);
  await form.getByTestId('field-password').fill(CLERK.password);
  await form.getByTestId('field-confirm').fill(CLERK.password);
  await form.getByTestId('form-submit').click();
  await expect(form).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await fillSignIn(page, CLERK);
  await expect(page.getByTestId('today-page')).toBeVisible();
  await expect(page.getByTestId('recent-item').first()).toBeVisible();
  await expect(page.getByTestId('dashboard')).toHaveCount(0);
});

test.describe('a new site', () => {
  test.use({ seed: 'manager' });
  test('the dashboard says there is nothing to count yet, without a chart of zeros', async ({ page, app }) => {
    await page.goto(app.url);
    await fillSignIn(page, { username: MANAGER.username, password: MANAGER.password });
    const board = page.getByTestId('dashboard');
    await expect(board.getByTestId('tile-occupancy.byState')).toContainText(/还没有房屋/);
    await expect(board.getByTestId('tile-occupancy.rateTrend').getByTestId('trend-chart')).toHaveCount(0);
    await expect(board.getByTestId('tile-occupancy.rateTrend')).toContainText('无数据');
    await expect(page.getByTestId('today-empty')).toBeVisible();
    await page.mouse.move(800, 28);
    await page.screenshot({ path: 'test-results/screens/zh-CN-dashboard-new-site.png' });
  });
});
