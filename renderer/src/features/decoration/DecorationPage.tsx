import { useState } from 'react';
import { Alert, Breadcrumb, Card, Descriptions, Space, Steps, Tag } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { transitionError, type DecorationState } from '../../../../shared/workflows/decoration/rules';
import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';
import { invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound, useSavedNotice } from '../../components/feedback';
import { formatArea, formatDate, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { PrintFormButton } from '../../components/print-form';
import { RevealText } from '../../components/reveal';
import { useLatest, useQuery } from '../../components/use-query';
import { RecordVoidModal, VoidButton } from '../../components/void-modal';
import { ApprovalDue, DecorationStateTag, mono, muted, useApprovalWarnDays } from './common';
import { Completion } from './Completion';
import { DuringWork } from './DuringWork';
import { ApprovalPanel, ChecklistPanel, DecorationTimeline, FeesPanel, GovPanel, PassesPanel, PermitPanel, SubmitPanel } from './panels';

const FLOW = ['draft', 'submitted', 'approved', 'under_way', 'inspection', 'completed', 'refunded'] as const;
const WORK_STATES: readonly DecorationState[] = ['under_way', 'inspection', 'completed', 'refunded'];

function DecorationSteps({ d }: { d: DecorationDetail }) {
  const { t } = useTranslation();
  const ended = d.state === 'voided' || d.state === 'rejected';
  const reached = d.permitIssuedAt ? 3 : d.decidedAt ? 2 : d.submittedAt ? 1 : 0;
  const current = ended ? (d.state === 'rejected' ? 2 : Math.min(reached + 1, FLOW.length - 1)) : FLOW.indexOf(d.state as (typeof FLOW)[number]);
  const at: Partial<Record<(typeof FLOW)[number], string | null>> = { draft: d.createdAt, submitted: d.submittedAt, approved: d.decidedAt, under_way: d.permitIssuedAt, inspection: d.inspectionRequestedAt, completed: d.passedOn };
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      style={{ marginBottom: 16 }}
      current={current}
      status={ended ? 'error' : d.state === 'refunded' ? 'finish' : 'process'}
      data-testid="decoration-steps"
      items={FLOW.map((s, i) => {
        if (ended && i === current) return { title: t(`decoration.state.${d.state}`), icon: <CloseCircleOutlined /> };
        const time = i <= current ? at[s] : null;
        return { title: t(`decoration.state.${s}`), content: time ? formatDate(time) : undefined };
      })}
    />
  );
}

/** What happens next, in one sentence, for the state the permit is in. */
function NextStep({ d }: { d: DecorationDetail }) {
  const { t } = useTranslation();
  const draftText = d.missing.length ? t('decorationUi.next.draftMissing', { count: d.missing.length }) : !d.feesPaid ? t('decorationUi.next.draftUnpaid') : d.govFlags.length && !d.govToldAt ? t('decorationUi.next.draftGov') : t('decorationUi.next.draftReady');
  const map: Record<DecorationState, { type: 'info' | 'warning' | 'success' | 'error'; text: string }> = {
    draft: { type: 'info', text: draftText },
    submitted: { type: 'info', text: t('decorationUi.next.submitted') },
    approved: { type: 'info', text: d.protection ? t('decorationUi.next.approvedProtected') : t('decorationUi.next.approved') },
    rejected: { type: 'error', text: t('decorationUi.next.rejected', { reason: d.rejectReason ?? '—' }) },
    under_way: { type: 'success', text: t('decorationUi.next.underWay', { date: formatDate(d.workTo) }) },
    inspection: { type: 'info', text: t('decorationUi.next.inspection') },
    completed: { type: 'success', text: t('decorationUi.next.completed') },
    refunded: { type: 'success', text: t('decorationUi.next.refunded') },
    voided: { type: 'error', text: t('decorationUi.next.voided', { reason: d.voidReason ?? '—' }) },
  };
  const m = map[d.state];
  return <Alert type={m.type} showIcon title={m.text} style={{ marginBottom: 16 }} data-testid="next-step" />;
}

