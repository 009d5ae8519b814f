import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Descriptions, Empty, Input, Radio, Row, Select, Space, Steps, Table, Tag } from 'antd';
import { AlertOutlined, CheckCircleOutlined, EyeOutlined, FireOutlined, PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DEPARTMENTS } from '../../../../shared/workflows/decoration/rules';
import {
  HotWorkInputSchema,
  NoticeCallInputSchema,
  PatrolInputSchema,
  PenaltyInputSchema,
  RectifiedInputSchema,
  ViolationInputSchema,
  type DecorationDetail,
  type Violation,
} from '../../../../shared/workflows/decoration/schema';
import { errorText, invoke } from '../../api';
import { DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { formatDate, formatDateTime, todayIso } from '../../components/format';
import { MoneyInput } from '../../components/money-input';
import { useCan } from '../../components/permissions';
import { PrintFormButton } from '../../components/print-form';
import { afterPrint, muted } from './common';
import { RevealText } from '../../components/reveal';
import { DateTimeInput } from '../repairs/common';
import { failWith, WhoWhen, WorkCard, yuan, type Done } from './decoration-work-common';

const PATROL_STATES = ['under_way', 'inspection'];

// ---------------------------------------------------------------- patrols

type PatrolValues = z.input<typeof PatrolInputSchema>;

function PatrolForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const blank: PatrolValues = { id: detail.id, date: todayIso(), department: 'service', by: '', findings: '' };
  const { control, handleSubmit, setError: setFieldError, formState, reset } = useForm<PatrolValues, unknown, z.output<typeof PatrolInputSchema>>({
    resolver: zodResolver(PatrolInputSchema),
    defaultValues: blank,
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.patrol', v);
      message.success(t('decorationWork.patrol.done'));
      reset({ ...blank, department: v.department });
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['date', 'department', 'by', 'findings'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="patrol-form" dirty={formState.isDirty}>
      <Row gutter={12}>
        <Col xs={24} md={5}>
          <Field control={control} name="date" label={t('decorationWork.patrol.date')} required idPrefix="patrol">
            {(field, p) => <DateInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} disabledFuture allowClear={false} />}
          </Field>
        </Col>
        <Col xs={24} md={5}>
          <Field control={control} name="department" label={t('decorationWork.patrol.department')} required idPrefix="patrol">
            {(field, p) => (
              <Select {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={DEPARTMENTS.map((x) => ({ value: x, label: t(`decoration.department.${x}`) }))} />
            )}
          </Field>
        </Col>
        <Col xs={24} md={5}>
          <Field control={control} name="by" label={t('decorationWork.patrol.by')} required max={30} idPrefix="patrol">
            {(field, p) => <Input {...field} {...p} placeholder={t('decorationWork.patrol.byPlaceholder')} />}
          </Field>
        </Col>
        <Col xs={24} md={9}>
          <Field control={control} name="findings" label={t('decorationWork.patrol.findings')} max={300} idPrefix="patrol">
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={t('decorationWork.patrol.findingsPlaceholder')} />}
          </Field>
        </Col>
      </Row>
      <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.patrol.submit')} testId="patrol-submit" />
    </FormShell>
  );
}

function Patrols({ detail, onDone, canWrite }: { detail: DecorationDetail; onDone: Done; canWrite: boolean }) {
  const { t } = useTranslation();
  const open = PATROL_STATES.includes(detail.state);
  const today = todayIso();
  const patrolledToday = detail.patrols.some((p) => p.date === today);
  return (
    <WorkCard
      icon={<EyeOutlined />}
      title={t('decorationWork.patrol.title', { count: detail.patrols.length })}
      testId="patrols-card"
      extra={open ? patrolledToday ? <Tag color="green">{t('decorationWork.patrol.doneToday')}</Tag> : <Tag color="orange" data-testid="no-patrol-today">{t('decorationWork.patrol.noneToday')}</Tag> : null}
    >
      {open && canWrite ? <PatrolForm detail={detail} onDone={onDone} /> : null}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: open && canWrite ? 8 : 0 }}
        pagination={detail.patrols.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={[...detail.patrols].sort((a, b) => (b.date + b.at).localeCompare(a.date + a.at))}
        locale={{ emptyText: t('decorationWork.patrol.empty') }}
        onRow={() => ({ 'data-testid': 'patrol-row' }) as object}
        columns={[
          { title: t('decorationWork.patrol.date'), dataIndex: 'date', width: 110, render: (v: string) => formatDate(v) },
          { title: t('decorationWork.patrol.department'), dataIndex: 'department', width: 100, render: (v: string) => t(`decoration.department.${v}`) },
          { title: t('decorationWork.patrol.by'), dataIndex: 'by', width: 140 },
          { title: t('decorationWork.patrol.findings'), dataIndex: 'findings', render: (v: string | null) => v ?? <span style={muted}>{t('decorationWork.patrol.nothing')}</span> },
        ]}
      />
    </WorkCard>
  );
}

