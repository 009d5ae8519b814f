import { lazy, Suspense, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Progress, Row, Space, Spin, Table } from 'antd';
import { FileExcelOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import { formatFen } from '../../../../shared/kernel/money';
import { SATISFACTION } from '../../../../shared/workflows/callbacks/rules';
import type { CategoryStats, DurationStats, RepairStats } from '../../../../shared/workflows/repairs/schema';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt } from '../../components/format';
import { MIME_TYPES, saveFile } from '../../components/save-file';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';

const CategoryChart = lazy(() => import('./category-chart'));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** This month on the site calendar (Beijing time), as the host counts it. */
const siteMonth = () => localWallClock(new Date()).slice(0, 7);
const shift = (month: string, by: number) => dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');

const tabular: CSSProperties = { fontVariantNumeric: 'tabular-nums' };
const big: CSSProperties = { fontSize: 28, fontWeight: 600, lineHeight: 1.2, ...tabular };
const muted: CSSProperties = { color: 'rgba(0,0,0,0.55)' };

/** Done on time ÷ due in basis points → "66.66%", with integer arithmetic. */
const percent = (bp: number | null) => (bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`);

function Figure({ label, value, sub, testId }: { label: ReactNode; value: ReactNode; sub?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '3px 0' }}>
      <span style={muted}>{label}</span>
      <span style={{ textAlign: 'right', ...tabular }}>
        {value}
        {sub ? <span style={{ ...muted, marginLeft: 6, fontSize: 12 }}>{sub}</span> : null}
      </span>
    </div>
  );
}

function useMinutes() {
  const { t } = useTranslation();
  return (m: number | null) => {
    if (m === null) return '—';
    const minutes = formatInt(m);
    return m >= 120 ? t('repairStats.minutesHours', { minutes, hours: formatInt(Math.round(m / 6) / 10) }) : t('repairStats.minutes', { value: minutes });
  };
}

function TimeCard({ title, d, testId }: { title: string; d: DurationStats; testId: string }) {
  const { t } = useTranslation();
  const minutes = useMinutes();
  return (
    <div data-testid={testId} style={{ marginBottom: 8 }}>
      <div style={{ fontWeight: 500, marginBottom: 2 }}>{title}</div>
      <Figure label={t('repairStats.median')} value={minutes(d.medianMinutes)} testId={`${testId}-median`} />
      <Figure label={t('repairStats.p90')} value={minutes(d.p90Minutes)} testId={`${testId}-p90`} />
      <div style={{ ...muted, fontSize: 12 }}>{t('repairStats.over', { count: formatInt(d.count) })}</div>
    </div>
  );
}

function ExportButton({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const native = useSessionStore((s) => !!s.app?.capabilities?.nativeDialogs);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const file = await invoke('repairs.statsExport', { month, lang: i18n.language === 'en' ? 'en' : 'zh-CN' });
      const r = await saveFile({ fileName: file.fileName, base64: file.base64, type: MIME_TYPES.xlsx }, native);
      if (r.via === 'download') message.success(t('repairStats.downloaded', { file: file.fileName }));
      else if (r.saved) message.success(t('repairStats.saved', { path: r.path ?? file.fileName }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid="export-xlsx">
        {t('repairStats.exportXlsx')}
      </Button>
      {error ? <Alert type="error" showIcon closable={{ onClose: () => setError(null), 'aria-label': t('common.close') }} title={error} style={{ width: '100%' }} data-testid="export-error" /> : null}
    </>
  );
}

function CategoryTable({ rows }: { rows: CategoryStats[] }) {
  const { t } = useTranslation();
  const num = (v: number) => <span style={tabular}>{formatInt(v)}</span>;
  return (
    <Table<CategoryStats>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      data-testid="category-table"
      columns={[
        { title: t('repairStats.category'), dataIndex: 'name' },
        { title: t('repairStats.total'), dataIndex: 'received', align: 'right', render: num },
        { title: t('repairStats.urgent'), dataIndex: 'urgent', align: 'right', render: num },
        { title: t('repairStats.paid'), dataIndex: 'paid', align: 'right', render: num },
        { title: t('repairStats.finished'), dataIndex: 'finished', align: 'right', render: num },
        { title: t('repairStats.billed'), dataIndex: 'billedFen', align: 'right', render: (v: number) => <span style={tabular}>{formatFen(v)}</span> },
      ]}
    />
  );
}

/** Nothing at all happened in the month: no order received, picked up or finished, no callback due or answered. */
const nothingIn = (s: RepairStats) => s.received.total + s.received.voided + s.pickUp.count + s.complete.count + s.callbacks.due + s.callbacks.reached === 0;

/**
 * The monthly repair statistics (`/repairs/stats?month=YYYY-MM`, default this month): what was received by
 * category and urgency, the paid charges, the times to pick up and complete, the callbacks — and the XLSX.
 * Months follow the site calendar (Beijing time), as the host counts them; a month still to come cannot be chosen.
 */
export default function RepairStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = siteMonth();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) && asked <= current ? asked : current;
  const query = useQuery('repairs.stats', { month });
  // While another month loads, the last one stays dimmed, never under the new month's title.
  const stats = query.data && query.data.month === month ? query.data : undefined;
  const go = (m: string) => setParams(new URLSearchParams({ month: m }), { replace: true });
  const monthLabel = t('repairStats.monthLabel', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });

  const bars = useMemo(() => (stats ? stats.byCategory.filter((c) => c.received > 0).map((c) => ({ name: c.name, urgent: c.urgent, normal: c.received - c.urgent })) : []), [stats]);
  const chartLabels = useMemo(() => ({ title: t('repairStats.chartTitle'), urgent: t('repairStats.urgent'), normal: t('repairStats.normal') }), [t]);

  const sub = stats ? (stats.partial ? t('repairStats.partial', { at: formatDateTime(stats.asOf) }) : t('repairStats.asOf', { at: formatDateTime(stats.asOf) })) : undefined;
  return (
    <div data-testid="repair-stats-page" data-month={month}>
      <PageHeader title={`${t('repairStats.title')} · ${monthLabel}`} sub={sub} extra={stats && !nothingIn(stats) ? <ExportButton month={month} /> : null} />
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Button icon={<LeftOutlined />} aria-label={t('repairStats.prevMonth')} title={t('repairStats.prevMonth')} onClick={() => go(shift(month, -1))} data-testid="month-prev" />
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > current}
          onChange={(d) => d && go(d.format('YYYY-MM'))}
          aria-label={t('repairStats.month')}
          style={{ width: 130 }}
          data-testid="month-picker"
          data-page-focus
        />
        <Button icon={<RightOutlined />} aria-label={t('repairStats.nextMonth')} title={t('repairStats.nextMonth')} disabled={shift(month, 1) > current} onClick={() => go(shift(month, 1))} data-testid="month-next" />
      </Space>

      <QueryError error={query.error} onRetry={query.reload} />
      {!stats && query.loading ? <Card loading /> : null}
      {stats && nothingIn(stats) ? (
        <Card>
          <EmptyHint testId="repair-stats-empty" title={t('repairStats.empty', { month: monthLabel })} hint={t('repairStats.emptyHint')} />
        </Card>
      ) : null}
      {stats && !nothingIn(stats) ? (
        <Spin spinning={query.loading} delay={200}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('repairStats.received')} style={{ height: '100%' }} data-testid="card-received">
                <div style={big} data-testid="received-total">{formatInt(stats.received.total)}</div>
                <Figure label={t('repairStats.urgent')} value={formatInt(stats.received.urgent)} testId="received-urgent" />
                <Figure label={t('repairStats.normal')} value={formatInt(stats.received.normal)} />
                <Figure label={t('repairStats.paid')} value={formatInt(stats.received.paid)} testId="received-paid" />
                <Figure label={t('repairStats.free')} value={formatInt(stats.received.free)} />
                {stats.received.voided ? <Figure label={t('repairStats.voided')} value={formatInt(stats.received.voided)} testId="received-voided" /> : null}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('repairStats.chargesTitle')} style={{ height: '100%' }} data-testid="card-charges">
                <div style={big} data-testid="charges-billed">{formatFen(stats.charges.billedFen)}</div>
                <div style={{ ...muted, fontSize: 12, marginBottom: 4 }}>
                  {t('repairStats.billed')} · {t('repairStats.orders', { count: formatInt(stats.charges.orders) })} · {t('repairStats.chargesNote')}
                </div>
                <Figure label={t('repairStats.collected')} value={formatFen(stats.charges.collectedFen)} sub={t('repairStats.orders', { count: formatInt(stats.charges.collected) })} testId="charges-collected" />
                <Figure label={t('repairStats.waived')} value={formatFen(stats.charges.waivedFen)} sub={t('repairStats.orders', { count: formatInt(stats.charges.waived) })} />
                <Figure label={t('repairStats.pending')} value={formatFen(stats.charges.pendingFen)} sub={t('repairStats.orders', { count: formatInt(stats.charges.pending) })} testId="charges-pending" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('repairStats.times')} style={{ height: '100%' }} data-testid="card-times">
                <TimeCard title={t('repairStats.pickUp')} d={stats.pickUp} testId="pick-up" />
                <TimeCard title={t('repairStats.complete')} d={stats.complete} testId="complete" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('repairStats.callbacks')} style={{ height: '100%' }} data-testid="card-callbacks">
                <div style={big} data-testid="callback-rate" title={t('repairStats.rateNote')}>
                  {percent(stats.callbacks.basisPoints)}
                </div>
                <div style={{ ...muted, fontSize: 12, marginBottom: 4 }}>{t('repairStats.rate')}</div>
                <Figure label={t('repairStats.due')} value={formatInt(stats.callbacks.due)} testId="callbacks-due" />
                <Figure label={t('repairStats.onTime')} value={formatInt(stats.callbacks.onTime)} testId="callbacks-on-time" />
                <Figure label={t('repairStats.reopened')} value={formatInt(stats.callbacks.reopened)} testId="callbacks-reopened" />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('repairStats.byCategory')} data-testid="card-categories">
                {bars.length ? (
                  <Suspense fallback={<div style={{ height: 260 }} />}>
                    <CategoryChart bars={bars} labels={chartLabels} />
                  </Suspense>
                ) : null}
                <CategoryTable rows={stats.byCategory} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('repairStats.satisfaction')} data-testid="card-satisfaction">
                <Figure label={t('repairStats.reached')} value={formatInt(stats.callbacks.reached)} testId="callbacks-reached" />
                {SATISFACTION.map((s) => {
                  const n = stats.callbacks.satisfaction[s];
                  const share = stats.callbacks.reached ? Math.round((n * 1000) / stats.callbacks.reached) / 10 : 0;
                  return (
                    <div key={s} data-testid={`satisfaction-${s}`} style={{ marginTop: 6 }}>
                      <Figure label={t(`callback.satisfaction.${s}`)} value={formatInt(n)} sub={stats.callbacks.reached ? `${share}%` : undefined} />
                      <Progress percent={share} showInfo={false} size="small" strokeColor={s === 'unsatisfied' ? '#cf1322' : s === 'neutral' ? '#d48806' : '#389e0d'} aria-label={t(`callback.satisfaction.${s}`)} />
                    </div>
                  );
                })}
              </Card>
            </Col>
          </Row>
        </Spin>
      ) : null}
    </div>
  );
}
