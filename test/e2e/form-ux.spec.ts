import type { Locator, Page } from '@playwright/test';
import { expect, test, type RunningApp } from './fixtures';
import { goTo, openDropdown, popupSettled, signIn, tempFile } from './helpers';

/**
 * The shared form kit at work: a submit with a problem out of view scrolls to it, focuses it and says
 * how many need attention; leaving a dirty form asks first; the slip form's draft comes back; Ctrl+Enter
 * submits; Alt+4 opens the gate with focus in its number box.
 */

const UNIT = '7-1-0801';

async function seedUnit(app: RunningApp) {
  const csv = ['楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话', `7,${UNIT},住宅,8,88,自住,周明,13700001111`].join('\r\n');
  await app.offline(() => app.cli('import', tempFile('名单.csv', `${csv}\r\n`)));
}

/** An antd Input / InputNumber by its field test id (the id may sit on the wrapper or the <input>). */
function inputOf(field: Locator): Locator {
  return field.locator('xpath=self::input | .//input').first();
}

async function openNewSlip(page: Page) {
  await page.getByTestId('nav-slips').click();
  await page.getByTestId('new-slip').click();
  await expect(page.getByTestId('slip-form')).toBeVisible();
}

async function pickUnit(page: Page, form: Locator) {
  await form.getByTestId('field-unitId').click();
  await page.keyboard.type(UNIT.slice(0, 5));
  await popupSettled(page);
  await openDropdown(page).getByTestId('unit-option').filter({ hasText: UNIT }).click();
  await expect(openDropdown(page)).toHaveCount(0);
}

test('a submit with a problem out of view scrolls to it, focuses it and says how many fields need attention', async ({ page, app }) => {
  await signIn(page, app);
  await openNewSlip(page);
  const form = page.getByTestId('slip-form');
  // A long slip: the first field (the unit, left empty) is far above the buttons.
  await form.getByTestId('field-reason').fill('搬家');
  await inputOf(form.getByTestId('field-carrier.name')).fill('周明');
  for (let i = 0; i < 8; i++) {
    if (i > 0) await form.getByTestId('slip-add-item').click();
    await inputOf(form.getByTestId(`field-items.${i}.name`)).fill(`纸箱${i + 1}`);
  }
  const save = form.getByTestId('slip-save-draft');
  await save.scrollIntoViewIfNeeded();
  const unit = form.locator('.ant-form-item').filter({ has: page.getByTestId('field-unitId') });
  await expect(unit).not.toBeInViewport();

  await save.click();
  await expect(unit).toHaveClass(/ant-form-item-has-error/);
  await expect(form.getByTestId('error-unitId')).toHaveText('必填');
  await expect(unit).toBeInViewport();
  expect(await unit.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  const problems = page.getByTestId('form-problems');
  await expect(problems).toHaveText('有 1 项需要修改');
  await expect(problems).toHaveAttribute('data-count', '1');

  // Text over a limit is not cut off: the count shows and the field says so at once.
  const long = '很'.repeat(45);
  await inputOf(form.getByTestId('field-items.3.name')).fill(long);
  await expect(inputOf(form.getByTestId('field-items.3.name'))).toHaveValue(long);
  await expect(form.getByTestId('error-items.3.name')).toHaveText('不能超过 40 个字符');
  await save.click();
  await expect(problems).toHaveText('有 2 项需要修改');
});

test('leaving a form with unsaved changes asks first: stay keeps the values, leave leaves', async ({ page, app }) => {
  await signIn(page, app);
  await goTo(page, 'settings');
  const name = inputOf(page.getByTestId('settings-form').getByTestId('field-siteName'));
  await expect(name).toHaveValue('阳光花园');
  await name.fill('阳光花园二期');

  await page.getByTestId('nav-units').click();
  await expect(page.getByTestId('leave-prompt')).toHaveText('此页填写的内容尚未保存，离开后将丢失。');
  await page.getByTestId('leave-cancel').click();
  await expect(page.getByTestId('leave-prompt')).toHaveCount(0);
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await expect(name).toHaveValue('阳光花园二期');

  // Back in the browser is asked about too.
  await page.goBack();
  await expect(page.getByTestId('leave-prompt')).toBeVisible();
  await page.getByTestId('leave-cancel').click();
  await expect(name).toHaveValue('阳光花园二期');

  await page.getByTestId('nav-units').click();
  await page.getByTestId('leave-confirm').click();
  await expect(page.getByTestId('units-page')).toBeVisible();

  // A saved form leaves without a question.
  await goTo(page, 'settings');
  await inputOf(page.getByTestId('settings-form').getByTestId('field-hotline')).fill('0571-88886666');
  await page.getByTestId('settings-submit').click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  await page.getByTestId('nav-units').click();
  await expect(page.getByTestId('units-page')).toBeVisible();
  await expect(page.getByTestId('leave-prompt')).toHaveCount(0);
});

test('the slip form keeps a session draft; Ctrl+Enter saves it and focus goes to submitting it', async ({ page, app }) => {
  await seedUnit(app);
  await signIn(page, app);
  await openNewSlip(page);
  let form = page.getByTestId('slip-form');
  await pickUnit(page, form);
  await form.getByTestId('field-reason').fill('旧家具送亲戚');
  await inputOf(form.getByTestId('field-carrier.name')).fill('周明');
  await inputOf(form.getByTestId('field-items.0.name')).fill('旧沙发');

  await page.getByTestId('nav-today').click();
  await expect(page.getByTestId('leave-prompt')).toContainText('草稿会保留到退出登录');
  await page.getByTestId('leave-confirm').click();
  await expect(page.getByTestId('today-page')).toBeVisible();

  await openNewSlip(page);
  form = page.getByTestId('slip-form');
  await expect(page.getByTestId('draft-restored')).toContainText('已恢复草稿');
  await expect(inputOf(form.getByTestId('field-reason'))).toHaveValue('旧家具送亲戚');
  await expect(inputOf(form.getByTestId('field-items.0.name'))).toHaveValue('旧沙发');
  await expect(form.getByTestId('field-unitId')).toContainText(UNIT);

  // Discarded: the defaults are back, and leaving no longer asks.
  await page.getByTestId('draft-discard').click();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(inputOf(form.getByTestId('field-reason'))).toHaveValue('');
  await page.getByTestId('nav-today').click();
  await expect(page.getByTestId('today-page')).toBeVisible();
  await openNewSlip(page);
  form = page.getByTestId('slip-form');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);

  // Ctrl+Enter from a text box saves the draft; the slip page then has focus on its next step.
  await pickUnit(page, form);
  await form.getByTestId('field-reason').fill('旧家具送亲戚');
  await inputOf(form.getByTestId('field-carrier.name')).fill('周明');
  const item = inputOf(form.getByTestId('field-items.0.name'));
  await item.fill('旧沙发');
  await item.press('Control+Enter');
  await expect(page.getByTestId('slip-page')).toHaveAttribute('data-state', 'draft');
  await expect(page.getByTestId('slip-submit')).toBeFocused();
  // Submitted: the draft is gone.
  await openNewSlip(page);
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});

