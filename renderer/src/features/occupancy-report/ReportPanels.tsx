import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Table, Tag, Tooltip } from 'antd';
import { ArrowRightOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OccupancyReport, SnapshotInfo } from '../../../../shared/workflows/occupancy-report/schema';
import { errorText, invoke } from '../../api';
import { formatDateTime, formatInt } from '../../components/format';
import { RecordTimeline, type TimelineReader } from '../../components/record-timeline';
import { MIME_TYPES, saveFile } from '../../components/save-file';
import { StateTag } from '../../components/tags';
import { useSessionStore } from '../../stores/use-session-store';
import { formatRate } from './common';
import { ReasonDialog } from './ReasonDialog';

type Translate = (k: string, o?: Record<string, unknown>) => string;

/** "Original" or "Revision 2". */
export const versionLabel = (t: Translate, s: Pick<SnapshotInfo, 'revision'>) => (s.revision === 0 ? t('report.original') : t('report.revision', { revision: s.revision }));

/** Draft, or finalised with its number (and revision). */
export function ReportStatus({ report }: { report: OccupancyReport }) {
  const { t } = useTranslation();
  if (!report.snapshot) {
    return (
      <Tag color="default" data-testid="report-status" data-kind="draft">
        {report.revisions.length ? t('report.page.liveDraft') : t('report.draft')}
      </Tag>
    );
  }
  return (
    <>
      <Tag color="green" data-testid="report-status" data-kind="final" data-number={report.snapshot.number}>
        {t('report.page.finalTag', { number: report.snapshot.number })}
      </Tag>
      {report.snapshot.revision > 0 ? (
        <Tag color="blue" data-testid="report-revision">
          {versionLabel(t, report.snapshot)}
        </Tag>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- export

/**
 * The month's PDF and XLSX in the UI's language (the latest finalised version, else the draft: the
 * tooltip says which), saved through the native dialog in the desktop app, downloaded in the browser.
 */
export function ExportButtons({ report }: { report: OccupancyReport }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const native = useSessionStore((s) => !!s.app?.capabilities?.nativeDialogs);
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = report.revisions[report.revisions.length - 1];
  const hint = latest ? t('report.page.exportFinal', { number: latest.number }) : t('report.page.exportDraft');

  const run = async (format: 'pdf' | 'xlsx') => {
    if (busy) return;
    setBusy(format);
    setError(null);
    try {
      const file = await invoke('occupancyReport.export', { month: report.month, format, lang: i18n.language === 'en' ? 'en' : 'zh-CN' });
      const r = await saveFile({ fileName: file.fileName, base64: file.base64, type: MIME_TYPES[format] }, native);
      if (r.via === 'download') message.success(t('report.page.downloaded', { file: file.fileName }));
      else if (r.saved) message.success(t('report.page.saved', { path: r.path ?? file.fileName }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Tooltip title={hint}>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={!!busy && busy !== 'pdf'} onClick={() => void run('pdf')} data-testid="export-pdf">
          {t('report.page.exportPdf')}
        </Button>
      </Tooltip>
      <Tooltip title={hint}>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!!busy && busy !== 'xlsx'} onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('report.page.exportXlsx')}
        </Button>
      </Tooltip>
      {error ? <Alert type="error" showIcon closable={{ onClose: () => setError(null), 'aria-label': t('common.close') }} title={error} style={{ width: '100%' }} data-testid="export-error" /> : null}
    </>
  );
}

// ---------------------------------------------------------------- finalise

/**
 * Asks before finalising. The host refuses while a warning is open (and before the month has ended, or
 * when it is already final): the dialog says so before the click, and shows the host's refusal if it comes.
 */
export function FinaliseDialog({ open, report, onClose, onDone }: { open: boolean; report: OccupancyReport; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const openWarnings = report.warnings.filter((w) => !w.accepted).length;
  const finalise = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('occupancyReport.finalise', { month: report.month });
      message.success(t('report.page.finalisedDone', { number: r.snapshot?.number ?? '' }));
      onClose();
      onDone();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('report.page.finaliseTitle', { month: report.month })}
      onCancel={onClose}
      onOk={() => void finalise()}
      okText={t('report.finalise')}
      okButtonProps={{ loading: busy, disabled: openWarnings > 0, 'data-testid': 'finalise-confirm' }}
      cancelText={t('common.cancel')}
      afterOpenChange={(o) => {
        if (!o) setError(null);
      }}
      destroyOnHidden
    >
      <p>{t('report.page.finaliseBody')}</p>
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>
        {t('report.figure.units')} {formatInt(report.total.units)} · {t('report.occupancyRate')} {formatRate(report.total.occupancyRateBp)}
      </p>
      {openWarnings > 0 ? <Alert type="warning" showIcon title={t('report.page.finaliseBlocked', { count: openWarnings })} data-testid="finalise-blocked" /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="finalise-error" /> : null}
    </Modal>
  );
}

// ---------------------------------------------------------------- changed since finalisation

/** Units whose figures changed after finalising (late history dated inside the month), and the revision it calls for. */
export function ChangedSinceFinal({ report, canRevise, onRevised }: { report: OccupancyReport; canRevise: boolean; onRevised: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [revising, setRevising] = useState(false);
  const changed = report.changedSinceFinal;
  if (!changed || changed.count === 0) return null;
  const columns: ColumnsType<(typeof changed.units)[number]> = [
    {
      key: 'code',
      title: t('report.page.unit'),
      render: (_: unknown, u) => (
        <Link to={`/units/${u.unitId}`} data-testid="changed-unit-link">
          {u.code}
        </Link>
      ),
    },
    {
      key: 'change',
      title: `${t('report.changedWas')} → ${t('report.changedNow')}`,
      render: (_: unknown, u) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <StateTag state={u.was} /> <ArrowRightOutlined style={{ color: 'rgba(0,0,0,0.45)', marginRight: 8 }} />
          <StateTag state={u.now} />
        </span>
      ),
    },
    { key: 'moves', title: t('report.page.inTheMonth'), render: (_: unknown, u) => (u.movementsChanged ? <Tag color="orange">{t('report.movementsChanged')}</Tag> : '—') },
  ];
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="changed-since-final"
      data-count={changed.count}
      title={<span data-testid="changed-since-final-title">{t('report.page.changedSinceFinal', { count: changed.count })}</span>}
      description={
        <div>
          <div style={{ marginBottom: 8 }}>{t('report.page.changedHint')}</div>
          <Table
            rowKey="unitId"
            size="small"
            pagination={changed.units.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={changed.units}
            columns={columns}
            onRow={(u) => ({ 'data-testid': 'changed-unit', 'data-code': u.code }) as object}
            style={{ maxWidth: 640 }}
          />
          {canRevise ? (
            <Button type="primary" style={{ marginTop: 12 }} onClick={() => setRevising(true)} data-testid="revise">
              {t('report.revise')}
            </Button>
          ) : null}
          <ReasonDialog
            open={revising}
            title={t('report.page.reviseTitle', { month: report.month })}
            description={t('report.page.reviseHint')}
            label={t('report.revisionReason')}
            okText={t('report.revise')}
            testId="revise-submit"
            onClose={() => setRevising(false)}
            onConfirm={async (reason) => {
              const r = await invoke('occupancyReport.revise', { month: report.month, reason });
              message.success(t('report.page.revisedDone', { revision: r.snapshot?.revision ?? '', number: r.snapshot?.number ?? '' }));
              onRevised();
            }}
          />
        </div>
      }
    />
  );
}

// ---------------------------------------------------------------- versions

/** Every finalised version of the month, the original first; each can be opened (the latest without a snapshot id). */
export function Versions({ report, shownId }: { report: OccupancyReport; shownId: string | null }) {
  const { t } = useTranslation();
  const latestId = report.revisions[report.revisions.length - 1]?.id;
  const columns: ColumnsType<SnapshotInfo> = [
    { key: 'number', title: t('report.number'), render: (_: unknown, s) => <strong data-testid="version-number">{s.number}</strong> },
    { key: 'version', title: t('report.page.version'), render: (_: unknown, s) => versionLabel(t, s) },
    {
      key: 'by',
      title: t('report.page.by'),
      render: (_: unknown, s) => (
        <span>
          {s.finalisedBy ?? t('audit.system')}
          <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{formatDateTime(s.finalisedAt)}</div>
        </span>
      ),
    },
    { key: 'reason', title: t('report.page.reason'), render: (_: unknown, s) => s.reason ?? '—' },
    {
      key: 'view',
      width: 90,
      render: (_: unknown, s) =>
        s.id === shownId ? (
          <Tag color="blue">{t('report.page.shown')}</Tag>
        ) : (
          <Link to={{ search: s.id === latestId ? `?month=${report.month}` : `?month=${report.month}&snapshot=${s.id}` }} data-testid="version-view">
            {t('report.page.view')}
          </Link>
        ),
    },
  ];
  return (
    <Card size="small" title={t('report.page.versions')} style={{ marginBottom: 16 }} data-testid="versions">
      <Table<SnapshotInfo>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={report.revisions}
        columns={columns}
        onRow={(s) => ({ 'data-testid': 'version-row', 'data-revision': s.revision, 'data-number': s.number }) as object}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- timeline

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function ReportTimeline({ report }: { report: OccupancyReport }) {
  const { t } = useTranslation();
  const reader: TimelineReader = {
    label: (a) => t(`report.page.action.${a}`, { defaultValue: a }),
    detail: (a, d) => {
      if (a === 'finalise') {
        const total = (d.total ?? {}) as { units?: number; occupancyRateBp?: number | null };
        return t('report.page.event.finalise', { units: formatInt(total.units ?? 0), rate: formatRate(total.occupancyRateBp ?? null) });
      }
      if (a === 'revise') return t('report.page.event.revise', { revision: str(d.revision), supersedes: str(d.supersedes), reason: str(d.reason) });
      if (a === 'revised') return t('report.page.event.revised', { by: str(d.by), reason: str(d.reason) });
      return '';
    },
    color: (a) => (a === 'revised' ? 'orange' : a === 'finalise' ? 'green' : undefined),
  };
  if (!report.timeline.length) return null;
  return <RecordTimeline entries={report.timeline} reader={reader} />;
}
