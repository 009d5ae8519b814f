import { useState } from 'react';
import { App, Button, Card, List, Space, Tag } from 'antd';
import { CheckCircleOutlined, CheckOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OccupancyReport, Warning } from '../../../../shared/workflows/occupancy-report/schema';
import { invoke } from '../../api';
import { formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import type { FigureTarget } from './FiguresTable';
import { ReasonDialog } from './ReasonDialog';

/** The sentence of a warning, with "total" said in the UI's language. */
export function warningText(t: (k: string, o?: Record<string, unknown>) => string, w: Warning): string {
  return t(`report.warning.${w.kind}`, { subject: w.subject === 'total' && w.subjectId === 'total' ? t('report.total') : w.subject, count: w.count });
}

/**
 * Where to correct what a warning is about: the unit's page (rented without a tenancy), the units of the
 * building with no history (listed in the drawer, each a link to its page), the building's units (the
 * states do not add up). The report is read again when the clerk comes back.
 */
function Resolve({ w, report, onShowUnits }: { w: Warning; report: OccupancyReport; onShowUnits: (t: FigureTarget) => void }) {
  const { t } = useTranslation();
  const label = (
    <>
      <ToolOutlined /> {t('report.page.resolve')}
    </>
  );
  if (w.kind === 'rentedWithoutTenancy') {
    return (
      <Link to={`/units/${w.subjectId}`} data-testid="warning-resolve">
        {label}
      </Link>
    );
  }
  if (w.kind === 'noHistory') {
    return (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShowUnits({ buildingId: w.subjectId, label: w.subject, figure: 'noHistory', count: w.count })} data-testid="warning-resolve">
        {label}
      </Button>
    );
  }
  if (w.subjectId === 'total' || !report.buildings.some((b) => b.buildingId === w.subjectId)) return null;
  return (
    <Link to={`/units?building=${w.subjectId}`} data-testid="warning-resolve">
      {label}
    </Link>
  );
}

/**
 * The report's consistency warnings. An open one is resolved in the data, or — when it may be — accepted
 * by a supervisor or the manager with a reason; the month is finalised only when none is open.
 */
export function Warnings({ report, editable, onChanged, onShowUnits }: { report: OccupancyReport; editable: boolean; onChanged: () => void; onShowUnits: (t: FigureTarget) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [accepting, setAccepting] = useState<Warning | null>(null);
  const open = report.warnings.filter((w) => !w.accepted).length;

  return (
    <Card
      size="small"
      title={
        <span>
          {open ? <WarningOutlined style={{ color: '#fa8c16' }} /> : <CheckCircleOutlined style={{ color: '#52c41a' }} />} {t('report.page.warnings', { count: report.warnings.length })}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="warnings"
      data-open={open}
    >
      {report.warnings.length === 0 ? (
        <div style={{ color: 'rgba(0,0,0,0.55)' }} data-testid="no-warnings">
          {t('report.page.noWarnings')}
        </div>
      ) : (
        <List
          size="small"
          dataSource={report.warnings}
          renderItem={(w) => (
            <List.Item
              key={`${w.kind}:${w.subjectId}`}
              data-testid="warning"
              data-kind={w.kind}
              data-subject={w.subject}
              data-accepted={String(!!w.accepted)}
              style={{ paddingInline: 0, alignItems: 'flex-start' }}
              actions={
                w.accepted
                  ? undefined
                  : [
                      <Resolve key="resolve" w={w} report={report} onShowUnits={onShowUnits} />,
                      ...(editable && w.acceptable && can('occupancyReport.accept')
                        ? [
                            <Button key="accept" size="small" icon={<CheckOutlined />} onClick={() => setAccepting(w)} data-testid="warning-accept">
                              {t('report.accept')}
                            </Button>,
                          ]
                        : []),
                    ]
              }
            >
              <div>
                <Space size={6} wrap>
                  {w.accepted ? (
                    <Tag color="green" data-testid="warning-accepted">
                      {t('report.page.acceptedTag')}
                    </Tag>
                  ) : !w.acceptable ? (
                    <Tag color="red">{t('report.page.mustResolve')}</Tag>
                  ) : (
                    <Tag color="orange">{t('report.page.open')}</Tag>
                  )}
                  <span data-testid="warning-text">{warningText(t, w)}</span>
                </Space>
                {w.accepted ? (
                  <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12, marginTop: 4 }} data-testid="warning-accepted-by">
                    {t('report.page.acceptedBy', { by: w.accepted.by ?? t('audit.system'), at: formatDateTime(w.accepted.at), reason: w.accepted.reason })}
                  </div>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
      <ReasonDialog
        open={!!accepting}
        title={t('report.page.acceptTitle')}
        description={
          accepting ? (
            <>
              <div style={{ fontWeight: 500, marginBottom: 4 }}>{warningText(t, accepting)}</div>
              {t('report.page.acceptHint')}
            </>
          ) : null
        }
        label={t('report.acceptReason')}
        okText={t('report.accept')}
        testId="accept-submit"
        onClose={() => setAccepting(null)}
        onConfirm={async (reason) => {
          if (!accepting) return;
          await invoke('occupancyReport.accept', { month: report.month, kind: accepting.kind, subjectId: accepting.subjectId, reason });
          message.success(t('report.page.acceptedDone'));
          onChanged();
        }}
      />
    </Card>
  );
}
