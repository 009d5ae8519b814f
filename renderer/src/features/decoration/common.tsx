import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addCalendarDays } from '../../../../shared/kernel/deadlines';
import type { DecorationState } from '../../../../shared/workflows/decoration/rules';
import { formatDate, mono, muted, todayIso } from '../../components/format';
import { useQuery } from '../../components/use-query';
import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';
import { invoke } from '../../api';

export { mono, muted };

const STATE_COLORS: Record<DecorationState, string> = {
  draft: 'orange',
  submitted: 'gold',
  approved: 'blue',
  rejected: 'red',
  under_way: 'geekblue',
  inspection: 'purple',
  completed: 'green',
  refunded: 'cyan',
  voided: 'default',
};

export function DecorationStateTag({ state, testId }: { state: DecorationState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'decoration-state-tag'} data-state={state} style={state === 'voided' ? { textDecoration: 'line-through' } : undefined}>
      {t(`decoration.state.${state}`)}
    </Tag>
  );
}

/** How close an approval is to its deadline today: late (past it), near (within the warning days), or fine. */
export function approvalUrgency(due: string | null, warnDays: number, today = todayIso()): 'late' | 'near' | 'ok' | null {
  if (!due) return null;
  const day = due.slice(0, 10);
  if (today > day) return 'late';
  return day <= addCalendarDays(today, warnDays) ? 'near' : 'ok';
}

/** The days before an approval counts as "near its deadline" (settings; 1 until they are read). */
export function useApprovalWarnDays(): number {
  const s = useQuery('settings.get', {});
  return s.data?.decorationApprovalWarnDays ?? 1;
}

/** The approval deadline of a submitted application: red when past, orange when near. */
export function ApprovalDue({ due, estimated, warnDays, testId = 'approval-due' }: { due: string | null; estimated?: boolean; warnDays: number; testId?: string }) {
  const { t } = useTranslation();
  const u = approvalUrgency(due, warnDays);
  if (!due || !u) return <span style={muted}>—</span>;
  const text = formatDate(due.slice(0, 10));
  const tag =
    u === 'late' ? (
      <Tag color="red" icon={<WarningOutlined />} data-testid={testId} data-urgency={u}>
        {t('decorationUi.dueLate', { date: text })}
      </Tag>
    ) : u === 'near' ? (
      <Tag color="orange" icon={<ClockCircleOutlined />} data-testid={testId} data-urgency={u}>
        {t('decorationUi.dueNear', { date: text })}
      </Tag>
    ) : (
      <span data-testid={testId} data-urgency={u}>
        {text}
      </span>
    );
  return estimated ? <Tooltip title={t('decorationUi.dueEstimated')}>{tag}</Tooltip> : tag;
}

/** After a print, the permit again from the host, so the print (a reprint is logged as one) is on its timeline. */
export const afterPrint = (id: string, onDone: (d: DecorationDetail) => void) => () => {
  invoke('decoration.get', { id }).then(onDone, () => undefined);
};
