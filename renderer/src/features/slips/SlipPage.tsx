import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Steps, Table, Tag } from 'antd';
import { EditOutlined, SendOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { transitionError, type SignMode } from '../../../../shared/workflows/slips/rules';
import type { SlipDetail } from '../../../../shared/workflows/slips/schema';
import { invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound, useNotifyError } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useLatest, useQuery } from '../../components/use-query';
import { ReasonModal, RecordVoidModal, VoidButton } from '../../components/void-modal';
import { NatureTag, SlipStateTag, mono } from './common';
import { CallForm, CallsList, FeesPanel, FrequentAlert, IssuePanel, PrintPanel, SlipTimeline, endReasonText } from './panels';

/** How each signer signed, at a glance: on screen, on paper, the owner's phone recording, not recorded (older slips). */
const SIGN_MODE_COLORS: Record<SignMode | 'unknown', string> = { screen: 'green', paper: 'blue', recording: 'orange', unknown: 'default' };

const FLOW = ['draft', 'awaiting_verification', 'ready_to_issue', 'issued', 'exited'] as const;

/** How far along the normal flow the slip got, from its timeline (for a refused or voided slip). */
function reached(slip: SlipDetail): number {
  let at = 0;
  for (const e of slip.timeline) {
    let d: { state?: string; answer?: string } = {};
    try {
      d = e.detail ? (JSON.parse(e.detail) as typeof d) : {};
    } catch {
      d = {};
    }
    if (e.action === 'submit') at = Math.max(at, d.state === 'ready_to_issue' ? 2 : 1);
    if (e.action === 'call' && d.answer === 'agreed') at = Math.max(at, 2);
    if (e.action === 'issue') at = Math.max(at, 3);
    if (e.action === 'exit') at = 4;
  }
  return at;
}

function SlipSteps({ slip }: { slip: SlipDetail }) {
  const { t } = useTranslation();
  const ended = slip.state === 'refused' || slip.state === 'voided';
  const current = ended ? Math.min(reached(slip) + 1, FLOW.length - 1) : FLOW.indexOf(slip.state as (typeof FLOW)[number]);
  return (
    <Steps
      size="small"
      style={{ marginBottom: 16 }}
      current={current}
      status={ended ? 'error' : slip.state === 'exited' ? 'finish' : 'process'}
      data-testid="slip-steps"
      items={FLOW.map((s, i) => {
        if (ended && i === current) return { title: t(`enum.slipState.${slip.state}`), icon: <CloseCircleOutlined /> };
        const content =
          s === 'awaiting_verification' && !slip.needsVerification && i <= current
            ? t('slip.step.ownerInPerson')
            : s === 'issued' && slip.issuedAt
              ? formatDateTime(slip.issuedAt)
              : s === 'exited' && slip.exitedAt
                ? formatDateTime(slip.exitedAt)
                : undefined;
        return { title: t(`enum.slipState.${s}`), content };
      })}
    />
  );
}

/** What happens next, in one sentence, for the state the slip is in. */
function NextStep({ slip }: { slip: SlipDetail }) {
  const { t } = useTranslation();
  const map: Record<SlipDetail['state'], { type: 'info' | 'warning' | 'success' | 'error'; text: string }> = {
    draft: { type: 'info', text: t('slip.next.draft') },
    awaiting_verification: { type: 'warning', text: t('slip.next.awaiting') },
    ready_to_issue: { type: slip.issueBlockers.length ? 'warning' : 'info', text: slip.issueBlockers.length ? t('slip.next.blocked') : t('slip.next.ready') },
    issued: { type: 'success', text: t('slip.next.issued') },
    exited: { type: 'success', text: t('slip.next.exited', { time: formatDateTime(slip.exitedAt) }) },
    refused: { type: 'error', text: t('slip.next.refused', { reason: endReasonText(t, slip.endReason) || '—' }) },
    voided: { type: 'error', text: t('slip.next.voided', { reason: slip.endReason ?? '—' }) },
  };
  const m = map[slip.state];
  return <Alert type={m.type} showIcon title={m.text} style={{ marginBottom: 16 }} data-testid="next-step" />;
}