test('Ctrl+Enter submits a form from its text area; closing it half-filled asks first', async ({ page, app }) => {
  await signIn(page, app);
  await goTo(page, 'buildings');
  await page.getByTestId('new-building').click();
  const drawer = page.getByTestId('building-form');
  await drawer.getByTestId('field-code').fill('12');
  await drawer.getByTestId('field-name').fill('12号楼');
  const note = drawer.getByTestId('field-note');
  await note.fill('东门旁');
  // Esc (or the mask, or ×) on a half-filled drawer asks first.
  await note.press('Escape');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('关闭此表单？');
  await page.getByTestId('leave-cancel').click();
  await expect(drawer.getByTestId('field-name')).toHaveValue('12号楼');
  await note.press('Control+Enter');
  await expect(page.locator('[data-testid="building-row"][data-code="12"]')).toBeVisible();
  await expect(drawer).toHaveCount(0);
});

test('Alt+4 opens the gate with focus in its number box; ? lists the shortcuts', async ({ page, app }) => {
  await signIn(page, app);
  await expect(page.getByTestId('nav-gate')).toHaveAttribute('data-shortcut', 'Alt+4');
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('gate-page')).toBeVisible();
  await expect(page.getByTestId('gate-input')).toBeFocused();

  // From a text box too; the Units list opens with focus in its filter.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('units-page')).toBeVisible();
  await expect(page.getByTestId('filter-code')).toBeFocused();
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('gate-input')).toBeFocused();

  // Out of the text box, ? opens the list. (The gate takes focus back for the next scan once its page has
  // settled, and a busy machine can settle it after the blur: then the ? lands in the box; clear it and again.)
  await expect(async () => {
    await page.getByTestId('gate-input').fill('');
    await page.getByTestId('gate-input').blur();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcut-help')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('shortcut-row-page-gate')).toContainText('Alt+4');
  await expect(page.getByTestId('shortcut-row-submit')).toContainText('Ctrl+Enter');
});
