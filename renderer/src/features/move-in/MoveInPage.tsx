import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Space, Steps, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/kernel/money';
import { MOVE_IN_STEPS, voidError } from '../../../../shared/workflows/move-in/rules';
import type { MoveInDetail, Rectification } from '../../../../shared/workflows/move-in/schema';
import { invoke } from '../../api';
import { isNotFound, PageHeader, QueryError, RecordNotFound, useNotifyError, useSavedNotice } from '../../components/feedback';
import { formatArea, formatDate, formatDateTime } from '../../components/format';
import { useCan } from '../../components/permissions';
import { PrintFormButton } from '../../components/print-form';
import { RecordTimeline } from '../../components/record-timeline';
import { useLatest, useQuery } from '../../components/use-query';
import { ReasonModal, RecordVoidModal, VoidButton } from '../../components/void-modal';
import { areaLabel, itemLabel, mono, MoveInStateTag, muted } from './common';
import { ArchiveStep, CopiesStep, FeesStep, HandoverStep, IdentityStep, InspectionStep, KeysStep, VacantStep, type Done } from './steps';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The eight steps as a bar: done, the one due, the rest. */
function StepsBar({ d }: { d: MoveInDetail }) {
  const { t } = useTranslation();
  const done = new Set(d.steps.map((s) => s.step));
  const current = d.nextStep ? MOVE_IN_STEPS.indexOf(d.nextStep) : MOVE_IN_STEPS.length;
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      style={{ marginBottom: 16 }}
      current={current}
      status={d.state === 'voided' ? 'error' : d.state === 'handed_over' ? 'finish' : 'process'}
      data-testid="move-in-steps"
      items={MOVE_IN_STEPS.map((s) => {
        const rec = d.steps.find((x) => x.step === s);
        return { title: t(`movein.step.${s}`), content: done.has(s) && rec ? formatDate(rec.at) : undefined };
      })}
    />
  );
}

/** What happens next, in one sentence. */
function NextLine({ d }: { d: MoveInDetail }) {
  const { t } = useTranslation();
  const m =
    d.state === 'voided'
      ? { type: 'error' as const, text: t('moveinUi.next.voided', { reason: d.voidReason ?? '—' }) }
      : d.state === 'handed_over'
        ? { type: 'success' as const, text: t('moveinUi.next.handedOver', { date: formatDate(d.handoverDate) }) }
        : d.state === 'not_handed_over'
          ? { type: 'warning' as const, text: t('moveinUi.next.notHandedOver', { reason: d.notHandedOverReason ? t(`movein.reason.${d.notHandedOverReason}`) : '—', step: d.nextStep ? t(`movein.step.${d.nextStep}`) : '—' }) }
          : { type: 'info' as const, text: t(`moveinUi.next.${d.nextStep ?? 'identity'}`) };
  return <Alert type={m.type} showIcon title={m.text} style={{ marginBottom: 16 }} data-testid="next-step" data-step={d.nextStep ?? ''} />;
}

// ---------------------------------------------------------------- rectification items

const RECT_COLORS = { open: 'orange', fixed: 'blue', accepted: 'green' } as const;

