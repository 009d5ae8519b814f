import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Spin, Switch } from 'antd';
import { CheckCircleOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lastDayOf } from '../../../../shared/workflows/occupancy-report/rules';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { lastMonth, monthParam, nextMonthOf, thisMonth } from './common';
import { FiguresTable, UnitsDrawer, type FigureTarget, type ReportSource } from './FiguresTable';
import { ChangedSinceFinal, ExportButtons, FinaliseDialog, ReportStatus, ReportTimeline, Versions, versionLabel } from './ReportPanels';
import { Warnings } from './Warnings';

/**
 * The monthly occupancy report (月度物业动态信息表, PRODUCT.md §7) of one month: `?month=YYYY-MM`
 * (default: last month), `&draft=1` for the live draft of a finalised month, `&snapshot=<id>` for an
 * earlier version. Every figure opens the units behind it; warnings are resolved or accepted; the
 * manager finalises, and issues a revision when the data changed since.
 */
export default function OccupancyReportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const month = monthParam(params.get('month')) ?? lastMonth();
  const draft = params.get('draft') === '1';
  const snapshotId = (!draft && params.get('snapshot')) || undefined;
  const source: ReportSource = { month, draft, snapshotId };
  const query = useQuery('occupancyReport.get', source);
  const [target, setTarget] = useState<FigureTarget | null>(null);
  const [finalising, setFinalising] = useState(false);

  // While another month (or view) loads, the last one stays on screen dimmed, never under the new title.
  const report = query.data && query.data.month === month ? query.data : undefined;
  const finalised = !!report?.revisions.length;

  const go = (next: { month?: string; draft?: boolean }) => {
    const p = new URLSearchParams();
    p.set('month', next.month ?? month);
    if (next.draft ?? false) p.set('draft', '1');
    setParams(p, { replace: true });
  };

  const current = thisMonth();
  const header = report ? (
    <Space wrap size={8}>
      <span>{t('report.monthTitle', { month })}</span>
      <ReportStatus report={report} />
    </Space>
  ) : (
    t('report.monthTitle', { month })
  );
  const sub = report
    ? report.snapshot
      ? `${t('report.asOf', { date: report.asOf })} · ${t('report.finalisedBy', { name: report.snapshot.finalisedBy ?? t('audit.system'), at: formatDateTime(report.snapshot.finalisedAt) })}${report.snapshot.reason ? ` · ${t('report.page.versionReason', { version: versionLabel(t, report.snapshot), reason: report.snapshot.reason })}` : ''}`
      : t('report.asOf', { date: report.asOf })
    : undefined;

  return (
    <div data-testid="reports-page" data-month={month} data-kind={report?.kind}>
      <PageHeader
        title={header}
        sub={sub}
        extra={
          report ? (
            <>
              <ExportButtons report={report} />
              {can('occupancyReport.finalise') && report.kind === 'draft' && !finalised && report.canFinalise ? (
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setFinalising(true)} data-testid="finalise">
                  {t('report.finalise')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Button icon={<LeftOutlined />} aria-label={t('report.page.prevMonth')} title={t('report.page.prevMonth')} onClick={() => go({ month: dayjs(`${month}-01`).subtract(1, 'month').format('YYYY-MM') })} data-testid="month-prev" />
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > current}
          onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
          aria-label={t('report.page.month')}
          style={{ width: 130 }}
          data-testid="month-picker"
        />
        <Button icon={<RightOutlined />} aria-label={t('report.page.nextMonth')} title={t('report.page.nextMonth')} disabled={nextMonthOf(month) > current} onClick={() => go({ month: nextMonthOf(month) })} data-testid="month-next" />
        {finalised ? (
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, marginLeft: 12 }}>
            <Switch checked={draft} onChange={(v) => go({ draft: v })} data-testid="toggle-draft" />
            {t('report.page.liveDraft')}
          </label>
        ) : null}
      </Space>

      <QueryError error={query.error} onRetry={query.reload} />
      {!report && query.loading ? <Card loading /> : null}
      {report ? (
        <Spin spinning={query.loading} delay={200}>
          {report.kind === 'draft' && finalised ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.page.liveDraftNote', { number: report.revisions[report.revisions.length - 1].number })} data-testid="live-draft-note" />
          ) : null}
          {report.kind === 'draft' && !finalised && !report.canFinalise ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.page.notEnded', { month, date: lastDayOf(month) })} data-testid="not-ended-note" />
          ) : null}
          {report.kind === 'draft' && !finalised && report.canFinalise && can('occupancyReport.finalise') ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.page.readyNote')} data-testid="ready-note" />
          ) : null}
          <ChangedSinceFinal report={report} canRevise={can('occupancyReport.finalise')} onRevised={() => {
              go({});
              query.reload();
            }} />

          {report.buildings.length === 0 ? (
            <Card style={{ marginBottom: 16 }}>
              <EmptyHint
                testId="report-empty"
                title={t('report.page.empty')}
                hint={t('report.page.emptyHint')}
                action={
                  <Space>
                    <Link to="/buildings">{t('nav.buildings')}</Link>
                    {can('import.run') ? <Link to="/import">{t('nav.import')}</Link> : null}
                  </Space>
                }
              />
            </Card>
          ) : (
            <div style={{ marginBottom: 16 }}>
              <FiguresTable report={report} onOpen={setTarget} />
            </div>
          )}

          <Row gutter={16}>
            <Col xs={24} xl={report.revisions.length ? 12 : 24}>
              <Warnings report={report} editable={report.kind === 'draft'} onChanged={query.reload} onShowUnits={setTarget} />
            </Col>
            {report.revisions.length ? (
              <Col xs={24} xl={12}>
                <Versions report={report} shownId={report.snapshot?.id ?? null} />
              </Col>
            ) : null}
          </Row>
          <ReportTimeline report={report} />

          <UnitsDrawer target={target} source={source} onClose={() => setTarget(null)} />
          <FinaliseDialog open={finalising} report={report} onClose={() => setFinalising(false)} onDone={query.reload} />
        </Spin>
      ) : null}
    </div>
  );
}
