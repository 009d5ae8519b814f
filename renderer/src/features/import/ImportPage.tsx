import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Result, Space, Statistic, Table, Tag } from 'antd';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportSummary } from '../../../../shared/contract';
import type { UnitChange } from '../../../../shared/master/contract';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader } from '../../components/feedback';
import { formatBytes, formatInt } from '../../components/format';
import { readBase64, SheetDropZone } from '../../components/sheet-upload';

const MAX_BYTES = 50 * 1024 * 1024;
const POLL_MS = 300;

type Issue = ImportSummary['errors'][number];
type PreviewRow = ImportSummary['preview'][number];
type PartyPreview = NonNullable<PreviewRow['owner']>;

const MUTED = { color: 'rgba(0,0,0,0.45)' } as const;

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
  const none = (v: number | null) => (v === null ? '—' : String(v));
  const changeText = (c: UnitChange): string => {
    switch (c.kind) {
      case 'use':
        return t('import.change.use', { from: t(`enum.use.${c.from}`), to: t(`enum.use.${c.to}`) });
      case 'floor':
        return t('import.change.floor', { from: none(c.from), to: c.to });
      case 'area':
        return t('import.change.area', { from: none(c.from), to: c.to });
      case 'note':
        return t('import.change.note', { to: c.to });
      case 'noteKept':
        return t('import.change.noteKept');
      case 'state':
        return t('import.change.state', { from: c.from ? t(`enum.state.${c.from}`) : '—', to: t(`enum.state.${c.to}`) });
      case 'link':
        return t(c.newPerson ? 'import.change.linkNew' : 'import.change.linkExisting', { relation: t(`enum.relation.${c.relation}`), name: c.name });
    }
  };
  const changesView = (changes: UnitChange[]) =>
    changes.length === 0 ? (
      <span style={MUTED}>{t('import.change.unchanged')}</span>
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
        {changes.map((c, i) => (
          <li key={i}>{changeText(c)}</li>
        ))}
      </ul>
    );
  const partyView = (p: PartyPreview | null) =>
    p ? (
      <div>
        <div>{p.name}</div>
        {p.phoneMasked ? <div style={MUTED}>{p.phoneMasked}</div> : null}
        {p.idNumberMasked ? (
          <div style={MUTED}>
            {p.idType ? `${t(`enum.idType.${p.idType}`, { defaultValue: p.idType })} ` : ''}
            {p.idNumberMasked}
          </div>
        ) : null}
        {p.birthday ? (
          <div style={MUTED}>
            {t('import.birthday', { date: p.birthday })} {p.birthdayFromId ? <Tag style={{ marginInlineEnd: 0 }}>{t('import.fromId')}</Tag> : null}
          </div>
        ) : null}
        {p.note ? <div style={MUTED}>{p.note}</div> : null}
      </div>
    ) : (
      '—'
    );
  const skipLabel = (reason: string) => t(`import.skip.${reason}`, { defaultValue: reason });

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
    // A run that added and changed nothing is not a success to celebrate: say so, and why.
    const nothing = r.buildings + r.units + r.updated + r.people + r.links === 0;
    return (
      <div data-testid="import-page">
        <PageHeader title={t('nav.import')} />
        <Card>
          <Result
            status={nothing ? 'warning' : 'success'}
            data-testid="import-done"
            data-outcome={nothing ? 'nothing' : 'imported'}
            title={nothing ? t('import.nothingTitle') : t('import.doneTitle')}
            subTitle={nothing ? `${file ? `${file.name} · ` : ''}${t('import.nothingSub')}` : file ? file.name : undefined}
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
            <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small" bordered data-testid="import-result">
              <Descriptions.Item label={t('import.resBuildings')}>{formatInt(r.buildings)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resUnits')}>{formatInt(r.units)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resUpdated')}>{formatInt(r.updated)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resPeople')}>{formatInt(r.people)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resLinks')}>{formatInt(r.links)}</Descriptions.Item>
              <Descriptions.Item label={t('import.resSkipped')}>{formatInt(r.skipped)}</Descriptions.Item>
            </Descriptions>
            {r.skippedBy.length ? (
              <div style={{ marginTop: 12, textAlign: 'start' }} data-testid="import-result-skipped">
                <div style={MUTED}>{nothing ? t('import.nothingWhy') : t('import.skippedWhy')}</div>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.skippedBy.map((s) => (
                    <li key={s.reason}>
                      {t('import.skipCount', { label: skipLabel(s.reason), count: formatInt(s.count) })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
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
          <SheetDropZone reading={reading} onFile={(f) => void preview(f)} text={reading ? t('import.reading', { name: file?.name ?? '' }) : t('import.drop')} hint={t('import.dropHint')} />
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
              <Statistic title={t('import.newUnits')} value={summary.newUnits} formatter={(v) => formatInt(Number(v))} data-testid="import-new-units" />
              <Statistic title={t('import.existingUnits')} value={summary.existingUnits} formatter={(v) => formatInt(Number(v))} styles={{ content: { color: summary.existingUnits ? '#d46b08' : undefined } }} data-testid="import-existing-count" />
              <Statistic title={t('import.skippedRows')} value={summary.skippedRows} formatter={(v) => formatInt(Number(v))} data-testid="import-skipped-count" />
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
            {summary.ignoredColumns.length ? (
              <div style={{ marginTop: 12 }}>
                <div style={{ ...MUTED, marginBottom: 6 }}>
                  {t('import.ignoredColumns')} · {t('import.ignoredHint')}
                </div>
                <Space size={[6, 6]} wrap data-testid="import-ignored-columns">
                  {summary.ignoredColumns.map((c, i) => (
                    <Tag key={i} color="warning">
                      {c}
                    </Tag>
                  ))}
                </Space>
              </div>
            ) : null}
            {summary.skipped.length ? (
              <div style={{ marginTop: 12 }} data-testid="import-skipped">
                <div style={{ ...MUTED, marginBottom: 4 }}>{t('import.skippedTitle', { count: summary.skippedRows })}</div>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {summary.skipped.map((s) => (
                    <li key={s.reason} data-testid={`import-skipped-${s.reason}`}>
                      {t('import.skipCount', { label: skipLabel(s.reason), count: formatInt(s.count) })}{' '}
                      <span style={MUTED}>
                        ({t('import.skippedLines', { lines: s.lines.join(', ') })}
                        {s.count > s.lines.length ? t('import.skippedMore') : ''})
                      </span>
                    </li>
                  ))}
                </ul>
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

          {summary.existing.length ? (
            <Card title={t('import.existingTitle', { count: summary.existingUnits })} style={{ marginBottom: 16 }} data-testid="import-existing">
              <div style={{ ...MUTED, marginBottom: 8 }}>{t('import.existingHint')}</div>
              <Table
                size="small"
                rowKey="line"
                dataSource={summary.existing}
                pagination={summary.existing.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                onRow={() => ({ 'data-testid': 'import-existing-row' }) as object}
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 90, render: (v: number) => formatInt(v) },
                  { title: t('unit.code'), dataIndex: 'unitCode', width: 160 },
                  { title: t('import.whatHappens'), key: 'changes', render: (_: unknown, r) => changesView(r.changes) },
                ]}
              />
            </Card>
          ) : null}

          <Card title={t('import.previewTitle')}>
            <Table<PreviewRow>
              size="small"
              rowKey="line"
              dataSource={summary.preview}
              pagination={false}
              scroll={{ x: 1100 }}
              onRow={() => ({ 'data-testid': 'import-preview-row' }) as object}
              locale={{ emptyText: <EmptyHint title={t('import.noValidRows')} /> }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 60 },
                { title: t('unit.code'), dataIndex: 'unitCode', width: 110 },
                {
                  title: t('import.colStatus'),
                  key: 'status',
                  width: 90,
                  render: (_: unknown, r) =>
                    r.changes === null ? <Tag color="success">{t('import.statusNew')}</Tag> : <Tag color="warning">{t('import.statusExisting')}</Tag>,
                },
                {
                  title: t('unit.use'),
                  dataIndex: 'use',
                  width: 100,
                  render: (v: string, r) => (
                    <>
                      {t(`enum.use.${v}`, { defaultValue: v })} {r.useDefaulted ? <Tag>{t('import.byDefault')}</Tag> : null}
                    </>
                  ),
                },
                {
                  title: t('unit.floor'),
                  dataIndex: 'floor',
                  width: 110,
                  render: (v: number | null, r) => (
                    <>
                      {none(v)} {r.floorFromCode ? <Tag>{t('import.fromRoom')}</Tag> : null}
                    </>
                  ),
                },
                { title: t('import.colArea'), dataIndex: 'areaM2', width: 90, render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
                { title: t('unit.state'), dataIndex: 'state', width: 90, render: (v: string | null) => (v ? t(`enum.state.${v}`, { defaultValue: v }) : '—') },
                { title: t('enum.relation.owner'), dataIndex: 'owner', render: (v: PartyPreview | null) => partyView(v) },
                { title: t('enum.relation.tenant'), dataIndex: 'tenant', render: (v: PartyPreview | null) => partyView(v) },
                { title: t('import.colNote'), dataIndex: 'note', width: 120, render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
