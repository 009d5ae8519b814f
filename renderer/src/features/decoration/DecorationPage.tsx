import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/feedback';

/** Placeholder while the screen is built (issue 10). */
export default function DecorationPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('decorationUi.title')} />;
}
