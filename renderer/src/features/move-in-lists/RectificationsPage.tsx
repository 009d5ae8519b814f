import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { CheckOutlined, RollbackOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rectification } from '../../../../shared/workflows/move-in/schema';
import { errorText, invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt, mono, muted } from '../../components/format';
import { useCan } from '../../components/permissions';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { ReasonModal } from '../../components/void-modal';
import { RectStateTag, whatText } from './common';

const QUEUES = ['open', 'overdue', 'fixed', 'all'] as const;
type Queue = (typeof QUEUES)[number];

/** An action on an item with an optional note (fixed by engineering; accepted by the owner). */
function NoteModal({ open, title, label, okText, onClose, onConfirm }: { open: boolean; title: string; label: string; okText: string; onClose: () => void; onConfirm: (note: string | null) => Promise<void> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setNote('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm(note.trim() || null);
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={submit} okText={okText} okButtonProps={{ loading: busy, 'data-testid': 'rect-confirm' }} cancelText={t('common.cancel')} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea autoFocus data-testid="field-note" value={note} maxLength={200} rows={3} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * `/move-in/rectifications`: the defects found at move-in inspections, by queue (to fix, overdue, awaiting the
 * owner, all). Engineering's fix (with a note), the owner's acceptance, or the owner's refusal (reopened, with the
 * reason) are recorded from the list; each row opens its RH record.
 */
export default function RectificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const filters = useListParams();
  const queue: Queue = QUEUES.find((q) => q === filters.get('queue')) ?? 'open';
  const list = useQuery('moveIn.rectifications', { offset: filters.offset, limit: filters.pageSize, queue });
  const [acting, setActing] = useState<{ kind: 'fix' | 'accept' | 'reopen'; r: Rectification } | null>(null);
  const canWrite = can('move-in.write');
  const total = list.data?.total;

  const what = (r: Rectification) => whatText(t, r.area, r.item);
  const act = async (call: () => Promise<unknown>, done: string) => {
    await call();
    message.success(done);
    list.reload();
  };

  return (
    <div data-testid="rectifications-page">
      <PageHeader title={t('moveinLists.rect.title')} sub={total === undefined ? t('moveinLists.rect.sub') : `${t('moveinLists.rect.count', { count: total, formatted: formatInt(total) })} · ${t('moveinLists.rect.sub')}`} />
      <Tabs
        size="small"
        activeKey={queue}
        data-testid="queue-tabs"
        onChange={(k) => filters.update({ queue: k === 'open' ? undefined : k })}
        items={QUEUES.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`moveinLists.rect.queue.${k}`)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<Rectification>
        rowKey="id"
        size="middle"
        data-testid="rect-table"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={filters.pagination(total ?? 0)}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': 'rect-row', 'data-number': r.number, 'data-unit': r.unitCode, 'data-state': r.state, 'data-overdue': r.overdue ? '1' : '0' }) as object}
        locale={{ emptyText: list.error ? <span /> : <EmptyHint title={t('moveinLists.rect.emptyTitle')} hint={t('moveinLists.rect.emptyHint')} /> }}
        columns={[
          {
            title: `${t('movein.number')} / ${t('moveinLists.unit')}`,
            dataIndex: 'number',
            width: 160,
            render: (v: string, r) => (
              <div>
                <Link to={`/move-in/${r.moveInId}`} style={{ ...mono, fontWeight: 600 }} data-testid="rect-record">
                  {v}
                </Link>
                <div style={{ fontWeight: 600 }}>{r.unitCode}</div>
              </div>
            ),
          },
          { title: t('moveinLists.rect.areaItem'), key: 'what', width: 140, render: (_: unknown, r) => what(r) },
          {
            title: t('moveinLists.rect.description'),
            dataIndex: 'description',
            render: (v: string, r) => (
              <div style={{ minWidth: 160 }}>
                <div>
                  {r.critical ? (
                    <Tag color="red" icon={<WarningOutlined />} data-testid="rect-critical">
                      {t('moveinLists.rect.critical')}
                    </Tag>
                  ) : null}
                  {v}
                </div>
                {r.fixedNote ? <div style={{ ...muted, fontSize: 12 }}>{t('moveinLists.rect.fixedNote', { note: r.fixedNote })}</div> : null}
                {r.reopened ? <Tag color="volcano" style={{ marginTop: 2 }}>{t('moveinLists.rect.reopened', { count: r.reopened })}</Tag> : null}
              </div>
            ),
          },
          { title: t('moveinLists.rect.ownerOpinion'), dataIndex: 'ownerOpinion', width: 150, render: (v: string) => v || <span style={muted}>—</span> },
          {
            title: `${t('moveinLists.rect.dueDate')} / ${t('moveinLists.rect.assignedTo')}`,
            dataIndex: 'dueDate',
            width: 120,
            render: (v: string, r) => (
              <div>
                <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid="rect-due" data-overdue={r.overdue ? '1' : '0'}>
                  {formatDate(v)}
                </span>
                <div style={{ ...muted, fontSize: 12 }} data-testid="rect-assigned">
                  {t(`movein.department.${r.assignedTo}`, { defaultValue: r.assignedTo })}
                </div>
              </div>
            ),
          },
          { title: t('moveinLists.state'), dataIndex: 'state', width: 140, render: (v: Rectification['state'], r) => <RectStateTag state={v} overdue={r.overdue} /> },
          ...(canWrite
            ? [
                {
                  title: t('moveinLists.rect.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, r: Rectification) =>
                    r.state === 'open' ? (
                      <Button size="small" icon={<ToolOutlined />} onClick={() => setActing({ kind: 'fix', r })} data-testid="rect-fix">
                        {t('moveinLists.rect.fix')}
                      </Button>
                    ) : r.state === 'fixed' ? (
                      <Space size={4}>
                        <Button size="small" type="primary" ghost icon={<CheckOutlined />} onClick={() => setActing({ kind: 'accept', r })} data-testid="rect-accept">
                          {t('moveinLists.rect.accept')}
                        </Button>
                        <Tooltip title={t('moveinLists.rect.reopen')}>
                          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setActing({ kind: 'reopen', r })} data-testid="rect-reopen">
                            {t('moveinLists.rect.reopen')}
                          </Button>
                        </Tooltip>
                      </Space>
                    ) : (
                      <span style={muted}>{r.acceptedAt ? formatDate(r.acceptedAt) : '—'}</span>
                    ),
                },
              ]
            : []),
        ]}
      />
      <NoteModal
        open={acting?.kind === 'fix'}
        title={acting ? t('moveinLists.rect.fixTitle', { unit: acting.r.unitCode, what: what(acting.r) }) : ''}
        label={t('moveinLists.rect.fixNote')}
        okText={t('moveinLists.rect.fix')}
        onClose={() => setActing(null)}
        onConfirm={(note) => act(() => invoke('moveIn.rectFixed', { itemId: acting!.r.id, note }), t('moveinLists.rect.fixedDone'))}
      />
      <NoteModal
        open={acting?.kind === 'accept'}
        title={acting ? t('moveinLists.rect.acceptTitle', { unit: acting.r.unitCode, what: what(acting.r) }) : ''}
        label={t('moveinLists.rect.acceptNote')}
        okText={t('moveinLists.rect.accept')}
        onClose={() => setActing(null)}
        onConfirm={(note) => act(() => invoke('moveIn.rectAccepted', { itemId: acting!.r.id, note }), t('moveinLists.rect.acceptedDone'))}
      />
      <ReasonModal
        open={acting?.kind === 'reopen'}
        title={acting ? t('moveinLists.rect.reopenTitle', { unit: acting.r.unitCode, what: what(acting.r) }) : ''}
        okText={t('moveinLists.rect.reopen')}
        reasonLabel={t('moveinLists.rect.reopenReason')}
        testId="rect-reopen-confirm"
        onClose={() => setActing(null)}
        onConfirm={(reason) => act(() => invoke('moveIn.rectReopen', { itemId: acting!.r.id, reason }), t('moveinLists.rect.reopenedDone'))}
      />
    </div>
  );
}
