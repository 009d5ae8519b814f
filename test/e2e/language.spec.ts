import { expect, MANAGER, test } from './fixtures';
import { fillSignIn, goTo, signIn, switchLanguage } from './helpers';

test('switching to English and back changes the labels at once and survives a reload', async ({ page, app }) => {
  await signIn(page, app);
  await expect(page.getByTestId('nav-units')).toHaveText('房屋');
  await goTo(page, 'units');
  await expect(page.getByTestId('page-title')).toHaveText('房屋');
  await expect(page.getByTestId('new-unit')).toHaveText('新增房屋');

  // To English: nav, page title, buttons, the search placeholder and antd's own texts (pagination, empty table).
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('nav-units')).toHaveText('Units');
  await expect(page.getByTestId('nav-people')).toHaveText('People');
  await expect(page.getByTestId('page-title')).toHaveText('Units');
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  await expect(page.getByTestId('global-search')).toHaveAttribute('placeholder', /Ctrl\+K/);
  await expect(page.getByTestId('global-search')).not.toHaveAttribute('placeholder', /房号/);
  await expect(page.getByTestId('app-shell')).not.toContainText('房屋');

  // A manager's choice is the site's setting: it survives a reload and shows on the sign-in page.
  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText('Units');
  await expect(page.getByTestId('nav-today')).toHaveText('Today');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin-submit')).toHaveText('Sign in');
  await fillSignIn(page, MANAGER);
  await expect(page.getByTestId('nav-units')).toHaveText('Units');

  // And back to Chinese, again kept over a reload.
  await switchLanguage(page, 'zh-CN');
  await expect(page.getByTestId('nav-units')).toHaveText('房屋');
  await expect(page.getByTestId('nav-today')).toHaveText('今日');
  await page.reload();
  await expect(page.getByTestId('nav-units')).toHaveText('房屋');
  await expect(page.getByTestId('sign-out')).toHaveText('退出登录');
});
