import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Space, Table, Tag } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/kernel/money';
import { COPY_ITEMS, METER_KINDS, stepError, type CopyItem, type MoveInStep } from '../../../../shared/workflows/move-in/rules';
import type { MoveInDetail } from '../../../../shared/workflows/move-in/schema';
import { invoke, isApiError, translateMessage } from '../../api';
import { DateInput, FormShell } from '../../components/form';
import { formatArea, formatDate, formatDateTime, todayIso } from '../../components/format';
import { MoneyInput } from '../../components/money-input';
import { SignerChoice } from '../slips/SignatureBox';
import { areaLabel, itemLabel, keyLabel, meterLabel, mono, moveInErrorText, muted } from './common';
import { stepNumber } from './MoveInsPage';

export type Done = (d: MoveInDetail) => void;
type Translate = (key: string, options?: Record<string, unknown>) => string;

// ---------------------------------------------------------------- the frame of a step

/** A step's call: busy once at a time, the host's general error and its field errors (translated) kept for the form. */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  // Kept as the host said it (or as message keys), put in words when shown: a language switch re-words them.
  const [failure, setFailure] = useState<unknown>(null);
  const [raw, setRaw] = useState<Record<string, { message: string; params?: Record<string, string | number> }>>({});
  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setRaw({});
    try {
      await fn();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors && Object.keys(e.fieldErrors).length) {
        setRaw(Object.fromEntries(Object.entries(e.fieldErrors).map(([k, fe]) => [k, { message: fe.message, params: fe.params }])));
        if (e.code !== 'VALIDATION') setFailure(e);
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  /** Problems found before the call (a required tick missing), as message keys: shown next to the fields like the host's. */
  const refuse = (errs: Record<string, string>) => {
    setRaw(Object.fromEntries(Object.entries(errs).map(([k, m]) => [k, { message: m }])));
    return Object.keys(errs).length > 0;
  };
  const fields = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, translateMessage(t, v.message, v.params)]));
  const error = failure ? moveInErrorText(t, failure) : null;
  return { busy, error, fields, run, refuse };
}

/** A form item showing the field error of `name` (the host's path) under it. */
export function Item({ name, fields, label, required, children, extra }: { name: string; fields: Record<string, string>; label?: ReactNode; required?: boolean; children: ReactNode; extra?: ReactNode }) {
  const msg = fields[name];
  return (
    <Form.Item label={label} required={required} validateStatus={msg ? 'error' : undefined} help={msg ? <span data-testid={`error-${name}`}>{msg}</span> : undefined} extra={extra} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}

export type StepStatus = 'done' | 'due' | 'later' | 'closed';

/** Where a step stands on the record: done (recorded), due (the one to take now), later (a step before it first), closed. */
export function stepStatus(d: MoveInDetail, step: MoveInStep): StepStatus {
  if (d.steps.some((s) => s.step === step)) return 'done';
  const why = stepError(step, d.state, d.steps.map((s) => s.step));
  return why === null ? 'due' : why === 'movein.why.order' ? 'later' : 'closed';
}

/**
 * One step's card, in the order of procedure 一: its number and name; when done, who recorded it when and what;
 * when due, the form (for a user who may take it); later, greyed with why.
 */
export function StepCard({ d, step, done, children, extra, forWhom }: { d: MoveInDetail; step: MoveInStep; done: ReactNode; children?: ReactNode; extra?: ReactNode; forWhom?: ReactNode }) {
  const { t } = useTranslation();
  const status = stepStatus(d, step);
  const rec = d.steps.find((s) => s.step === step);
  const due = d.nextStep;
  return (
    <Card
      size="small"
      data-testid={`step-${step}`}
      data-status={status}
      title={
        <span>
          <span style={{ ...muted, fontWeight: 400 }}>{stepNumber(step)}. </span>
          {t(`movein.step.${step}`)}
          {status === 'done' ? <CheckCircleOutlined style={{ color: '#52c41a', marginLeft: 8 }} /> : status === 'later' || status === 'closed' ? <LockOutlined style={{ ...muted, marginLeft: 8 }} /> : null}
        </span>
      }
      extra={
        <Space size={8}>
          {extra}
          {status === 'done' ? <Tag color="green">{t('moveinUi.stepDone')}</Tag> : status === 'due' ? <Tag color="blue">{t('moveinUi.stepDue')}</Tag> : null}
        </Space>
      }
      style={{ marginBottom: 12, borderColor: status === 'due' ? '#91caff' : undefined, opacity: status === 'later' || status === 'closed' ? 0.6 : 1, background: status === 'later' || status === 'closed' ? '#fafafa' : undefined }}
    >
      {status === 'done' ? (
        <>
          <div style={{ ...muted, fontSize: 12, marginBottom: 6 }} data-testid="step-by">
            {t('moveinUi.recordedBy', { time: formatDateTime(rec!.at), by: rec!.by ?? t('audit.system') })}
          </div>
          {done}
        </>
      ) : status === 'due' ? (
        (children ?? forWhom)
      ) : (
        <div style={muted} data-testid="step-why">
          {status === 'later' && due ? t('movein.why.order', { step: t(`movein.step.${due}`) }) : t('movein.why.closed')}
        </div>
      )}
    </Card>
  );
}

const Ok = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <div data-testid={testId}>
    <CheckCircleOutlined style={{ color: '#52c41a' }} /> {children}
  </div>
);

