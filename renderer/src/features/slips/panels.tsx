import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, List, Row, Select, Space, Table, Tag } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  EyeOutlined,
  PhoneOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { SIGNERS, signatureProblems, signModesFor, VERIFY_CONTACTS, type SignMode, type Signer, type VerifyAnswer } from '../../../../shared/workflows/slips/rules';
import { VerificationInputSchema, type SlipDetail } from '../../../../shared/workflows/slips/schema';
import { applyFieldErrors, errorText, invoke, translateMessage } from '../../api';
import { useNotifyError } from '../../components/feedback';
import { Field, FormShell } from '../../components/form';
import { RecordTimeline } from '../../components/record-timeline';
import { formatDate, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useSessionStore } from '../../stores/use-session-store';
import { SignerChoice } from './SignatureBox';
import { base64Blob, MIME_TYPES, saveFile } from '../../components/save-file';
import { mono } from './common';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const ANSWER_COLORS: Record<VerifyAnswer, string> = { agreed: 'green', refused: 'red', unreachable: 'orange' };

export function AnswerTag({ answer }: { answer: VerifyAnswer }) {
  const { t } = useTranslation();
  return (
    <Tag color={ANSWER_COLORS[answer]} data-answer={answer}>
      {t(`enum.verifyAnswer.${answer}`)}
    </Tag>
  );
}

// ---------------------------------------------------------------- verification call

const CallSchema = VerificationInputSchema.omit({ slipId: true });
type CallValues = z.input<typeof CallSchema>;

