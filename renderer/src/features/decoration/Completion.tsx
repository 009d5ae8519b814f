import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Descriptions, Input, Radio, Row, Space, Table, Tag } from 'antd';
import { AuditOutlined, CheckCircleOutlined, CloseCircleOutlined, DeleteOutlined, DollarOutlined, PlusOutlined, SafetyCertificateOutlined, WalletOutlined } from '@ant-design/icons';
import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  CloseProblemInputSchema,
  InspectInputSchema,
  InspectionRequestSchema,
  PayOutInputSchema,
  REFUND_CHECKS,
  RefundInputSchema,
  type DecorationDetail,
} from '../../../../shared/workflows/decoration/schema';
import { encodeMessage } from '../../../../shared/kernel/messages';
import { invoke } from '../../api';
import { Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { formatDate, formatDateTime, todayIso } from '../../components/format';
import { MoneyInput } from '../../components/money-input';
import { useCan } from '../../components/permissions';
import { PrintFormButton } from '../../components/print-form';
import { afterPrint, mono, muted } from './common';
import { failWith, LedgerTable, WhoWhen, WorkCard, yuan, type Done } from './decoration-work-common';

// ---------------------------------------------------------------- the inspection

/** Offices must show the fire acceptance receipt (消防验收回执) before asking for the inspection. */
const requestSchema = (office: boolean) =>
  InspectionRequestSchema.superRefine((v, ctx) => {
    if (office && !v.fireReceipt) ctx.addIssue({ code: 'custom', path: ['fireReceipt'], message: 'decoration.v.fireReceipt' });
  });
type RequestValues = z.input<typeof InspectionRequestSchema>;

function RequestInspectionForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const office = detail.use === 'office';
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<RequestValues, unknown, z.output<typeof InspectionRequestSchema>>({
    resolver: zodResolver(requestSchema(office)),
    defaultValues: { id: detail.id, fireReceipt: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.requestInspection', v);
      message.success(t('decorationWork.inspection.requested'));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['fireReceipt'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="request-inspection-form" dirty={formState.isDirty}>
      <div style={{ ...muted, marginBottom: 12 }}>{office ? t('decorationWork.inspection.requestHintOffice') : t('decorationWork.inspection.requestHint')}</div>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Field control={control} name="fireReceipt" label={t('decorationWork.inspection.fireReceipt')} required={office} max={40} idPrefix="request">
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={office ? t('decorationWork.inspection.fireReceiptPlaceholder') : t('decorationWork.inspection.fireReceiptOptional')} />}
          </Field>
        </Col>
      </Row>
      <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.inspection.request')} testId="request-inspection-submit" />
    </FormShell>
  );
}

type InspectValues = z.input<typeof InspectInputSchema>;

function ProblemRows({ control, problems, onChange }: { control: Control<InspectValues>; problems: string[]; onChange: (p: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 12 }} data-testid="inspect-problems">
      <div style={{ marginBottom: 4 }}>{t('decorationWork.inspection.problemsFound')}</div>
      {problems.map((_, i) => (
        <Row key={i} gutter={8} wrap={false} align="top">
          <Col flex="auto">
            <Field control={control} name={`problems.${i}`} max={200} idPrefix="inspect">
              {(field, p) => <Input {...field} {...p} aria-label={`${t('decorationWork.inspection.problem')} ${i + 1}`} placeholder={t('decorationWork.inspection.problemPlaceholder')} />}
            </Field>
          </Col>
          <Col flex="32px">
            <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(problems.filter((__, j) => j !== i))} aria-label={t('decorationWork.inspection.removeProblem')} data-testid={`problem-remove-${i}`} />
          </Col>
        </Row>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...problems, ''])} data-testid="problem-add">
        {t('decorationWork.inspection.addProblem')}
      </Button>
      <span style={{ ...muted, marginLeft: 12 }}>{problems.length ? t('decorationWork.inspection.willFail') : t('decorationWork.inspection.noneFound')}</span>
    </div>
  );
}

function InspectForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const last = detail.inspections[detail.inspections.length - 1];
  const { control, handleSubmit, setError: setFieldError, formState, watch, setValue } = useForm<InspectValues, unknown, z.output<typeof InspectInputSchema>>({
    resolver: zodResolver(InspectInputSchema),
    defaultValues: { id: detail.id, engineeringBy: last?.engineeringBy ?? '', securityBy: last?.securityBy ?? '', problems: [] },
  });
  const problems = watch('problems') ?? [];
  const stillOpen = detail.problems.filter((p) => !p.closedAt).length;
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.inspect', v);
      if (d.state === 'completed') message.success(t('decorationWork.inspection.passedDone'));
      else message.warning(t('decorationWork.inspection.failedDone', { count: d.problems.filter((p) => !p.closedAt).length }));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['engineeringBy', 'securityBy', ...problems.map((_, i) => `problems.${i}`)], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="inspect-form" dirty={formState.isDirty}>
      {stillOpen ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('decorationWork.inspection.openProblems', { count: stillOpen })} data-testid="open-problems" /> : null}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field control={control} name="engineeringBy" label={t('decorationWork.inspection.engineeringBy')} required max={30} idPrefix="inspect">
            {(field, p) => <Input {...field} {...p} />}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field control={control} name="securityBy" label={t('decorationWork.inspection.securityBy')} required max={30} idPrefix="inspect">
            {(field, p) => <Input {...field} {...p} />}
          </Field>
        </Col>
      </Row>
      <ProblemRows control={control} problems={problems} onChange={(p) => setValue('problems', p, { shouldDirty: true })} />
      <FormActions
        submitting={formState.isSubmitting}
        danger={problems.length > 0 || stillOpen > 0}
        submitText={problems.length || stillOpen ? t('decorationWork.inspection.recordFailed') : t('decorationWork.inspection.recordPassed')}
        testId="inspect-submit"
      />
    </FormShell>
  );
}

