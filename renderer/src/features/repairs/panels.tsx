import { useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { CheckCircleOutlined, DollarOutlined, NotificationOutlined, SendOutlined, SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CallbackState } from '../../../../shared/workflows/callbacks/rules';
import type { RepairDetail } from '../../../../shared/workflows/repairs/schema';
import { applyFieldErrors, errorText, invoke, translateMessage } from '../../api';
import { DateInput, Field, FormShell } from '../../components/form';
import { FormActions } from '../../components/form-actions';
import { formatDate, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { RecordTimeline } from '../../components/record-timeline';
import { ReasonModal } from '../../components/void-modal';
import { SignerChoice } from '../slips/SignatureBox';
import { ChargeLines, type ChargesShape } from './charges';
import { DateTimeInput, mono, muted, nowIso, yuan, type RepairSettingsView } from './common';
import { ChaseFormSchema, CompleteFormSchema, DispatchFormSchema } from './schemas';

type Done = (r: RepairDetail) => void;
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Empty means now": an action's time the clerk did not change is the moment they save. */
const orNow = (v: string | null | undefined): string => v || nowIso();

/** A form's general error, or its field errors on the fields named. */
function failWith(t: Translate, e: unknown, setFieldError: Parameters<typeof applyFieldErrors>[1], fields: string[], setError: (s: string) => void) {
  if (!applyFieldErrors(e, setFieldError, { fields })) setError(errorText(t, e));
}

// ---------------------------------------------------------------- dispatch

type DispatchValues = z.input<typeof DispatchFormSchema>;

/** Engineering is told at once: who took the call, and when (empty: now). */
export function DispatchPanel({ repair, onDone }: { repair: RepairDetail; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState } = useForm<DispatchValues, unknown, z.output<typeof DispatchFormSchema>>({
    resolver: zodResolver(DispatchFormSchema),
    defaultValues: { notifiedName: '', notifiedAt: null, note: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const r = await invoke('repairs.dispatch', { id: repair.id, notifiedName: v.notifiedName, notifiedAt: orNow(v.notifiedAt), note: v.note });
      message.success(t('repairUi.dispatch.done'));
      onDone(r);
    } catch (e) {
      failWith(t, e, setFieldError as never, ['notifiedName', 'notifiedAt', 'note'], setError);
    }
  });
  return (
    <Card
      title={
        <span>
          <SendOutlined /> {repair.state === 'reopened' ? t('repairUi.dispatch.titleAgain') : t('repairUi.dispatch.title')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: repair.urgent ? '#ffa39e' : '#91caff' }}
      data-testid="dispatch-panel"
    >
      <div style={{ ...muted, marginBottom: 12 }}>{repair.urgent ? t('repairUi.dispatch.hintUrgent') : t('repairUi.dispatch.hint')}</div>
      <FormShell onSubmit={submit} error={error} testId="dispatch-form" dirty={formState.isDirty}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Field control={control} name="notifiedName" label={t('repair.notifiedName')} required max={30} idPrefix="dispatch">
              {(field, p) => <Input {...field} {...p} placeholder={t('repairUi.dispatch.namePlaceholder')} />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="notifiedAt" label={t('repairUi.dispatch.at')} idPrefix="dispatch">
              {(field, p) => <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} allowClear placeholder={t('repairUi.now')} />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="note" label={t('common.note')} max={200} idPrefix="dispatch">
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
            </Field>
          </Col>
        </Row>
        <FormActions submitting={formState.isSubmitting} submitText={t('repairUi.dispatch.submit')} testId="dispatch-submit" />
      </FormShell>
    </Card>
  );
}

// ---------------------------------------------------------------- chase

type ChaseValues = z.input<typeof ChaseFormSchema>;

/** The desk chases engineering again (再次通知催促): whom it told; the count goes up and the limit starts again. */
export function ChaseModal({ repair, open, onClose, onDone }: { repair: RepairDetail; open: boolean; onClose: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState, reset } = useForm<ChaseValues, unknown, z.output<typeof ChaseFormSchema>>({
    resolver: zodResolver(ChaseFormSchema),
    defaultValues: { notifiedName: repair.notifiedName ?? '', note: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const r = await invoke('repairs.chase', { id: repair.id, notifiedName: v.notifiedName, note: v.note });
      message.success(t('repairUi.chase.done', { count: r.chaseCount }));
      reset({ notifiedName: v.notifiedName, note: '' });
      onDone(r);
      onClose();
    } catch (e) {
      failWith(t, e, setFieldError as never, ['notifiedName', 'note'], setError);
    }
  });
  return (
    <Modal open={open} title={t('repairUi.chase.title', { number: repair.number })} onCancel={onClose} footer={null} destroyOnHidden>
      <p style={muted}>{repair.chaseCount ? t('repairUi.chase.before', { count: repair.chaseCount }) : t('repairUi.chase.first')}</p>
      <FormShell onSubmit={submit} error={error} testId="chase-form">
        <Field control={control} name="notifiedName" label={t('repairUi.chase.who')} required max={30} idPrefix="chase">
          {(field, p) => <Input {...field} {...p} autoFocus placeholder={t('repairUi.dispatch.namePlaceholder')} />}
        </Field>
        <Field control={control} name="note" label={t('common.note')} max={200} idPrefix="chase">
          {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
        </Field>
        <FormActions submitting={formState.isSubmitting} onCancel={onClose} submitText={t('repairUi.chase.submit')} testId="chase-submit" />
      </FormShell>
    </Modal>
  );
}

// ---------------------------------------------------------------- signatures

type SignMode = 'screen' | 'paper';
const SIGN_MODES: readonly SignMode[] = ['screen', 'paper'];

// ---------------------------------------------------------------- pick up

/** The technician signs for the work order: who (the staff list in settings), their signature, when (empty: now). */
export function PickUpPanel({ repair, settings, onDone }: { repair: RepairDetail; settings: RepairSettingsView; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [technician, setTechnician] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<SignMode>('screen');
  const [signature, setSignature] = useState<string | null>(null);
  const [signedAt, setSignedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const techs = settings.technicians;

  const submit = async () => {
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!technician) problems.technician = 'v.required';
    if (mode === 'screen' && !signature) problems.signature = 'repairUi.pickUp.signFirst';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) {
      if (problems.technician) document.getElementById('pickup-technician')?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await invoke('repairs.pickUp', { id: repair.id, technician: technician!, signature: mode === 'screen' ? signature : null, signedAt: orNow(signedAt) });
      message.success(t('repairUi.pickUp.done', { name: r.technician?.name ?? '' }));
      onDone(r);
    } catch (e) {
      const fe = (e as { fieldErrors?: Record<string, { message: string }> }).fieldErrors;
      if (fe && Object.keys(fe).every((k) => ['technician', 'signature', 'signedAt'].includes(k))) setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v.message])));
      else setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const err = (k: string) => (errors[k] ? <span data-testid={`error-${k}`}>{translateMessage(t, errors[k])}</span> : undefined);
  // Only whoever keeps the settings gets the button there; the hint tells everyone else who does.
  const canSettings = useCan()('settings.write');

  return (
    <Card
      title={
        <span>
          <ToolOutlined /> {t('repairUi.pickUp.title')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: '#91caff' }}
      data-testid="pickup-panel"
    >
      {techs.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="no-technicians"
          title={t('repairUi.pickUp.noTechnicians')}
          description={t('repairUi.pickUp.noTechniciansHint')}
          action={
            canSettings ? (
              <Link to="/settings?section=repairs">
                <Button size="small" icon={<SettingOutlined />}>
                  {t('nav.settings')}
                </Button>
              </Link>
            ) : null
          }
        />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <div style={{ marginBottom: 12 }}>
                <label htmlFor="pickup-technician" style={{ display: 'block', marginBottom: 4 }}>
                  <span style={{ color: '#ff4d4f' }}>* </span>
                  {t('repair.technician')}
                </label>
                <Select
                  id="pickup-technician"
                  data-testid="field-technician"
                  style={{ width: '100%' }}
                  status={errors.technician ? 'error' : undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={technician}
                  placeholder={t('repairUi.pickUp.technicianPlaceholder')}
                  onChange={(v: string) => {
                    setTechnician(v);
                    setErrors(({ technician: _, ...rest }) => rest);
                  }}
                  options={techs.map((x) => ({ value: x.code, label: `${x.name} · ${x.trade}` }))}
                />
                <div style={{ color: '#ff4d4f' }}>{err('technician')}</div>
              </div>
              <div style={{ marginBottom: 12 }}>
                <label htmlFor="pickup-signedAt" style={{ display: 'block', marginBottom: 4 }}>
                  {t('repairUi.pickUp.at')}
                </label>
                <DateTimeInput id="pickup-signedAt" data-testid="field-signedAt" value={signedAt} onChange={setSignedAt} allowClear placeholder={t('repairUi.now')} />
                <div style={{ color: '#ff4d4f' }}>{err('signedAt')}</div>
              </div>
            </Col>
            <Col xs={24} md={12}>
              <SignerChoice
                who="technician"
                label={t('repairUi.pickUp.signature')}
                modes={SIGN_MODES}
                mode={mode}
                note={() => t('repairUi.signOnPaper')}
                disabled={busy}
                error={errors.signature ? translateMessage(t, errors.signature) : null}
                onMode={(m) => {
                  setMode(m);
                  setSignature(null);
                  setErrors(({ signature: _, ...rest }) => rest);
                }}
                onImage={(v) => {
                  setSignature(v);
                  if (v) setErrors(({ signature: _, ...rest }) => rest);
                }}
              />
            </Col>
          </Row>
          {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="form-error" /> : null}
          <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void submit()} data-testid="pickup-submit">
            {t('repairUi.pickUp.submit')}
          </Button>
        </>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- complete

type CompleteValues = z.input<typeof CompleteFormSchema>;

/**
 * The order comes back to the desk: work done, materials, the charges of a paid order (from the price list),
 * the requester's signature (screen or paper), when it was finished (empty: now), and — for a category whose
 * callback counts from the leak test — the leak-test date.
 */
export function CompletePanel({ repair, settings, onDone }: { repair: RepairDetail; settings: RepairSettingsView; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const category = settings.categories.find((c) => c.code === repair.category);
  const needsLeakTest = category?.callbackFrom === 'leakTest';
  const [error, setError] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [sigError, setSigError] = useState<string | null>(null);
  const { control, handleSubmit, setError: setFieldError, formState, watch, setValue } = useForm<CompleteValues, unknown, z.output<typeof CompleteFormSchema>>({
    resolver: zodResolver(CompleteFormSchema),
    defaultValues: {
      workDone: '',
      materials: '',
      charges: repair.charges.map((c) => ({ code: c.code, quantity: c.quantity })),
      requesterSign: 'screen',
      finishedAt: null,
      leakTestDate: null,
      needsLeakTest,
      paid: repair.paid,
    },
  });
  const mode = watch('requesterSign');

  const submit = handleSubmit(async (v) => {
    setError(null);
    if (v.requesterSign === 'screen' && !signature) {
      setSigError(t('repair.v.signOnScreen'));
      return;
    }
    try {
      const r = await invoke('repairs.complete', {
        id: repair.id,
        workDone: v.workDone,
        materials: v.materials,
        charges: repair.paid ? v.charges : [],
        requesterSign: v.requesterSign,
        requesterSignature: v.requesterSign === 'screen' ? signature : null,
        finishedAt: orNow(v.finishedAt),
        leakTestDate: v.leakTestDate,
      });
      message.success(t('repairUi.complete.done'));
      onDone(r);
    } catch (e) {
      const fields = ['workDone', 'materials', 'charges', 'finishedAt', 'leakTestDate', ...v.charges.flatMap((_, i) => [`charges.${i}.code`, `charges.${i}.quantity`])];
      const fe = (e as { fieldErrors?: Record<string, { message: string }> }).fieldErrors;
      if (fe?.requesterSignature) setSigError(translateMessage(t, fe.requesterSignature.message));
      else failWith(t, e, setFieldError as never, fields, setError);
    }
  });

  const chargesError = formState.errors.charges?.message ?? formState.errors.charges?.root?.message;

  return (
    <Card
      title={
        <span>
          <CheckCircleOutlined /> {t('repairUi.complete.title')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: '#b7eb8f' }}
      data-testid="complete-panel"
    >
      <FormShell onSubmit={submit} error={error} testId="complete-form" dirty={formState.isDirty || !!signature}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Field control={control} name="workDone" label={t('repair.workDone')} required max={300} idPrefix="complete">
              {(field, p) => <Input.TextArea {...field} {...p} rows={3} placeholder={t('repairUi.complete.workDonePlaceholder')} />}
            </Field>
            <Field control={control} name="materials" label={t('repair.materials')} max={200} idPrefix="complete">
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} />}
            </Field>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Field control={control} name="finishedAt" label={t('repair.finishedAt')} idPrefix="complete">
                  {(field, p) => <DateTimeInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} allowClear placeholder={t('repairUi.now')} />}
                </Field>
              </Col>
              {needsLeakTest ? (
                <Col xs={24} sm={12}>
                  <Field control={control} name="leakTestDate" label={t('repair.leakTestDate')} required idPrefix="complete" extra={t('repairUi.complete.leakTestHint', { days: category?.callbackDays ?? 0 })}>
                    {(field, p) => <DateInput id={p.id} data-testid={p['data-testid']} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                  </Field>
                </Col>
              ) : null}
            </Row>
          </Col>
          <Col xs={24} md={10}>
            <SignerChoice
              who="requester"
              label={t('repairUi.complete.requesterSigns', { name: repair.reporterName })}
              modes={SIGN_MODES}
              mode={mode}
              note={() => t('repairUi.signOnPaper')}
              error={sigError}
              onMode={(m) => {
                setValue('requesterSign', m, { shouldDirty: true });
                setSignature(null);
                setSigError(null);
              }}
              onImage={(v) => {
                setSignature(v);
                if (v) setSigError(null);
              }}
            />
          </Col>
        </Row>
        {repair.paid ? (
          <div style={{ marginBottom: 12 }}>
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('repair.charges')}</div>
            <ChargeLines control={control as unknown as Control<ChargesShape>} priceList={settings.priceList} error={chargesError} idPrefix="complete" />
          </div>
        ) : null}
        <FormActions submitting={formState.isSubmitting} submitText={t('repairUi.complete.submit')} testId="complete-submit" />
      </FormShell>
    </Card>
  );
}

// ---------------------------------------------------------------- the cashier

/** A paid, completed order's charge: the cashier collects it (with the receipt, if any) or waives it with a reason. */
export function ChargePanel({ repair, canSettle, onDone }: { repair: RepairDetail; canSettle: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [receipt, setReceipt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waiving, setWaiving] = useState(false);
  const finished = repair.state === 'completed' || repair.state === 'closed';

  const collect = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('repairs.collect', { id: repair.id, receipt: receipt.trim() || null });
      message.success(t('repairUi.fees.collected', { amount: yuan(r.chargeTotalFen) }));
      onDone(r);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const status =
    repair.chargeState === 'collected' ? (
      <Alert type="success" showIcon data-testid="fees-status" data-state="collected" title={t('repairUi.fees.isCollected', { amount: yuan(repair.chargeTotalFen) })} description={repair.chargeNote ? t('repairUi.fees.receipt', { receipt: repair.chargeNote }) : undefined} />
    ) : repair.chargeState === 'waived' ? (
      <Alert type="info" showIcon data-testid="fees-status" data-state="waived" title={t('repairUi.fees.isWaived', { amount: yuan(repair.chargeTotalFen) })} description={repair.chargeNote ? t('repairUi.fees.reason', { reason: repair.chargeNote }) : undefined} />
    ) : null;

  return (
    <Card
      title={
        <span>
          <DollarOutlined /> {t('repairUi.fees.title')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: repair.chargeState === 'pending' && finished ? '#ffd591' : undefined }}
      data-testid="fees-panel"
    >
      {status ??
        (repair.chargeState === 'pending' && finished && canSettle ? (
          <div style={{ maxWidth: 520 }}>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="fees-status" data-state="pending" title={t('repairUi.fees.toCollect', { amount: yuan(repair.chargeTotalFen) })} />
            <label htmlFor="fees-receipt" style={{ display: 'block', marginBottom: 4 }}>
              {t('repairUi.fees.receiptLabel')}
            </label>
            <Input
              id="fees-receipt"
              data-testid="field-receipt"
              value={receipt}
              maxLength={40}
              onChange={(e) => setReceipt(e.target.value)}
              onPressEnter={() => void collect()}
              placeholder={t('repairUi.fees.receiptPlaceholder')}
              style={{ marginBottom: 12 }}
            />
            {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="form-error" /> : null}
            <Space>
              <Button type="primary" icon={<DollarOutlined />} loading={busy} onClick={() => void collect()} data-testid="fees-collect">
                {t('repairUi.fees.collect', { amount: yuan(repair.chargeTotalFen) })}
              </Button>
              <Button onClick={() => setWaiving(true)} disabled={busy} data-testid="fees-waive">
                {t('repairUi.fees.waive')}
              </Button>
            </Space>
          </div>
        ) : (
          <Alert
            type={repair.chargeState === 'pending' ? 'warning' : 'info'}
            showIcon
            data-testid="fees-status"
            data-state={repair.chargeState}
            title={finished ? t('repairUi.fees.forCashier', { amount: yuan(repair.chargeTotalFen) }) : t('repairUi.fees.afterCompletion')}
          />
        ))}
      <ReasonModal
        open={waiving}
        title={t('repairUi.fees.waiveTitle', { number: repair.number, amount: yuan(repair.chargeTotalFen) })}
        description={t('repairUi.fees.waiveHint')}
        okText={t('repairUi.fees.waive')}
        reasonLabel={t('repairUi.fees.waiveReason')}
        testId="waive-confirm"
        onClose={() => setWaiving(false)}
        onConfirm={async (reason) => {
          onDone(await invoke('repairs.waive', { id: repair.id, reason }));
          message.success(t('repairUi.fees.waived'));
        }}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- callbacks

const CALLBACK_COLORS: Record<CallbackState, string> = { open: 'orange', escalated: 'red', done: 'green', cancelled: 'default' };

export function CallbacksCard({ repair }: { repair: RepairDetail }) {
  const { t } = useTranslation();
  if (!repair.callbacks.length) return null;
  return (
    <Card
      title={
        <span>
          <NotificationOutlined /> {t('repairUi.callbacks', { count: repair.callbacks.length })}
        </span>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="repair-callbacks"
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={repair.callbacks}
        onRow={(c) => ({ 'data-testid': 'repair-callback', 'data-number': c.number, 'data-state': c.state }) as object}
        columns={[
          {
            title: t('callback.number'),
            dataIndex: 'number',
            render: (v: string, c) => (
              <Link to={`/callbacks/${c.id}`} style={{ ...mono, fontWeight: 600 }}>
                {v}
              </Link>
            ),
          },
          { title: t('callback.dueDate'), dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
          { title: t('repairUi.state'), dataIndex: 'state', render: (v: CallbackState) => <Tag color={CALLBACK_COLORS[v]}>{t(`callback.state.${v}`)}</Tag> },
        ]}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- timeline

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const EVENT_COLORS: Record<string, string> = { create: 'blue', dispatch: 'blue', chase: 'orange', 'pick-up': 'blue', complete: 'green', collect: 'green', waive: 'purple', reopen: 'red', close: 'green' };

function eventDetail(t: Translate, action: string, d: Record<string, unknown>): string {
  const when = (v: unknown) => formatDateTime(str(v));
  switch (action) {
    case 'create':
      return [d.urgent ? t('repair.urgent') : t('repair.normal'), d.paid ? t('repair.paid') : t('repair.free')].join(' · ');
    case 'dispatch':
      return t('repairUi.event.dispatch', { name: str(d.notifiedName), time: when(d.at) }) + (d.note ? ` · ${str(d.note)}` : '');
    case 'chase':
      return t('repairUi.event.chase', { count: Number(d.count ?? 0), name: str(d.notifiedName) }) + (d.note ? ` · ${str(d.note)}` : '');
    case 'pick-up':
      return t('repairUi.event.pickUp', { name: str(d.technician), trade: str(d.trade), time: when(d.at) });
    case 'complete':
      return t('repairUi.event.complete', { time: when(d.finishedAt), amount: yuan(Number(d.chargeTotalFen ?? 0)), callback: str(d.callback), due: str(d.dueDate) });
    case 'collect':
      return t('repairUi.event.collect', { amount: yuan(Number(d.amountFen ?? 0)) }) + (d.note ? ` · ${str(d.note)}` : '');
    case 'waive':
      return t('repairUi.event.waive', { amount: yuan(Number(d.amountFen ?? 0)), reason: str(d.note) });
    case 'void':
      return d.reason ? t('repairUi.event.reason', { reason: str(d.reason) }) : '';
    case 'print':
    case 'reprint':
      return d.count ? t('slip.event.printCount', { count: Number(d.count) }) : '';
    default:
      return '';
  }
}

export function RepairTimeline({ repair }: { repair: RepairDetail }) {
  const { t } = useTranslation();
  return (
    <RecordTimeline
      title={t('repairUi.timeline')}
      entries={repair.timeline}
      reader={{
        label: (action) => t(`repairUi.action.${action}`, { defaultValue: action }),
        detail: (action, d) => eventDetail(t, action, d),
        color: (action) => EVENT_COLORS[action],
      }}
    />
  );
}
