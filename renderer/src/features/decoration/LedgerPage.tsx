import { useState } from 'react';
import { App, Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined, ReloadOutlined, WalletOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DecorationRow, LedgerView } from '../../../../shared/workflows/decoration/schema';
import { errorText, invoke } from '../../api';
import { PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt } from '../../components/format';
import { MIME_TYPES, saveFile } from '../../components/save-file';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';
import { mono, muted } from './common';
import { yuan } from './decoration-work-common';

const BUCKET_COLORS: Record<LedgerView['byAge'][number]['bucket'], string> = { lt3m: '#389e0d', '3to6m': '#d48806', '6to12m': '#d4380d', gt12m: '#cf1322' };

function RefundTable({ rows, testId, overdue, asOf }: { rows: DecorationRow[]; testId: string; overdue: boolean; asOf: string }) {
  const { t } = useTranslation();
  const days = (d: string | null) => (d ? Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${d}T00:00:00Z`)) / 86_400_000) : 0);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
      dataSource={rows}
      data-testid={testId}
      locale={{ emptyText: overdue ? t('decorationWork.ledgerPage.noneOverdue') : t('decorationWork.ledgerPage.noneDue') }}
      onRow={(r) => ({ 'data-testid': `${testId}-row`, 'data-number': r.number }) as object}
      columns={[
        { title: t('decoration.number'), dataIndex: 'number', width: 150, render: (v: string, r) => <Link to={`/decoration/${r.id}`} style={mono}>{v}</Link> },
        { title: t('decorationWork.ledgerPage.unit'), dataIndex: 'unitCode', width: 110, render: (v: string) => <strong>{v}</strong> },
        { title: t('decorationWork.ledgerPage.applicant'), dataIndex: 'applicantName' },
        { title: t('decorationWork.contractor'), dataIndex: 'contractor', render: (v: string | null) => v ?? <span style={muted}>{t('decorationWork.self')}</span> },
        { title: t('decorationWork.ledgerPage.state'), dataIndex: 'state', width: 110, render: (v: string) => <Tag>{t(`decoration.state.${v}`)}</Tag> },
        {
          title: t('decorationWork.refund.due'),
          dataIndex: 'refundDue',
          width: 190,
          render: (v: string | null) => (
            <span style={{ color: overdue ? '#cf1322' : undefined }}>
              {formatDate(v)}
              {overdue ? ` · ${t('decorationWork.ledgerPage.daysLate', { count: days(v) })}` : ''}
            </span>
          ),
        },
        { title: t('decorationWork.refund.held'), dataIndex: 'depositHeldFen', align: 'right', width: 130, render: (v: number) => <strong style={mono}>{yuan(v)}</strong> },
      ]}
    />
  );
}

/** The manager's view of the deposits: held (total and by age), refunds due this week and overdue, the ledger's totals; XLSX export. */
export default function LedgerPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const native = !!useSessionStore((s) => s.app?.capabilities?.nativeDialogs);
  const q = useQuery('decoration.ledger', {});
  const [exporting, setExporting] = useState(false);
  const v = q.data;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const f = await invoke('decoration.ledgerExport', { lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
      const r = await saveFile({ fileName: f.fileName, base64: f.base64, type: MIME_TYPES.xlsx }, native);
      if (r.via === 'dialog' && r.saved) message.success(t('decorationWork.ledgerPage.saved', { path: r.path ?? f.fileName }));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };

  const stat = (title: string, fen: number, count: number | null, testId: string, color?: string) => (
    <Card size="small" data-testid={testId} data-fen={fen}>
      <Statistic title={title} value={yuan(fen)} styles={{ content: { ...mono, color } }} />
      {count !== null ? <div style={muted}>{t('decorationWork.ledgerPage.permits', { count })}</div> : null}
    </Card>
  );

  return (
    <div data-testid="ledger-page">
      <PageHeader
        title={
          <span>
            <WalletOutlined /> {t('decorationWork.ledgerPage.title')}
          </span>
        }
        sub={v ? t('decorationWork.ledgerPage.asOf', { date: formatDate(v.asOf) }) : undefined}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={q.reload} loading={q.loading} data-testid="ledger-reload">
              {t('decorationWork.ledgerPage.reload')}
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="ledger-export" style={{ marginLeft: 8 }}>
              {t('decorationWork.ledgerPage.export')}
            </Button>
          </>
        }
      />
      <QueryError error={q.error} onRetry={q.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card loading={!v} data-testid="held-total" data-fen={v?.held.fen} data-count={v?.held.count} style={{ height: '100%' }}>
            <Statistic title={t('decorationWork.ledgerPage.held')} value={v ? yuan(v.held.fen) : ''} styles={{ content: { ...mono, fontSize: 32 } }} />
            <div style={muted}>{t('decorationWork.ledgerPage.permits', { count: v?.held.count ?? 0 })}</div>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card loading={!v} title={t('decorationWork.ledgerPage.byAge')} size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {(v?.byAge ?? []).map((b) => (
                <Col key={b.bucket} xs={12} md={6}>
                  <div data-testid="age-bucket" data-bucket={b.bucket} data-fen={b.fen} style={{ borderLeft: `4px solid ${BUCKET_COLORS[b.bucket]}`, paddingLeft: 10 }}>
                    <div style={muted}>{t(`decorationWork.ledgerPage.bucket.${b.bucket}`)}</div>
                    <div style={{ ...mono, fontSize: 18, fontWeight: 600 }}>{yuan(b.fen)}</div>
                    <div style={{ ...muted, fontSize: 12 }}>{t('decorationWork.ledgerPage.permits', { count: b.count })}</div>
                  </div>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      {v ? (
        <>
          <Card
            title={
              <span style={{ color: v.refundsOverdue.length ? '#cf1322' : undefined }}>
                {t('decorationWork.ledgerPage.overdue')} <Tag color={v.refundsOverdue.length ? 'red' : 'default'}>{formatInt(v.refundsOverdue.length)}</Tag>
              </span>
            }
            style={{ marginTop: 16, borderColor: v.refundsOverdue.length ? '#ffa39e' : undefined }}
            data-testid="refunds-overdue-card"
          >
            <RefundTable rows={v.refundsOverdue} testId="refunds-overdue" overdue asOf={v.asOf} />
          </Card>
          <Card
            title={
              <span>
                {t('decorationWork.ledgerPage.due')} <Tag color={v.refundsDue.length ? 'orange' : 'default'}>{formatInt(v.refundsDue.length)}</Tag>
              </span>
            }
            style={{ marginTop: 16 }}
            data-testid="refunds-due-card"
          >
            <RefundTable rows={v.refundsDue} testId="refunds-due" overdue={false} asOf={v.asOf} />
          </Card>
          <Card title={t('decorationWork.ledgerPage.totals')} style={{ marginTop: 16 }} data-testid="ledger-totals">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>{stat(t('decorationWork.ledgerPage.paid'), v.totals.paidFen, null, 'total-paid', '#389e0d')}</Col>
              <Col xs={12} md={6}>{stat(t('decorationWork.ledgerPage.penalties'), v.totals.penaltiesFen, null, 'total-penalties', '#cf1322')}</Col>
              <Col xs={12} md={6}>{stat(t('decorationWork.ledgerPage.utilities'), v.totals.utilitiesFen, null, 'total-utilities', '#d46b08')}</Col>
              <Col xs={12} md={6}>{stat(t('decorationWork.ledgerPage.refunded'), v.totals.refundedFen, null, 'total-refunded', '#1668dc')}</Col>
            </Row>
            <div style={{ ...muted, marginTop: 12 }}>{t('decorationWork.ledgerPage.identity', { held: yuan(v.totals.paidFen - v.totals.penaltiesFen - v.totals.utilitiesFen - v.totals.refundedFen) })}</div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
