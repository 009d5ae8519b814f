import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Input, Row, Space, Table, Tag, Tooltip } from 'antd';
import {
  AuditOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  CloseCircleOutlined,
  DollarOutlined,
  IdcardOutlined,
  NotificationOutlined,
  SafetyOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatFen } from '../../../../shared/kernel/money';
import { transitionError } from '../../../../shared/workflows/decoration/rules';
import type { TimelineEntry } from '../../../../shared/kernel/records';
import type { DecorationDetail, Pass } from '../../../../shared/workflows/decoration/schema';
import { applyFieldErrors, errorText, invoke } from '../../api';
import { useNotifyError } from '../../components/feedback';
import { DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { formatDate, formatDateTime, todayIso } from '../../components/format';
import { PrintFormButton } from '../../components/print-form';
import { eventData, RecordTimeline } from '../../components/record-timeline';
import { RevealText } from '../../components/reveal';
import { ReasonModal } from '../../components/void-modal';
import { afterPrint, ApprovalDue, mono, muted } from './common';
import { PassFormSchema, ProtectFormSchema, type PassValues, type ProtectValues } from './schemas';

type Done = (d: DecorationDetail) => void;
type Translate = (key: string, options?: Record<string, unknown>) => string;

const cardStyle = (active: boolean) => ({ marginBottom: 16, borderColor: active ? '#91caff' : undefined });
const Title = ({ icon, text, step }: { icon: React.ReactNode; text: string; step?: number }) => (
  <span>
    {icon} {step ? <span style={{ ...muted, fontWeight: 400 }}>{step}. </span> : null}
    {text}
  </span>
);
const DoneLine = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <div style={{ color: '#389e0d' }} data-testid={testId}>
    <CheckCircleOutlined /> {children}
  </div>
);

// ---------------------------------------------------------------- documents and commitments

/**
 * The checklist of the unit use, the contractor and the applicant (procedure 二 steps 2–3): each document
 * ticked when it came in, each commitment when it was signed, with the day (today unless another is picked).
 */