// ---------------------------------------------------------------- violations

type ViolationValues = z.input<typeof ViolationInputSchema>;

function ViolationForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const blank: ViolationValues = { id: detail.id, date: todayIso(), severity: 'minor', description: '', hotWork: false, warnedWho: '' };
  const { control, handleSubmit, setError: setFieldError, formState, reset, watch } = useForm<ViolationValues, unknown, z.output<typeof ViolationInputSchema>>({
    resolver: zodResolver(ViolationInputSchema),
    defaultValues: blank,
  });
  const severity = watch('severity');
  const hotWork = watch('hotWork');
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.violation', { ...v, warnedWho: v.severity === 'minor' ? v.warnedWho : null });
      const made = d.violations[d.violations.length - 1];
      message.success(made?.hotWorkUnapproved ? t('decorationWork.violation.doneHotWork') : t('decorationWork.violation.done'));
      reset(blank);
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['date', 'severity', 'description', 'hotWork', 'warnedWho'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="violation-form" dirty={formState.isDirty}>
      <Row gutter={12}>
        <Col xs={24} md={5}>
          <Field control={control} name="date" label={t('decorationWork.violation.date')} required idPrefix="violation">
            {(field, p) => <DateInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} disabledFuture allowClear={false} />}
          </Field>
        </Col>
        <Col xs={24} md={9}>
          <Field control={control} name="severity" label={t('decorationWork.violation.severity')} required idPrefix="violation">
            {(field, p) => (
              <Radio.Group id={p.id} data-testid={p['data-testid']} value={field.value} onChange={(e) => field.onChange(e.target.value)} optionType="button" buttonStyle="solid">
                <Radio.Button value="minor" data-testid="severity-minor">{t('decoration.severity.minor')}</Radio.Button>
                <Radio.Button value="serious" data-testid="severity-serious">{t('decoration.severity.serious')}</Radio.Button>
              </Radio.Group>
            )}
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field control={control} name="hotWork" label={t('decorationWork.violation.hotWorkLabel')} idPrefix="violation">
            {(field, p) => (
              <Checkbox id={p.id} data-testid={p['data-testid']} checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)}>
                <FireOutlined style={{ color: '#fa541c' }} /> {t('decorationWork.violation.hotWork')}
              </Checkbox>
            )}
          </Field>
        </Col>
      </Row>
      {hotWork ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('decorationWork.violation.hotWorkHint')} data-testid="hot-work-hint" /> : null}
      <Row gutter={12}>
        <Col xs={24} md={severity === 'minor' ? 14 : 24}>
          <Field control={control} name="description" label={t('decorationWork.violation.description')} required max={300} idPrefix="violation">
            {(field, p) => <Input {...field} {...p} autoFocus placeholder={t('decorationWork.violation.descriptionPlaceholder')} />}
          </Field>
        </Col>
        {severity === 'minor' ? (
          <Col xs={24} md={10}>
            <Field control={control} name="warnedWho" label={t('decorationWork.violation.warnedWho')} required max={30} idPrefix="violation" extra={t('decorationWork.violation.warnedWhoHint')}>
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
            </Field>
          </Col>
        ) : (
          <Col span={24}>
            <div style={{ ...muted, marginBottom: 12 }}>{t('decorationWork.violation.seriousHint')}</div>
          </Col>
        )}
      </Row>
      <FormActions submitting={formState.isSubmitting} danger={severity === 'serious' || hotWork} submitText={t('decorationWork.violation.submit')} testId="violation-submit" />
    </FormShell>
  );
}

type CallValues = z.input<typeof NoticeCallInputSchema>;

