import { useEffect, useRef, useState } from 'react';
import { Button, Card, Descriptions, Input, Table, type InputRef } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExportOutlined, IdcardOutlined, ScanOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { parseRecordNumber } from '../../../../shared/kernel/record-number';
import type { PassCheck } from '../../../../shared/workflows/decoration/schema';
import type { SlipDetail } from '../../../../shared/workflows/slips/schema';
import { errorText, invoke, isApiError } from '../../api';
import { PageHeader } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../components/format';
import { useQuery } from '../../components/use-query';
import { NatureTag, SlipStateTag, beep, mono } from '../slips/common';

type Outcome =
  | { kind: 'found'; slip: SlipDetail }
  | { kind: 'ok'; slip: SlipDetail }
  | { kind: 'refusal'; reason: string; text: string; slip: SlipDetail | null; number: string }
  | { kind: 'pass'; check: PassCheck };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Why the gate must not let this slip out (from its state), or null when it is issued. */
function refusalOf(t: Translate, slip: SlipDetail): { reason: string; text: string } | null {
  const p = { number: slip.number, exitedAt: formatDateTime(slip.exitedAt) };
  if (slip.state === 'exited') return { reason: 'alreadyExited', text: t('slip.gate.alreadyExited', p) };
  if (slip.state === 'voided') return { reason: 'voided', text: t('slip.gate.voided', p) };
  if (slip.state === 'refused') return { reason: 'refused', text: t('slip.gate.refused', p) };
  if (slip.state !== 'issued') return { reason: 'notIssued', text: t('slip.gate.notIssued', p) };
  return null;
}

/** A host refusal (`slip.gate.*`) as a reason code and a sentence. */
function refusalFromError(t: Translate, e: unknown): { reason: string; text: string } {
  if (isApiError(e) && e.message.startsWith('slip.gate.')) return { reason: e.message.slice('slip.gate.'.length), text: errorText(t, e) };
  return { reason: 'error', text: errorText(t, e) };
}

