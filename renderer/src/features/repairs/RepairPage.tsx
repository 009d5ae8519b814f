import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Steps, Tag } from 'antd';
import { BellOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notPickedUp, pickupLimitMinutes, transitionError } from '../../../../shared/workflows/repairs/rules';
import type { RepairDetail } from '../../../../shared/workflows/repairs/schema';
import { invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound, useSavedNotice } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useLatest, useQuery } from '../../components/use-query';
import { RecordVoidModal, VoidButton } from '../../components/void-modal';
import { ChargesTable } from './charges';
import { ChargeStateTag, mono, muted, PaidTag, RepairStateTag, UrgentTag, useOverdue, useRepairSettings } from './common';
import { CallbacksCard, ChargePanel, ChaseModal, CompletePanel, DispatchPanel, PickUpPanel, RepairTimeline } from './panels';
import { PrintFormButton } from '../../components/print-form';

const FLOW = ['received', 'dispatched', 'picked_up', 'completed', 'closed'] as const;

function RepairSteps({ repair }: { repair: RepairDetail }) {
  const { t } = useTranslation();
  const voided = repair.state === 'voided';
  // A reopened order is back at dispatch; a voided one stops where it was (the last step it reached).
  const reachedIndex = repair.finishedAt ? 3 : repair.pickedUpAt ? 2 : repair.dispatchedAt ? 1 : 0;
  const current = voided ? Math.min(reachedIndex + 1, FLOW.length - 1) : repair.state === 'reopened' ? 1 : FLOW.indexOf(repair.state as (typeof FLOW)[number]);
  const at: Partial<Record<(typeof FLOW)[number], string | null>> = { received: repair.receivedAt, dispatched: repair.dispatchedAt, picked_up: repair.pickedUpAt, completed: repair.finishedAt };
  return (
    <Steps
      size="small"
      style={{ marginBottom: 16 }}
      current={current}
      status={voided ? 'error' : repair.state === 'closed' ? 'finish' : 'process'}
      data-testid="repair-steps"
      items={FLOW.map((s, i) => {
        if (voided && i === current) return { title: t('repair.state.voided'), icon: <CloseCircleOutlined /> };
        const time = i <= current && repair.state !== 'reopened' ? at[s] : s === 'received' ? at[s] : null;
        return { title: t(`repair.state.${s}`), content: time ? formatDateTime(time) : undefined };
      })}
    />
  );
}

/** What happens next, in one sentence, for the state the order is in. */
function NextStep({ repair }: { repair: RepairDetail }) {
  const { t } = useTranslation();
  const pendingCharge = repair.paid && repair.chargeState === 'pending';
  const map: Record<RepairDetail['state'], { type: 'info' | 'warning' | 'success' | 'error'; text: string }> = {
    received: { type: repair.urgent ? 'warning' : 'info', text: repair.urgent ? t('repairUi.next.receivedUrgent') : t('repairUi.next.received') },
    dispatched: { type: 'info', text: t('repairUi.next.dispatched', { name: repair.notifiedName ?? '—' }) },
    picked_up: { type: 'info', text: t('repairUi.next.pickedUp', { name: repair.technician?.name ?? '—' }) },
    completed: { type: pendingCharge ? 'warning' : 'success', text: pendingCharge ? t('repairUi.next.completedCharge') : t('repairUi.next.completed') },
    closed: { type: 'success', text: t('repairUi.next.closed') },
    reopened: { type: 'warning', text: t('repairUi.next.reopened') },
    voided: { type: 'error', text: t('repairUi.next.voided', { reason: repair.endReason ?? '—' }) },
  };
  const m = map[repair.state];
  return <Alert type={m.type} showIcon title={m.text} style={{ marginBottom: 16 }} data-testid="next-step" />;
}

