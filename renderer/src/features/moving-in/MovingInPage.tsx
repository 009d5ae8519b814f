import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Input, Row, Space, Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NOTICE_DEPARTMENTS, type NoticeDepartment } from '../../../../shared/workflows/move-in/rules';
import type { MovingInDetail } from '../../../../shared/workflows/move-in/schema';
import { errorText, invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound, useSavedNotice } from '../../components/feedback';
import { formatDate, formatDateTime, mono, muted } from '../../components/format';
import { useCan } from '../../components/permissions';
import { PrintFormButton } from '../../components/print-form';
import { RecordTimeline, type TimelineReader } from '../../components/record-timeline';
import { useLatest, useQuery } from '../../components/use-query';
import { RecordVoidModal, VoidButton } from '../../components/void-modal';
import { MovingInStateTag } from './MovingInsPage';

/** One department's part of the 入住知会单: received (by whom, when), or who receives it now. */
function ReceiptCard({ d, department, canWrite, onDone }: { d: MovingInDetail; department: NoticeDepartment; canWrite: boolean; onDone: (d: MovingInDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const receipt = d.receipts.find((r) => r.department === department);
  const record = async () => {
    if (busy) return;
    if (!name.trim()) {
      setError(t('v.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await invoke('movingIn.receipt', { id: d.id, department, receivedBy: name.trim() });
      message.success(t('moveinLists.movingIn.page.receiptDone', { department: t(`movein.department.${department}`) }));
      onDone(next);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t(`movein.department.${department}`)} data-testid={`receipt-${department}`} data-received={receipt ? '1' : '0'} style={{ height: '100%', borderColor: receipt ? '#b7eb8f' : '#ffd591' }}>
      {receipt ? (
        <div>
          <Tag color="success" icon={<CheckCircleOutlined />}>
            {t('moveinLists.movingIn.page.received', { name: receipt.receivedBy, time: formatDateTime(receipt.at) })}
          </Tag>
          {receipt.by ? <div style={{ ...muted, fontSize: 12, marginTop: 4 }}>{t('moveinLists.movingIn.page.recordedBy', { name: receipt.by })}</div> : null}
        </div>
      ) : d.state === 'voided' ? (
        <span style={muted}>—</span>
      ) : (
        <div>
          <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginBottom: 8 }}>
            {t('moveinLists.movingIn.page.waiting')}
          </Tag>
          {canWrite ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder={t('moveinLists.movingIn.page.receivedBy')}
                value={name}
                maxLength={30}
                status={error ? 'error' : undefined}
                onChange={(e) => setName(e.target.value)}
                onPressEnter={() => void record()}
                data-testid="receipt-name"
              />
              <Button type="primary" loading={busy} onClick={() => void record()} data-testid="receipt-submit">
                {t('moveinLists.movingIn.page.receive')}
              </Button>
            </Space.Compact>
          ) : null}
          {error ? (
            <div style={{ color: '#cf1322', marginTop: 4 }} data-testid="receipt-error">
              {error}
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}

/** `/moving-in/:id`: one moving-in (RZ), the unit's state it set, the tenancy it made, the notice's three receipts, who did what when. */
export default function MovingInPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery('movingIn.get', { id });
  const [detail, setDetail] = useLatest(query.data);
  const [voiding, setVoiding] = useState(false);
  const canWrite = can('move-in.write');

  useSavedNotice(t('moveinLists.movingIn.saved'));

  if (isNotFound(query.error, true)) return <RecordNotFound title={t('moveinLists.movingIn.notFound')} backText={t('moveinLists.movingIn.backToList')} to="/moving-in" />;
  const d = detail;
  const reader: TimelineReader = {
    label: (a) => t(`moveinLists.movingIn.action.${a}`, { defaultValue: a }),
    detail: (a, data) => {
      if (a === 'receipt') return `${t(`movein.department.${String(data.department)}`)} · ${String(data.by ?? '')}`;
      if (a === 'owner-confirmation') return `${String(data.contact ?? '')} · ${t(`movein.ownerAnswer.${String(data.answer)}`, { defaultValue: String(data.answer ?? '') })}`;
      if (a === 'create') return `${String(data.unit ?? '')} · ${String(data.date ?? '')} → ${t('moveinLists.movingIn.occupancy')}: ${t(`enum.state.${String(data.occupancy)}`, { defaultValue: '' })}`;
      if (a === 'void') return String(data.reason ?? '');
      return '';
    },
    color: (a) => (a === 'receipt' ? 'green' : undefined),
  };
  const next = d
    ? d.state === 'notified'
      ? { type: 'warning' as const, text: t('moveinLists.movingIn.page.next.notified', { count: d.notReceived.length, departments: d.notReceived.map((x) => t(`movein.department.${x}`)).join(t('moveinLists.sep')) }) }
      : d.state === 'received'
        ? { type: 'success' as const, text: t('moveinLists.movingIn.page.next.received') }
        : { type: 'error' as const, text: t('moveinLists.movingIn.page.next.voided', { reason: d.voidReason ?? '—' }) }
    : null;

  return (
    <div data-testid="moving-in-page" data-state={d?.state}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/moving-in">{t('moveinLists.movingIn.title')}</Link> }, { title: d?.number ?? '…' }]} />
      <PageHeader
        title={
          d ? (
            <Space wrap>
              <span style={mono} data-testid="moving-in-number">
                {d.number}
              </span>
              <MovingInStateTag state={d.state} testId="moving-in-state" />
              <Link to={`/units/${d.unitId}`} style={{ fontSize: 16, fontWeight: 500 }} data-testid="moving-in-unit">
                {d.unitCode}
              </Link>
              <span style={{ fontSize: 14, fontWeight: 400 }}>
                <Tag color={d.occupant === 'tenant' ? 'purple' : 'blue'}>{t(`movein.occupant.${d.occupant}`)}</Tag>
                <Link to={`/people/${d.personId}`}>{d.personName}</Link>
              </span>
            </Space>
          ) : (
            ''
          )
        }
        extra={
          d && d.state !== 'voided' ? (
            <>
              <PrintFormButton number={d.number} form="notice" label={t('moveinLists.movingIn.page.printNotice')} onPrinted={query.reload} testId="print-notice" />
              {d.occupant === 'tenant' ? <PrintFormButton number={d.number} form="tenant" label={t('moveinLists.movingIn.page.printTenant')} onPrinted={query.reload} testId="print-tenant" /> : null}
              {can('move-in.void') ? (
                <VoidButton onClick={() => setVoiding(true)} testId="moving-in-void" />
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!d && query.loading ? <Card loading /> : null}
      {d && next ? (
        <>
          <Alert type={next.type} showIcon title={next.text} style={{ marginBottom: 16 }} data-testid="next-step" />
          <Card title={t('moveinLists.movingIn.page.details')} style={{ marginBottom: 16 }} data-testid="moving-in-details">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('moveinLists.unit')}>
                <Link to={`/units/${d.unitId}`}>{d.unitCode}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('moveinLists.movingIn.person')}>
                <span data-testid="moving-in-person">
                  {d.personName} <Tag>{t(`movein.occupant.${d.occupant}`)}</Tag>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('moveinLists.movingIn.date')}>
                <span data-testid="moving-in-date">{formatDate(d.date)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('moveinLists.movingIn.occupancy')}>
                <span data-testid="moving-in-occupancy" data-occupancy={d.occupancy}>
                  {d.priorState ? (
                    <span style={muted}>
                      {t(`enum.state.${d.priorState}`)} →{' '}
                    </span>
                  ) : null}
                  <strong>{t(`enum.state.${d.occupancy}`)}</strong>
                </span>
              </Descriptions.Item>
              {d.occupant === 'tenant' ? (
                <>
                  <Descriptions.Item label={t('moveinLists.movingIn.page.tenancy')}>
                    <span data-testid="moving-in-tenancy">
                      {d.tenancyLinkId ? (d.tenancyEnded ? t('moveinLists.movingIn.page.tenancyEnded', { date: formatDate(d.tenancyEnded) }) : t('moveinLists.movingIn.page.tenancyActive', { date: formatDate(d.date) })) : '—'}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('moveinLists.movingIn.page.lease')}>
                    <span data-testid="moving-in-lease">
                      {formatDate(d.leaseFrom)} ~ {formatDate(d.leaseTo)}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('moveinLists.movingIn.page.pledge')}>
                    {d.pledgeSigned ? <Tag color="success">{t('moveinLists.movingIn.page.pledgeSigned')}</Tag> : <Tag color="error">—</Tag>}
                  </Descriptions.Item>
                  {d.ownerConfirmation ? (
                    <Descriptions.Item label={t('moveinLists.movingIn.page.confirmation')} span={3}>
                      <span data-testid="moving-in-confirmation">
                        {t('moveinLists.movingIn.page.confirmationLine', {
                          name: d.ownerConfirmation.contactName,
                          phone: d.ownerConfirmation.contactPhoneMasked,
                          time: formatDateTime(d.ownerConfirmation.calledAt),
                          answer: t(`movein.ownerAnswer.${d.ownerConfirmation.answer}`),
                        })}
                        {d.ownerConfirmation.note ? ` · ${d.ownerConfirmation.note}` : ''}
                        {d.ownerConfirmation.recordedBy ? <span style={{ ...muted, marginLeft: 8 }}>{t('moveinLists.movingIn.page.recordedBy', { name: d.ownerConfirmation.recordedBy })}</span> : null}
                      </span>
                    </Descriptions.Item>
                  ) : null}
                </>
              ) : null}
              {d.note ? (
                <Descriptions.Item label={t('common.note')} span={3}>
                  {d.note}
                </Descriptions.Item>
              ) : null}
              {d.voidReason ? (
                <Descriptions.Item label={t('common.voidReason')} span={3}>
                  <span data-testid="moving-in-void-reason">{d.voidReason}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>

          <Card title={t('moveinLists.movingIn.page.receipts')} style={{ marginBottom: 16 }} data-testid="receipts">
            <div style={{ ...muted, marginBottom: 12 }}>{t('moveinLists.movingIn.page.receiptsHint')}</div>
            <Row gutter={[12, 12]}>
              {NOTICE_DEPARTMENTS.map((dep) => (
                <Col key={dep} xs={24} md={8}>
                  <ReceiptCard d={d} department={dep} canWrite={canWrite} onDone={setDetail} />
                </Col>
              ))}
            </Row>
          </Card>

          <RecordTimeline entries={d.timeline} reader={reader} />

          <RecordVoidModal
            open={voiding}
            title={t('moveinLists.movingIn.page.voidTitle', { number: d.number })}
            description={t('moveinLists.movingIn.page.voidHint')}
            onClose={() => setVoiding(false)}
            voidRecord={(reason) => invoke('movingIn.void', { id: d.id, reason })}
            onVoided={setDetail}
          />
        </>
      ) : null}
    </div>
  );
}
