import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../components/feedback';
import { switchLanguage } from './session';
import type { UiLanguage } from './i18n';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { i18n, t } = useTranslation();
  const notify = useNotifyError();
  return (
    <Segmented<UiLanguage>
      size={size}
      data-testid="lang-switch"
      aria-label={t('app.language')}
      value={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'}
      options={[
        { label: <span data-testid="lang-zh">中文</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">EN</span>, value: 'en' },
      ]}
      onChange={(v) => void switchLanguage(v, notify)}
    />
  );
}