export function ChecklistPanel({ d, editable, onDone }: { d: DecorationDetail; editable: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const notify = useNotifyError();
  const [date, setDate] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const tick = async (kind: 'document' | 'commitment', code: string, done: boolean) => {
    const r = await invoke('decoration.check', { id: d.id, kind, code, done, date: done ? (date ?? todayIso()) : null });
    onDone(r);
    return r;
  };
  const run = (key: string, fn: () => Promise<unknown>) => async () => {
    if (busy) return;
    setBusy(key);
    try {
      await fn();
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  };
  const tickAll = run('all', async () => {
    for (const m of d.missing) await tick(m.kind, m.code, true);
  });

  const missingCount = d.missing.length;
  const label = (c: { kind: string; code: string; done: boolean; required: boolean }) => (
    <span style={c.done ? undefined : { color: c.required ? '#d46b08' : undefined }}>{t(`decoration.${c.kind === 'document' ? 'doc' : 'commitment'}.${c.code}`, { defaultValue: c.code })}</span>
  );
  // Once the application has gone on, the list is history: folded, unless something is missing.
  const folded = !editable && missingCount === 0 && !open;
  const list = (kind: 'document' | 'commitment') => {
    const items = d.checklist.filter((c) => c.kind === kind);
    return (
      <div data-testid={`checklist-${kind}`}>
        <div style={{ fontWeight: 500, marginBottom: 6 }}>{kind === 'document' ? t('decorationUi.documents') : t('decorationUi.commitments')}</div>
        {items.map((c) => {
          const key = `${c.kind}:${c.code}`;
          return (
            <div
              key={key}
              data-testid="check-item"
              data-kind={c.kind}
              data-code={c.code}
              data-done={String(c.done)}
              style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '3px 0', borderBottom: '1px dashed #f0f0f0' }}
            >
              {editable ? (
                <Checkbox checked={c.done} disabled={!!busy} onChange={(e) => void run(key, () => tick(c.kind, c.code, e.target.checked))()} data-testid={`check-${c.code}`}>
                  {label(c)}
                </Checkbox>
              ) : (
                <span>
                  {c.done ? <CheckCircleOutlined style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#d46b08' }} />} {label(c)}
                </span>
              )}
              <span style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }}>
                {c.done ? `${kind === 'document' ? t('decorationUi.receivedOn') : t('decorationUi.signedOn')} ${formatDate(c.date)}${c.by ? ` · ${c.by}` : ''}` : t('decorationUi.missingShort')}
              </span>
            </div>
          );
        })}
      </div>
    );
  };

  return (
    <Card
      title={<Title icon={<CheckSquareOutlined />} step={1} text={t('decorationUi.checklist')} />}
      style={cardStyle(editable && missingCount > 0)}
      data-testid="checklist-panel"
      data-missing={missingCount}
      extra={missingCount ? <Tag color="orange" data-testid="missing-count">{t('decorationUi.missingCount', { count: missingCount })}</Tag> : <Tag color="green" data-testid="missing-count">{t('decorationUi.allIn')}</Tag>}
    >
      {editable ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('decorationUi.tickDate')}</span>
          <div style={{ width: 160 }}>
            <DateInput value={date} onChange={setDate} disabledFuture placeholder={t('decorationUi.today')} data-testid="tick-date" />
          </div>
          {missingCount ? (
            <Button onClick={() => void tickAll()} loading={busy === 'all'} disabled={!!busy && busy !== 'all'} data-testid="tick-all">
              {t('decorationUi.tickAll', { count: missingCount })}
            </Button>
          ) : null}
        </Space>
      ) : null}
      {folded ? (
        <div>
          <span style={{ color: '#389e0d' }}>
            <CheckCircleOutlined /> {t('decorationUi.checklistDone', { count: d.checklist.filter((c) => c.done).length })}
          </span>
          <Button type="link" size="small" onClick={() => setOpen(true)} data-testid="checklist-show">
            {t('decorationUi.showItems')}
          </Button>
        </div>
      ) : (
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            {list('document')}
          </Col>
          <Col xs={24} lg={12}>
            {list('commitment')}
          </Col>
        </Row>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- government approvals

/** Work needing a government approval (fire, structure, gas): the owner is told before the application goes on. */
export function GovPanel({ d, editable, onDone }: { d: DecorationDetail; editable: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [busy, setBusy] = useState(false);
  if (!d.govFlags.length) return null;
  const tell = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onDone(await invoke('decoration.tellGov', { id: d.id }));
      message.success(t('decorationUi.govToldDone'));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Title icon={<NotificationOutlined />} step={2} text={t('decorationUi.gov')} />} style={cardStyle(editable && !d.govToldAt)} data-testid="gov-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        {d.govFlags.map((f) => (
          <Tag key={f} color="volcano" data-testid="gov-flag">
            {t(`decoration.gov.${f}`)}
          </Tag>
        ))}
      </Space>
      <div style={{ ...muted, marginBottom: 8 }}>{t('decorationUi.govHint')}</div>
      {d.govToldAt ? (
        <DoneLine testId="gov-told">{t('decorationUi.govTold', { time: formatDateTime(d.govToldAt), by: d.govToldBy ?? '—' })}</DoneLine>
      ) : editable ? (
        <Button type="primary" icon={<NotificationOutlined />} loading={busy} onClick={() => void tell()} data-testid="gov-tell">
          {t('decorationUi.govTell')}
        </Button>
      ) : (
        <Alert type="warning" showIcon title={t('decorationUi.govNotTold')} />
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- fees

/** The fees of the published schedule for the unit use; the cashier takes them with the receipt number. */
export function FeesPanel({ d, canPay, onDone }: { d: DecorationDetail; canPay: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [receipt, setReceipt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const payable = !d.feesPaid && !transitionError('pay', d.state);

  const pay = async () => {
    if (busy) return;
    if (!receipt.trim()) {
      setError(t('decorationUi.receiptRequired'));
      document.getElementById('fees-receipt')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('decoration.pay', { id: d.id, receipt: receipt.trim() });
      message.success(t('decorationUi.paidDone', { amount: formatFen(r.feesTotalFen) }));
      onDone(r);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<Title icon={<DollarOutlined />} step={3} text={t('decorationUi.fees')} />}
      style={cardStyle(payable && canPay)}
      data-testid="fees-panel"
      extra={d.feesPaid ? <Tag color="green" data-testid="fees-state" data-state="paid">{t('decorationUi.feesPaid')}</Tag> : <Tag color="orange" data-testid="fees-state" data-state="unpaid">{t('decorationUi.feesUnpaid')}</Tag>}
    >
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={d.fees}
        style={{ maxWidth: 640, marginBottom: 12 }}
        onRow={(l) => ({ 'data-testid': 'fee-line', 'data-code': l.code }) as object}
        columns={[
          { title: t('decorationUi.feeItem'), dataIndex: 'code', render: (c: string) => t(`decoration.fee.${c}`) },
          { title: t('decorationUi.feeQuantity'), dataIndex: 'quantity', align: 'right', width: 80 },
          { title: t('decorationUi.feeUnit'), dataIndex: 'unitFen', align: 'right', width: 120, render: (v: number) => formatFen(v) },
          { title: t('decorationUi.feeAmount'), dataIndex: 'amountFen', align: 'right', width: 130, render: (v: number) => <span style={mono}>{formatFen(v)}</span> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>{t('decorationUi.feeTotal')}</strong>
              {!d.feesPaid ? <span style={{ ...muted, marginLeft: 8, fontSize: 12 }}>{t('decorationUi.feeSchedule')}</span> : null}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong style={mono} data-testid="fees-total">
                {formatFen(d.feesTotalFen)}
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {d.feesPaid ? (
        <DoneLine testId="fees-paid">{t('decorationUi.paidInfo', { receipt: d.feesPaid.receipt, time: formatDateTime(d.feesPaid.at), by: d.feesPaid.by ?? '—' })}</DoneLine>
      ) : payable && canPay ? (
        <div style={{ maxWidth: 520 }}>
          <label htmlFor="fees-receipt" style={{ display: 'block', marginBottom: 4 }}>
            <span style={{ color: '#ff4d4f' }}>* </span>
            {t('decorationUi.receipt')}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="fees-receipt"
              data-testid="field-receipt"
              value={receipt}
              maxLength={40}
              status={error ? 'error' : undefined}
              onChange={(e) => {
                setReceipt(e.target.value);
                setError(null);
              }}
              onPressEnter={() => void pay()}
              placeholder={t('decorationUi.receiptPlaceholder')}
            />
            <Button type="primary" icon={<DollarOutlined />} loading={busy} onClick={() => void pay()} data-testid="fees-pay">
              {t('decorationUi.pay', { amount: formatFen(d.feesTotalFen) })}
            </Button>
          </Space.Compact>
          {error ? <div style={{ color: '#ff4d4f', marginTop: 4 }} data-testid="fees-error">{error}</div> : null}
        </div>
      ) : payable ? (
        <Alert type="info" showIcon title={t('decorationUi.forCashier')} data-testid="fees-for-cashier" />
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------- submit

/** To the project manager: what the host will check, and its reason when it refuses. */
export function SubmitPanel({ d, onDone }: { d: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('decoration.submit', { id: d.id });
      message.success(t('decorationUi.submitted'));
      onDone(r);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const checks = [
    { key: 'documents', ok: d.missing.length === 0, text: d.missing.length ? t('decorationUi.checkMissing', { count: d.missing.length }) : t('decorationUi.checkAllIn') },
    { key: 'fees', ok: !!d.feesPaid, text: d.feesPaid ? t('decorationUi.checkPaid') : t('decorationUi.checkUnpaid') },
    ...(d.govFlags.length ? [{ key: 'gov', ok: !!d.govToldAt, text: d.govToldAt ? t('decorationUi.checkTold') : t('decorationUi.checkNotTold') }] : []),
  ];
  const ready = checks.every((c) => c.ok);
  return (
    <Card title={<Title icon={<SendOutlined />} step={4} text={t('decorationUi.submit')} />} style={cardStyle(ready)} data-testid="submit-panel">
      <div style={{ marginBottom: 12 }}>
        {checks.map((c) => (
          <div key={c.key} data-testid={`ready-${c.key}`} data-ok={String(c.ok)} style={{ color: c.ok ? '#389e0d' : '#d46b08' }}>
            {c.ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />} {c.text}
          </div>
        ))}
      </div>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="submit-error" /> : null}
      <Button type={ready ? 'primary' : 'default'} icon={<SendOutlined />} loading={busy} onClick={() => void submit()} data-testid="decoration-submit">
        {t('decorationUi.submitButton')}
      </Button>
    </Card>
  );
}

// ---------------------------------------------------------------- approval

/** The project manager approves within the deadline, or refuses with a reason (the deposit then goes back). */
export function ApprovalPanel({ d, canApprove, warnDays, onDone }: { d: DecorationDetail; canApprove: boolean; warnDays: number; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const waiting = d.state === 'submitted';
  if (!waiting && !d.decidedAt) return null;
  const approve = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onDone(await invoke('decoration.approve', { id: d.id }));
      message.success(t('decorationUi.approved'));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Title icon={<AuditOutlined />} step={5} text={t('decorationUi.approval')} />} style={cardStyle(waiting && canApprove)} data-testid="approval-panel">
      {waiting ? (
        <>
          <div style={{ marginBottom: 12 }}>
            {t('decorationUi.submittedAt', { time: formatDateTime(d.submittedAt) })} · {t('decorationUi.approveBy')} <ApprovalDue due={d.approvalDue} estimated={d.approvalDueEstimated} warnDays={warnDays} testId="panel-approval-due" />
          </div>
          {canApprove ? (
            <Space>
              <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void approve()} data-testid="decoration-approve">
                {t('decorationUi.approve')}
              </Button>
              <Button danger icon={<CloseCircleOutlined />} disabled={busy} onClick={() => setRejecting(true)} data-testid="decoration-reject">
                {t('decorationUi.reject')}
              </Button>
            </Space>
          ) : (
            <Alert type="info" showIcon title={t('decorationUi.forManager')} data-testid="approval-for-manager" />
          )}
        </>
      ) : d.state === 'rejected' || d.rejectReason ? (
        <Alert type="error" showIcon data-testid="decision" data-decision="rejected" title={t('decorationUi.rejectedInfo', { time: formatDateTime(d.decidedAt), by: d.decidedBy ?? '—' })} description={t('decorationUi.reason', { reason: d.rejectReason ?? '—' })} />
      ) : (
        <DoneLine testId="decision">{t('decorationUi.approvedInfo', { time: formatDateTime(d.decidedAt), by: d.decidedBy ?? '—' })}</DoneLine>
      )}
      <ReasonModal
        open={rejecting}
        title={t('decorationUi.rejectTitle', { number: d.number })}
        description={t('decorationUi.rejectHint')}
        okText={t('decorationUi.reject')}
        reasonLabel={t('decorationUi.rejectReason')}
        testId="reject-confirm"
        onClose={() => setRejecting(false)}
        onConfirm={async (reason) => {
          onDone(await invoke('decoration.reject', { id: d.id, reason }));
          message.success(t('decorationUi.rejected'));
        }}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- site protection and the permit

/** Engineering checks the site protection (the clerk records who confirmed), then the permit is issued. */
export function PermitPanel({ d, canWrite, onDone }: { d: DecorationDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<ProtectValues, unknown, z.output<typeof ProtectFormSchema>>({
    resolver: zodResolver(ProtectFormSchema),
    defaultValues: { by: '', note: '' },
  });
  const open = d.state === 'approved';
  if (!open && !d.protection && !d.permitIssuedAt) return null;
  const protect = handleSubmit(async (v) => {
    setError(null);
    try {
      onDone(await invoke('decoration.protect', { id: d.id, by: v.by, note: v.note }));
      message.success(t('decorationUi.protectedDone'));
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['by', 'note'] })) setError(errorText(t, e));
    }
  });
  const issue = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onDone(await invoke('decoration.issuePermit', { id: d.id }));
      message.success(t('decorationUi.issuedDone'));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Title icon={<SafetyOutlined />} step={6} text={t('decorationUi.permit')} />} style={cardStyle(open && canWrite)} data-testid="permit-panel">
      <div style={{ fontWeight: 500, marginBottom: 6 }}>{t('decorationUi.protection')}</div>
      {d.protection ? (
        <DoneLine testId="protection">
          {t('decorationUi.protectionInfo', { by: d.protection.by, time: formatDateTime(d.protection.at) })}
          {d.protection.note ? ` · ${d.protection.note}` : ''}
        </DoneLine>
      ) : open && canWrite ? (
        <FormShell onSubmit={protect} error={error} testId="protect-form" dirty={formState.isDirty}>
          <div style={{ ...muted, marginBottom: 8 }}>{t('decorationUi.protectionHint')}</div>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Field control={control} name="by" label={t('decorationUi.protectionBy')} required max={30} idPrefix="protect">
                {(field, p) => <Input {...field} {...p} placeholder={t('decorationUi.protectionByPlaceholder')} />}
              </Field>
            </Col>
            <Col xs={24} md={14}>
              <Field control={control} name="note" label={t('common.note')} max={200} idPrefix="protect">
                {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
              </Field>
            </Col>
          </Row>
          <FormActions submitting={formState.isSubmitting} submitText={t('decorationUi.protectSubmit')} testId="protect-submit" />
        </FormShell>
      ) : (
        <span style={muted}>{t('decorationUi.protectionWaiting')}</span>
      )}
      <div style={{ fontWeight: 500, margin: '12px 0 6px' }}>{t('decorationUi.permitIssue')}</div>
      {d.permitIssuedAt ? (
        <DoneLine testId="permit-issued">{t('decorationUi.issuedInfo', { time: formatDateTime(d.permitIssuedAt) })}</DoneLine>
      ) : open && canWrite ? (
        <Tooltip title={d.protection ? undefined : t('decoration.error.noProtection')}>
          <Button type="primary" icon={<SafetyOutlined />} disabled={!d.protection} loading={busy} onClick={() => void issue()} data-testid="issue-permit">
            {t('decorationUi.issue')}
          </Button>
        </Tooltip>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------- worker passes

/** 出入证: one per worker, valid within the work period; the ID and phone are shown masked once saved. */
export function PassesPanel({ d, canWrite, onDone }: { d: DecorationDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [revoking, setRevoking] = useState<Pass | null>(null);
  const canAdd = canWrite && !transitionError('pass', d.state);
  if (!canAdd && !d.passes.length) return null;
  const valid = d.passes.filter((p) => !p.revokedAt);
  return (
    <Card
      title={<Title icon={<IdcardOutlined />} step={7} text={t('decorationUi.passes', { count: valid.length })} />}
      style={{ marginBottom: 16 }}
      data-testid="passes-panel"
      extra={valid.length && canWrite ? <PrintFormButton number={d.number} form="passes" label={t('decorationUi.printPasses')} onPrinted={afterPrint(d.id, onDone)} testId="print-passes" size="small" /> : null}
    >
      <Table<Pass>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.passes}
        style={{ marginBottom: canAdd ? 16 : 0 }}
        scroll={{ x: 900 }}
        onRow={(p) => ({ 'data-testid': 'pass-row', 'data-number': p.number, 'data-revoked': String(!!p.revokedAt), style: p.revokedAt ? { opacity: 0.6 } : undefined }) as object}
        locale={{ emptyText: <span style={muted}>{t('decorationUi.noPasses')}</span> }}
        columns={[
          { title: t('decorationUi.passNumber'), dataIndex: 'number', width: 170, render: (v: string) => <span style={{ ...mono, fontWeight: 600, whiteSpace: 'nowrap' }}>{v}</span> },
          { title: t('decorationUi.passName'), dataIndex: 'name', width: 100 },
          {
            title: t('decorationUi.passId'),
            dataIndex: 'idNumberMasked',
            width: 220,
            render: (v: string, p) => <RevealText masked={v} testId={`pass-id-${p.number}`} resetKey={p.id} load={async () => (await invoke('decoration.reveal', { id: d.id, field: 'passIdNumber', passId: p.id })).value} />,
          },
          {
            title: t('decorationUi.passPhone'),
            dataIndex: 'phoneMasked',
            width: 160,
            render: (v: string, p) => <RevealText masked={v} testId={`pass-phone-${p.number}`} resetKey={p.id} load={async () => (await invoke('decoration.reveal', { id: d.id, field: 'passPhone', passId: p.id })).value} />,
          },
          {
            title: t('decorationUi.passValid'),
            key: 'valid',
            width: 200,
            render: (_: unknown, p) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {formatDate(p.validFrom)} ~ {formatDate(p.validTo)}
              </span>
            ),
          },
          {
            title: t('decorationUi.state'),
            key: 'state',
            width: 160,
            render: (_: unknown, p) =>
              p.revokedAt ? (
                <Tooltip title={p.revokeReason}>
                  <Tag color="default" data-testid="pass-state" data-state="revoked">
                    {t('decorationUi.passRevoked')}
                  </Tag>
                </Tooltip>
              ) : (
                <Tag color="green" data-testid="pass-state" data-state="valid">
                  {t('decorationUi.passActive')}
                </Tag>
              ),
          },
          {
            title: '',
            key: 'actions',
            align: 'right',
            render: (_: unknown, p) =>
              !p.revokedAt && canWrite ? (
                <Space size={4}>
                  <PrintFormButton number={d.number} form="passes" item={p.id} label={t('decorationUi.printPass')} onPrinted={afterPrint(d.id, onDone)} testId="print-pass" size="small" />
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => setRevoking(p)} data-testid="revoke-pass">
                    {t('decorationUi.revoke')}
                  </Button>
                </Space>
              ) : p.revokedAt ? (
                <span style={{ ...muted, fontSize: 12 }}>{p.revokeReason}</span>
              ) : null,
          },
        ]}
      />
      {canAdd ? <AddPassForm d={d} onDone={onDone} /> : null}
      <ReasonModal
        open={!!revoking}
        title={t('decorationUi.revokeTitle', { number: revoking?.number ?? '', name: revoking?.name ?? '' })}
        description={t('decorationUi.revokeHint')}
        okText={t('decorationUi.revoke')}
        reasonLabel={t('decorationUi.revokeReason')}
        testId="revoke-confirm"
        onClose={() => setRevoking(null)}
        onConfirm={async (reason) => {
          onDone(await invoke('decoration.revokePass', { passId: revoking!.id, reason }));
          message.success(t('decorationUi.revoked'));
        }}
      />
    </Card>
  );
}

function AddPassForm({ d, onDone }: { d: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();
  const defaults = (): PassValues => ({ name: '', idNumber: '', phone: '', validFrom: d.workFrom > today ? d.workFrom : today, validTo: d.workTo });
  const { control, handleSubmit, setError: setFieldError, formState, reset } = useForm<PassValues, unknown, z.output<typeof PassFormSchema>>({
    resolver: zodResolver(PassFormSchema),
    defaultValues: defaults(),
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const r = await invoke('decoration.addPass', { id: d.id, ...v });
      message.success(t('decorationUi.passAdded', { name: v.name }));
      reset({ ...defaults(), validFrom: v.validFrom, validTo: v.validTo });
      onDone(r);
      // The next worker: straight into the name.
      window.setTimeout(() => document.getElementById('pass-name')?.focus(), 0);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['name', 'idNumber', 'phone', 'validFrom', 'validTo'] })) setError(errorText(t, e));
    }
  });
  return (
    <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
      <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('decorationUi.addPass')}</div>
      <FormShell onSubmit={submit} error={error} testId="pass-form" dirty={formState.isDirty}>
        <Row gutter={12}>
          <Col xs={24} md={4}>
            <Field control={control} name="name" label={t('decorationUi.passName')} required max={30} idPrefix="pass">
              {(field, p) => <Input {...field} {...p} />}
            </Field>
          </Col>
          <Col xs={24} md={6}>
            <Field control={control} name="idNumber" label={t('decorationUi.passId')} required max={30} idPrefix="pass">
              {(field, p) => <Input {...field} {...p} />}
            </Field>
          </Col>
          <Col xs={24} md={5}>
            <Field control={control} name="phone" label={t('decorationUi.passPhone')} required max={30} idPrefix="pass">
              {(field, p) => <Input {...field} {...p} inputMode="tel" />}
            </Field>
          </Col>
          <Col xs={12} md={4}>
            <Field control={control} name="validFrom" label={t('decorationUi.validFrom')} required idPrefix="pass">
              {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} allowClear={false} />}
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field control={control} name="validTo" label={t('decorationUi.validTo')} required idPrefix="pass" extra={t('decorationUi.validToHint', { date: formatDate(d.workTo) })}>
              {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} allowClear={false} />}
            </Field>
          </Col>
        </Row>
        <FormActions submitting={formState.isSubmitting} submitText={t('decorationUi.addPassSubmit')} testId="pass-submit" />
      </FormShell>
    </div>
  );
}

// ---------------------------------------------------------------- timeline

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const EVENT_COLORS: Record<string, string> = { create: 'blue', pay: 'green', submit: 'blue', approve: 'green', reject: 'red', 'issue-permit': 'green', 'revoke-pass': 'orange', violation: 'red', void: 'gray' };

function eventDetail(t: Translate, action: string, d: Record<string, unknown>): string {
  const item = (kind: unknown, code: unknown) => t(`decoration.${kind === 'commitment' ? 'commitment' : 'doc'}.${str(code)}`, { defaultValue: str(code) });
  switch (action) {
    case 'create':
      return [str(d.unit), d.applicant ? t(`decoration.applicantKind.${str(d.applicant)}`) : '', d.self ? t('decorationUi.selfShort') : ''].filter(Boolean).join(' · ');
    case 'item-received':
    case 'item-removed':
      if (Array.isArray(d.items)) return (d.items as Array<Record<string, unknown>>).map((x) => item(x.kind, x.code)).join(t('decorationUi.listSep'));
      return `${item(d.kind, d.code)}${d.date && action === 'item-received' ? ` · ${formatDate(str(d.date))}` : ''}`;
    case 'gov-told':
      return Array.isArray(d.flags) ? d.flags.map((f) => t(`decoration.gov.${str(f)}`)).join(t('decorationUi.listSep')) : '';
    case 'pay':
      return t('decorationUi.event.pay', { amount: formatFen(Number(d.totalFen ?? 0)), receipt: str(d.receipt) });
    case 'submit':
      return d.approvalDue ? t('decorationUi.event.submit', { date: formatDate(str(d.approvalDue).slice(0, 10)) }) : '';
    case 'approve':
      return d.onTime === false ? t('decorationUi.event.late') : '';
    case 'reject':
    case 'void':
      return d.reason ? t('decorationUi.reason', { reason: str(d.reason) }) : '';
    case 'protect':
      return str(d.by);
    case 'add-pass':
      return `${str(d.pass)} · ${str(d.name)} · ${formatDate(str(d.from))} ~ ${formatDate(str(d.to))}`;
    case 'revoke-pass':
      return `${str(d.pass)} · ${t('decorationUi.reason', { reason: str(d.reason) })}`;
    case 'gate-check':
      return `${str(d.pass)} · ${t(`decoration.passAnswer.${str(d.answer)}`, { defaultValue: str(d.answer) })}`;
    case 'print':
    case 'reprint':
      return d.form ? t(`decorationUi.formName.${str(d.form)}`, { defaultValue: str(d.form) }) : '';
    default:
      return '';
  }
}

/**
 * The checklist's ticks of one person one after another read as one step (17 documents ticked at the counter
 * are one visit, not 17 lines): their items in one line, the time of the last.
 */
export function mergeTicks(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let run: { entry: TimelineEntry; items: unknown[] } | null = null;
  for (const e of entries) {
    if (e.action === 'item-received' && run && run.entry.userName === e.userName) {
      run.items.push(eventData(e.detail));
      out[out.length - 1] = { ...run.entry, at: e.at, detail: JSON.stringify({ items: run.items }) };
      continue;
    }
    run = e.action === 'item-received' ? { entry: e, items: [eventData(e.detail)] } : null;
    out.push(e);
  }
  return out;
}

export function DecorationTimeline({ d }: { d: DecorationDetail }) {
  const { t } = useTranslation();
  return (
    <RecordTimeline
      title={t('decorationUi.timeline')}
      entries={mergeTicks(d.timeline)}
      reader={{
        label: (action) => t(`decorationUi.action.${action}`, { defaultValue: action }),
        detail: (action, data) => eventDetail(t, action, data),
        color: (action) => EVENT_COLORS[action],
      }}
    />
  );
}