/** The defects of the inspection, each a rectification item for engineering: fixed, then accepted by the owner, or reopened. */
function RectificationsCard({ d, canWrite, onDone }: { d: MoveInDetail; canWrite: boolean; onDone: Done }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [busy, setBusy] = useState<string | null>(null);
  const [reopening, setReopening] = useState<Rectification | null>(null);
  if (!d.rectifications.length) return null;
  const live = d.state !== 'voided';
  const act = (r: Rectification, action: 'fix' | 'accept') => async () => {
    if (busy) return;
    setBusy(`${r.id}.${action}`);
    try {
      onDone(await invoke(action === 'fix' ? 'moveIn.rectFixed' : 'moveIn.rectAccepted', { itemId: r.id, note: null }));
      message.success(t(`moveinUi.rect.${action}Done`));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('moveinUi.rectTitle', { count: d.rectifications.length })} style={{ marginBottom: 12 }} data-testid="rectifications">
      <Table<Rectification>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.rectifications}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': 'rect-row', 'data-state': r.state, 'data-critical': String(r.critical) }) as object}
        columns={[
          { title: t('moveinUi.rectItem'), key: 'item', width: 160, render: (_: unknown, r) => `${areaLabel(t, r.area)} · ${itemLabel(t, r.item)}` },
          {
            title: t('moveinUi.defectNote'),
            dataIndex: 'description',
            render: (v: string, r) => (
              <span>
                {r.critical ? <Tag color="red">{t('moveinUi.critical')}</Tag> : null}
                {v}
                {r.ownerOpinion ? <div style={{ ...muted, fontSize: 12 }}>{t('moveinUi.ownerOpinionShown', { opinion: r.ownerOpinion })}</div> : null}
              </span>
            ),
          },
          {
            title: t('moveinUi.dueDate'),
            dataIndex: 'dueDate',
            width: 120,
            render: (v: string, r) => (r.overdue ? <Tag color="red" data-testid="rect-overdue">{t('moveinUi.overdue', { date: formatDate(v) })}</Tag> : formatDate(v)),
          },
          {
            title: t('moveinUi.state'),
            dataIndex: 'state',
            width: 150,
            render: (v: Rectification['state'], r) => (
              <span>
                <Tag color={RECT_COLORS[v]} data-testid="rect-state">
                  {t(`movein.rectState.${v}`)}
                </Tag>
                {r.reopened ? <span style={{ ...muted, fontSize: 12 }}>{t('moveinUi.reopened', { count: r.reopened })}</span> : null}
              </span>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 200,
            align: 'right',
            render: (_: unknown, r) =>
              canWrite && live ? (
                <Space size={4}>
                  {r.state === 'open' ? (
                    <Button size="small" loading={busy === `${r.id}.fix`} onClick={() => void act(r, 'fix')()} data-testid="rect-fix">
                      {t('moveinUi.rect.fix')}
                    </Button>
                  ) : null}
                  {r.state === 'fixed' ? (
                    <>
                      <Button size="small" type="primary" loading={busy === `${r.id}.accept`} onClick={() => void act(r, 'accept')()} data-testid="rect-accept">
                        {t('moveinUi.rect.accept')}
                      </Button>
                      <Button size="small" onClick={() => setReopening(r)} data-testid="rect-reopen">
                        {t('moveinUi.rect.reopen')}
                      </Button>
                    </>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        open={!!reopening}
        title={t('moveinUi.rect.reopenTitle')}
        okText={t('moveinUi.rect.reopen')}
        reasonLabel={t('moveinUi.rect.reopenReason')}
        testId="reopen-confirm"
        onClose={() => setReopening(null)}
        onConfirm={async (reason) => {
          onDone(await invoke('moveIn.rectReopen', { itemId: reopening!.id, reason }));
          message.success(t('moveinUi.rect.reopenDone'));
        }}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- timeline

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const EVENT_COLORS: Record<string, string> = { create: 'blue', fees: 'green', handover: 'green', vacant: 'green', 'not-handed-over': 'orange', 'fee-override': 'orange', 'rect-reopen': 'red', void: 'gray' };

function eventDetail(t: Translate, action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'create':
      return str(d.unit);
    case 'identity':
      return d.noticeDate ? t('moveinUi.event.identity', { date: formatDate(str(d.noticeDate)) }) : '';
    case 'fee-override':
      return t('moveinUi.event.override', { from: d.computedFen === null || d.computedFen === undefined ? '—' : formatFen(Number(d.computedFen)), to: formatFen(Number(d.propertyFeeFen ?? 0)), reason: str(d.reason) });
    case 'fees':
      return t('moveinUi.event.fees', { amount: formatFen(Number(d.totalFen ?? 0)), receipt: str(d.receipt) });
    case 'copies':
      return Array.isArray(d.items) ? d.items.map((c) => t(`movein.copy.${str(c)}`)).join(t('moveinUi.listSep')) : '';
    case 'archive':
      return t('moveinUi.event.archive', { count: Number(d.family ?? 0) });
    case 'keys':
      return t('moveinUi.event.keys', { count: Number(d.keys ?? 0), signed: t(`slip.sig.choice.${str(d.signed)}`, { defaultValue: str(d.signed) }) });
    case 'inspection':
      return t('moveinUi.event.inspection', { count: Number(d.items ?? 0), defects: Number(d.defects ?? 0), by: str(d.by) });
    case 'handover':
    case 'vacant':
      return formatDate(str(d.date));
    case 'not-handed-over':
      return `${d.reason ? t(`movein.reason.${str(d.reason)}`) : ''}${d.note ? ` · ${str(d.note)}` : ''}`;
    case 'rect-fix':
    case 'rect-accept':
    case 'rect-reopen':
      return `${areaLabel(t, str(d.area))} · ${itemLabel(t, str(d.what))}${d.note ? ` · ${str(d.note)}` : ''}`;
    case 'void':
      return d.reason ? t('moveinUi.reasonShown', { reason: str(d.reason) }) : '';
    case 'print':
    case 'reprint':
      return d.form ? t(`moveinUi.form.${str(d.form)}`, { defaultValue: str(d.form) }) : '';
    default:
      return '';
  }
}

// ---------------------------------------------------------------- the page

/** `/move-in/:id`: one move-in (入伙), its eight steps in the order of procedure 一, the defects, and who did what when. */
export default function MoveInPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery('moveIn.get', { id });
  const [detail, setDetail] = useLatest(query.data);
  const [voiding, setVoiding] = useState(false);
  const canWrite = can('move-in.write');

  useSavedNotice(t('moveinUi.saved'));

  if (isNotFound(query.error, true)) return <RecordNotFound title={t('moveinUi.notFound')} backText={t('moveinUi.backToList')} to="/move-in" />;
  const d = detail;
  const afterPrint = () => {
    invoke('moveIn.get', { id }).then(setDetail, () => undefined);
  };
  const print = (form: 'flow' | 'keys' | 'inspection', size?: 'small') =>
    d ? <PrintFormButton number={d.number} form={form} label={t(`moveinUi.print.${form}`)} onPrinted={afterPrint} testId={`print-${form}`} size={size} /> : null;
  const live = !!d && d.state !== 'voided';
  const w = canWrite && live;

  return (
    <div data-testid="move-in-page" data-state={d?.state} style={{ maxWidth: 1200 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/move-in">{t('moveinUi.title')}</Link> }, { title: d?.number ?? '…' }]} />
      <PageHeader
        title={
          d ? (
            <Space wrap>
              <span data-testid="move-in-number" style={mono}>
                {d.number}
              </span>
              <MoveInStateTag state={d.state} testId="move-in-state" />
              <Link to={`/units/${d.unitId}`} data-testid="move-in-unit" style={{ fontSize: 16, fontWeight: 500 }}>
                {d.unitCode}
              </Link>
              <span style={{ fontSize: 14, fontWeight: 400 }} data-testid="header-owners">
                <span style={{ ...muted, marginRight: 4 }}>{t('moveinUi.owners')}</span>
                {d.ownerNames}
              </span>
            </Space>
          ) : (
            ''
          )
        }
        extra={
          d && live ? (
            <>
              {print('flow')}
              {can('move-in.void') && !voidError(d.state) ? (
                <VoidButton onClick={() => setVoiding(true)} testId="move-in-void" />
              ) : null}
            </>
          ) : null
        }
      />
      <QueryError error={query.error} onRetry={query.reload} />
      {!d && query.loading ? <Card loading /> : null}
      {d ? (
        <>
          <StepsBar d={d} />
          <NextLine d={d} />
          <Card size="small" style={{ marginBottom: 12 }} data-testid="move-in-details">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('moveinUi.unit')}>
                <span>
                  <Link to={`/units/${d.unitId}`}>{d.unitCode}</Link>
                  <span style={{ ...muted, marginLeft: 6 }}>
                    {d.buildingName} · {t(`enum.use.${d.use}`)}
                    {d.areaM2 !== null ? ` · ${formatArea(d.areaM2)} m²` : ''}
                  </span>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('moveinUi.owners')}>
                <span data-testid="move-in-owners">
                  {d.owners.map((o, i) => (
                    <span key={o.personId}>
                      {i ? t('moveinUi.listSep') : ''}
                      <Link to={`/people/${o.personId}`}>{o.name}</Link>
                      {o.phoneMasked ? <span style={{ ...muted, ...mono, marginLeft: 4, fontSize: 12 }}>{o.phoneMasked}</span> : null}
                    </span>
                  ))}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('moveinUi.noticeDate')}>{d.noticeDate ? formatDate(d.noticeDate) : <span style={muted}>{t('moveinUi.noNotice')}</span>}</Descriptions.Item>
              <Descriptions.Item label={t('moveinUi.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
            </Descriptions>
            {d.voidReason ? (
              <div style={{ marginTop: 8 }}>
                <span style={muted}>{t('common.voidReason')}: </span>
                <span data-testid="move-in-void-reason">{d.voidReason}</span>
              </div>
            ) : null}
          </Card>

          <IdentityStep key={`identity.${d.id}`} d={d} canWrite={w} onDone={setDetail} />
          <FeesStep key={`fees.${d.id}`} d={d} canWrite={w} canConfirm={live && can('move-in.fees')} onDone={setDetail} />
          <CopiesStep key={`copies.${d.id}`} d={d} canWrite={w} onDone={setDetail} />
          <ArchiveStep key={`archive.${d.id}`} d={d} canWrite={w} onDone={setDetail} />
          <KeysStep key={`keys.${d.id}`} d={d} canWrite={w} onDone={setDetail} printButton={print('keys', 'small')} />
          <InspectionStep key={`inspection.${d.id}`} d={d} canWrite={w} onDone={setDetail} printButton={print('inspection', 'small')} />
          <RectificationsCard d={d} canWrite={canWrite} onDone={setDetail} />
          <HandoverStep key={`handover.${d.id}.${d.nextStep}`} d={d} canWrite={w} onDone={setDetail} />
          <VacantStep d={d} />

          <div style={{ marginTop: 16 }}>
            <RecordTimeline
              title={t('moveinUi.timeline')}
              entries={d.timeline}
              reader={{
                label: (action) => t(`moveinUi.action.${action}`, { defaultValue: action }),
                detail: (action, data) => eventDetail(t, action, data),
                color: (action) => EVENT_COLORS[action],
              }}
            />
          </div>

          <RecordVoidModal
            open={voiding}
            title={t('moveinUi.voidTitle', { number: d.number })}
            description={t('moveinUi.voidHint')}
            onClose={() => setVoiding(false)}
            voidRecord={(reason) => invoke('moveIn.void', { id: d.id, reason })}
            onVoided={setDetail}
          />
        </>
      ) : null}
    </div>
  );
}