/** `/decoration/:id`: one application / permit, its steps in the order of procedure 二, and who did what when. */
export default function DecorationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery('decoration.get', { id });
  const warnDays = useApprovalWarnDays();
  const [detail, setDetail] = useLatest(query.data);
  const [voiding, setVoiding] = useState(false);
  const canWrite = can('decoration.write');

  useSavedNotice(t('decorationUi.saved'));

  if (isNotFound(query.error, true)) return <RecordNotFound title={t('decorationUi.notFound')} backText={t('decorationUi.backToList')} to="/decoration" />;

  const d = detail;
  const editable = !!d && canWrite && !transitionError('edit', d.state);
  const c = d?.contractorDetail;

  return (
    <div data-testid="decoration-page" data-state={d?.state}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/decoration">{t('decorationUi.title')}</Link> }, { title: d?.number ?? '…' }]} />
      <PageHeader
        title={
          d ? (
            <Space wrap>
              <span data-testid="decoration-number" style={mono}>
                {d.number}
              </span>
              <DecorationStateTag state={d.state} testId="decoration-state" />
              <Link to={`/units/${d.unitId}`} data-testid="decoration-unit" style={{ fontSize: 16, fontWeight: 500 }}>
                {d.unitCode}
              </Link>
              <span style={{ fontSize: 14, fontWeight: 400, display: 'inline-flex', gap: 6, alignItems: 'center' }} data-testid="header-applicant">
                <span style={muted}>{t('decorationUi.applicant')}</span>
                {d.applicant.name}
                <RevealText masked={d.applicant.phoneMasked} testId="applicant-phone" resetKey={d.id} load={async () => (await invoke('decoration.reveal', { id: d.id, field: 'applicantPhone' })).value} />
              </span>
              {d.state === 'submitted' ? (
                <span style={{ fontSize: 14, fontWeight: 400 }}>
                  <span style={{ ...muted, marginRight: 4 }}>{t('decorationUi.approveBy')}</span>
                  <ApprovalDue due={d.approvalDue} estimated={d.approvalDueEstimated} warnDays={warnDays} />
                </span>
              ) : null}
            </Space>
          ) : (
            ''
          )
        }
        extra={
          d && canWrite && d.state !== 'voided' ? (
            <>
              <PrintFormButton number={d.number} form="application" label={t('decorationUi.printApplication')} onPrinted={query.reload} testId="print-application" />
              {d.permitIssuedAt ? <PrintFormButton number={d.number} form="permit" label={t('decorationUi.printPermit')} onPrinted={query.reload} testId="print-permit" /> : null}
              {can('decoration.void') && !transitionError('void', d.state) ? (
                <VoidButton onClick={() => setVoiding(true)} testId="decoration-void" />
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!d && query.loading ? <Card loading /> : null}
      {d && c ? (
        <>
          <DecorationSteps d={d} />
          <NextStep d={d} />
          <Card title={t('decorationUi.details')} style={{ marginBottom: 16 }} data-testid="decoration-details">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('decorationUi.unit')}>
                <span>
                  <Link to={`/units/${d.unitId}`}>{d.unitCode}</Link>
                  <span style={{ ...muted, marginLeft: 6 }}>
                    {d.buildingName} · {t(`enum.use.${d.use}`)}
                    {d.unitArea !== null ? ` · ${formatArea(d.unitArea)} m²` : ''}
                  </span>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('decorationUi.applicant')}>
                <span>
                  <span data-testid="decoration-applicant">{d.applicant.name}</span>
                  <Tag style={{ marginLeft: 6 }}>{t(`decoration.applicantKind.${d.applicant.kind}`)}</Tag>
                  {d.applicant.personId ? (
                    <Link to={`/people/${d.applicant.personId}`} style={{ fontSize: 12 }}>
                      {t('slip.onFile')}
                    </Link>
                  ) : null}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('decorationUi.contractor')}>
                <span data-testid="decoration-contractor">{c.self ? <Tag color="purple">{t('decorationUi.self')}</Tag> : c.company}</span>
              </Descriptions.Item>
              {!c.self ? (
                <>
                  <Descriptions.Item label={t('decorationUi.managerName')}>
                    <span>
                      {c.managerName ?? '—'}
                      {c.managerPhone ? <span style={{ ...mono, ...muted, marginLeft: 6 }}>{c.managerPhone}</span> : null}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('decorationUi.managerId')}>
                    <RevealText masked={c.managerIdMasked} testId="manager-id" resetKey={d.id} load={async () => (await invoke('decoration.reveal', { id: d.id, field: 'managerId' })).value} />
                  </Descriptions.Item>
                </>
              ) : null}
              <Descriptions.Item label={t('decorationUi.workPeriod')}>
                <span data-testid="decoration-period">
                  {formatDate(d.workFrom)} ~ {formatDate(d.workTo)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('decorationUi.workers')}>{d.workers}</Descriptions.Item>
              <Descriptions.Item label={t('decorationUi.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('decorationUi.description')} span={3}>
                <span data-testid="decoration-description" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.description}
                </span>
              </Descriptions.Item>
            </Descriptions>
            {d.voidReason ? (
              <div style={{ marginTop: 8 }}>
                <span style={muted}>{t('common.voidReason')}: </span>
                <span data-testid="decoration-void-reason">{d.voidReason}</span>
              </div>
            ) : null}
          </Card>

          <ChecklistPanel d={d} editable={editable} onDone={setDetail} />
          <GovPanel d={d} editable={editable} onDone={setDetail} />
          <FeesPanel d={d} canPay={can('decoration.fees')} onDone={setDetail} />
          {editable ? <SubmitPanel d={d} onDone={setDetail} /> : null}
          <ApprovalPanel d={d} canApprove={can('decoration.approve')} warnDays={warnDays} onDone={setDetail} />
          <PermitPanel d={d} canWrite={canWrite} onDone={setDetail} />
          <PassesPanel d={d} canWrite={canWrite} onDone={setDetail} />

          {WORK_STATES.includes(d.state) ? <DuringWork detail={d} onChange={setDetail} /> : null}
          {WORK_STATES.includes(d.state) || d.state === 'rejected' ? <Completion detail={d} onChange={setDetail} /> : null}

          <DecorationTimeline d={d} />

          <RecordVoidModal
            open={voiding}
            title={t('decorationUi.voidTitle', { number: d.number })}
            description={t('decorationUi.voidHint')}
            onClose={() => setVoiding(false)}
            voidRecord={(reason) => invoke('decoration.void', { id: d.id, reason })}
            onVoided={setDetail}
          />
        </>
      ) : null}
    </div>
  );
}