function SlipSummary({ slip }: { slip: SlipDetail }) {
  const { t } = useTranslation();
  return (
    <Card style={{ marginTop: 16 }} data-testid="gate-slip" data-number={slip.number} data-state={slip.state}>
      <Descriptions column={{ xs: 1, md: 3 }} size="middle" styles={{ content: { fontSize: 16 } }}>
        <Descriptions.Item label={t('slip.number')}>
          <Link to={`/slips/${slip.id}`} style={{ ...mono, fontSize: 18, fontWeight: 600 }}>
            {slip.number}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.unit')}>
          <strong style={{ fontSize: 18 }}>{slip.unitCode}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.state')}>
          <SlipStateTag state={slip.state} testId="gate-slip-state" />
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.carrier')}>
          <span style={{ fontSize: 18 }}>{slip.carrierName}</span>
          <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 6 }}>{t(`enum.carrierType.${slip.carrierType}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('person.idNumber')}>
          <span style={mono}>{slip.carrierIdMasked ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.nature')}>
          <NatureTag nature={slip.nature} tenantMoveOut={slip.tenantMoveOut} />
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="line"
        size="middle"
        pagination={false}
        dataSource={slip.items}
        style={{ marginTop: 8 }}
        onRow={() => ({ 'data-testid': 'gate-item' }) as object}
        columns={[
          { title: '#', dataIndex: 'line', width: 40 },
          { title: t('slip.itemName'), dataIndex: 'name', render: (v: string) => <span style={{ fontSize: 16 }}>{v}</span> },
          { title: t('slip.quantity'), dataIndex: 'quantity', width: 120, render: (v: number, i) => <strong style={{ fontSize: 16 }}>{`${v} ${i.unitOfCount}`}</strong> },
          { title: t('slip.itemRemark'), dataIndex: 'remark', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}

/**
 * A worker pass (出入证) checked at the gate: one big answer — valid, expired, not yet valid, revoked, unknown —
 * with whose pass it is, the unit and the permit, so the guard compares the face and the ID card at once.
 */
function PassAnswer({ check }: { check: PassCheck }) {
  const { t } = useTranslation();
  const ok = check.answer === 'valid';
  const p = check.pass;
  return (
    <>
      <div
        data-testid="gate-pass-answer"
        data-answer={check.answer}
        data-number={check.number}
        role={ok ? 'status' : 'alert'}
        style={{ marginTop: 16, background: ok ? '#389e0d' : '#cf1322', color: '#fff', borderRadius: 10, padding: '28px 32px', display: 'flex', gap: 24, alignItems: 'center' }}
      >
        {ok ? <CheckCircleFilled style={{ fontSize: 72, flex: 'none' }} /> : <CloseCircleFilled style={{ fontSize: 72, flex: 'none' }} />}
        <div style={{ minWidth: 0 }}>
          <div style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2 }} data-testid="gate-pass-answer-text">
            {t(`decoration.passAnswer.${check.answer}`)}
          </div>
          <div style={{ fontSize: 22, marginTop: 6 }}>
            {p
              ? t('decorationWork.gate.whose', { number: check.number, name: p.name, unit: p.unitCode })
              : t('decorationWork.gate.unknown', { number: check.number })}
          </div>
          {p && check.answer === 'revoked' && p.revokeReason ? (
            <div style={{ fontSize: 16, marginTop: 8, opacity: 0.95 }}>{t('decorationWork.gate.revokedBecause', { reason: p.revokeReason, at: formatDateTime(p.revokedAt) })}</div>
          ) : null}
          {!ok ? <div style={{ fontSize: 15, marginTop: 8, opacity: 0.9 }}>{t('decorationWork.gate.refusedHint')}</div> : null}
        </div>
      </div>
      {p ? (
        <Card style={{ marginTop: 16 }} data-testid="gate-pass" title={<span><IdcardOutlined /> {t('decoration.passRecord')}</span>}>
          <Descriptions column={{ xs: 1, md: 3 }} size="middle" styles={{ content: { fontSize: 16 } }}>
            <Descriptions.Item label={t('decorationWork.gate.worker')}>
              <strong style={{ fontSize: 20 }} data-testid="gate-pass-name">{p.name}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('person.idNumber')}>
              <span style={{ ...mono, fontSize: 18 }} data-testid="gate-pass-id">{p.idNumberMasked}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.gate.validity')}>
              <span data-testid="gate-pass-validity">{formatDate(p.validFrom)} – {formatDate(p.validTo)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('slip.unit')}>
              <strong style={{ fontSize: 18 }}>{p.unitCode}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('decoration.number')}>
              <Link to={`/decoration/${p.permitId}`} style={{ ...mono, fontSize: 16 }} data-testid="gate-pass-permit">
                {p.permitNumber}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('decorationWork.contractor')}>{p.contractor ?? t('decorationWork.self')}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </>
  );
}

/**
 * The guard post: a slip number is typed or scanned (a USB scanner types the QR content, then Enter).
 * A worker pass's number (the pass prefix in settings, CR-…) is checked as a pass instead.
 * An issued slip is shown with a big "mark exited" button; anything else is a loud refusal.
 * After every result the box is emptied and focused for the next scan.
 */
export default function GatePage() {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'lookup' | 'exit' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Which numbers are worker passes: the pass prefix of the site's settings.
  const settings = useQuery('settings.get', {});
  const passPrefix = settings.data?.passPrefix ?? 'CR';

  const focus = () => window.setTimeout(() => input.current?.focus(), 0);
  useEffect(() => {
    focus();
  }, []);

  const lookup = async () => {
    const number = text.trim();
    if (!number || busy) return;
    setBusy('lookup');
    if (parseRecordNumber(number)?.prefix === passPrefix) {
      try {
        const check = await invoke('passes.check', { number });
        beep(check.answer === 'valid' ? 'ok' : 'refusal');
        setOutcome({ kind: 'pass', check });
      } catch (e) {
        beep('refusal');
        setOutcome({ kind: 'refusal', reason: 'error', text: errorText(t, e), slip: null, number: number.toUpperCase() });
      } finally {
        setBusy(null);
        setText('');
        focus();
      }
      return;
    }
    try {
      const slip = await invoke('gate.lookup', { number });
      const refusal = refusalOf(t, slip);
      if (refusal) {
        beep('refusal');
        setOutcome({ kind: 'refusal', ...refusal, slip, number: slip.number });
      } else setOutcome({ kind: 'found', slip });
    } catch (e) {
      beep('refusal');
      setOutcome({ kind: 'refusal', ...refusalFromError(t, e), slip: null, number: number.toUpperCase() });
    } finally {
      setBusy(null);
      setText('');
      focus();
    }
  };

  const exit = async (slip: SlipDetail) => {
    if (busy) return;
    setBusy('exit');
    try {
      const done = await invoke('gate.exit', { number: slip.number });
      beep('ok');
      setOutcome({ kind: 'ok', slip: done });
    } catch (e) {
      beep('refusal');
      setOutcome({ kind: 'refusal', ...refusalFromError(t, e), slip, number: slip.number });
    } finally {
      setBusy(null);
      setText('');
      focus();
    }
  };

  return (
    <div data-testid="gate-page" style={{ maxWidth: 1100 }}>
      <PageHeader title={t('gate.title')} sub={t('gate.subtitle')} />
      <Card>
        <Input
          ref={input}
          size="large"
          autoFocus
          prefix={<ScanOutlined style={{ fontSize: 28, color: '#1668dc', marginRight: 8 }} />}
          placeholder={t('gate.placeholder')}
          value={text}
          maxLength={60}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void lookup()}
          autoComplete="off"
          spellCheck={false}
          data-testid="gate-input"
          data-page-focus
          style={{ fontSize: 30, height: 72, ...mono, textTransform: 'uppercase' }}
          suffix={
            <Button type="primary" size="large" loading={busy === 'lookup'} onClick={() => void lookup()} disabled={!text.trim()} data-testid="gate-lookup">
              {t('gate.lookup')}
            </Button>
          }
        />
        <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 8 }}>{t('gate.hint')}</div>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 2 }} data-testid="gate-pass-hint">{t('decorationWork.gate.hint', { prefix: passPrefix })}</div>
      </Card>

      {outcome?.kind === 'refusal' ? (
        <div
          data-testid="gate-refusal"
          data-reason={outcome.reason}
          role="alert"
          style={{ marginTop: 16, background: '#cf1322', color: '#fff', borderRadius: 10, padding: '28px 32px', display: 'flex', gap: 24, alignItems: 'center' }}
        >
          <CloseCircleFilled style={{ fontSize: 72, flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <div style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2 }}>{t('gate.refusedTitle')}</div>
            <div style={{ fontSize: 22, marginTop: 6 }} data-testid="gate-refusal-text">
              {outcome.text}
            </div>
            <div style={{ fontSize: 15, marginTop: 8, opacity: 0.9 }}>{t('gate.refusedHint')}</div>
          </div>
        </div>
      ) : null}

      {outcome?.kind === 'ok' ? (
        <div
          data-testid="gate-ok"
          data-number={outcome.slip.number}
          role="status"
          style={{ marginTop: 16, background: '#389e0d', color: '#fff', borderRadius: 10, padding: '28px 32px', display: 'flex', gap: 24, alignItems: 'center' }}
        >
          <CheckCircleFilled style={{ fontSize: 72, flex: 'none' }} />
          <div>
            <div style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2 }}>{t('gate.okTitle')}</div>
            <div style={{ fontSize: 22, marginTop: 6 }}>
              {t('gate.okText', { number: outcome.slip.number, unit: outcome.slip.unitCode, time: formatDateTime(outcome.slip.exitedAt) })}
            </div>
          </div>
        </div>
      ) : null}

      {outcome?.kind === 'found' ? (
        <div style={{ marginTop: 16, display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            type="primary"
            size="large"
            icon={<ExportOutlined />}
            loading={busy === 'exit'}
            onClick={() => void exit(outcome.slip)}
            data-testid="gate-exit"
            style={{ height: 72, fontSize: 26, padding: '0 48px', background: '#389e0d' }}
          >
            {t('gate.markExited')}
          </Button>
          <span style={{ fontSize: 16, color: 'rgba(0,0,0,0.65)' }}>{t('gate.checkItems')}</span>
        </div>
      ) : null}

      {outcome?.kind === 'pass' ? <PassAnswer check={outcome.check} /> : null}

      {outcome && outcome.kind !== 'pass' && outcome.slip ? <SlipSummary slip={outcome.slip} /> : null}
    </div>
  );
}
