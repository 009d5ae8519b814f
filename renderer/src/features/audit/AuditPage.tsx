import { Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/schemas/entities';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt } from '../../components/format';
import { useQuery } from '../../components/use-query';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionLabel, entityLabel } from './describe';

const PAGE = 50;

function compact(json: string | null): string {
  if (!json) return '';
  try {
    const v = JSON.parse(json) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
        .join(', ');
    }
    return JSON.stringify(v);
  } catch {
    return json;
  }
}

function pretty(json: string | null): string {
  if (!json) return '—';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', void: 'red', reveal: 'orange', 'set-occupancy': 'purple', 'sign-in-failed': 'volcano', 'sign-in-locked': 'red', restore: 'magenta' };

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity') ?? undefined;
  const action = params.get('action') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useQuery('audit.list', { offset: (page - 1) * PAGE, limit: PAGE, entity, action });

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('nav.audit')} sub={t('audit.subtitle')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.filterEntity')}
          value={entity}
          onChange={(v: string | undefined) => update({ entity: v })}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
          data-testid="audit-filter-entity"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('audit.filterAction')}
          value={action}
          onChange={(v: string | undefined) => update({ action: v })}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
          data-testid="audit-filter-action"
        />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action }) as object}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInt(total) }),
          onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
        }}
        expandable={{
          rowExpandable: (e) => !!(e.before || e.after),
          expandedRowRender: (e) => (
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
              <div style={{ flex: 1, minWidth: 260 }}>
                <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('audit.before')}</div>
                <pre style={{ margin: 0, background: '#fafafa', padding: 8, borderRadius: 4, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{pretty(e.before)}</pre>
              </div>
              <div style={{ flex: 1, minWidth: 260 }}>
                <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('audit.after')}</div>
                <pre style={{ margin: 0, background: '#fafafa', padding: 8, borderRadius: 4, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{pretty(e.after)}</pre>
              </div>
            </div>
          ),
        }}
        locale={{ emptyText: list.error ? <span /> : <EmptyHint title={entity || action ? t('audit.noMatch') : t('audit.empty')} /> }}
        columns={[
          { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
          { title: t('audit.user'), dataIndex: 'userName', width: 120, render: (v: string | null) => v ?? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('audit.system')}</span> },
          { title: t('audit.colAction'), dataIndex: 'action', width: 130, render: (v: string) => <Tag color={ACTION_COLORS[v]}>{actionLabel(t, v)}</Tag> },
          { title: t('audit.colEntity'), dataIndex: 'entity', width: 100, render: (v: string) => entityLabel(t, v) },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            width: 120,
            render: (v: string | null) => (v ? <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }}>{`…${v.slice(-8)}`}</Typography.Text> : ''),
          },
          {
            title: t('audit.change'),
            key: 'change',
            ellipsis: true,
            render: (_: unknown, e) => {
              const b = compact(e.before);
              const a = compact(e.after);
              return (
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }} title={[b, a].filter(Boolean).join(' → ')}>
                  {b ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{b}</span> : null}
                  {b && a ? ' → ' : ''}
                  {a}
                </span>
              );
            },
          },
        ]}
      />
    </div>
  );
}