/** Records one verification call: whom, which number, when, and the answer (one button per answer). */
export function CallForm({ slip, onDone }: { slip: SlipDetail; onDone: (s: SlipDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const notify = useNotifyError();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<VerifyAnswer | null>(null);
  const [revealing, setRevealing] = useState(false);
  const proposed = slip.proposedContact;
  const { control, handleSubmit, setValue, setError: setFieldError, reset } = useForm<CallValues, unknown, z.output<typeof CallSchema>>({
    resolver: zodResolver(CallSchema),
    defaultValues: { contactRole: proposed?.role ?? 'owner', contactName: proposed?.name ?? '', contactPhone: '', calledAt: dayjs().format(), answer: 'agreed', note: '' },
  });

  const fillFromFile = async () => {
    if (!proposed?.personId) return;
    setRevealing(true);
    try {
      const r = await invoke('people.reveal', { id: proposed.personId, field: 'phone' });
      if (r.value) setValue('contactPhone', r.value, { shouldValidate: true });
    } catch (e) {
      notify(e);
    } finally {
      setRevealing(false);
    }
  };

  const record = (answer: VerifyAnswer) => {
    setValue('answer', answer);
    return handleSubmit(async (values) => {
      setError(null);
      setBusy(answer);
      try {
        const s = await invoke('slips.recordCall', { ...values, slipId: slip.id });
        message.success(t(`slip.call.done.${answer}`));
        reset({ ...values, contactPhone: values.contactPhone, calledAt: dayjs().format(), note: '' });
        onDone(s);
      } catch (e) {
        if (!applyFieldErrors(e, setFieldError, { fields: ['contactRole', 'contactName', 'contactPhone', 'calledAt', 'note'] })) setError(errorText(t, e));
      } finally {
        setBusy(null);
      }
    })();
  };

  return (
    <Card
      title={
        <span>
          <PhoneOutlined /> {t('slip.call.title')}
        </span>
      }
      style={{ marginBottom: 16, borderColor: '#ffd591' }}
      data-testid="call-panel"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          proposed?.name
            ? t('slip.call.proposed', { role: t(`enum.verifyContact.${proposed.role}`), name: proposed.name, phone: proposed.phoneMasked ?? t('slip.call.noPhoneOnFile') })
            : t('slip.call.proposedUnknown', { role: t(`enum.verifyContact.${proposed?.role ?? 'owner'}`) })
        }
        description={t('slip.call.explain')}
        data-testid="proposed-contact"
      />
      <FormShell onSubmit={() => undefined} error={error} testId="call-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Field control={control} name="contactRole" label={t('slip.call.role')} required idPrefix="call">
              {(field, p) => (
                <Select {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} options={VERIFY_CONTACTS.map((c) => ({ value: c, label: t(`enum.verifyContact.${c}`) }))} />
              )}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="contactName" label={t('slip.call.name')} required idPrefix="call">
              {(field, p) => <Input {...field} {...p} maxLength={50} />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field
              control={control}
              name="contactPhone"
              label={t('slip.call.phone')}
              required
              idPrefix="call"
              extra={
                proposed?.phoneMasked ? (
                  <span>
                    {t('slip.call.onFile')} <span style={mono}>{proposed.phoneMasked}</span>
                    {proposed.personId && can('pii.reveal') ? (
                      <Button size="small" type="link" loading={revealing} onClick={() => void fillFromFile()} data-testid="call-fill-phone">
                        {t('slip.call.useOnFile')}
                      </Button>
                    ) : null}
                  </span>
                ) : (
                  t('slip.call.phoneHint')
                )
              }
            >
              {(field, p) => <Input {...field} {...p} maxLength={30} inputMode="tel" placeholder="138 0000 0000" />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="calledAt" label={t('slip.call.time')} required idPrefix="call">
              {(field, p) => (
                <DatePicker
                  id={p.id}
                  data-testid={p['data-testid']}
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  allowClear={false}
                  style={{ width: '100%' }}
                  value={field.value ? dayjs(field.value) : null}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  onChange={(v) => field.onChange(v ? v.format() : '')}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={16}>
            <Field control={control} name="note" label={t('common.note')} idPrefix="call">
              {(field, p) => <Input {...field} {...p} value={field.value ?? ''} maxLength={200} />}
            </Field>
          </Col>
        </Row>
        <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('slip.call.answer')}</div>
        <Space wrap>
          <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={busy === 'agreed'} disabled={!!busy && busy !== 'agreed'} onClick={() => void record('agreed')} data-testid="call-answer-agreed" style={{ background: '#389e0d' }}>
            {t('enum.verifyAnswer.agreed')}
          </Button>
          <Button danger size="large" icon={<CloseCircleOutlined />} loading={busy === 'refused'} disabled={!!busy && busy !== 'refused'} onClick={() => void record('refused')} data-testid="call-answer-refused">
            {t('enum.verifyAnswer.refused')}
          </Button>
          <Button size="large" icon={<QuestionCircleOutlined />} loading={busy === 'unreachable'} disabled={!!busy && busy !== 'unreachable'} onClick={() => void record('unreachable')} data-testid="call-answer-unreachable">
            {t('enum.verifyAnswer.unreachable')}
          </Button>
        </Space>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 8, fontSize: 12 }}>{t('slip.call.answerHint')}</div>
      </FormShell>
    </Card>
  );
}

export function CallsList({ slip }: { slip: SlipDetail }) {
  const { t } = useTranslation();
  if (!slip.calls.length) return null;
  return (
    <Card title={t('slip.call.history', { count: slip.calls.length })} size="small" style={{ marginBottom: 16 }} data-testid="calls">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={slip.calls}
        onRow={(c) => ({ 'data-testid': 'call-row', 'data-answer': c.answer }) as object}
        columns={[
          { title: t('slip.call.time'), dataIndex: 'calledAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('slip.call.role'), dataIndex: 'contactRole', width: 120, render: (v: SlipDetail['calls'][number]['contactRole']) => t(`enum.verifyContact.${v}`) },
          { title: t('slip.call.name'), dataIndex: 'contactName', width: 120 },
          { title: t('slip.call.phone'), dataIndex: 'contactPhoneMasked', width: 130, render: (v: string) => <span style={mono}>{v}</span> },
          { title: t('slip.call.answer'), dataIndex: 'answer', width: 100, render: (v: VerifyAnswer) => <AnswerTag answer={v} /> },
          { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          { title: t('slip.recordedBy'), dataIndex: 'recordedByName', width: 120, render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- fees (moving out)

const FeesSchema = contract['slips.confirmFees'].input.pick({ receipt: true });

/** Moving out: the cashier confirms all fees are cleared up to today, with the receipt reference. */
export function FeesPanel({ slip, onDone }: { slip: SlipDetail; onDone: (s: SlipDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError: setFieldError } = useForm({ resolver: zodResolver(FeesSchema), defaultValues: { receipt: '' } });
  const open = slip.state === 'draft' || slip.state === 'awaiting_verification' || slip.state === 'ready_to_issue';
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const s = await invoke('slips.confirmFees', { slipId: slip.id, receipt: values.receipt });
      message.success(t('slip.fees.confirmed'));
      onDone(s);
    } catch (e) {
      if (!applyFieldErrors(e, setFieldError, { fields: ['receipt'] })) setError(errorText(t, e));
    }
  });
  const consent = slip.calls.some((c) => c.contactRole === 'owner' && c.answer === 'agreed');

  return (
    <Card title={t('slip.fees.title')} style={{ marginBottom: 16 }} data-testid="fees-panel">
      {slip.fees ? (
        <Alert
          type="success"
          showIcon
          data-testid="fees-status"
          data-cleared="true"
          title={t('slip.fees.cleared', { date: formatDate(slip.fees.clearedAt) })}
          description={t('slip.fees.clearedBy', { name: slip.fees.clearedByName ?? '—', time: formatDateTime(slip.fees.clearedAt), receipt: slip.fees.receipt })}
        />
      ) : can('slips.fees') && open ? (
        <div style={{ maxWidth: 520 }}>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('slip.fees.cashierAsk')} data-testid="fees-status" data-cleared="false" />
          <FormShell onSubmit={submit} error={error} testId="fees-form">
            <Field control={control} name="receipt" label={t('slip.fees.receipt')} required idPrefix="fees" extra={t('slip.fees.receiptHint')}>
              {(field, p) => <Input {...field} {...p} maxLength={40} />}
            </Field>
            <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="fees-confirm">
              {t('slip.fees.confirm')}
            </Button>
          </FormShell>
        </div>
      ) : (
        <Alert type={open ? 'warning' : 'info'} showIcon data-testid="fees-status" data-cleared="false" title={open ? t('slip.fees.waiting') : t('slip.fees.notCleared')} />
      )}
      {slip.tenantMoveOut ? (
        <div style={{ marginTop: 12 }} data-testid="tenant-move-out">
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('slip.tenantMoveOut')}</div>
          <Space wrap size={16}>
            <span>
              {t('slip.meterReadings')}{t('slip.colon')}
              {slip.meterReadings ? (
                <span data-testid="meter-values">
                  {t('slip.meter.water')} {slip.meterReadings.water} · {t('slip.meter.electricity')} {slip.meterReadings.electricity}
                  {slip.meterReadings.gas !== null ? ` · ${t('slip.meter.gas')} ${slip.meterReadings.gas}` : ''}
                </span>
              ) : (
                <Tag color="red">{t('slip.missing')}</Tag>
              )}
            </span>
            <span>
              {t('slip.ownerConsent')}{t('slip.colon')}{consent ? <Tag color="green">{t('slip.consentGiven')}</Tag> : <Tag color="orange">{t('slip.consentPending')}</Tag>}
            </span>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------- issue

type Sigs = Record<Signer, string | null>;
type Modes = Record<Signer, SignMode>;

/** The phone-recording reference of an owner who does not sign: the input, and which verification call it is of. */
function RecordingRef({ slip, value, error, onChange }: { slip: SlipDetail; value: string; error: string | null; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const call = [...slip.calls].reverse().find((c) => c.contactRole === 'owner' && c.answer === 'agreed');
  return (
    <Form layout="vertical" component="div" style={{ marginTop: 8 }}>
      <Form.Item
        label={t('slip.recordingRef')}
        required
        htmlFor="issue-recordingRef"
        style={{ marginBottom: 0 }}
        validateStatus={error ? 'error' : undefined}
        help={error ? <span data-testid="error-recordingRef">{translateMessage(t, error)}</span> : undefined}
        extra={call ? t('slip.recordingCall', { name: call.contactName, time: formatDateTime(call.calledAt) }) : t('slip.recordingRefHint')}
      >
        <Input id="issue-recordingRef" data-testid="field-recordingRef" value={value} maxLength={60} onChange={(e) => onChange(e.target.value)} placeholder={t('slip.recordingRefPlaceholder')} />
      </Form.Item>
    </Form>
  );
}

/**
 * Each signer signs on screen or on the printed paper; only an owner who does not sign at all needs the
 * phone-recording reference. The choice per signer is kept with the slip and printed (an empty line for paper).
 */
export function IssuePanel({ slip, onDone }: { slip: SlipDetail; onDone: (s: SlipDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [modes, setModes] = useState<Modes>({ clerk: 'screen', carrier: 'screen', owner: 'screen' });
  const [sigs, setSigs] = useState<Sigs>({ clerk: null, carrier: null, owner: null });
  const [recordingRef, setRecordingRef] = useState('');
  const [ack, setAck] = useState(false);
  const [sigErrors, setSigErrors] = useState<Partial<Record<Signer | 'recordingRef', string>>>({});
  const [ackError, setAckError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = slip.issueBlockers.length > 0;
  const clearError = (k: Signer | 'recordingRef') => setSigErrors(({ [k]: _, ...rest }) => rest);
  const setters = useMemo(
    () =>
      Object.fromEntries(
        SIGNERS.map((who) => [
          who,
          (v: string | null) => {
            setSigs((s) => ({ ...s, [who]: v }));
            if (v) setSigErrors(({ [who]: _, ...rest }) => rest);
          },
        ]),
      ) as Record<Signer, (v: string | null) => void>,
    [],
  );
  const chooseMode = (who: Signer, m: SignMode) => {
    setModes((s) => ({ ...s, [who]: m }));
    // Leaving the box drops what was drawn in it: only a signer on screen keeps an image.
    setSigs((s) => ({ ...s, [who]: null }));
    clearError(who);
    if (who === 'owner') clearError('recordingRef');
  };

  const issue = async () => {
    if (busy) return;
    setError(null);
    const ref = modes.owner === 'recording' ? recordingRef.trim() : '';
    const problems = signatureProblems({
      modes,
      images: { clerk: !!sigs.clerk, carrier: !!sigs.carrier, owner: !!sigs.owner },
      recordingRef: !!ref,
    });
    const errs = Object.fromEntries(problems.map((p) => [p.field === 'recordingRef' ? 'recordingRef' : p.field.split('.')[1], p.message]));
    setSigErrors(errs);
    if (errs.recordingRef && !errs.clerk && !errs.carrier && !errs.owner) document.getElementById('issue-recordingRef')?.focus();
    const bad = problems.length > 0;
    if (slip.frequent && !ack) setAckError(true);
    if (bad || (slip.frequent && !ack)) return;
    setBusy(true);
    try {
      const signatures = Object.fromEntries(SIGNERS.map((who) => [who, { mode: modes[who], image: modes[who] === 'screen' ? sigs[who] : null }])) as Record<Signer, { mode: SignMode; image: string | null }>;
      const s = await invoke('slips.issue', { slipId: slip.id, signatures, recordingRef: ref || null, acknowledgeFrequent: ack });
      message.success(t('slip.issued', { number: s.number }));
      onDone(s);
    } catch (e) {
      const fe = (e as { fieldErrors?: Record<string, { message: string }> }).fieldErrors;
      const mapped = fe ? Object.fromEntries(Object.entries(fe).map(([k, v]) => [k === 'recordingRef' ? k : k.split('.')[1], v.message])) : {};
      if (Object.keys(mapped).length) setSigErrors(mapped);
      else setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<Signer, string> = { clerk: t('slip.sig.clerk'), carrier: t('slip.sig.carrier', { name: slip.carrierName }), owner: t('slip.sig.owner') };

  return (
    <Card title={t('slip.issueTitle')} style={{ marginBottom: 16, borderColor: blocked ? undefined : '#91caff' }} data-testid="issue-panel">
      {slip.frequent ? (
        <FrequentAlert frequent={slip.frequent} testId="frequent-warning">
          <Checkbox
            checked={ack}
            onChange={(e) => {
              setAck(e.target.checked);
              setAckError(false);
            }}
            data-testid="frequent-ack"
            style={{ marginTop: 8, fontWeight: 500 }}
          >
            {t('slip.frequent.ack')}
          </Checkbox>
          {ackError ? (
            <div style={{ color: '#ff4d4f' }} data-testid="error-acknowledgeFrequent">
              {t('slip.frequent.ackRequired')}
            </div>
          ) : null}
        </FrequentAlert>
      ) : null}
      <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 12 }}>{t('slip.sig.explain')}</div>
      <Row gutter={16}>
        {SIGNERS.map((who) => (
          <Col xs={24} md={8} key={who}>
            <SignerChoice
              who={who}
              label={labels[who]}
              modes={signModesFor(who)}
              mode={modes[who]}
              note={(m) => (m === 'paper' ? t('slip.sig.paperBox') : t('slip.sig.recordingBox'))}
              error={sigErrors[who] ? translateMessage(t, sigErrors[who]) : null}
              disabled={busy}
              onMode={(m) => chooseMode(who, m)}
              onImage={setters[who]}
            >
              {who === 'owner' && modes.owner === 'recording' ? (
                <RecordingRef
                  slip={slip}
                  value={recordingRef}
                  error={sigErrors.recordingRef ?? null}
                  onChange={(v) => {
                    setRecordingRef(v);
                    if (v.trim()) clearError('recordingRef');
                  }}
                />
              ) : null}
            </SignerChoice>
          </Col>
        ))}
      </Row>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="form-error" /> : null}
      <Button type="primary" size="large" onClick={() => void issue()} loading={busy} disabled={blocked} data-testid="issue-submit">
        {t('slip.issue')}
      </Button>
      {blocked ? <span style={{ marginLeft: 12, color: 'rgba(0,0,0,0.45)' }}>{t('slip.issueBlockedHint')}</span> : null}
    </Card>
  );
}

// ---------------------------------------------------------------- print

interface Rendered {
  fileName: string;
  pdfBase64: string;
  copy: boolean;
  url: string;
}

/**
 * Preview, save and print one rendering of the slip. Every `slips.print` call counts as a print
 * (the second and later are copies, 副本, and are logged), so one fetched PDF serves all three
 * until the clerk asks for a reprint.
 */
export function PrintPanel({ slip, onPrinted }: { slip: SlipDetail; onPrinted: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const caps = useSessionStore((s) => s.app?.capabilities);
  const native = !!caps?.nativeDialogs;
  const nativePrint = !!caps?.nativePrint;
  const [pdf, setPdf] = useState<Rendered | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );

  const render = async (): Promise<Rendered> => {
    const r = await invoke('slips.print', { id: slip.id, lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' });
    const url = URL.createObjectURL(base64Blob(r.pdfBase64, MIME_TYPES.pdf));
    urls.current.push(url);
    const out = { ...r, url };
    setPdf(out);
    onPrinted();
    return out;
  };
  const ensure = async () => pdf ?? (await render());

  const run = (what: string, fn: () => Promise<void>) => async () => {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const openWindow = (doc: Rendered) => {
    const w = window.open(doc.url, '_blank');
    if (!w) {
      setPreview(true);
      message.warning(t('slip.print.popupBlocked'));
    }
  };

  const doPreview = run('preview', async () => {
    const doc = await ensure();
    // The desktop window has no PDF viewer of its own: the system viewer window shows it (with its print button).
    if (nativePrint) await invoke('pdf.print', { fileName: doc.fileName, pdfBase64: doc.pdfBase64 });
    else setPreview(true);
  });
  const doSave = run('save', async () => {
    const doc = await ensure();
    const r = await saveFile({ fileName: doc.fileName, base64: doc.pdfBase64, type: MIME_TYPES.pdf, url: doc.url }, native);
    if (r.via === 'dialog' && r.saved) message.success(t('slip.print.saved', { path: r.path ?? doc.fileName }));
  });
  const print = async (doc: Rendered) => {
    if (nativePrint) await invoke('pdf.print', { fileName: doc.fileName, pdfBase64: doc.pdfBase64 });
    else openWindow(doc);
  };
  const doPrint = run('print', async () => print(await ensure()));
  const doReprint = run('reprint', async () => {
    const doc = await render();
    await print(doc);
  });

  if (!can('slips.write')) return null;
  const printed = slip.printCount > 0;

  return (
    <Card
      title={
        <span>
          <PrinterOutlined /> {t('slip.print.title')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="print-panel"
      extra={pdf ? <Tag color={pdf.copy ? 'orange' : 'green'} data-testid="print-kind">{pdf.copy ? t('slip.print.isCopy') : t('slip.print.isOriginal')}</Tag> : null}
    >
      <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 12 }}>{t('slip.print.explain')}</div>
      {printed ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="print-copy-note"
          title={t('slip.print.copyNote', { count: slip.printCount })}
          description={pdf ? t('slip.print.reuseNote') : undefined}
        />
      ) : null}
      <Space wrap>
        <Button icon={<EyeOutlined />} onClick={() => void doPreview()} loading={busy === 'preview'} disabled={!!busy && busy !== 'preview'} data-testid="print-preview">
          {t('slip.print.preview')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void doSave()} loading={busy === 'save'} disabled={!!busy && busy !== 'save'} data-testid="print-save">
          {t('slip.print.save')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void doPrint()} loading={busy === 'print'} disabled={!!busy && busy !== 'print'} data-testid="print-print">
          {t('slip.print.print')}
        </Button>
        {pdf ? (
          <Button icon={<ReloadOutlined />} onClick={() => void doReprint()} loading={busy === 'reprint'} disabled={!!busy && busy !== 'reprint'} data-testid="print-reprint">
            {t('slip.print.reprint')}
          </Button>
        ) : null}
      </Space>
      {!native ? <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 8 }}>{t('slip.print.browserHint')}</div> : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="print-error" /> : null}
      {preview && pdf && !nativePrint ? (
        <div style={{ marginTop: 12 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
            <span style={{ color: 'rgba(0,0,0,0.55)' }}>{pdf.fileName}</span>
            <Space>
              <Button size="small" type="link" onClick={() => openWindow(pdf)} data-testid="print-open">
                {t('slip.print.openWindow')}
              </Button>
              <Button size="small" type="link" onClick={() => setPreview(false)}>
                {t('common.close')}
              </Button>
            </Space>
          </div>
          <iframe title={t('slip.print.preview')} src={pdf.url} style={{ width: '100%', height: 760, border: '1px solid #f0f0f0', borderRadius: 6, background: '#525659' }} data-testid="print-frame" />
        </div>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------- timeline

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One readable line for a timeline event's detail. */
function eventDetail(t: Translate, slip: SlipDetail, action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'submit':
      return d.state ? t('slip.event.toState', { state: t(`enum.slipState.${str(d.state)}`) }) : '';
    case 'call':
      return t('slip.event.call', {
        role: t(`enum.verifyContact.${str(d.contactRole)}`, { defaultValue: str(d.contactRole) }),
        name: str(d.contactName),
        answer: t(`enum.verifyAnswer.${str(d.answer)}`, { defaultValue: str(d.answer) }),
      });
    case 'fees-cleared':
      return t('slip.event.receipt', { receipt: str(d.receipt) });
    case 'issue': {
      // Since the choice is kept: how each signed; before, only whether an image was captured (✓/✗).
      const signers = d.signers && typeof d.signers === 'object' ? (d.signers as Record<string, unknown>) : null;
      const signed = (d.signed ?? {}) as Record<string, boolean>;
      const mark = (k: string) =>
        signers ? `${t(`slip.sig.short.${k}`)}${t('slip.colon')}${t(`slip.sig.mode.${str(signers[k]) || 'unknown'}`, { defaultValue: str(signers[k]) })}` : `${t(`slip.sig.short.${k}`)}${signed[k] ? '✓' : '✗'}`;
      const parts = [t('slip.event.signed', { list: SIGNERS.map(mark).join(signers ? ' · ' : ' ') })];
      if (d.recordingRef) parts.push(t('slip.event.recording', { ref: str(d.recordingRef) }));
      if (Array.isArray(d.frequentAcknowledged)) parts.push(t('slip.event.frequentAck', { count: d.frequentAcknowledged.length }));
      return parts.join('；');
    }
    case 'print':
    case 'reprint':
      return d.count ? t('slip.event.printCount', { count: Number(d.count) }) : '';
    case 'gate-refused': {
      const refusal = str(d.refusal);
      return refusal ? t(refusal, { number: slip.number, exitedAt: slip.exitedAt ? formatDateTime(slip.exitedAt) : '', defaultValue: refusal }) : '';
    }
    case 'refuse':
    case 'void':
      return d.reason ? t('slip.event.reason', { reason: endReasonText(t, str(d.reason)) }) : '';
    default:
      return '';
  }
}

/** A reason the host set itself is an i18n key (slip.refusedOnPhone); a clerk's own words are shown as typed. */
export function endReasonText(t: Translate, reason: string | null): string {
  if (!reason) return '';
  return reason === 'slip.refusedOnPhone' ? t('slip.refusedOnPhone') : reason;
}

const EVENT_COLORS: Record<string, string> = { refuse: 'red', 'gate-refused': 'red', exit: 'green', issue: 'blue', 'fees-cleared': 'green' };
const CALL_COLORS: Record<string, string> = { agreed: 'green', refused: 'red', unreachable: 'orange' };

export function SlipTimeline({ slip }: { slip: SlipDetail }) {
  const { t } = useTranslation();
  return (
    <RecordTimeline
      title={t('slip.timeline')}
      entries={slip.timeline}
      reader={{
        label: (action) => t(`slip.action.${action}`, { defaultValue: action }),
        detail: (action, d) => eventDetail(t, slip, action, d),
        color: (action, d) => (action === 'call' ? (CALL_COLORS[String(d.answer)] ?? 'blue') : EVENT_COLORS[action]),
      }}
    />
  );
}

/** The frequent carry-out warning with the unit's earlier slips; the issue panel adds its acknowledgement below. */
export function FrequentAlert({ frequent, testId, children }: { frequent: NonNullable<SlipDetail['frequent']>; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={t('slip.frequent.title', { count: frequent.earlier.length + 1, days: frequent.days, threshold: frequent.threshold })}
      description={
        <div>
          <List
            size="small"
            dataSource={frequent.earlier}
            renderItem={(e) => (
              <List.Item data-testid="frequent-earlier" style={{ padding: '4px 0' }}>
                <span style={{ ...mono, width: 170, flex: 'none' }}>{e.number}</span>
                <span style={{ width: 100, flex: 'none', color: 'rgba(0,0,0,0.55)' }}>{formatDate(e.createdAt)}</span>
                <span style={{ flex: 1 }}>{e.itemSummary}</span>
              </List.Item>
            )}
          />
          {children}
        </div>
      }
    />
  );
}
