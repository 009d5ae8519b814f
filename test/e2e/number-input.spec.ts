import { expect, test } from './fixtures';
import { chooseOption, createBuilding, goTo, signIn, unitRow } from './helpers';

// Number fields as a clerk types them with a Chinese IME: full-width digits are the same number, and a
// value out of range is refused next to the field instead of being changed silently.
test('a unit’s area and floor typed in full-width digits; a negative area is refused, not turned into 0', async ({ page, app }) => {
  await signIn(page, app);
  await createBuilding(page, '7', '7号楼');
  await goTo(page, 'units');
  await page.getByTestId('new-unit').click();
  const form = page.getByTestId('unit-form');
  await chooseOption(page, form.getByTestId('field-buildingId'), '7 · 7号楼');
  await form.getByTestId('field-code').fill('7-1-902');
  await form.getByTestId('field-floor').fill('９');
  await form.getByTestId('field-areaM2').fill('－５');
  await form.getByTestId('form-submit').click();
  await expect(form.getByTestId('error-areaM2')).toBeVisible();
  await expect(form.getByTestId('field-areaM2')).toHaveValue(/-5|－５/);
  await form.getByTestId('field-areaM2').fill('９６．５');
  await form.getByTestId('form-submit').click();
  await expect(form).toHaveCount(0);
  await expect(unitRow(page, '7-1-902')).toBeVisible();
  await expect(unitRow(page, '7-1-902')).toContainText('96.5');
});