export default function SlipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotifyError();
  const query = useQuery('slips.get', { id });
  const [slip, setSlip] = useLatest(query.data);
  const [refusing, setRefusing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const canWrite = can('slips.write');

  useEffect(() => {
    const saved = (location.state as { saved?: string } | null)?.saved;
    if (saved) message.success(saved === 'submitted' ? t('slip.savedSubmitted') : t('slip.savedDraft'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (isNotFound(query.error)) return <RecordNotFound title={t('slip.notFound')} backText={t('slip.backToList')} to="/slips" />;

  const s = slip;
  const submit = async () => {
    if (!s || submitting) return;
    setSubmitting(true);
    try {
      const next = await invoke('slips.submit', { id: s.id });
      setSlip(next);
      message.success(t('slip.savedSubmitted'));
    } catch (e) {
      notify(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div data-testid="slip-page" data-state={s?.state}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/slips">{t('nav.slips')}</Link> }, { title: s?.number ?? '…' }]} />
      <PageHeader
        title={
          s ? (
            <Space wrap>
              <span data-testid="slip-number" style={mono}>
                {s.number}
              </span>
              <SlipStateTag state={s.state} testId="slip-state" />
              <NatureTag nature={s.nature} tenantMoveOut={s.tenantMoveOut} />
              <Link to={`/units/${s.unitId}`} data-testid="slip-unit" style={{ fontSize: 16, fontWeight: 500 }}>
                {s.unitCode}
              </Link>
            </Space>
          ) : (
            ''
          )
        }
        extra={
          s ? (
            <>
              {canWrite && s.state === 'draft' ? (
                <>
                  <Button icon={<EditOutlined />} onClick={() => navigate(`/slips/${s.id}/edit`)} data-testid="slip-edit">
                    {t('common.edit')}
                  </Button>
                  <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={() => void submit()} data-testid="slip-submit">
                    {s.needsVerification ? t('slip.submit') : t('slip.submitOwner')}
                  </Button>
                </>
              ) : null}
              {canWrite && !transitionError('refuse', s.state) ? (
                <Button danger icon={<CloseCircleOutlined />} onClick={() => setRefusing(true)} data-testid="slip-refuse">
                  {t('slip.refuse')}
                </Button>
              ) : null}
              {can('slips.void') && !transitionError('void', s.state) ? (
                <VoidButton onClick={() => setVoiding(true)} testId="slip-void" />
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!s && query.loading ? <Card loading /> : null}
      {s ? (
        <>
          <SlipSteps slip={s} />
          <NextStep slip={s} />
          {s.state === 'ready_to_issue' && s.issueBlockers.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="issue-blockers"
              title={t('slip.blockersTitle')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {s.issueBlockers.map((b) => (
                    <li key={b} data-testid="issue-blocker" data-reason={b}>
                      {t(b, { defaultValue: b })}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {s.frequent && (s.state === 'draft' || s.state === 'awaiting_verification') ? <FrequentAlert frequent={s.frequent} testId="frequent-notice" /> : null}
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Card title={t('slip.details')} style={{ marginBottom: 16 }} data-testid="slip-details">
                <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                  <Descriptions.Item label={t('slip.unit')}>
                    <Link to={`/units/${s.unitId}`}>{s.unitCode}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('slip.nature')}>
                    <NatureTag nature={s.nature} tenantMoveOut={s.tenantMoveOut} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('slip.reason')} span={2}>
                    {s.reason}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('slip.carrierName')}>
                    <span data-testid="slip-carrier">{s.carrierName}</span>
                    {s.carrierPersonId ? (
                      <Link to={`/people/${s.carrierPersonId}`} style={{ marginLeft: 6, fontSize: 12 }}>
                        {t('slip.onFile')}
                      </Link>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('slip.carrierType')}>{t(`enum.carrierType.${s.carrierType}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('slip.carrierPhone')}>
                    <span style={mono}>{s.carrierPhoneMasked ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('person.idNumber')}>
                    {s.carrierIdMasked ? (
                      <span>
                        {s.carrierIdType ? `${t(`enum.idType.${s.carrierIdType}`)} ` : ''}
                        <span style={mono}>{s.carrierIdMasked}</span>
                      </span>
                    ) : (
                      '—'
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('slip.createdAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('slip.verification')}>
                    {s.needsVerification ? t('slip.verifyWith', { contact: t(`enum.verifyContact.${s.proposedContact?.role ?? 'owner'}`) }) : <Tag color="green">{t('slip.ownerInPerson')}</Tag>}
                  </Descriptions.Item>
                  {s.issuedAt ? <Descriptions.Item label={t('slip.issuedAt')}>{formatDateTime(s.issuedAt)}</Descriptions.Item> : null}
                  {s.exitedAt ? (
                    <Descriptions.Item label={t('slip.exitedAt')}>
                      <span data-testid="slip-exited-at">{formatDateTime(s.exitedAt)}</span>
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
                {s.state === 'issued' || s.state === 'exited' ? (
                  <div style={{ marginTop: 8 }} data-testid="slip-signatures">
                    <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('slip.signatures')}{t('slip.colon')}</span>
                    <Space wrap size={4}>
                      {(['clerk', 'carrier', 'owner'] as const).map((k) => (
                        <Tag key={k} color={SIGN_MODE_COLORS[s.signers[k] ?? 'unknown']} data-testid={`slip-signer-${k}`} data-mode={s.signers[k] ?? ''}>
                          {t(`slip.sig.short.${k}`)}{t('slip.colon')}{t(`slip.sig.mode.${s.signers[k] ?? 'unknown'}`)}
                        </Tag>
                      ))}
                      {s.recordingRef ? <span>{t('slip.event.recording', { ref: s.recordingRef })}</span> : null}
                    </Space>
                  </div>
                ) : null}
                {s.endReason ? (
                  <div style={{ marginTop: 8 }}>
                    <span style={{ color: 'rgba(0,0,0,0.45)' }}>{s.state === 'voided' ? t('common.voidReason') : t('slip.refuseReason')}{t('slip.colon')}</span>
                    <span data-testid="slip-end-reason">{endReasonText(t, s.endReason)}</span>
                  </div>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('slip.itemsTitle', { count: s.items.length })} style={{ marginBottom: 16 }} data-testid="slip-items">
                <Table
                  rowKey="line"
                  size="small"
                  pagination={false}
                  dataSource={s.items}
                  onRow={() => ({ 'data-testid': 'slip-item-row' }) as object}
                  columns={[
                    { title: '#', dataIndex: 'line', width: 36 },
                    { title: t('slip.itemName'), dataIndex: 'name' },
                    { title: t('slip.quantity'), dataIndex: 'quantity', width: 80, align: 'right', render: (v: number, i) => `${v} ${i.unitOfCount}` },
                    { title: t('slip.itemRemark'), dataIndex: 'remark', render: (v: string | null) => v ?? '' },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          {s.state === 'awaiting_verification' ? (
            canWrite ? (
              <CallForm slip={s} onDone={setSlip} />
            ) : (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('slip.call.byFrontDesk')} />
            )
          ) : null}
          <CallsList slip={s} />
          {s.nature === 'moving_out' ? <FeesPanel slip={s} onDone={setSlip} /> : null}
          {s.state === 'ready_to_issue' && canWrite ? <IssuePanel slip={s} onDone={setSlip} /> : null}
          {s.state === 'issued' || s.state === 'exited' ? <PrintPanel slip={s} onPrinted={query.reload} /> : null}
          <SlipTimeline slip={s} />

          <ReasonModal
            open={refusing}
            title={t('slip.refuseTitle', { number: s.number })}
            description={t('slip.refuseHint')}
            okText={t('slip.refuse')}
            reasonLabel={t('slip.refuseReason')}
            testId="refuse-confirm"
            onClose={() => setRefusing(false)}
            onConfirm={async (reason) => {
              setSlip(await invoke('slips.refuse', { id: s.id, reason }));
              message.success(t('slip.refusedDone'));
            }}
          />
          <RecordVoidModal
            open={voiding}
            title={t('slip.voidTitle', { number: s.number })}
            description={t('slip.voidHint')}
            onClose={() => setVoiding(false)}
            voidRecord={(reason) => invoke('slips.void', { id: s.id, reason })}
            onVoided={setSlip}
          />
        </>
      ) : null}
    </div>
  );
}
