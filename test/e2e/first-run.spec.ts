import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ seed: 'none' });

/** Steps 1 and 2 of the setup wizard: the site and the manager account. */
async function siteAndManager(page: Page, siteName: string) {
  await expect(page.getByTestId('setup-page')).toBeVisible();
  await page.getByTestId('field-siteName').fill(siteName);
  await page.getByTestId('setup-next').click();

  await expect(page.getByTestId('field-username')).toBeVisible();
  await page.getByTestId('field-username').fill('manager1');
  await page.getByTestId('field-displayName').fill('李经理');
  await page.getByTestId('field-password').fill('Secret123');
  await page.getByTestId('field-confirm').fill('Secret124');
  await page.getByTestId('setup-next').click();
  // A mismatched confirmation keeps the wizard on this step with the message under the field.
  await expect(page.getByTestId('error-confirm')).toHaveText('两次输入的密码不一致');
  await page.getByTestId('field-confirm').fill('Secret123');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-submit')).toBeVisible();
}

test('first run: an empty site lands signed in on Today with the empty state', async ({ page, app }) => {
  await page.goto(app.url);
  // An empty site name is refused on step 1.
  await expect(page.getByTestId('setup-page')).toBeVisible();
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('error-siteName')).toHaveText('必填');

  await siteAndManager(page, '幸福里小区');
  await page.getByTestId('setup-empty').click();
  await page.getByTestId('setup-submit').click();

  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('today-page')).toBeVisible();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('site-name')).toHaveText('幸福里小区');
  await expect(page.getByTestId('user-name')).toHaveText('李经理');
  await expect(page.getByTestId('count-units')).toContainText('0');

  // The account works: sign out and back in.
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin-page')).toBeVisible();
  await page.getByTestId('field-username').fill('manager1');
  await page.getByTestId('field-password').fill('Secret123');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('today-empty')).toBeVisible();
});

test('first run: the demo site has about 2,000 units', async ({ page, app }) => {
  await page.goto(app.url);
  await siteAndManager(page, '演示花园');
  await page.getByTestId('setup-demo').click();
  await page.getByTestId('setup-submit').click();

  await expect(page.getByTestId('today-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('today-empty')).toHaveCount(0);
  await expect(page.getByTestId('count-units')).toContainText('2,000');

  await page.getByTestId('nav-units').click();
  await expect(page.getByTestId('units-page')).toBeVisible();
  await expect(page.getByTestId('unit-row')).toHaveCount(50);
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('共 2,000 条');
});
