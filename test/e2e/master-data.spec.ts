import { expect, test } from './fixtures';
import { chooseOption, createBuilding, goTo, openDropdown, popupSettled, signIn, unitRow } from './helpers';

test('building, unit, person and owner link — field errors first, masked phone, logged reveal', async ({ page, app }) => {
  await signIn(page, app);

  // ---- building ----
  await createBuilding(page, '9', '9号楼');

  // ---- unit: an area with 3 decimals is refused next to the field ----
  await goTo(page, 'units');
  await page.getByTestId('new-unit').click();
  let form = page.getByTestId('unit-form');
  await chooseOption(page, form.getByTestId('field-buildingId'), '9 · 9号楼');
  await form.getByTestId('field-code').fill('9-1-101');
  await form.getByTestId('field-floor').fill('1');
  await form.getByTestId('field-areaM2').fill('85.123');
  await form.getByTestId('form-submit').click();
  await expect(form.getByTestId('error-areaM2')).toHaveText('最多保留两位小数');
  await expect(form.getByTestId('error-code')).toHaveCount(0);
  await form.getByTestId('field-areaM2').fill('85.12');
  await form.getByTestId('form-submit').click();
  await expect(form).toHaveCount(0);
  await expect(unitRow(page, '9-1-101')).toBeVisible();

  // ---- a second unit with the same code: the host's answer shows next to the code ----
  await page.getByTestId('new-unit').click();
  form = page.getByTestId('unit-form');
  await chooseOption(page, form.getByTestId('field-buildingId'), '9 · 9号楼');
  await form.getByTestId('field-code').fill('9-1-101');
  await form.getByTestId('form-submit').click();
  await expect(form.getByTestId('error-code')).toHaveText('该编号已存在');
  await form.getByTestId('form-cancel').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('unit-row')).toHaveCount(1);

  // ---- person: a bad phone is refused next to the field ----
  await goTo(page, 'people');
  await page.getByTestId('new-person').click();
  const personForm = page.getByTestId('person-form');
  await personForm.getByTestId('field-name').fill('张三丰');
  await personForm.getByTestId('field-phone').fill('1381234567');
  await personForm.getByTestId('form-submit').click();
  await expect(personForm.getByTestId('error-phone')).toHaveText('请输入有效的电话号码（11 位手机号或带区号的座机）');
  await personForm.getByTestId('field-phone').fill('138 1234 5678');
  await personForm.getByTestId('form-submit').click();
  await expect(page.getByTestId('person-page')).toBeVisible();
  await expect(page.getByTestId('person-name')).toHaveText('张三丰');
  await expect(page.getByTestId('value-phone')).toHaveText('138****5678');

  // ---- link the person to the unit as owner ----
  await goTo(page, 'units');
  await unitRow(page, '9-1-101').click();
  await expect(page.getByTestId('unit-code')).toHaveText('9-1-101');
  await expect(page.getByTestId('unit-details')).toContainText('85.12 m²');
  await page.getByTestId('link-person').click();
  const linkForm = page.getByTestId('link-form');
  await linkForm.getByTestId('field-personId').click();
  await page.keyboard.type('张三丰');
  const option = openDropdown(page).getByTestId('person-option').filter({ hasText: '张三丰' });
  await expect(option).toHaveCount(1);
  await popupSettled(page);
  await option.click();
  await expect(linkForm.getByTestId('field-relation')).toContainText('业主');
  await linkForm.getByTestId('link-submit').click();
  await expect(page.getByTestId('link-drawer')).toBeHidden();

  const link = page.getByTestId('link-row');
  await expect(link).toHaveCount(1);
  await expect(link).toContainText('业主');
  await expect(link).toContainText('张三丰');
  await expect(link).toContainText('138****5678');
  await expect(link).not.toContainText('13812345678');
  await expect(page.getByTestId('unit-details')).toContainText('张三丰');

  // ---- the person page: reveal shows the full number ----
  await link.getByTestId('link-person-name').click();
  await expect(page.getByTestId('person-name')).toHaveText('张三丰');
  await expect(page.getByTestId('person-link-row')).toContainText('9-1-101');
  await expect(page.getByTestId('value-phone')).toHaveText('138****5678');
  await page.getByTestId('reveal-phone').click();
  await expect(page.getByTestId('value-phone')).toHaveText('13812345678');
  await page.getByTestId('hide-phone').click();
  await expect(page.getByTestId('value-phone')).toHaveText('138****5678');

  // ---- the audit log lists the reveal ----
  await goTo(page, 'audit');
  const reveal = page.locator('[data-testid="audit-row"][data-action="reveal"]');
  await expect(reveal).toHaveCount(1);
  await expect(reveal).toContainText('王经理');
});
