import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Input, Result, Space, Statistic, Switch, Table, Tag } from 'antd';
import { BarChartOutlined, LoginOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import type { NoticeRow } from '../../../../shared/workflows/move-in/schema';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatBytes, formatDate, formatInt, mono, muted } from '../../components/format';
import { ClearFilters, ParamInput } from '../../components/list-page';
import { useCan } from '../../components/permissions';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { readBase64, SheetDropZone } from '../../components/sheet-upload';
import { BatchSelect, issueText, useNoticeBatches } from './common';

const MAX_BYTES = 20 * 1024 * 1024;
type Preview = ChannelOutput<'moveIn.importPreview'>;
type PreviewRow = Preview['rows'][number];

/**
 * `/move-in/notices`: the owners expected (入伙通知书 imported from the developer's list, not started yet), or every
 * notice of a batch; each starts its move-in (the form reads the unit and the notice), or opens the record started.
 * "Import notices" previews a file with its per-row errors, then commits the valid rows (or all).
 */
export default function NoticesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const importing = filters.get('import') === '1';
  const batchId = filters.get('batch');
  const waiting = filters.get('all') !== '1';
  const search = filters.get('q') ?? '';
  const canWrite = can('move-in.write');
  const list = useQuery('moveIn.notices', importing ? null : { offset: filters.offset, limit: filters.pageSize, waiting, batchId, search: search || undefined });
  const { batches, loading: batchesLoading, reload: reloadBatches } = useNoticeBatches();
  const filtered = !!(batchId || search || !waiting);
  const total = list.data?.total;

  if (importing)
    return (
      <NoticeImport
        onClose={(imported) => {
          filters.update({ import: undefined });
          if (imported) {
            reloadBatches();
            list.reload();
          }
        }}
      />
    );

  return (
    <div data-testid="notices-page">
      <PageHeader
        title={t('moveinLists.notices.title')}
        sub={total === undefined ? t('moveinLists.notices.sub') : `${t('moveinLists.notices.count', { count: total, formatted: formatInt(total) })} · ${t('moveinLists.notices.sub')}`}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate(batchId ? `/move-in/register?batch=${batchId}` : '/move-in/register')} data-testid="link-register">
              {batchId ? t('moveinLists.notices.registerOfBatch') : t('moveinLists.links.register')}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => filters.update({ import: '1' })} data-testid="notices-import">
                {t('moveinLists.notices.import')}
              </Button>
            ) : null}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamInput name="q" delay={250} width={280} maxLength={60} placeholder={t('moveinLists.search')} testId="filter-q" pageFocus />
        <BatchSelect
          allowClear
          width={220}
          batches={batches}
          loading={batchesLoading}
          placeholder={t('moveinLists.notices.allBatches')}
          value={batchId}
          onChange={(v) => filters.update({ batch: v })}
          testId="filter-batch"
        />
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={waiting} onChange={(v) => filters.update({ all: v ? undefined : '1' })} data-testid="filter-waiting" />
          <span>{t('moveinLists.notices.waitingOnly')}</span>
        </span>
        <ClearFilters shown={filtered} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<NoticeRow>
        rowKey="id"
        size="middle"
        data-testid="notices-table"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={filters.pagination(total ?? 0)}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': 'notice-row', 'data-unit': r.unitCode, 'data-started': r.moveInId ? '1' : '0' }) as object}
        locale={{
          emptyText: list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('moveinLists.notices.noMatch')} hint={t('moveinLists.notices.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('moveinLists.notices.emptyTitle')}
              hint={t('moveinLists.notices.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<UploadOutlined />} onClick={() => filters.update({ import: '1' })}>
                    {t('moveinLists.notices.import')}
                  </Button>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          {
            title: t('moveinLists.unit'),
            dataIndex: 'unitCode',
            width: 140,
            render: (v: string, r) => (
              <Link to={`/units/${r.unitId}`} style={{ fontWeight: 600 }}>
                {v}
              </Link>
            ),
          },
          { title: t('moveinLists.owner'), dataIndex: 'ownerName', width: 160 },
          { title: t('moveinLists.phone'), dataIndex: 'phoneMasked', width: 140, render: (v: string | null) => (v ? <span style={mono}>{v}</span> : <span style={muted}>—</span>) },
          { title: t('moveinLists.noticeDate'), dataIndex: 'noticeDate', width: 120, render: (v: string) => formatDate(v) },
          { title: t('moveinLists.batch'), dataIndex: 'batchName', render: (v: string) => <span style={muted}>{v}</span> },
          {
            title: t('moveinLists.record'),
            key: 'record',
            width: 260,
            render: (_: unknown, r) =>
              r.moveInId ? (
                <Space size={6}>
                  <Link to={`/move-in/${r.moveInId}`} style={{ ...mono, fontWeight: 600 }} data-testid="notice-record">
                    {r.moveInNumber}
                  </Link>
                  {r.moveInState ? <Tag style={{ marginInlineEnd: 0 }}>{t(`movein.state.${r.moveInState}`)}</Tag> : null}
                </Space>
              ) : canWrite ? (
                <Button size="small" type="primary" ghost icon={<LoginOutlined />} onClick={() => navigate(`/move-in/new?unitId=${r.unitId}&noticeId=${r.id}`)} data-testid="notice-start">
                  {t('moveinLists.notices.start')}
                </Button>
              ) : (
                <span style={muted}>—</span>
              ),
          },
        ]}
      />
    </div>
  );
}

/** The import of a notices file: the file (and a batch name), its preview with each row's errors, the commit. */
function NoticeImport({ onClose }: { onClose: (imported: boolean) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [batchName, setBatchName] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const [done, setDone] = useState<ChannelOutput<'moveIn.importCommit'> | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const reset = () => {
    setPreview(null);
    setError(null);
    setFileName(null);
    setDone(null);
  };

  const read = async (f: File) => {
    reset();
    setFileName(f.name);
    if (f.size > MAX_BYTES) {
      setError(t('moveinLists.import.tooBig', { max: formatBytes(MAX_BYTES) }));
      return;
    }
    setReading(true);
    try {
      const contentBase64 = await readBase64(f);
      const p = await invoke('moveIn.importPreview', { fileName: f.name.slice(0, 255), contentBase64, batchName: batchName.trim() || null });
      if (alive.current) setPreview(p);
    } catch (e) {
      if (alive.current) setError(errorText(t, e));
    } finally {
      if (alive.current) setReading(false);
    }
  };

  const commit = async (onlyValid: boolean) => {
    if (!preview || committing) return;
    setCommitting(true);
    setError(null);
    try {
      const r = await invoke('moveIn.importCommit', { batchId: preview.batchId, onlyValid });
      if (alive.current) setDone(r);
    } catch (e) {
      if (alive.current) setError(errorText(t, e));
    } finally {
      if (alive.current) setCommitting(false);
    }
  };

  const confirmPartial = () => {
    if (!preview) return;
    modal.confirm({
      title: t('moveinLists.import.partialTitle', { count: preview.valid }),
      content: t('moveinLists.import.partialBody', { errors: preview.invalid }),
      okText: t('moveinLists.import.commitValid', { count: preview.valid }),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-partial-confirm' },
      onOk: () => commit(true),
    });
  };

  const header = (
    <PageHeader
      title={t('moveinLists.import.title')}
      sub={t('moveinLists.import.sub')}
      extra={
        <>
          {preview || error ? (
            <Button icon={<ReloadOutlined />} onClick={reset} data-testid="import-choose-another">
              {t('moveinLists.import.chooseAnother')}
            </Button>
          ) : null}
          <Button onClick={() => onClose(!!done)} data-testid="import-back">
            {t('moveinLists.import.back')}
          </Button>
        </>
      }
    />
  );

  if (done)
    return (
      <div data-testid="notice-import-page">
        {header}
        <Card>
          <Result
            status="success"
            data-testid="import-done"
            title={t('moveinLists.import.done', { imported: formatInt(done.imported) })}
            subTitle={done.skipped ? t('moveinLists.import.doneSkipped', { skipped: formatInt(done.skipped) }) : fileName}
            extra={
              <Space>
                <Button type="primary" onClick={() => onClose(true)} data-testid="import-go-notices">
                  {t('moveinLists.import.back')}
                </Button>
                <Button icon={<ReloadOutlined />} onClick={reset}>
                  {t('moveinLists.import.another')}
                </Button>
              </Space>
            }
          />
        </Card>
      </div>
    );

  const canAll = !!preview && !preview.fileError && preview.invalid === 0 && preview.valid > 0;
  const canValid = !!preview && !preview.fileError && preview.invalid > 0 && preview.valid > 0;

  return (
    <div data-testid="notice-import-page">
      {header}
      {!preview ? (
        <Card style={{ marginBottom: 16 }}>
          <div style={{ maxWidth: 420, marginBottom: 16 }}>
            <div style={{ marginBottom: 4 }}>{t('moveinLists.import.batchName')}</div>
            <Input value={batchName} maxLength={60} onChange={(e) => setBatchName(e.target.value)} placeholder={t('moveinLists.import.batchNameHint')} data-testid="import-batch-name" />
          </div>
          <SheetDropZone reading={reading} onFile={(f) => void read(f)} text={reading ? t('moveinLists.import.reading', { name: fileName ?? '' }) : t('moveinLists.import.drop')} hint={t('moveinLists.import.dropHint')} />
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('moveinLists.import.columns')} />
        </Card>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" /> : null}
      {preview ? (
        <>
          <Card style={{ marginBottom: 16 }} data-testid="import-summary">
            <Space size={32} wrap align="start">
              <div>
                <div style={muted}>{preview.name}</div>
                <div style={{ fontWeight: 500 }}>{preview.fileName}</div>
              </div>
              <Statistic title={t('moveinLists.import.valid')} value={preview.valid} formatter={(v) => formatInt(Number(v))} styles={{ content: { color: '#389e0d' } }} data-testid="import-valid" />
              <Statistic title={t('moveinLists.import.invalid')} value={preview.invalid} formatter={(v) => formatInt(Number(v))} styles={{ content: { color: preview.invalid ? '#cf1322' : undefined } }} data-testid="import-invalid" />
            </Space>
            <div style={{ marginTop: 16 }}>
              <Space wrap>
                <Button type="primary" disabled={!canAll} loading={committing} onClick={() => void commit(false)} data-testid="import-commit">
                  {t('moveinLists.import.commitAll', { count: preview.valid })}
                </Button>
                {canValid ? (
                  <Button onClick={confirmPartial} loading={committing} data-testid="import-commit-valid">
                    {t('moveinLists.import.commitValid', { count: preview.valid })}
                  </Button>
                ) : null}
                {preview.invalid > 0 ? <span style={muted}>{t('moveinLists.import.fixHint')}</span> : null}
              </Space>
            </div>
          </Card>
          {preview.fileError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={issueText(t, preview.fileError)} data-testid="import-file-error" /> : null}
          <Card>
            <Table<PreviewRow>
              size="small"
              rowKey="line"
              dataSource={preview.rows}
              pagination={preview.rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
              scroll={{ x: 900 }}
              onRow={(r) => ({ 'data-testid': 'import-preview-row', 'data-line': r.line, 'data-valid': r.errors.length ? '0' : '1', style: r.errors.length ? { background: '#fff1f0' } : undefined }) as object}
              columns={[
                { title: t('moveinLists.import.line'), dataIndex: 'line', width: 60 },
                { title: t('moveinLists.unit'), dataIndex: 'unitCode', width: 120, render: (v: string) => <strong>{v || '—'}</strong> },
                { title: t('moveinLists.owner'), dataIndex: 'ownerName', width: 140, render: (v: string) => v || '—' },
                { title: t('moveinLists.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => (v ? <span style={mono}>{v}</span> : '—') },
                { title: t('moveinLists.noticeDate'), dataIndex: 'noticeDate', width: 110, render: (v: string | null) => v ?? '—' },
                {
                  title: t('moveinLists.import.problems'),
                  key: 'errors',
                  render: (_: unknown, r) =>
                    r.errors.length ? (
                      <ul style={{ margin: 0, paddingInlineStart: 16, color: '#cf1322' }} data-testid="import-row-errors">
                        {r.errors.map((e, i) => (
                          <li key={i}>{issueText(t, e)}</li>
                        ))}
                      </ul>
                    ) : (
                      <Tag color="success">{t('moveinLists.import.ok')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