const Submit = ({ busy, text, testId }: { busy: boolean; text: string; testId: string }) => (
  <Button type="primary" htmlType="submit" loading={busy} data-testid={testId}>
    {text}
  </Button>
);

// ---------------------------------------------------------------- 1 identity

export function IdentityStep({ d, canWrite, onDone }: { d: MoveInDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const a = useAction();
  const [seen, setSeen] = useState({ idDocumentSeen: false, purchaseContractSeen: false, noticeSeen: false });
  const [noticeDate, setNoticeDate] = useState<string | null>(d.noticeDate);
  const submit = () =>
    a.run(async () => {
      const errs: Record<string, string> = {};
      for (const [k, v] of Object.entries(seen)) if (!v) errs[k] = 'movein.v.seen';
      if (!noticeDate) errs.noticeDate = 'v.required';
      if (a.refuse(errs)) return;
      onDone(await invoke('moveIn.identity', { id: d.id, ...seen, noticeDate: noticeDate! }));
    });
  const rec = d.steps.find((s) => s.step === 'identity');
  return (
    <StepCard d={d} step="identity" done={<Ok testId="identity-done">{t('moveinUi.identityDone', { date: formatDate(d.noticeDate) })}</Ok>} forWhom={<ForWriter />}>
      {canWrite && !rec ? (
        <FormShell onSubmit={submit} error={a.error} testId="identity-form">
          <div style={{ ...muted, marginBottom: 8 }}>{t('moveinUi.identityHint')}</div>
          {(['idDocumentSeen', 'purchaseContractSeen', 'noticeSeen'] as const).map((k, i) => (
            <Item key={k} name={k} fields={a.fields}>
              <Checkbox autoFocus={i === 0} checked={seen[k]} onChange={(e) => setSeen((s) => ({ ...s, [k]: e.target.checked }))} data-testid={`check-${k}`}>
                {t(`moveinUi.seen.${k}`)}
              </Checkbox>
            </Item>
          ))}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Item name="noticeDate" fields={a.fields} label={t('moveinUi.noticeDate')} required extra={t('moveinUi.noticeDateHint')}>
                <DateInput value={noticeDate} onChange={setNoticeDate} data-testid="field-noticeDate" allowClear={false} />
              </Item>
            </Col>
          </Row>
          <Submit busy={a.busy} text={t('moveinUi.identitySubmit')} testId="identity-submit" />
        </FormShell>
      ) : null}
    </StepCard>
  );
}

function ForWriter() {
  const { t } = useTranslation();
  return <Alert type="info" showIcon title={t('moveinUi.forClerk')} />;
}

// ---------------------------------------------------------------- 2 fees

/** The prepaid property fee (rate × area × months, as the host computed it), the deposit, the total; changed with a reason; confirmed by the cashier. */
export function FeesStep({ d, canWrite, canConfirm, onDone }: { d: MoveInDetail; canWrite: boolean; canConfirm: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = d.fees;
  const status = stepStatus(d, 'fees');
  const [overriding, setOverriding] = useState(false);
  const [fee, setFee] = useState<number | null>(f.propertyFeeFen);
  const [reason, setReason] = useState('');
  const [receipt, setReceipt] = useState('');
  const o = useAction();
  const c = useAction();
  const override = () =>
    o.run(async () => {
      const errs: Record<string, string> = {};
      if (fee === null || Number.isNaN(fee)) errs.propertyFeeFen = 'movein.v.fen';
      if (!reason.trim()) errs.reason = 'v.required';
      if (o.refuse(errs)) return;
      onDone(await invoke('moveIn.overrideFee', { id: d.id, propertyFeeFen: fee!, reason: reason.trim() }));
      setOverriding(false);
      message.success(t('moveinUi.feeChanged'));
    });
  const confirm = () =>
    c.run(async () => {
      if (c.refuse(receipt.trim() ? {} : { receipt: 'v.required' })) return;
      const r = await invoke('moveIn.confirmFees', { id: d.id, receipt: receipt.trim() });
      message.success(t('moveinUi.feesConfirmed', { amount: formatFen(r.fees.totalFen ?? 0) }));
      onDone(r);
    });

  const yuanRate = formatFen(f.rateFen);
  const table = (
    <table style={{ borderCollapse: 'collapse', marginBottom: 12, minWidth: 420 }} data-testid="fee-table">
      <tbody>
        <tr>
          <td style={{ padding: '4px 16px 4px 0' }}>{t('moveinUi.propertyFee')}</td>
          <td style={{ padding: '4px 16px 4px 0', ...muted }} data-testid="fee-formula">
            {f.areaM2 === null ? t('moveinUi.noArea') : t('moveinUi.formula', { rate: yuanRate, area: formatArea(f.areaM2), months: f.months })}
            {f.periodFrom && f.periodTo ? <div style={{ fontSize: 12 }}>{t('moveinUi.period', { from: formatDate(f.periodFrom), to: formatDate(f.periodTo) })}</div> : null}
          </td>
          <td style={{ padding: '4px 0', textAlign: 'right', ...mono }}>
            {f.overrideReason && f.computedFen !== null ? <div style={{ textDecoration: 'line-through', ...muted }} data-testid="fee-computed">{formatFen(f.computedFen)}</div> : null}
            <span data-testid="fee-property">{f.propertyFeeFen === null ? '—' : formatFen(f.propertyFeeFen)}</span>
          </td>
        </tr>
        {f.overrideReason ? (
          <tr>
            <td />
            <td colSpan={2} style={{ padding: '0 0 4px', color: '#d46b08', fontSize: 12 }} data-testid="fee-override-reason">
              {t('moveinUi.overrideReasonShown', { reason: f.overrideReason })}
            </td>
          </tr>
        ) : null}
        <tr>
          <td style={{ padding: '4px 16px 4px 0' }}>{t('moveinUi.deposit')}</td>
          <td style={{ padding: '4px 16px 4px 0', ...muted }}>{t(`movein.deposit.${f.deposit.kind}`)}</td>
          <td style={{ padding: '4px 0', textAlign: 'right', ...mono }} data-testid="fee-deposit">
            {formatFen(f.deposit.fen)}
          </td>
        </tr>
        <tr style={{ borderTop: '1px solid #f0f0f0' }}>
          <td style={{ padding: '6px 16px 4px 0' }}>
            <strong>{t('moveinUi.total')}</strong>
          </td>
          <td />
          <td style={{ padding: '6px 0 4px', textAlign: 'right', ...mono }}>
            <strong data-testid="fee-total">{f.totalFen === null ? '—' : formatFen(f.totalFen)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
  const due = status === 'due';
  return (
    <StepCard
      d={d}
      step="fees"
      done={
        <>
          {table}
          <Ok testId="fees-done">{t('moveinUi.feesDone', { receipt: f.receipt ?? '—', time: formatDateTime(f.confirmedAt), by: f.confirmedBy ?? '—' })}</Ok>
        </>
      }
    >
      {due ? (
        <>
          {table}
          {canWrite && !overriding ? (
            <Button size="small" onClick={() => setOverriding(true)} data-testid="fee-override" style={{ marginBottom: 12 }}>
              {t('moveinUi.overrideFee')}
            </Button>
          ) : null}
          {overriding ? (
            <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}>
              <FormShell onSubmit={override} error={o.error} testId="override-form">
                <Row gutter={12} align="bottom">
                  <Col xs={24} md={6}>
                    <Item name="propertyFeeFen" fields={o.fields} label={t('moveinUi.propertyFee')} required>
                      <MoneyInput value={fee} onChange={setFee} data-testid="field-propertyFeeFen" />
                    </Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Item name="reason" fields={o.fields} label={t('moveinUi.overrideReason')} required>
                      <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="field-overrideReason" autoFocus />
                    </Item>
                  </Col>
                  <Col>
                    <Form.Item style={{ marginBottom: 12 }}>
                      <Space>
                        <Button onClick={() => setOverriding(false)}>{t('common.cancel')}</Button>
                        <Submit busy={o.busy} text={t('moveinUi.overrideSubmit')} testId="override-submit" />
                      </Space>
                    </Form.Item>
                  </Col>
                </Row>
              </FormShell>
            </div>
          ) : null}
          {canConfirm ? (
            <FormShell onSubmit={confirm} error={c.error} testId="confirm-fees-form">
              <Row gutter={12} align="bottom">
                <Col xs={24} md={10}>
                  <Item name="receipt" fields={c.fields} label={t('moveinUi.receipt')} required>
                    <Input id="fees-receipt" value={receipt} onChange={(e) => setReceipt(e.target.value)} maxLength={40} placeholder={t('moveinUi.receiptPlaceholder')} data-testid="field-receipt" />
                  </Item>
                </Col>
                <Col>
                  <Form.Item style={{ marginBottom: 12 }}>
                    <Submit busy={c.busy} text={t('moveinUi.confirmFees', { amount: f.totalFen === null ? '—' : formatFen(f.totalFen) })} testId="confirm-fees" />
                  </Form.Item>
                </Col>
              </Row>
            </FormShell>
          ) : (
            <Alert type="info" showIcon title={t('moveinUi.forCashier')} data-testid="fees-for-cashier" />
          )}
        </>
      ) : null}
    </StepCard>
  );
}

// ---------------------------------------------------------------- 3 copies

export function CopiesStep({ d, canWrite, onDone }: { d: MoveInDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const a = useAction();
  const [items, setItems] = useState<CopyItem[]>([]);
  const [other, setOther] = useState('');
  const submit = () => a.run(async () => onDone(await invoke('moveIn.copies', { id: d.id, items, otherNote: items.includes('other') ? other.trim() || null : null })));
  const err = COPY_ITEMS.map((c) => a.fields[`items.${c}`]).find(Boolean);
  return (
    <StepCard
      d={d}
      step="copies"
      forWhom={<ForWriter />}
      done={
        <Ok testId="copies-done">
          {(d.copies?.items ?? []).map((c) => t(`movein.copy.${c}`)).join(t('moveinUi.listSep'))}
          {d.copies?.otherNote ? `（${d.copies.otherNote}）` : ''}
        </Ok>
      }
    >
      {canWrite ? (
        <FormShell onSubmit={submit} error={a.error} testId="copies-form">
          <Form.Item validateStatus={err ? 'error' : undefined} help={err ? <span data-testid="error-items">{err}</span> : undefined} style={{ marginBottom: 12 }}>
            <Checkbox.Group value={items} onChange={(v) => setItems(v as CopyItem[])} data-testid="field-copies">
              {COPY_ITEMS.map((c, i) => (
                <Checkbox key={c} value={c} autoFocus={i === 0} data-testid={`copy-${c}`}>
                  {t(`movein.copy.${c}`)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          {items.includes('other') ? (
            <Item name="otherNote" fields={a.fields} label={t('moveinUi.otherNote')} required>
              <Input value={other} onChange={(e) => setOther(e.target.value)} maxLength={100} data-testid="field-otherNote" style={{ maxWidth: 420 }} />
            </Item>
          ) : null}
          <Submit busy={a.busy} text={t('moveinUi.copiesSubmit')} testId="copies-submit" />
        </FormShell>
      ) : null}
    </StepCard>
  );
}

// ---------------------------------------------------------------- 4 archive

interface FamilyRow {
  key: number;
  name: string;
  phone: string;
  relationNote: string;
  birthday: string | null;
}

export function ArchiveStep({ d, canWrite, onDone }: { d: MoveInDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const a = useAction();
  const [family, setFamily] = useState<FamilyRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [agree, setAgree] = useState({ bankAgreement: false, fireSafetyAgreement: false, documentReceipt: false });
  const [emergencyName, setEmergencyName] = useState('');
  const [emergencyMobile, setEmergencyMobile] = useState('');
  const [birthday, setBirthday] = useState<string | null>(null);
  const setRow = (key: number, patch: Partial<FamilyRow>) => setFamily((f) => f.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    setFamily((f) => [...f, { key: nextKey, name: '', phone: '', relationNote: '', birthday: null }]);
    const k = nextKey;
    setNextKey(k + 1);
    window.setTimeout(() => document.getElementById(`family-name-${k}`)?.focus(), 0);
  };
  const submit = () =>
    a.run(async () => {
      const errs: Record<string, string> = {};
      family.forEach((r, i) => {
        if (!r.name.trim()) errs[`family.${i}.name`] = 'v.required';
      });
      if (!emergencyMobile.trim()) errs.emergencyMobile = 'v.required';
      if (!birthday) errs.birthday = 'movein.v.birthday';
      if (!agree.fireSafetyAgreement) errs.fireSafetyAgreement = 'movein.v.seen';
      if (!agree.documentReceipt) errs.documentReceipt = 'movein.v.seen';
      if (a.refuse(errs)) return;
      onDone(
        await invoke('moveIn.archive', {
          id: d.id,
          family: family.map((r) => ({ name: r.name.trim(), phone: r.phone.trim() || null, relationNote: r.relationNote.trim() || null, birthday: r.birthday })),
          ...agree,
          emergencyName: emergencyName.trim() || null,
          emergencyMobile: emergencyMobile.trim(),
          birthday,
        }),
      );
    });
  const ar = d.archive;
  return (
    <StepCard
      d={d}
      step="archive"
      forWhom={<ForWriter />}
      done={
        ar ? (
          <div data-testid="archive-done">
            <Ok>
              {[ar.bankAgreement ? t('moveinUi.agree.bankAgreement') : null, t('moveinUi.agree.fireSafetyAgreement'), t('moveinUi.agree.documentReceipt')].filter(Boolean).join(t('moveinUi.listSep'))}
            </Ok>
            <div style={{ marginTop: 4 }}>
              <span style={muted}>{t('moveinUi.familyShown', { names: ar.family.length ? ar.family.map((f) => f.name).join(t('moveinUi.listSep')) : t('moveinUi.noFamily') })}</span>
            </div>
          </div>
        ) : null
      }
    >
      {canWrite ? (
        <FormShell onSubmit={submit} error={a.error} testId="archive-form">
          <div style={{ fontWeight: 500, marginBottom: 6 }}>{t('moveinUi.ownerFacts')}</div>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Item name="emergencyName" fields={a.fields} label={t('moveinUi.emergencyName')}>
                <Input id="archive-emergencyName" autoFocus value={emergencyName} onChange={(e) => setEmergencyName(e.target.value)} maxLength={30} data-testid="field-emergencyName" />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item name="emergencyMobile" fields={a.fields} label={t('moveinUi.emergencyMobile')} required extra={t('moveinUi.emergencyMobileHint')}>
                <Input value={emergencyMobile} onChange={(e) => setEmergencyMobile(e.target.value)} maxLength={30} inputMode="tel" data-testid="field-emergencyMobile" />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item name="birthday" fields={a.fields} label={t('moveinUi.birthday')} required>
                <DateInput value={birthday} onChange={setBirthday} disabledFuture data-testid="field-birthday" />
              </Item>
            </Col>
          </Row>
          <div style={{ fontWeight: 500, marginBottom: 6 }}>{t('moveinUi.agreements')}</div>
          {(['bankAgreement', 'fireSafetyAgreement', 'documentReceipt'] as const).map((k) => (
            <Item key={k} name={k} fields={a.fields}>
              <Checkbox checked={agree[k]} onChange={(e) => setAgree((s) => ({ ...s, [k]: e.target.checked }))} data-testid={`check-${k}`}>
                {t(`moveinUi.agree.${k}`)}
                {k === 'bankAgreement' ? <span style={{ ...muted, marginLeft: 6 }}>{t('moveinUi.optional')}</span> : null}
              </Checkbox>
            </Item>
          ))}
          <div style={{ fontWeight: 500, margin: '4px 0 6px' }}>{t('moveinUi.family')}</div>
          {family.map((r, i) => (
            <Row gutter={8} key={r.key} data-testid="family-row">
              <Col xs={24} md={5}>
                <Item name={`family.${i}.name`} fields={a.fields}>
                  <Input id={`family-name-${r.key}`} placeholder={t('moveinUi.familyName')} value={r.name} onChange={(e) => setRow(r.key, { name: e.target.value })} maxLength={30} data-testid="family-name" />
                </Item>
              </Col>
              <Col xs={24} md={5}>
                <Item name={`family.${i}.phone`} fields={a.fields}>
                  <Input placeholder={t('moveinUi.familyPhone')} value={r.phone} onChange={(e) => setRow(r.key, { phone: e.target.value })} maxLength={30} inputMode="tel" data-testid="family-phone" />
                </Item>
              </Col>
              <Col xs={24} md={5}>
                <Item name={`family.${i}.relationNote`} fields={a.fields}>
                  <Input placeholder={t('moveinUi.familyRelation')} value={r.relationNote} onChange={(e) => setRow(r.key, { relationNote: e.target.value })} maxLength={20} data-testid="family-relation" />
                </Item>
              </Col>
              <Col xs={20} md={6}>
                <Item name={`family.${i}.birthday`} fields={a.fields}>
                  <DateInput value={r.birthday} onChange={(v) => setRow(r.key, { birthday: v })} disabledFuture placeholder={t('moveinUi.familyBirthday')} data-testid="family-birthday" />
                </Item>
              </Col>
              <Col xs={4} md={3}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('moveinUi.remove')} onClick={() => setFamily((f) => f.filter((x) => x.key !== r.key))} data-testid="family-remove" />
              </Col>
            </Row>
          ))}
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<PlusOutlined />} onClick={addRow} disabled={family.length >= 12} data-testid="family-add">
              {t('moveinUi.familyAdd')}
            </Button>
          </Space>
          <div>
            <Submit busy={a.busy} text={t('moveinUi.archiveSubmit')} testId="archive-submit" />
          </div>
        </FormShell>
      ) : null}
    </StepCard>
  );
}

// ---------------------------------------------------------------- 5 keys

interface KeyRow {
  key: number;
  kind: string;
  count: number | null;
}

export function KeysStep({ d, canWrite, onDone, printButton }: { d: MoveInDetail; canWrite: boolean; onDone: Done; printButton: ReactNode }) {
  const { t } = useTranslation();
  const a = useAction();
  const [rows, setRows] = useState<KeyRow[]>(() => d.keyTemplate.filter((k) => k.count > 0).map((k, i) => ({ key: i, kind: k.kind, count: k.count })));
  const [nextKey, setNextKey] = useState(d.keyTemplate.length + 1);
  const [mode, setMode] = useState<'screen' | 'paper'>('screen');
  const [image, setImage] = useState<string | null>(null);
  const owner = d.owners.find((o) => o.primary)?.name ?? d.ownerNames;
  const submit = () =>
    a.run(async () => {
      const errs: Record<string, string> = {};
      rows.forEach((r, i) => {
        if (!r.kind.trim()) errs[`keys.${i}.kind`] = 'v.required';
        if (!r.count || r.count < 1) errs[`keys.${i}.count`] = 'moveinUi.v.count';
      });
      if (!rows.length) errs.keys = 'v.tooFewItems';
      if (mode === 'screen' && !image) errs.signature = 'movein.error.keysNotSigned';
      if (a.refuse(errs)) return;
      onDone(
        await invoke('moveIn.keys', {
          id: d.id,
          keys: rows.map((r) => ({ kind: r.kind.trim(), count: r.count! })),
          signature: mode === 'screen' ? { mode: 'screen', image: image! } : { mode: 'paper' },
        }),
      );
    });
  const k = d.keys;
  return (
    <StepCard
      d={d}
      step="keys"
      forWhom={<ForWriter />}
      extra={k ? printButton : null}
      done={
        k ? (
          <div data-testid="keys-done">
            <Ok>{k.items.map((x) => `${keyLabel(t, x.kind)} × ${x.count}`).join(t('moveinUi.listSep'))}</Ok>
            <div style={{ ...muted, marginTop: 4 }}>{t(`moveinUi.signed.${k.signedMode}`, { owner })}</div>
          </div>
        ) : null
      }
    >
      {canWrite ? (
        <FormShell onSubmit={submit} error={a.error} testId="keys-form">
          <Table<KeyRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            style={{ maxWidth: 520, marginBottom: 8 }}
            onRow={(r) => ({ 'data-testid': 'key-row', 'data-kind': r.kind }) as object}
            columns={[
              {
                title: t('moveinUi.keyKind'),
                dataIndex: 'kind',
                render: (_: unknown, r, i) =>
                  d.keyTemplate.some((x) => x.kind === r.kind) ? (
                    keyLabel(t, r.kind)
                  ) : (
                    <Item name={`keys.${i}.kind`} fields={a.fields}>
                      <Input size="small" value={r.kind} placeholder={t('moveinUi.keyKindPlaceholder')} onChange={(e) => setRows((x) => x.map((y) => (y.key === r.key ? { ...y, kind: e.target.value } : y)))} maxLength={30} data-testid="key-kind" />
                    </Item>
                  ),
              },
              {
                title: t('moveinUi.keyCount'),
                dataIndex: 'count',
                width: 120,
                render: (_: unknown, r, i) => (
                  <Item name={`keys.${i}.count`} fields={a.fields}>
                    <InputNumber size="small" min={1} max={50} precision={0} value={r.count} onChange={(v) => setRows((x) => x.map((y) => (y.key === r.key ? { ...y, count: v } : y)))} data-testid="key-count" />
                  </Item>
                ),
              },
              {
                title: '',
                key: 'x',
                width: 48,
                render: (_: unknown, r) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('moveinUi.remove')} onClick={() => setRows((x) => x.filter((y) => y.key !== r.key))} />,
              },
            ]}
          />
          {a.fields.keys ? <div style={{ color: '#ff4d4f' }}>{a.fields.keys}</div> : null}
          <Button
            size="small"
            icon={<PlusOutlined />}
            style={{ marginBottom: 12 }}
            onClick={() => {
              setRows((x) => [...x, { key: nextKey, kind: '', count: 1 }]);
              setNextKey(nextKey + 1);
            }}
            data-testid="key-add"
          >
            {t('moveinUi.keyAdd')}
          </Button>
          <div style={{ maxWidth: 520 }}>
            <SignerChoice
              who="owner"
              label={t('moveinUi.ownerSigns', { owner })}
              modes={['screen', 'paper'] as const}
              mode={mode}
              note={() => t('moveinUi.paperNote')}
              error={a.fields.signature ?? null}
              onMode={(m) => {
                setMode(m);
                setImage(null);
              }}
              onImage={setImage}
            />
          </div>
          <Submit busy={a.busy} text={t('moveinUi.keysSubmit')} testId="keys-submit" />
        </FormShell>
      ) : null}
    </StepCard>
  );
}

// ---------------------------------------------------------------- 6 inspection

interface Result {
  result: 'ok' | 'defective';
  note: string;
  critical: boolean;
  ownerOpinion: string;
  dueDate: string | null;
}
const blank = (): Result => ({ result: 'ok', note: '', critical: false, ownerOpinion: '', dueDate: null });

export function InspectionStep({ d, canWrite, onDone, printButton }: { d: MoveInDetail; canWrite: boolean; onDone: Done; printButton: ReactNode }) {
  const { t } = useTranslation();
  const a = useAction();
  const tpl = d.inspectionTemplate;
  const [results, setResults] = useState<Result[]>(() => tpl.map(blank));
  const [date, setDate] = useState<string | null>(todayIso());
  const [by, setBy] = useState('');
  const [meters, setMeters] = useState<Record<string, number | null>>({});
  const set = (i: number, patch: Partial<Result>) => setResults((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = () =>
    a.run(async () => {
      const errs: Record<string, string> = {};
      if (!date) errs.date = 'v.required';
      if (!by.trim()) errs.engineeringBy = 'v.required';
      results.forEach((r, i) => {
        if (r.result !== 'defective') return;
        if (!r.note.trim()) errs[`items.${i}.note`] = 'movein.v.defectNote';
        if (!r.ownerOpinion.trim()) errs[`items.${i}.ownerOpinion`] = 'movein.v.ownerOpinion';
      });
      if (a.refuse(errs)) return;
      onDone(
        await invoke('moveIn.inspect', {
          id: d.id,
          date: date!,
          engineeringBy: by.trim(),
          items: tpl.map((x, i) => {
            const r = results[i];
            const bad = r.result === 'defective';
            return { area: x.area, item: x.item, result: r.result, note: bad ? r.note.trim() : null, critical: bad && r.critical, ownerOpinion: bad ? r.ownerOpinion.trim() : null, dueDate: bad ? r.dueDate : null };
          }),
          meters: METER_KINDS.filter((k) => typeof meters[k] === 'number').map((k) => ({ kind: k, reading: meters[k]! })),
        }),
      );
    });
  const areas = [...new Set(tpl.map((x) => x.area))];
  const ins = d.inspection;
  const defects = ins?.items.filter((x) => x.result === 'defective') ?? [];
  return (
    <StepCard
      d={d}
      step="inspection"
      forWhom={<ForWriter />}
      extra={ins ? printButton : null}
      done={
        ins ? (
          <div data-testid="inspection-done">
            <Ok>{t('moveinUi.inspectionDone', { date: formatDate(ins.date), by: ins.engineeringBy, count: ins.items.length, defects: defects.length })}</Ok>
            {defects.length ? (
              <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
                {defects.map((x) => (
                  <li key={x.id} data-testid="defect-line">
                    {t('moveinUi.defectLine', { where: `${areaLabel(t, x.area)} · ${itemLabel(t, x.item)}`, what: x.note ?? '' })}
                    {x.critical ? <Tag color="red" style={{ marginLeft: 6 }}>{t('moveinUi.critical')}</Tag> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <div style={muted}>{ins.meters.map((m) => `${meterLabel(t, m.kind)} ${m.reading}`).join(t('moveinUi.listSep'))}</div>
          </div>
        ) : null
      }
    >
      {canWrite ? (
        <FormShell onSubmit={submit} error={a.error} testId="inspection-form">
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Item name="date" fields={a.fields} label={t('moveinUi.inspectionDate')} required>
                <DateInput value={date} onChange={setDate} disabledFuture allowClear={false} data-testid="field-inspectionDate" />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item name="engineeringBy" fields={a.fields} label={t('moveinUi.engineeringBy')} required>
                <Input autoFocus value={by} onChange={(e) => setBy(e.target.value)} maxLength={30} placeholder={t('moveinUi.engineeringByPlaceholder')} data-testid="field-engineeringBy" />
              </Item>
            </Col>
          </Row>
          <div style={{ ...muted, marginBottom: 8 }}>{t('moveinUi.inspectionHint')}</div>
          {areas.map((area) => (
            <div key={area} data-testid="inspection-area" data-area={area} style={{ marginBottom: 10 }}>
              <div style={{ fontWeight: 500, borderBottom: '1px solid #f0f0f0', paddingBottom: 2, marginBottom: 4 }}>{areaLabel(t, area)}</div>
              <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
                {tpl.map((x, i) =>
                  x.area !== area ? null : (
                    <div key={`${x.area}.${x.item}`} data-testid="inspection-item" data-area={x.area} data-item={x.item} data-result={results[i].result} style={{ padding: '2px 0 2px 12px', width: 260 }}>
                      <span style={{ display: 'inline-block', minWidth: 110 }}>{itemLabel(t, x.item)}</span>
                      <Radio.Group size="small" optionType="button" buttonStyle="solid" value={results[i].result} onChange={(e) => set(i, { result: e.target.value as Result['result'] })}>
                        <Radio.Button value="ok">
                          <span data-testid="result-ok">{t('moveinUi.result.ok')}</span>
                        </Radio.Button>
                        <Radio.Button value="defective">
                          <span data-testid="result-defective">{t('moveinUi.result.defective')}</span>
                        </Radio.Button>
                      </Radio.Group>
                    </div>
                  ),
                )}
              </div>
              {tpl.map((x, i) =>
                x.area !== area || results[i].result !== 'defective' ? null : (
                  <div key={`d.${x.area}.${x.item}`} data-testid="defect-form" data-area={x.area} data-item={x.item} style={{ marginTop: 6, background: '#fff7e6', padding: '6px 8px 0', borderRadius: 4 }}>
                    <div style={{ fontWeight: 500, marginBottom: 4, color: '#d46b08' }}>
                      {areaLabel(t, x.area)} · {itemLabel(t, x.item)}
                    </div>
                    <Row gutter={8}>
                      <Col xs={24} md={8}>
                        <Item name={`items.${i}.note`} fields={a.fields} label={t('moveinUi.defectNote')} required>
                          <Input autoFocus value={results[i].note} onChange={(e) => set(i, { note: e.target.value })} maxLength={200} data-testid="defect-note" />
                        </Item>
                      </Col>
                      <Col xs={24} md={7}>
                        <Item name={`items.${i}.ownerOpinion`} fields={a.fields} label={t('moveinUi.ownerOpinion')} required>
                          <Input value={results[i].ownerOpinion} onChange={(e) => set(i, { ownerOpinion: e.target.value })} maxLength={200} data-testid="defect-opinion" />
                        </Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Item name={`items.${i}.dueDate`} fields={a.fields} label={t('moveinUi.dueDate')} extra={t('moveinUi.dueDateHint')}>
                          <DateInput value={results[i].dueDate} onChange={(v) => set(i, { dueDate: v })} data-testid="defect-due" />
                        </Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item label=" " style={{ marginBottom: 12 }}>
                          <Checkbox checked={results[i].critical} onChange={(e) => set(i, { critical: e.target.checked })} data-testid="defect-critical">
                            {t('moveinUi.critical')}
                          </Checkbox>
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ),
              )}
            </div>
          ))}
          <div style={{ fontWeight: 500, margin: '8px 0 6px' }}>{t('moveinUi.meters')}</div>
          <Row gutter={16}>
            {METER_KINDS.map((k) => (
              <Col xs={24} md={6} key={k}>
                <Item name={`meters.${k}`} fields={a.fields} label={meterLabel(t, k)}>
                  <InputNumber style={{ width: '100%' }} min={0} max={1e9} value={meters[k] ?? null} onChange={(v) => setMeters((m) => ({ ...m, [k]: v }))} data-testid={`meter-${k}`} />
                </Item>
              </Col>
            ))}
          </Row>
          <Submit busy={a.busy} text={t('moveinUi.inspectionSubmit')} testId="inspection-submit" />
        </FormShell>
      ) : null}
    </StepCard>
  );
}

// ---------------------------------------------------------------- 7 handover, 8 vacant

export function HandoverStep({ d, canWrite, onDone }: { d: MoveInDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const a = useAction();
  const status = stepStatus(d, 'handover');
  const live = d.state === 'open' || d.state === 'not_handed_over';
  const [outcome, setOutcome] = useState<'handed_over' | 'not_handed_over'>(status === 'due' ? 'handed_over' : 'not_handed_over');
  const [date, setDate] = useState<string | null>(todayIso());
  const [reason, setReason] = useState<'owner_refused' | 'defects' | 'fees' | null>(null);
  const [note, setNote] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [early, setEarly] = useState(false);
  const openCritical = d.rectifications.filter((r) => r.critical && r.state !== 'accepted');
  const submit = () =>
    a.run(async () => {
      const errs: Record<string, string> = {};
      if (!date) errs.date = 'v.required';
      if (outcome === 'not_handed_over' && !reason) errs.reason = 'v.required';
      if (a.refuse(errs)) return;
      const r = await invoke('moveIn.handover', { id: d.id, outcome, date: date!, reason: outcome === 'not_handed_over' ? reason : null, note: note.trim() || null, defectsAcceptedInWriting: accepted });
      message.success(outcome === 'handed_over' ? t('moveinUi.handedOverDone') : t('moveinUi.notHandedOverDone'));
      setEarly(false);
      onDone(r);
    });
  const form = (choices: ReadonlyArray<'handed_over' | 'not_handed_over'>) => (
    <FormShell onSubmit={submit} error={a.error} testId="handover-form">
      {choices.length > 1 ? (
        <Item name="outcome" fields={a.fields}>
          <Radio.Group optionType="button" buttonStyle="solid" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} data-testid="field-outcome">
            {choices.map((c) => (
              <Radio.Button key={c} value={c}>
                <span data-testid={`outcome-${c}`}>{t(`moveinUi.outcome.${c}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Item>
      ) : null}
      {outcome === 'handed_over' && openCritical.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="critical-open"
          title={t('moveinUi.criticalOpenWarn', { count: openCritical.length })}
          description={
            <>
              <div>{openCritical.map((r) => t('moveinUi.defectLine', { where: `${areaLabel(t, r.area)} · ${itemLabel(t, r.item)}`, what: r.description })).join(t('moveinUi.listSep'))}</div>
              <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} style={{ marginTop: 6 }} data-testid="check-acceptedInWriting">
                {t('moveinUi.acceptedInWriting')}
              </Checkbox>
            </>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Item name="date" fields={a.fields} label={outcome === 'handed_over' ? t('moveinUi.handoverDate') : t('moveinUi.refusedDate')} required extra={outcome === 'handed_over' ? t('moveinUi.handoverDateHint') : undefined}>
            <DateInput value={date} onChange={setDate} disabledFuture allowClear={false} data-testid="field-handoverDate" />
          </Item>
        </Col>
        {outcome === 'not_handed_over' ? (
          <Col xs={24} md={10}>
            <Item name="reason" fields={a.fields} label={t('moveinUi.reason')} required>
              <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as typeof reason)} data-testid="field-reason">
                {(['owner_refused', 'defects', 'fees'] as const).map((r) => (
                  <Radio key={r} value={r}>
                    <span data-testid={`reason-${r}`}>{t(`movein.reason.${r}`)}</span>
                  </Radio>
                ))}
              </Radio.Group>
            </Item>
          </Col>
        ) : null}
        <Col xs={24} md={8}>
          <Item name="note" fields={a.fields} label={t('common.note')}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} data-testid="field-handoverNote" />
          </Item>
        </Col>
      </Row>
      <Space>
        {early ? <Button onClick={() => setEarly(false)}>{t('common.cancel')}</Button> : null}
        <Submit busy={a.busy} text={outcome === 'handed_over' ? t('moveinUi.handoverSubmit') : t('moveinUi.notHandedOverSubmit')} testId="handover-submit" />
      </Space>
    </FormShell>
  );
  const notHanded =
    d.state === 'not_handed_over' && d.notHandedOverReason ? (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="not-handed-over"
        title={t('moveinUi.notHandedOverShown', { reason: t(`movein.reason.${d.notHandedOverReason}`) })}
        description={d.handoverNote ?? undefined}
      />
    ) : null;

  // Not handed over (the owner refused, the fees not paid…) may be recorded while an earlier step is still due.
  if (status === 'later' && live && canWrite) {
    return (
      <Card
        size="small"
        data-testid="step-handover"
        data-status="later"
        title={
          <span>
            <span style={{ ...muted, fontWeight: 400 }}>{stepNumber('handover')}. </span>
            {t('movein.step.handover')} <LockOutlined style={{ ...muted, marginLeft: 4 }} />
          </span>
        }
        style={{ marginBottom: 12, background: early ? undefined : '#fafafa' }}
      >
        {notHanded}
        <div style={{ ...muted, marginBottom: early ? 8 : 0 }} data-testid="step-why">
          {t('movein.why.order', { step: t(`movein.step.${d.nextStep}`) })}
          {!early ? (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setOutcome('not_handed_over');
                setEarly(true);
              }}
              data-testid="record-not-handed-over"
            >
              {t('moveinUi.recordNotHandedOver')}
            </Button>
          ) : null}
        </div>
        {early ? form(['not_handed_over']) : null}
      </Card>
    );
  }
  return (
    <StepCard
      d={d}
      step="handover"
      forWhom={<ForWriter />}
      done={
        <div data-testid="handover-done">
          <Ok>{t('moveinUi.handedOverOn', { date: formatDate(d.handoverDate) })}</Ok>
          {d.defectsAcceptedInWriting ? <div style={{ color: '#d46b08' }}>{t('moveinUi.acceptedInWritingShown')}</div> : null}
          {d.handoverNote ? <div style={muted}>{d.handoverNote}</div> : null}
        </div>
      }
    >
      {notHanded}
      {canWrite ? form(['handed_over', 'not_handed_over']) : null}
    </StepCard>
  );
}

export function VacantStep({ d }: { d: MoveInDetail }) {
  const { t } = useTranslation();
  return (
    <StepCard d={d} step="vacant" done={<Ok testId="vacant-done">{t('moveinUi.vacantDone', { date: formatDate(d.handoverDate) })}</Ok>}>
      <div style={muted}>{t('moveinUi.vacantAuto')}</div>
    </StepCard>
  );
}

export const listSep = (t: Translate) => t('moveinUi.listSep');
