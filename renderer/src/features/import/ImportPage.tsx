import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Result, Space, Statistic, Table, Tag, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportSummary } from '../../../../shared/contract';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader } from '../../components/feedback';
import { formatBytes, formatInt } from '../../components/format';

const MAX_BYTES = 50 * 1024 * 1024;
const POLL_MS = 300;

type Issue = ImportSummary['errors'][number];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [committing, setCommitting] = useState(false);
  const poll = useRef<number | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      window.clearTimeout(poll.current);
    };
  }, []);

  const issueText = (i: Issue) => t(i.code, { ...(i.params ?? {}), defaultValue: i.code.startsWith('import.error.') ? t('import.error.unknown') : i.code });
  const columnText = (c: string | null) => (c ? t(`import.column.${c}`, { defaultValue: c }) : '—');

  const reset = () => {
    window.clearTimeout(poll.current);
    setFile(null);
    setSummary(null);
    setError(null);
    setProgress(null);
    setCommitting(false);
  };

  const preview = async (f: File) => {
    reset();
    setFile(f);
    if (f.size > MAX_BYTES) {
      setError(t('import.tooBig', { max: formatBytes(MAX_BYTES) }));
      return;
    }
    setReading(true);
    try {
      const contentBase64 = await readBase64(f);
      const s = await invoke('import.preview', { fileName: f.name.slice(0, 255), contentBase64 });
      if (alive.current) setSummary(s);
    } catch (e) {
      if (alive.current) setError(errorText(t, e));
    } finally {
      if (alive.current) setReading(false);
    }
  };

  const follow = (jobId: string) => {
    const tick = async () => {
      try {
        const p = await invoke('import.progress', { jobId });
        if (!alive.current) return;
        setProgress(p);
        if (p.phase === 'done' || p.phase === 'failed') {
          setCommitting(false);
          return;
        }
      } catch (e) {
        if (!alive.current) return;
        setError(errorText(t, e));
        setCommitting(false);
        return;
      }
      poll.current = window.setTimeout(() => void tick(), POLL_MS);
    };
    poll.current = window.setTimeout(() => void tick(), POLL_MS);
  };

  const commit = async (onlyValid: boolean) => {
    if (!summary || committing) return;
    setCommitting(true);
    setError(null);
    try {
      const p = await invoke('import.commit', { jobId: summary.jobId, onlyValid });
      setProgress(p);
      if (p.phase === 'done' || p.phase === 'failed') setCommitting(false);
      else follow(p.jobId);
    } catch (e) {
      setError(errorText(t, e));
      setCommitting(false);
    }
  };

  const confirmPartial = () => {
    if (!summary) return;
    modal.confirm({
      title: t('import.partialTitle', { count: summary.validRows }),
      content: t('import.partialBody', { errors: summary.errorRows }),
      okText: t('import.importValid', { count: summary.validRows }),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-partial-confirm' },
      onOk: () => commit(true),
    });
  };

  const hasFileErrors = !!summary && summary.fileErrors.length > 0;
  const canImportAll = !!summary && !hasFileErrors && summary.errorRows === 0 && summary.validRows > 0;
  const canImportValid = !!summary && !hasFileErrors && summary.errorRows > 0 && summary.validRows > 0;

  // ---- finished ----
  if (progress && progress.phase === 'done' && progress.result) {
    const r = progress.result;
    return (
      <div data-testid="import-page">
        <PageHeader title={t('nav.import')} />
        <Card>
          <Result
            status="success"
            data-testid="import-done"
            title={t('import.doneTitle')}
            subTitle={file ? file.name : undefined}
            extra={
              <Space>
                <Button type="primary" onClick={() => navigate('/units')} data-testid="import-go-units">
                  {t('import.goUnits')}
                </Button>
                <Button onClick={reset} icon={<ReloadOutlined />} data-testid="import-another">
                  {t('import.another')}
                </Button>
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, sm: 2, md: 5 }} size="small" bordered data-testid="import-result">
              <Descriptions.Item label={t('import.resBuildings')}>{formatInt(r.buildings)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resUnits')}>{formatInt(r.units)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resPeople')}>{formatInt(r.people)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resLinks')}>{formatInt(r.links)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resSkipped')}>{formatInt(r.skipped)}</Descriptions.Item>
            </Descriptions>
          </Result>
        </Card>
      </div>
    );
  }

  return (
    <div data-testid="import-page">
      <PageHeader title={t('nav.import')} sub={t('import.subtitle')} extra={summary || error ? <Button onClick={reset} icon={<ReloadOutlined />}>{t('import.chooseAnother')}</Button> : null} />

      {!summary ? (
        <Card style={{ marginBottom: 16 }}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={reading}
            beforeUpload={(f) => {
              void preview(f);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{reading ? t('import.reading', { name: file?.name ?? '' }) : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('import.columnsHelpTitle')} description={t('import.columnsHelp')} />
        </Card>
      ) : null}

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" /> : null}

      {summary ? (
        <>
          <Card style={{ marginBottom: 16 }} data-testid="import-summary">
            <Space size={32} wrap align="start">
              <div>
                <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('import.file')}</div>
                <div style={{ fontWeight: 500 }}>
                  <FileExcelOutlined /> {summary.fileName}
                </div>
                <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                  {t('import.encoding')}: {summary.encoding ?? '—'} · {t('import.lines', { count: summary.totalLines })}
                </div>
              </div>
              <Statistic title={t('import.validRows')} value={summary.validRows} formatter={(v) => formatInt(Number(v))} styles={{ content: { color: '#389e0d' } }} data-testid="import-valid" />
              <Statistic
                title={t('import.errorRows')}
                value={summary.errorRows}
                formatter={(v) => formatInt(Number(v))}
                styles={{ content: { color: summary.errorRows ? '#cf1322' : undefined } }}
                data-testid="import-errors-count"
              />
            </Space>
            {Object.keys(summary.columns).length ? (
              <div style={{ marginTop: 16 }}>
                <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 6 }}>{t('import.mappedColumns')}</div>
                <Space size={[6, 6]} wrap data-testid="import-columns">
                  {Object.entries(summary.columns).map(([key, header]) => (
                    <Tag key={key}>
                      {header} → <strong>{columnText(key)}</strong>
                    </Tag>
                  ))}
                </Space>
              </div>
            ) : null}
            <div style={{ marginTop: 20 }}>
              {progress && (progress.phase === 'importing' || progress.phase === 'ready' || progress.phase === 'parsing' || committing) ? (
                <div data-testid="import-progress">
                  <div style={{ marginBottom: 4 }}>{t('import.importing', { done: formatInt(progress.done), total: formatInt(progress.total) })}</div>
                  <Progress percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0} status="active" />
                </div>
              ) : progress?.phase === 'failed' ? (
                <Alert type="error" showIcon title={t('import.failed')} description={progress.error ? t(progress.error, { defaultValue: progress.error }) : undefined} data-testid="import-failed" />
              ) : (
                <Space>
                  <Button type="primary" disabled={!canImportAll} loading={committing} onClick={() => void commit(false)} data-testid="import-commit">
                    {t('import.import')}
                  </Button>
                  {canImportValid ? (
                    <Button onClick={confirmPartial} loading={committing} data-testid="import-commit-valid">
                      {t('import.importValid', { count: summary.validRows })}
                    </Button>
                  ) : null}
                  {summary.errorRows > 0 ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('import.fixHint')}</span> : null}
                </Space>
              )}
            </div>
          </Card>

          {hasFileErrors ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="import-file-errors"
              title={t('import.fileErrorsTitle')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {summary.fileErrors.map((e, i) => (
                    <li key={i}>{issueText(e)}</li>
                  ))}
                </ul>
              }
            />
          ) : null}

          {summary.errors.length ? (
            <Card title={t('import.errorsTitle', { count: summary.errors.length })} style={{ marginBottom: 16 }}>
              <Table<Issue>
                size="small"
                rowKey={(r) => `${r.line}:${r.column ?? ''}:${r.code}`}
                dataSource={summary.errors}
                pagination={summary.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                onRow={() => ({ 'data-testid': 'import-error-row' }) as object}
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 90, render: (v: number) => formatInt(v) },
                  { title: t('import.colColumn'), dataIndex: 'column', width: 160, render: (v: string | null) => columnText(v) },
                  { title: t('import.problem'), key: 'msg', render: (_: unknown, r) => issueText(r) },
                ]}
              />
            </Card>
          ) : null}

          <Card title={t('import.previewTitle')}>
            <Table
              size="small"
              rowKey="line"
              dataSource={summary.preview}
              pagination={false}
              locale={{ emptyText: <EmptyHint title={t('import.noValidRows')} /> }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 80 },
                { title: t('unit.building'), dataIndex: 'buildingCode', width: 100 },
                { title: t('unit.code'), dataIndex: 'unitCode' },
                { title: t('unit.use'), dataIndex: 'use', render: (v: string) => t(`enum.use.${v}`, { defaultValue: v }) },
                { title: t('unit.state'), dataIndex: 'state', render: (v: string | null) => (v ? t(`enum.state.${v}`, { defaultValue: v }) : '—') },
                { title: t('enum.relation.owner'), dataIndex: 'owner', render: (v: string | null) => v ?? '—' },
                { title: t('enum.relation.tenant'), dataIndex: 'tenant', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
