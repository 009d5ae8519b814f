import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackState } from '../../../../shared/workflows/callbacks/rules';
import { mono } from '../../components/format';

export { mono };

const STATE_COLORS: Record<CallbackState, string> = { open: 'blue', escalated: 'orange', done: 'green', cancelled: 'default' };

export function CallbackStateTag({ state, testId }: { state: CallbackState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'callback-state-tag'} data-state={state} style={state === 'cancelled' ? { textDecoration: 'line-through' } : undefined}>
      {t(`callback.state.${state}`)}
    </Tag>
  );
}

export function OverdueTag({ testId = 'overdue-tag' }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid={testId}>
      {t('callback.overdue')}
    </Tag>
  );
}
