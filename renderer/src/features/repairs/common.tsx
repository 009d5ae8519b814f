import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, FireOutlined, PayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/kernel/money';
import type { Settings } from '../../../../shared/master/schema';
import type { ChargeState, RepairState } from '../../../../shared/workflows/repairs/rules';
import type { PriceItem, RepairCategory } from '../../../../shared/workflows/repairs/settings';
import { formatDateTime, mono, muted } from '../../components/format';
import { useQuery } from '../../components/use-query';

export { mono, muted };

const STATE_COLORS: Record<RepairState, string> = {
  received: 'orange',
  dispatched: 'blue',
  picked_up: 'geekblue',
  completed: 'green',
  closed: 'cyan',
  reopened: 'magenta',
  voided: 'default',
};

export function RepairStateTag({ state, testId }: { state: RepairState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'repair-state-tag'} data-state={state} style={state === 'voided' ? { textDecoration: 'line-through' } : undefined}>
      {t(`repair.state.${state}`)}
    </Tag>
  );
}

export function UrgentTag({ urgent }: { urgent: boolean }) {
  const { t } = useTranslation();
  if (!urgent) return null;
  return (
    <Tag color="red" icon={<FireOutlined />} data-testid="urgent-tag">
      {t('repair.urgent')}
    </Tag>
  );
}

export function PaidTag({ paid }: { paid: boolean }) {
  const { t } = useTranslation();
  if (!paid) return null;
  return (
    <Tag color="gold" icon={<PayCircleOutlined />} data-testid="paid-tag">
      {t('repairUi.paidShort')}
    </Tag>
  );
}

const CHARGE_COLORS: Record<ChargeState, string> = { none: 'default', pending: 'orange', collected: 'green', waived: 'purple' };

export function ChargeStateTag({ state }: { state: ChargeState }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHARGE_COLORS[state]} data-testid="charge-state" data-state={state}>
      {t(`repair.chargeState.${state}`)}
    </Tag>
  );
}

/** Whether the pick-up deadline has passed now; re-checked every 15 s so a page left open turns overdue on its own. */
export function useOverdue(dueAt: string | null | undefined, waiting: boolean, fromServer: boolean): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!waiting || !dueAt) return;
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [waiting, dueAt]);
  if (!waiting || !dueAt) return false;
  return fromServer || now > Date.parse(dueAt);
}

/** "Not picked up", with the count of chases: the desk must chase engineering. */
export function NotPickedUpTag({ chaseCount, dueAt }: { chaseCount: number; dueAt: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('repairUi.pickupDueAt', { time: formatDateTime(dueAt) })}>
      <Tag color="red" icon={<WarningOutlined />} data-testid="not-picked-up" data-chases={chaseCount}>
        {t('repairUi.notPickedUpShort')}
        {chaseCount > 0 ? ` · ${t('repair.chaseCount', { count: chaseCount })}` : ''}
      </Tag>
    </Tooltip>
  );
}

export function WaitingTag({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  return (
    <span style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }} data-testid="pickup-due">
      <ClockCircleOutlined /> {t('repairUi.pickupBy', { time: dayjs(dueAt).format('HH:mm') })}
    </span>
  );
}

export interface RepairSettingsView {
  settings: Settings | undefined;
  categories: RepairCategory[];
  categoryName: (code: string) => string;
  areas: Settings['publicAreas'];
  priceList: PriceItem[];
  price: (code: string) => PriceItem | undefined;
  technicians: Settings['technicians'];
  loading: boolean;
  error: unknown;
}

/** The repair settings (categories, areas, price list, technicians), read once per page. */
export function useRepairSettings(): RepairSettingsView {
  const q = useQuery('settings.get', {});
  const s = q.data;
  return useMemo(() => {
    const categories = s?.repairCategories ?? [];
    const priceList = s?.repairPriceList ?? [];
    return {
      settings: s,
      categories,
      categoryName: (code: string) => categories.find((c) => c.code === code)?.name ?? code,
      areas: s?.publicAreas ?? [],
      priceList,
      price: (code: string) => priceList.find((p) => p.code === code),
      technicians: s?.technicians ?? [],
      loading: q.loading,
      error: q.error,
    };
  }, [s, q.loading, q.error]);
}

/** Yuan from integer fen, the way every amount is shown: ¥1,234.50 */
export const yuan = (fen: number): string => formatFen(fen);

/** A date-and-time picker whose value is an ISO timestamp with the local offset (or null). */
export function DateTimeInput({
  value,
  onChange,
  onBlur,
  id,
  allowClear = false,
  placeholder,
  disabledFuture = true,
  'data-testid': testId,
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  disabledFuture?: boolean;
  'data-testid'?: string;
}) {
  const d = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      data-testid={testId}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: '100%' }}
      value={d && d.isValid() ? d : null}
      disabledDate={disabledFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined}
      onChange={(v) => onChange(v ? v.second(0).millisecond(0).format() : null)}
      onBlur={onBlur}
    />
  );
}

/** Now, to the minute, as the contract's timestamp. */
export const nowIso = (): string => dayjs().second(0).millisecond(0).format();
