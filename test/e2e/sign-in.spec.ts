import { expect, MANAGER, test } from './fixtures';
import { fillSignIn } from './helpers';

test('a wrong password shows the translated error and stays on sign-in; the right one opens the app; sign out returns', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('signin-page')).toBeVisible();
  // The site name is shown on the sign-in card.
  await expect(page.getByTestId('signin-page')).toContainText('阳光花园');

  await fillSignIn(page, { username: MANAGER.username, password: 'WrongPass9' });
  await expect(page.getByTestId('signin-error')).toHaveText('用户名或密码不正确。');
  await expect(page.getByTestId('signin-page')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
  // The password box is emptied for the next try, the user name kept.
  await expect(page.getByTestId('field-password')).toHaveValue('');
  await expect(page.getByTestId('field-username')).toHaveValue(MANAGER.username);

  // An unknown user gets the same message (no hint which part was wrong).
  await fillSignIn(page, { username: 'nobody', password: 'WrongPass9' });
  await expect(page.getByTestId('signin-error')).toHaveText('用户名或密码不正确。');

  await fillSignIn(page, MANAGER);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('today-page')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText(MANAGER.displayName);

  // A reload keeps the session.
  await page.reload();
  await expect(page.getByTestId('today-page')).toBeVisible();

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin-page')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
  await expect(page.getByTestId('signin-error')).toHaveCount(0);
  // Signed out for real: a reload stays on sign-in.
  await page.reload();
  await expect(page.getByTestId('signin-page')).toBeVisible();
});

test('the sign-in error is shown in English when the UI is English', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('signin-page')).toBeVisible();
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('signin-submit')).toHaveText('Sign in');
  await fillSignIn(page, { username: MANAGER.username, password: 'WrongPass9' });
  await expect(page.getByTestId('signin-error')).toHaveText('Wrong user name or password.');
});