function CloseProblemForm({ problemId, onDone }: { problemId: string; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<z.input<typeof CloseProblemInputSchema>, unknown, z.output<typeof CloseProblemInputSchema>>({
    resolver: zodResolver(CloseProblemInputSchema),
    defaultValues: { problemId, note: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.closeProblem', v);
      message.success(t('decorationWork.inspection.problemClosed'));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['note'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="close-problem-form">
      <Space.Compact style={{ width: '100%' }}>
        <Field control={control} name="note" max={200} idPrefix={`close-${problemId}`}>
          {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={t('decorationWork.inspection.closeNote')} style={{ minWidth: 260 }} />}
        </Field>
        <Button htmlType="submit" icon={<CheckCircleOutlined />} loading={formState.isSubmitting} data-testid="close-problem-submit">
          {t('decorationWork.inspection.closeProblem')}
        </Button>
      </Space.Compact>
    </FormShell>
  );
}

function Inspection({ detail, onDone, canWrite }: { detail: DecorationDetail; onDone: Done; canWrite: boolean }) {
  const { t } = useTranslation();
  const passed = detail.inspections.find((i) => i.passed);
  return (
    <WorkCard
      icon={<AuditOutlined />}
      title={t('decorationWork.inspection.title')}
      testId="inspection-card"
      accent={detail.state === 'inspection' ? '#91caff' : undefined}
      extra={detail.inspections.length ? <PrintFormButton number={detail.number} form="inspection" label={t('decorationWork.inspection.print')} onPrinted={afterPrint(detail.id, onDone)} size="small" testId="print-inspection" /> : null}
    >
      {passed ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="inspection-passed"
          title={t('decorationWork.inspection.passedOn', { date: formatDate(detail.passedOn) })}
          description={detail.refundDue ? t('decorationWork.inspection.refundDueOn', { date: formatDate(detail.refundDue) }) : undefined}
        />
      ) : null}
      {detail.inspectionRequestedAt ? (
        <div style={{ marginBottom: 12 }}>
          {t('decorationWork.inspection.requestedAt', { at: formatDateTime(detail.inspectionRequestedAt) })}
          {detail.fireReceipt ? <span style={{ marginLeft: 12 }}>{t('decorationWork.inspection.fireReceiptShown', { receipt: detail.fireReceipt })}</span> : null}
        </div>
      ) : null}
      {detail.state === 'under_way' && canWrite ? <RequestInspectionForm detail={detail} onDone={onDone} /> : null}
      {detail.inspections.length ? (
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          style={{ marginBottom: 12 }}
          dataSource={detail.inspections}
          onRow={(i) => ({ 'data-testid': 'inspection-row', 'data-passed': i.passed }) as object}
          columns={[
            { title: '#', dataIndex: 'seq', width: 40 },
            { title: t('decorationWork.inspection.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            { title: t('decorationWork.inspection.engineeringBy'), dataIndex: 'engineeringBy' },
            { title: t('decorationWork.inspection.securityBy'), dataIndex: 'securityBy' },
            {
              title: t('decorationWork.inspection.result'),
              dataIndex: 'passed',
              width: 110,
              render: (v: boolean) => (v ? <Tag color="green" icon={<CheckCircleOutlined />}>{t('decorationWork.inspection.pass')}</Tag> : <Tag color="red" icon={<CloseCircleOutlined />}>{t('decorationWork.inspection.fail')}</Tag>),
            },
          ]}
        />
      ) : null}
      {detail.problems.length ? (
        <div style={{ marginBottom: 12 }} data-testid="problems">
          <div style={{ fontWeight: 500, marginBottom: 6 }}>{t('decorationWork.inspection.problems')}</div>
          {detail.problems.map((p) => (
            <div key={p.id} data-testid="problem" data-closed={!!p.closedAt} style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
              {p.closedAt ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />}
              <span style={{ flex: '1 1 240px', textDecoration: p.closedAt ? 'line-through' : undefined, color: p.closedAt ? 'rgba(0,0,0,0.45)' : undefined }}>{p.description}</span>
              {p.closedAt ? (
                <span style={muted}>
                  {p.closedNote ?? ''} <WhoWhen at={p.closedAt} />
                </span>
              ) : canWrite ? (
                <CloseProblemForm problemId={p.id} onDone={onDone} />
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {detail.state === 'inspection' && canWrite ? (
        <div style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 12 }}>
          <div style={{ fontWeight: 500, marginBottom: 8 }}>{detail.inspections.length ? t('decorationWork.inspection.again') : t('decorationWork.inspection.record')}</div>
          <InspectForm detail={detail} onDone={onDone} />
        </div>
      ) : null}
    </WorkCard>
  );
}

// ---------------------------------------------------------------- the refund

type RefundValues = z.input<typeof RefundInputSchema>;

/** The refund form as the desk fills it: the host's rules checked on the spot, with the same messages. */
const refundSchema = (o: { self: boolean; balanceFen: number }) =>
  RefundInputSchema.superRefine((v, ctx) => {
    if (v.requestedBy === 'contractor' && !v.ownerConsent) ctx.addIssue({ code: 'custom', path: ['ownerConsent'], message: 'decoration.v.ownerConsent' });
    if (!v.signedByOwner) ctx.addIssue({ code: 'custom', path: ['signedByOwner'], message: 'decoration.v.signed' });
    if (!v.signedByManager) ctx.addIssue({ code: 'custom', path: ['signedByManager'], message: 'decoration.v.signed' });
    if (!o.self && !v.signedByContractor) ctx.addIssue({ code: 'custom', path: ['signedByContractor'], message: 'decoration.v.signed' });
    if (v.utilitiesFen > o.balanceFen) ctx.addIssue({ code: 'custom', path: ['utilitiesFen'], message: encodeMessage('decorationWork.refund.exceedsBalance', { amount: yuan(o.balanceFen) }) });
  });

const REFUND_FIELDS = ['requestedBy', 'ownerConsent', 'utilitiesFen', 'signedByOwner', 'signedByContractor', 'signedByManager', ...REFUND_CHECKS.flatMap((c) => [`checks.${c}.ok`, `checks.${c}.note`])];

function BoolField({ control, name, label, testId }: { control: Control<RefundValues>; name: 'ownerConsent' | 'signedByOwner' | 'signedByContractor' | 'signedByManager'; label: string; testId?: string }) {
  return (
    <Field control={control} name={name} idPrefix="refund">
      {(field, p) => (
        <Checkbox id={p.id} data-testid={testId ?? p['data-testid']} checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)}>
          {label}
        </Checkbox>
      )}
    </Field>
  );
}

function RefundForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const r = detail.refund!;
  const self = detail.contractorDetail.self;
  const balance = r.refundFen;
  const { control, handleSubmit, setError: setFieldError, formState, watch } = useForm<RefundValues, unknown, z.output<typeof RefundInputSchema>>({
    resolver: zodResolver(refundSchema({ self, balanceFen: balance })),
    defaultValues: {
      id: detail.id,
      requestedBy: 'owner',
      ownerConsent: false,
      checks: { commonArea: { ok: false, note: '' }, neighbours: { ok: false, note: '' }, leaks: { ok: false, note: '' }, violations: { ok: false, note: '' } },
      utilitiesFen: 0,
      signedByOwner: false,
      signedByContractor: false,
      signedByManager: false,
    },
  });
  const requestedBy = watch('requestedBy');
  const utilities = watch('utilitiesFen');
  const u = typeof utilities === 'number' && Number.isInteger(utilities) && utilities >= 0 ? utilities : 0;
  const openViolations = detail.violations.filter((v) => v.severity === 'serious' && !v.rectifiedAt).length;
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.prepareRefund', { ...v, ownerConsent: v.requestedBy === 'contractor' ? v.ownerConsent : false, signedByContractor: self ? false : v.signedByContractor });
      message.success(t('decorationWork.refund.preparedDone', { amount: yuan(d.refund?.refundFen ?? 0) }));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, REFUND_FIELDS, setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="refund-form" dirty={formState.isDirty}>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Field control={control} name="requestedBy" label={t('decorationWork.refund.requestedBy')} required idPrefix="refund">
            {(field, p) => (
              <Radio.Group id={p.id} data-testid={p['data-testid']} value={field.value} onChange={(e) => field.onChange(e.target.value)}>
                <Radio value="owner">{t('decorationWork.refund.byOwner')}</Radio>
                {!self ? <Radio value="contractor">{t('decorationWork.refund.byContractor')}</Radio> : null}
              </Radio.Group>
            )}
          </Field>
          {requestedBy === 'contractor' ? <BoolField control={control} name="ownerConsent" label={t('decorationWork.refund.ownerConsent')} /> : null}
          <div style={{ fontWeight: 500, margin: '4px 0 8px' }}>{t('decorationWork.refund.checks')}</div>
          {openViolations ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('decorationWork.refund.openViolations', { count: openViolations })} /> : null}
          {REFUND_CHECKS.map((c) => (
            <Row key={c} gutter={8} align="top" data-testid={`check-${c}`}>
              <Col flex="220px">
                <Field control={control} name={`checks.${c}.ok`} idPrefix="refund">
                  {(field, p) => (
                    <Checkbox id={p.id} data-testid={p['data-testid']} checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)}>
                      {t(`decorationWork.refund.check.${c}`)}
                    </Checkbox>
                  )}
                </Field>
              </Col>
              <Col flex="auto">
                <Field control={control} name={`checks.${c}.note`} max={200} idPrefix="refund">
                  {(field, p) => <Input {...field} {...p} size="small" value={field.value ?? ''} placeholder={t('decorationWork.refund.checkNote')} />}
                </Field>
              </Col>
            </Row>
          ))}
        </Col>
        <Col xs={24} lg={12}>
          <Field control={control} name="utilitiesFen" label={t('decorationWork.refund.utilities')} required idPrefix="refund" extra={t('decorationWork.refund.utilitiesHint')}>
            {(field, p) => <MoneyInput {...p} value={field.value} onChange={(f) => field.onChange(f ?? 0)} onBlur={field.onBlur} />}
          </Field>
          <RefundSums depositFen={r.depositFen} penaltiesFen={r.penaltiesFen} utilitiesFen={u} refundFen={Math.max(0, balance - u)} testId="refund-preview" />
          <div style={{ fontWeight: 500, margin: '12px 0 8px' }}>{t('decorationWork.refund.signatures')}</div>
          <BoolField control={control} name="signedByOwner" label={t('decorationWork.refund.signedByOwner', { name: detail.applicant.name })} />
          {!self ? (
            <BoolField
              control={control}
              name="signedByContractor"
              label={t('decorationWork.refund.signedByContractor', { name: `${detail.contractorDetail.company ?? ''} ${detail.contractorDetail.managerName ?? ''}`.trim() })}
            />
          ) : null}
          {!self && detail.contractorDetail.managerIdMasked ? (
            <div style={{ ...muted, margin: '-8px 0 12px 24px' }}>
              {t('decorationWork.managerId')}: <span style={mono} data-testid="refund-manager-id">{detail.contractorDetail.managerIdMasked}</span>
            </div>
          ) : null}
          <BoolField control={control} name="signedByManager" label={t('decorationWork.refund.signedByManager')} />
        </Col>
      </Row>
      <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.refund.prepare')} testId="refund-submit" />
    </FormShell>
  );
}

/** Deposit − penalties − utilities = refund, always from the ledger (never typed). */
function RefundSums({ depositFen, penaltiesFen, utilitiesFen, refundFen, testId }: { depositFen: number; penaltiesFen: number; utilitiesFen: number; refundFen: number; testId: string }) {
  const { t } = useTranslation();
  const line = (label: string, v: string, o: { strong?: boolean; red?: boolean; id?: string } = {}) => (
    <div style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0', borderTop: o.strong ? '1px solid #d9d9d9' : undefined, fontSize: o.strong ? 18 : 14 }}>
      <span>{label}</span>
      <span style={{ ...mono, fontWeight: o.strong ? 700 : 400, color: o.red ? '#cf1322' : undefined }} data-testid={o.id}>
        {v}
      </span>
    </div>
  );
  return (
    <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px', marginBottom: 12 }} data-testid={testId} data-refund={refundFen}>
      {line(t('decorationWork.refund.deposit'), yuan(depositFen), { id: 'sum-deposit' })}
      {line(t('decorationWork.refund.penalties'), `− ${yuan(penaltiesFen)}`, { red: penaltiesFen > 0, id: 'sum-penalties' })}
      {line(t('decorationWork.refund.utilitiesShort'), `− ${yuan(utilitiesFen)}`, { red: utilitiesFen > 0, id: 'sum-utilities' })}
      {line(t('decorationWork.refund.refund'), yuan(refundFen), { strong: true, id: 'sum-refund' })}
    </div>
  );
}

function PayOutForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<z.input<typeof PayOutInputSchema>, unknown, z.output<typeof PayOutInputSchema>>({
    resolver: zodResolver(PayOutInputSchema),
    defaultValues: { id: detail.id, receipt: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.payOut', v);
      message.success(t('decorationWork.refund.paidDone', { amount: yuan(d.refund?.refundFen ?? 0) }));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['receipt'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="pay-out-form" dirty={formState.isDirty}>
      <Row gutter={12} align="bottom">
        <Col xs={24} md={10}>
          <Field control={control} name="receipt" label={t('decorationWork.refund.receipt')} required max={40} idPrefix="payout">
            {(field, p) => <Input {...field} {...p} style={mono} placeholder={t('decorationWork.refund.receiptPlaceholder')} />}
          </Field>
        </Col>
        <Col xs={24} md={14}>
          <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.refund.payOut', { amount: yuan(detail.refund?.refundFen ?? 0) })} testId="pay-out-submit" />
        </Col>
      </Row>
    </FormShell>
  );
}

function Refund({ detail, onDone, canWrite, canPay }: { detail: DecorationDetail; onDone: Done; canWrite: boolean; canPay: boolean }) {
  const { t } = useTranslation();
  const r = detail.refund;
  const open = detail.state === 'completed' || detail.state === 'rejected';
  const today = todayIso();
  const notYet = open && !!detail.refundDue && today < detail.refundDue;
  const overdue = open && !!detail.refundDue && detail.refundDue < today && !r?.paidOut;
  const checks = r?.checks;
  return (
    <WorkCard
      icon={<WalletOutlined />}
      title={t('decorationWork.refund.title')}
      testId="refund-card"
      accent={overdue ? '#ffa39e' : r?.preparedAt && !r.paidOut ? '#ffd591' : undefined}
      extra={r?.preparedAt ? <PrintFormButton number={detail.number} form="refund" label={t('decorationWork.refund.print')} onPrinted={afterPrint(detail.id, onDone)} size="small" testId="print-refund" /> : null}
    >
      {!r ? (
        <Alert type="info" showIcon title={t('decorationWork.refund.nothing')} data-testid="refund-nothing" />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('decorationWork.refund.due')}>
              <span data-testid="refund-due" style={{ fontWeight: 600, color: overdue ? '#cf1322' : undefined }}>
                {detail.state === 'rejected' ? t('decorationWork.refund.dueNow') : detail.refundDue ? formatDate(detail.refundDue) : t('decorationWork.refund.dueAfterInspection')}
              </span>
              {overdue ? <Tag color="red" style={{ marginLeft: 8 }}>{t('decorationWork.refund.overdue')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.refund.held')}>
              <strong style={mono} data-testid="deposit-held">{yuan(detail.depositHeldFen)}</strong>
            </Descriptions.Item>
            {detail.rejectReason ? <Descriptions.Item label={t('decorationWork.refund.rejected')}>{detail.rejectReason}</Descriptions.Item> : null}
          </Descriptions>
          {r.paidOut ? (
            <Alert
              type="success"
              showIcon
              icon={<DollarOutlined />}
              style={{ marginBottom: 12 }}
              data-testid="refund-paid"
              title={t('decorationWork.refund.paid', { amount: yuan(r.refundFen), receipt: r.paidOut.receipt })}
              description={<WhoWhen at={r.paidOut.at} by={r.paidOut.by} />}
            />
          ) : null}
          {r.preparedAt ? (
            <div data-testid="refund-prepared">
              <RefundSums depositFen={r.depositFen} penaltiesFen={r.penaltiesFen} utilitiesFen={r.utilitiesFen ?? 0} refundFen={r.refundFen} testId="refund-sums" />
              <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('decorationWork.refund.requestedBy')}>
                  {r.requestedBy === 'contractor' ? t('decorationWork.refund.byContractor') : t('decorationWork.refund.byOwner')}
                  {r.requestedBy === 'contractor' && r.ownerConsent ? ` · ${t('decorationWork.refund.consented')}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('decorationWork.refund.preparedBy')}>
                  <WhoWhen at={r.preparedAt} by={r.preparedBy} />
                </Descriptions.Item>
                <Descriptions.Item label={t('decorationWork.refund.checks')} span={2}>
                  <Space wrap>
                    {REFUND_CHECKS.map((c) => (
                      <Tag key={c} color={checks?.[c]?.ok ? 'green' : 'orange'}>
                        {t(`decorationWork.refund.check.${c}`)}
                        {checks?.[c]?.note ? `：${checks[c].note}` : ''}
                      </Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('decorationWork.refund.signatures')} span={2}>
                  <Space wrap>
                    {(['owner', 'contractor', 'manager'] as const).map((w) => (
                      <Tag key={w} color={r.signed[w] ? 'green' : 'default'} icon={r.signed[w] ? <CheckCircleOutlined /> : undefined}>
                        {t(`decorationWork.refund.signer.${w}`)}
                      </Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
              </Descriptions>
              {!r.paidOut && open ? (
                canPay ? (
                  <div style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 12 }}>
                    <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('decorationWork.refund.cashier')}</div>
                    <PayOutForm detail={detail} onDone={onDone} />
                  </div>
                ) : (
                  <Alert type="info" showIcon title={t('decorationWork.refund.waitCashier')} data-testid="refund-wait-cashier" />
                )
              ) : null}
            </div>
          ) : open ? (
            notYet ? (
              <Alert type="info" showIcon data-testid="refund-not-due" title={t('decorationWork.refund.notDue', { date: formatDate(detail.refundDue) })} />
            ) : canWrite ? (
              <RefundForm detail={detail} onDone={onDone} />
            ) : null
          ) : (
            <RefundSums depositFen={r.depositFen} penaltiesFen={r.penaltiesFen} utilitiesFen={r.utilitiesFen ?? 0} refundFen={r.refundFen} testId="refund-sums" />
          )}
        </>
      )}
      <div style={{ fontWeight: 500, margin: '16px 0 8px' }}>
        <SafetyCertificateOutlined /> {t('decorationWork.ledger.title')}
      </div>
      <LedgerTable ledger={detail.ledger} />
    </WorkCard>
  );
}

/** The completion inspection (its request, problems, closing them) and the deposit refund (checks, deductions, signatures, payout). */
export function Completion({ detail, onChange }: { detail: DecorationDetail; onChange: (d: DecorationDetail) => void }) {
  const can = useCan();
  const canWrite = can('decoration.write');
  const canPay = can('decoration.fees');
  return (
    <div data-testid="completion" data-state={detail.state}>
      {detail.state !== 'rejected' ? <Inspection detail={detail} onDone={onChange} canWrite={canWrite} /> : null}
      <Refund detail={detail} onDone={onChange} canWrite={canWrite} canPay={canPay} />
    </div>
  );
}
