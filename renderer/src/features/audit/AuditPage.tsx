import { Fragment } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/master/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { ParamSelect } from '../../components/list-page';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionLabel, actorLabel, changeParts, changeText, entityLabel } from './describe';

function pretty(json: string | null): string {
  if (!json) return '—';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  void: 'red',
  reveal: 'orange',
  'set-occupancy': 'purple',
  'sign-in-failed': 'volcano',
  'sign-in-locked': 'red',
  restore: 'magenta',
  forbidden: 'volcano',
  'restore-refused': 'volcano',
  'unclean-stop': 'gold',
  'new-site': 'magenta',
};

/** The filter's label: 'verify' is both a slip's verification call and the database's integrity check. */
function filterActionLabel(t: (key: string, options?: Record<string, unknown>) => string, action: string): string {
  if (action === 'verify') return `${actionLabel(t, action)} / ${actionLabel(t, action, 'database')}`;
  return actionLabel(t, action);
}

export default function AuditPage() {
  const { t } = useTranslation();
  const filters = useListParams();
  const entity = filters.get('entity');
  const action = filters.get('action');
  const list = useQuery('audit.list', { offset: filters.offset, limit: filters.pageSize, entity, action });

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('nav.audit')} sub={t('audit.subtitle')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamSelect name="entity" width={180} placeholder={t('audit.filterEntity')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))} testId="audit-filter-entity" />
        <ParamSelect name="action" width={200} placeholder={t('audit.filterAction')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: filterActionLabel(t, a) }))} testId="audit-filter-action" />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action }) as object}
        pagination={filters.pagination(list.data?.total ?? 0)}
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
          {
            title: t('audit.user'),
            key: 'user',
            width: 120,
            render: (_: unknown, e) => {
              const who = actorLabel(t, e);
              return <span style={who.system ? { color: 'rgba(0,0,0,0.45)' } : undefined} data-testid="audit-user">{who.text}</span>;
            },
          },
          {
            title: t('audit.colAction'),
            dataIndex: 'action',
            width: 165,
            // A long label wraps inside its tag rather than running into the next column.
            render: (v: string, e) => (
              <Tag color={ACTION_COLORS[v]} style={{ whiteSpace: 'normal', maxWidth: '100%', marginInlineEnd: 0 }}>
                {actionLabel(t, v, e.entity)}
              </Tag>
            ),
          },
          { title: t('audit.colEntity'), dataIndex: 'entity', width: 100, render: (v: string) => entityLabel(t, v) },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            width: 120,
            // A refused call names the function (channel) it tried: shown whole, it is not an id.
            render: (v: string | null, e) =>
              v ? <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }}>{e.entity === 'channel' ? v : `…${v.slice(-8)}`}</Typography.Text> : '',
          },
          {
            title: t('audit.change'),
            key: 'change',
            ellipsis: true,
            render: (_: unknown, e) => {
              const parts = changeParts(t, e);
              return (
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }} title={changeText(parts)}>
                  {parts.map((p, i) => (
                    <Fragment key={p.key || i}>
                      {i > 0 ? ' · ' : ''}
                      {p.key ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{p.key}: </span> : null}
                      {p.before !== undefined ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{p.before}</span> : null}
                      {p.before !== undefined && p.after !== undefined ? ' → ' : ''}
                      {p.after}
                    </Fragment>
                  ))}
                </span>
              );
            },
          },
        ]}
      />
    </div>
  );
}