/** `/repairs/:id`: one repair order, its next step for the desk, the cashier's charge, and who did what when. */
export default function RepairPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery('repairs.get', { id });
  const settings = useRepairSettings();
  const [repair, setRepair] = useLatest(query.data);
  const [voiding, setVoiding] = useState(false);
  const [chasing, setChasing] = useState(false);
  const canWrite = can('repairs.write');

  useSavedNotice(t('repairUi.saved'));

  const r = repair;
  const waiting = !!r && notPickedUp(r.state);
  const overdue = useOverdue(r?.pickupDueAt, waiting, !!r?.overdueForPickup);

  if (isNotFound(query.error, true)) return <RecordNotFound title={t('repairUi.notFound')} backText={t('repairUi.backToList')} to="/repairs" />;

  const limits = settings.settings?.repairPickupMinutes;
  const minutes = r && limits ? pickupLimitMinutes(r.urgent, { urgentMinutes: limits.urgent, normalMinutes: limits.normal }) : 0;

  return (
    <div data-testid="repair-page" data-state={r?.state}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/repairs">{t('nav.repairs')}</Link> }, { title: r?.number ?? '…' }]} />
      <PageHeader
        title={
          r ? (
            <Space wrap>
              <span data-testid="repair-number" style={mono}>
                {r.number}
              </span>
              <RepairStateTag state={r.state} testId="repair-state" />
              <UrgentTag urgent={r.urgent} />
              <PaidTag paid={r.paid} />
              {r.unitId ? (
                <Link to={`/units/${r.unitId}`} data-testid="repair-place" style={{ fontSize: 16, fontWeight: 500 }}>
                  {r.placeName}
                </Link>
              ) : (
                <span data-testid="repair-place" style={{ fontSize: 16, fontWeight: 500 }}>
                  {r.placeName}
                </span>
              )}
            </Space>
          ) : (
            ''
          )
        }
        extra={
          r ? (
            <>
              {canWrite && r.state !== 'voided' ? <PrintFormButton number={r.number} label={t('repairUi.printWorkOrder')} onPrinted={query.reload} testId="print-work-order" /> : null}
              {canWrite && !transitionError('chase', r.state) && !overdue ? (
                <Button icon={<BellOutlined />} onClick={() => setChasing(true)} data-testid="repair-chase-quiet">
                  {t('repairUi.chase.button')}
                </Button>
              ) : null}
              {can('repairs.void') && !transitionError('void', r.state) ? (
                <VoidButton onClick={() => setVoiding(true)} testId="repair-void" />
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!r && query.loading ? <Card loading /> : null}
      {r ? (
        <>
          <RepairSteps repair={r} />
          {overdue ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="pickup-overdue"
              data-chases={r.chaseCount}
              title={t('repair.notPickedUp', { number: r.number, minutes })}
              description={
                <span>
                  {t('repairUi.pickupDueAt', { time: formatDateTime(r.pickupDueAt) })}
                  {r.chaseCount ? ` · ${t('repair.chaseCount', { count: r.chaseCount })}` : ''}
                  {r.lastChasedAt ? ` · ${t('repairUi.lastChased', { time: formatDateTime(r.lastChasedAt) })}` : ''}
                </span>
              }
              action={
                canWrite ? (
                  <Button danger type="primary" icon={<BellOutlined />} onClick={() => setChasing(true)} data-testid="repair-chase">
                    {t('repairUi.chase.button')}
                  </Button>
                ) : undefined
              }
            />
          ) : waiting ? (
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              data-testid="pickup-deadline"
              data-chases={r.chaseCount}
              title={`${t('repairUi.pickupDueAt', { time: formatDateTime(r.pickupDueAt) })}${r.chaseCount ? ` · ${t('repair.chaseCount', { count: r.chaseCount })}` : ''}`}
            />
          ) : null}
          <NextStep repair={r} />
          <Row gutter={16}>
            <Col xs={24} xl={r.paid || r.callbacks.length ? 14 : 24}>
              <Card title={t('repairUi.details')} style={{ marginBottom: 16 }} data-testid="repair-details">
                <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                  <Descriptions.Item label={t('repair.place')}>
                    {r.unitId ? <Link to={`/units/${r.unitId}`}>{r.placeName}</Link> : `${r.placeName}（${t('repair.publicArea')}）`}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.category')}>
                    <span data-testid="repair-category">{settings.categoryName(r.category)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.reporter')}>
                    <span data-testid="repair-reporter">{r.reporterName}</span>
                    {r.reporterPersonId ? (
                      <Link to={`/people/${r.reporterPersonId}`} style={{ marginLeft: 6, fontSize: 12 }}>
                        {t('slip.onFile')}
                      </Link>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.reporterPhone')}>
                    <span style={mono} data-testid="repair-phone">
                      {r.reporterPhoneMasked}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.description')} span={2}>
                    <span data-testid="repair-description" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.description}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.reportedAt')}>{formatDateTime(r.reportedAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('repair.receiver')}>
                    <span>
                      {r.receiverName ?? '—'}
                      <div style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }}>{formatDateTime(r.receivedAt)}</div>
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('repair.appointmentAt')}>{r.appointmentAt ? formatDateTime(r.appointmentAt) : <span style={muted}>{t('repairUi.noAppointment')}</span>}</Descriptions.Item>
                  <Descriptions.Item label={t('repairUi.urgency')}>{r.urgent ? <Tag color="red">{t('repair.urgent')}</Tag> : t('repair.normal')}</Descriptions.Item>
                  <Descriptions.Item label={t('repairUi.chargeKindLabel')}>
                    {r.paid ? (
                      <span>
                        {t('repair.paid')} · <ChargeStateTag state={r.chargeState} />
                        {r.priceTold ? <div style={{ ...muted, fontSize: 12 }}>✓ {t('repair.priceTold')}</div> : null}
                      </span>
                    ) : (
                      t('repair.free')
                    )}
                  </Descriptions.Item>
                  {r.dispatchedAt ? (
                    <Descriptions.Item label={t('repairUi.dispatchedTo')}>
                      <span>
                        <span data-testid="repair-notified">{r.notifiedName}</span>
                        <div style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }}>{formatDateTime(r.dispatchedAt)}</div>
                      </span>
                    </Descriptions.Item>
                  ) : null}
                  {r.chaseCount ? (
                    <Descriptions.Item label={t('repairUi.chases')}>
                      <span data-testid="repair-chases">{t('repair.chaseCount', { count: r.chaseCount })}</span>
                      {r.lastChasedAt ? <div style={{ ...muted, fontSize: 12 }}>{formatDateTime(r.lastChasedAt)}</div> : null}
                    </Descriptions.Item>
                  ) : null}
                  {r.technician ? (
                    <Descriptions.Item label={t('repair.technician')} span={2}>
                      <span>
                        <span data-testid="repair-technician">{r.technician.name}</span>
                        <span style={{ ...muted, marginLeft: 6 }}>{r.technician.trade}</span>
                        {r.technician.phone ? <span style={{ ...mono, ...muted, marginLeft: 6 }}>{r.technician.phone}</span> : null}
                        {r.pickedUpAt ? <div style={{ ...muted, fontSize: 12 }}>{t('repairUi.signedFor', { time: formatDateTime(r.pickedUpAt) })}</div> : null}
                      </span>
                    </Descriptions.Item>
                  ) : null}
                  {r.workDone ? (
                    <Descriptions.Item label={t('repair.workDone')} span={2}>
                      <span data-testid="repair-work-done">{r.workDone}</span>
                    </Descriptions.Item>
                  ) : null}
                  {r.materials ? <Descriptions.Item label={t('repair.materials')}>{r.materials}</Descriptions.Item> : null}
                  {r.finishedAt ? (
                    <Descriptions.Item label={t('repair.finishedAt')}>
                      {formatDateTime(r.finishedAt)}
                      {r.requesterSign ? <span style={{ ...muted, fontSize: 12 }}> · {t(`repairUi.signedHow.${r.requesterSign}`)}</span> : null}
                    </Descriptions.Item>
                  ) : null}
                  {r.leakTestDate ? <Descriptions.Item label={t('repair.leakTestDate')}>{formatDate(r.leakTestDate)}</Descriptions.Item> : null}
                  {r.reopenCount ? <Descriptions.Item label={t('repairUi.reopened')}>{t('repairUi.reopenCount', { count: r.reopenCount })}</Descriptions.Item> : null}
                </Descriptions>
                {r.endReason ? (
                  <div style={{ marginTop: 8 }}>
                    <span style={muted}>
                      {t('common.voidReason')}
                      {t('repairUi.colon')}
                    </span>
                    <span data-testid="repair-end-reason">{r.endReason}</span>
                  </div>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              {r.paid ? (
                <Card title={t('repair.charges')} style={{ marginBottom: 16 }} data-testid="repair-charges" extra={<ChargeStateTag state={r.chargeState} />}>
                  <ChargesTable repair={r} />
                </Card>
              ) : null}
              <CallbacksCard repair={r} />
            </Col>
          </Row>

          {canWrite && !transitionError('dispatch', r.state) ? <DispatchPanel key={`d-${r.state}-${r.reopenCount}`} repair={r} onDone={setRepair} /> : null}
          {canWrite && !transitionError('pickUp', r.state) ? <PickUpPanel repair={r} settings={settings} onDone={setRepair} /> : null}
          {canWrite && !transitionError('complete', r.state) ? <CompletePanel repair={r} settings={settings} onDone={setRepair} /> : null}
          {r.paid && r.state !== 'voided' ? <ChargePanel repair={r} canSettle={can('repairs.fees')} onDone={setRepair} /> : null}
          {!canWrite && waiting ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('repairUi.byFrontDesk')} /> : null}
          <RepairTimeline repair={r} />

          <ChaseModal key={`c-${r.state}-${r.chaseCount}`} repair={r} open={chasing} onClose={() => setChasing(false)} onDone={setRepair} />
          <RecordVoidModal
            open={voiding}
            title={t('repairUi.voidTitle', { number: r.number })}
            description={t('repairUi.voidHint')}
            onClose={() => setVoiding(false)}
            voidRecord={(reason) => invoke('repairs.void', { id: r.id, reason })}
            onVoided={setRepair}
          />
        </>
      ) : null}
    </div>
  );
}
