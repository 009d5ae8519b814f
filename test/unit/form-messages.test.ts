import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';

/** The form kit's count of fields needing attention reads right in both languages (i18next plural rules, as the renderer sets it up). */
describe('form.invalidCount', () => {
  const make = async (lng: 'zh-CN' | 'en') => {
    const i = i18next.createInstance();
    await i.init({ resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, lng, fallbackLng: 'en', nsSeparator: false, interpolation: { escapeValue: false } });
    return i;
  };

  it('is singular for one field and plural for more in English', async () => {
    const en = await make('en');
    expect(en.t('form.invalidCount', { count: 1 })).toBe('1 field needs attention');
    expect(en.t('form.invalidCount', { count: 3 })).toBe('3 fields need attention');
  });

  it('has one form in Chinese', async () => {
    const zh = await make('zh-CN');
    expect(zh.t('form.invalidCount', { count: 1 })).toBe('有 1 项需要修改');
    expect(zh.t('form.invalidCount', { count: 3 })).toBe('有 3 项需要修改');
  });
});