/** One phone call of the notice: whom to call (name, phone), a note of what was said. */
function CallForm({ v, who, detail, onDone }: { v: Violation; who: 'owner' | 'contractor'; detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<CallValues, unknown, z.output<typeof NoticeCallInputSchema>>({
    resolver: zodResolver(NoticeCallInputSchema),
    defaultValues: { violationId: v.id, who, note: '' },
  });
  const submit = handleSubmit(async (x) => {
    setError(null);
    try {
      const d = await invoke('decoration.noticeCall', x);
      message.success(t(`decorationWork.notice.called.${who}`));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['note'], setError);
    }
  });
  const c = detail.contractorDetail;
  return (
    <FormShell onSubmit={submit} error={error} testId={`call-${who}-form`} dirty={formState.isDirty}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }} data-testid={`call-${who}-whom`}>
        {who === 'owner' ? (
          <>
            <Descriptions.Item label={t(`decoration.applicantKind.${detail.applicant.kind}`)}>{detail.applicant.name}</Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.phone')}>
              <RevealText masked={detail.applicant.phoneMasked} testId="owner-phone" resetKey={detail.id} load={async () => (await invoke('decoration.reveal', { id: detail.id, field: 'applicantPhone' })).value} />
            </Descriptions.Item>
          </>
        ) : (
          <>
            <Descriptions.Item label={t('decorationWork.contractor')}>{c.company}</Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.contractorManager')}>
              {c.managerName} {c.managerPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.managerId')}>
              <span data-testid="manager-id-masked">{c.managerIdMasked ?? '—'}</span>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Field control={control} name="note" label={t('decorationWork.notice.callNote')} max={200} idPrefix={`call-${who}`}>
        {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={t(`decorationWork.notice.callNotePlaceholder.${who}`)} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} submitText={t(`decorationWork.notice.call.${who}`)} testId={`call-${who}-submit`} />
    </FormShell>
  );
}

type PenaltyValues = z.input<typeof PenaltyInputSchema>;

function PenaltyForm({ v, detail, onDone }: { v: Violation; detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState, watch } = useForm<PenaltyValues, unknown, z.output<typeof PenaltyInputSchema>>({
    resolver: zodResolver(PenaltyInputSchema),
    defaultValues: { violationId: v.id, amountFen: null as unknown as number, note: '' },
  });
  const amount = watch('amountFen');
  const held = detail.depositHeldFen;
  const submit = handleSubmit(async (x) => {
    setError(null);
    try {
      const d = await invoke('decoration.penalty', x);
      message.success(t('decorationWork.penalty.done'));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['amountFen', 'note'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="penalty-form" dirty={formState.isDirty}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field control={control} name="amountFen" label={t('decorationWork.penalty.amount')} required idPrefix="penalty">
            {(field, p) => <MoneyInput {...p} value={field.value} onChange={(f) => field.onChange(f)} onBlur={field.onBlur} />}
          </Field>
        </Col>
        <Col xs={24} md={16}>
          <Field control={control} name="note" label={t('decorationWork.penalty.note')} max={200} idPrefix="penalty">
            {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={t('decorationWork.penalty.notePlaceholder')} />}
          </Field>
        </Col>
      </Row>
      <div style={{ ...muted, marginBottom: 8 }} data-testid="penalty-preview">
        {typeof amount === 'number' && amount > 0
          ? amount > held
            ? t('decorationWork.penalty.previewOver', { amount: yuan(amount), held: yuan(held), owed: yuan(amount - held) })
            : t('decorationWork.penalty.preview', { amount: yuan(amount), left: yuan(held - amount) })
          : t('decorationWork.penalty.held', { held: yuan(held) })}
      </div>
      <FormActions submitting={formState.isSubmitting} danger submitText={t('decorationWork.penalty.submit')} testId="penalty-submit" />
    </FormShell>
  );
}

type RectifiedValues = z.input<typeof RectifiedInputSchema>;

function RectifiedForm({ v, onDone }: { v: Violation; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<RectifiedValues, unknown, z.output<typeof RectifiedInputSchema>>({
    resolver: zodResolver(RectifiedInputSchema),
    defaultValues: { violationId: v.id, note: '' },
  });
  const submit = handleSubmit(async (x) => {
    setError(null);
    try {
      const d = await invoke('decoration.rectified', x);
      message.success(t('decorationWork.rectified.done'));
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['note'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="rectified-form" dirty={formState.isDirty}>
      <Field control={control} name="note" label={t('decorationWork.rectified.note')} max={200} idPrefix={`rectified-${v.id}`}>
        {(field, p) => <Input {...field} {...p} value={field.value ?? ''} placeholder={t('decorationWork.rectified.notePlaceholder')} />}
      </Field>
      <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.rectified.submit')} testId="rectified-submit" />
    </FormShell>
  );
}

/** A serious violation's rectification notice (装修整改通知书) step by step: owner called, contractor called, signed, penalty, rectified. */
function SeriousSteps({ v, detail, onDone, canWrite, canApprove }: { v: Violation; detail: DecorationDetail; onDone: Done; canWrite: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const self = detail.contractorDetail.self;
  const contractorDone = self || !!v.contractorCalledAt;
  const penaltyDone = v.penaltyFen !== null;
  const steps = [
    { key: 'owner', done: !!v.ownerCalledAt, title: t('decorationWork.notice.step.owner'), at: v.ownerCalledAt },
    ...(self ? [] : [{ key: 'contractor', done: !!v.contractorCalledAt, title: t('decorationWork.notice.step.contractor'), at: v.contractorCalledAt }]),
    { key: 'signed', done: !!v.signedAt, title: t('decorationWork.notice.step.signed'), at: v.signedAt },
    { key: 'penalty', done: penaltyDone, title: t('decorationWork.notice.step.penalty'), at: v.penaltyAt },
    { key: 'rectified', done: !!v.rectifiedAt, title: t('decorationWork.notice.step.rectified'), at: v.rectifiedAt },
  ];
  // The penalty and the rectification are independent of each other once the notice is signed; the first not done leads.
  const current = steps.findIndex((s) => !s.done);
  const sign = async () => {
    setBusy(true);
    try {
      const d = await invoke('decoration.noticeSigned', { violationId: v.id });
      message.success(t('decorationWork.notice.signedDone'));
      onDone(d);
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const signed = !!v.signedAt;
  return (
    <div data-testid="notice-steps">
      <Steps
        size="small"
        current={current === -1 ? steps.length : current}
        style={{ margin: '8px 0 16px' }}
        items={steps.map((s) => ({
          title: s.title,
          status: s.done ? 'finish' : undefined,
          content: s.done ? <span data-testid={`step-${s.key}-done`}>{s.key === 'penalty' && v.penaltyFen !== null ? yuan(v.penaltyFen) : formatDateTime(s.at).slice(5)}</span> : undefined,
        }))}
      />
      {canWrite && !v.ownerCalledAt ? <CallForm v={v} who="owner" detail={detail} onDone={onDone} /> : null}
      {canWrite && v.ownerCalledAt && !contractorDone ? <CallForm v={v} who="contractor" detail={detail} onDone={onDone} /> : null}
      {canWrite && v.ownerCalledAt && contractorDone && !signed ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <PrintFormButton number={detail.number} form="notice" item={v.id} label={t('decorationWork.notice.print')} onPrinted={afterPrint(detail.id, onDone)} testId="print-notice" />
          <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void sign()} data-testid="notice-signed">
            {t('decorationWork.notice.markSigned')}
          </Button>
          <span style={muted}>{t('decorationWork.notice.signHint')}</span>
        </Space>
      ) : null}
      {signed ? (
        <div style={{ marginBottom: 12 }}>
          <PrintFormButton number={detail.number} form="notice" item={v.id} label={t('decorationWork.notice.print')} onPrinted={afterPrint(detail.id, onDone)} testId="print-notice" size="small" />
        </div>
      ) : null}
      {signed && !penaltyDone ? (
        canApprove ? (
          <div style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 12 }}>
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('decorationWork.penalty.title')}</div>
            <PenaltyForm v={v} detail={detail} onDone={onDone} />
          </div>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('decorationWork.penalty.managerOnly')} data-testid="penalty-manager-only" />
        )
      ) : null}
      {signed && canWrite && !v.rectifiedAt ? (
        <div style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 12 }}>
          <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('decorationWork.rectified.title')}</div>
          <RectifiedForm v={v} onDone={onDone} />
        </div>
      ) : null}
    </div>
  );
}

function ViolationItem({ v, detail, onDone, canWrite, canApprove }: { v: Violation; detail: DecorationDetail; onDone: Done; canWrite: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const serious = v.severity === 'serious';
  const closed = serious ? !!v.rectifiedAt && v.penaltyFen !== null : true;
  return (
    <div
      data-testid="violation"
      data-severity={v.severity}
      data-id={v.id}
      style={{ border: `1px solid ${serious && !closed ? '#ffa39e' : '#f0f0f0'}`, borderRadius: 8, padding: 12, marginBottom: 12, background: serious && !closed ? '#fff7f6' : undefined }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Tag color={serious ? 'red' : 'orange'} icon={serious ? <AlertOutlined /> : <WarningOutlined />}>
          {t(`decoration.severity.${v.severity}`)}
        </Tag>
        {v.hotWorkUnapproved ? (
          <Tag color="volcano" icon={<FireOutlined />} data-testid="hot-work-unapproved">
            {t('decorationWork.violation.hotWorkUnapproved')}
          </Tag>
        ) : v.hotWork ? (
          <Tag icon={<FireOutlined />}>{t('decorationWork.violation.hotWork')}</Tag>
        ) : null}
        <strong style={{ fontSize: 15 }}>{v.description}</strong>
        <span style={{ ...muted, marginLeft: 'auto' }}>{formatDate(v.date)}</span>
      </div>
      {!serious ? (
        <div style={{ marginTop: 6 }} data-testid="warned-who">
          <PhoneOutlined /> {t('decorationWork.violation.warnedTo', { who: v.warnedWho ?? '' })}
        </div>
      ) : (
        <>
          {v.penaltyFen !== null ? (
            <div style={{ marginTop: 6, color: '#cf1322' }} data-testid="penalty-shown" data-fen={v.penaltyFen} data-deducted={v.penaltyDeductedFen ?? 0}>
              {v.penaltyDeductedFen !== null && v.penaltyDeductedFen < v.penaltyFen
                ? t('decorationWork.penalty.shownPartly', { amount: yuan(v.penaltyFen), deducted: yuan(v.penaltyDeductedFen), owed: yuan(v.penaltyFen - v.penaltyDeductedFen) })
                : t('decorationWork.penalty.shown', { amount: yuan(v.penaltyFen) })}{' '}
              <WhoWhen at={v.penaltyAt} by={v.penaltyBy} />
            </div>
          ) : null}
          {v.ownerCallNote ? <div style={{ ...muted, marginTop: 4 }}>{t('decorationWork.notice.ownerSaid', { note: v.ownerCallNote })}</div> : null}
          {v.rectifiedAt ? (
            <div style={{ marginTop: 4, color: '#389e0d' }} data-testid="rectified-shown">
              <CheckCircleOutlined /> {t('decorationWork.rectified.shown')} {v.rectifiedNote ? `· ${v.rectifiedNote}` : ''} <WhoWhen at={v.rectifiedAt} />
            </div>
          ) : null}
          <SeriousSteps v={v} detail={detail} onDone={onDone} canWrite={canWrite} canApprove={canApprove} />
        </>
      )}
    </div>
  );
}

function Violations({ detail, onDone, canWrite, canApprove }: { detail: DecorationDetail; onDone: Done; canWrite: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const open = PATROL_STATES.includes(detail.state);
  const [adding, setAdding] = useState(false);
  const list = [...detail.violations].reverse();
  const openSerious = detail.violations.filter((v) => v.severity === 'serious' && !(v.rectifiedAt && v.penaltyFen !== null)).length;
  return (
    <WorkCard
      icon={<AlertOutlined />}
      title={t('decorationWork.violation.title', { count: detail.violations.length })}
      testId="violations-card"
      accent={openSerious ? '#ffa39e' : undefined}
      extra={
        open && canWrite && !adding ? (
          <Button danger icon={<WarningOutlined />} onClick={() => setAdding(true)} data-testid="violation-add">
            {t('decorationWork.violation.add')}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <div style={{ border: '1px solid #ffccc7', borderRadius: 8, padding: 12, marginBottom: 12 }}>
          <ViolationForm
            detail={detail}
            onDone={(d) => {
              setAdding(false);
              onDone(d);
            }}
          />
          <Button size="small" type="link" onClick={() => setAdding(false)} data-testid="violation-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
      {list.length ? list.map((v) => <ViolationItem key={v.id} v={v} detail={detail} onDone={onDone} canWrite={canWrite} canApprove={canApprove} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decorationWork.violation.empty')} />}
    </WorkCard>
  );
}

// ---------------------------------------------------------------- hot work

type HotWorkValues = z.input<typeof HotWorkInputSchema>;

function HotWorkForm({ detail, onDone }: { detail: DecorationDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const blank = { id: detail.id, from: '', to: '', location: '', fireWatch: '', approvedBy: '' } as HotWorkValues;
  const { control, handleSubmit, setError: setFieldError, formState, reset } = useForm<HotWorkValues, unknown, z.output<typeof HotWorkInputSchema>>({
    resolver: zodResolver(HotWorkInputSchema),
    defaultValues: blank,
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const d = await invoke('decoration.hotWork', v);
      message.success(t('decorationWork.hotWork.done'));
      reset(blank);
      onDone(d);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['from', 'to', 'location', 'fireWatch', 'approvedBy'], setError);
    }
  });
  return (
    <FormShell onSubmit={submit} error={error} testId="hot-work-form" dirty={formState.isDirty}>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Field control={control} name="from" label={t('decorationWork.hotWork.from')} required idPrefix="hotwork">
            {(field, p) => <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value || null} onChange={(x) => field.onChange(x ?? '')} onBlur={field.onBlur} disabledFuture={false} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field control={control} name="to" label={t('decorationWork.hotWork.to')} required idPrefix="hotwork">
            {(field, p) => <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value || null} onChange={(x) => field.onChange(x ?? '')} onBlur={field.onBlur} disabledFuture={false} />}
          </Field>
        </Col>
        <Col xs={24} md={4}>
          <Field control={control} name="location" label={t('decorationWork.hotWork.location')} required max={60} idPrefix="hotwork">
            {(field, p) => <Input {...field} {...p} placeholder={t('decorationWork.hotWork.locationPlaceholder')} />}
          </Field>
        </Col>
        <Col xs={24} md={4}>
          <Field control={control} name="fireWatch" label={t('decorationWork.hotWork.fireWatch')} required max={30} idPrefix="hotwork">
            {(field, p) => <Input {...field} {...p} />}
          </Field>
        </Col>
        <Col xs={24} md={4}>
          <Field control={control} name="approvedBy" label={t('decorationWork.hotWork.approvedBy')} required max={30} idPrefix="hotwork">
            {(field, p) => <Input {...field} {...p} />}
          </Field>
        </Col>
      </Row>
      <FormActions submitting={formState.isSubmitting} submitText={t('decorationWork.hotWork.submit')} testId="hot-work-submit" />
    </FormShell>
  );
}

function HotWorks({ detail, onDone, canWrite }: { detail: DecorationDetail; onDone: Done; canWrite: boolean }) {
  const { t } = useTranslation();
  const open = detail.state === 'under_way';
  const now = Date.now();
  return (
    <WorkCard icon={<FireOutlined />} title={t('decorationWork.hotWork.title', { count: detail.hotWorks.length })} testId="hot-work-card">
      <div style={{ ...muted, marginBottom: 12 }}>{t('decorationWork.hotWork.hint')}</div>
      {open && canWrite ? <HotWorkForm detail={detail} onDone={onDone} /> : null}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={detail.hotWorks}
        locale={{ emptyText: t('decorationWork.hotWork.empty') }}
        onRow={() => ({ 'data-testid': 'hot-work-row' }) as object}
        columns={[
          {
            title: t('decorationWork.hotWork.window'),
            key: 'window',
            render: (_: unknown, h) => {
              const live = Date.parse(h.from) <= now && now <= Date.parse(h.to);
              return (
                <span>
                  {formatDateTime(h.from)} – {formatDateTime(h.to)} {live ? <Tag color="volcano">{t('decorationWork.hotWork.now')}</Tag> : null}
                </span>
              );
            },
          },
          { title: t('decorationWork.hotWork.location'), dataIndex: 'location' },
          { title: t('decorationWork.hotWork.fireWatch'), dataIndex: 'fireWatch' },
          { title: t('decorationWork.hotWork.approvedBy'), dataIndex: 'approvedBy' },
          { title: '', key: 'print', width: 120, render: (_: unknown, h) => <PrintFormButton number={detail.number} form="hot-work" item={h.id} label={t('decorationWork.hotWork.print')} onPrinted={afterPrint(detail.id, onDone)} size="small" testId="print-hot-work" /> },
        ]}
      />
    </WorkCard>
  );
}

/** The permit's work: patrols, violations (notice calls, signatures, penalty, rectified), hot-work approvals. */
export function DuringWork({ detail, onChange }: { detail: DecorationDetail; onChange: (d: DecorationDetail) => void }) {
  const can = useCan();
  const canWrite = can('decoration.write');
  const canApprove = can('decoration.approve');
  return (
    <div data-testid="during-work" data-state={detail.state}>
      <Patrols detail={detail} onDone={onChange} canWrite={canWrite} />
      <Violations detail={detail} onDone={onChange} canWrite={canWrite} canApprove={canApprove} />
      <HotWorks detail={detail} onDone={onChange} canWrite={canWrite} />
    </div>
  );
}
