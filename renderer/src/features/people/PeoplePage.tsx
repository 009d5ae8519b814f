import { useCallback, useEffect, useState } from 'react';
import { App, Button, Drawer, Input, Table, Tooltip } from 'antd';
import { BankOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../shared/schemas/entities';
import type { IdType } from '../../../../shared/schemas/master';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatInt } from '../../components/format';
import { useCan, useNewRecordShortcut } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { PersonForm } from './PersonForm';

const PAGE = 50;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

export default function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [qText, setQText] = useState(q);
  const [creating, setCreating] = useState(false);
  const canWrite = can('masterdata.write');

  const list = useQuery('people.list', { offset: (page - 1) * PAGE, limit: PAGE, q: q || undefined });

  const update = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      setParams(next, { replace: true });
    },
    [params, setParams],
  );

  useEffect(() => {
    if (qText === q) return;
    const timer = window.setTimeout(() => update({ q: qText.trim() || undefined }), 200);
    return () => window.clearTimeout(timer);
  }, [qText, q, update]);

  const openNew = useCallback(() => setCreating(true), []);
  useNewRecordShortcut(canWrite ? openNew : null);
  useEffect(() => {
    if (params.get('new') === '1' && canWrite) {
      setCreating(true);
      update({ new: undefined });
    }
  }, [params, canWrite, update]);

  return (
    <div data-testid="people-page">
      <PageHeader
        title={t('nav.people')}
        sub={list.data ? t('person.count', { count: list.data.total, formatted: formatInt(list.data.total) }) : undefined}
        extra={
          canWrite ? (
            <Tooltip title={t('shortcut.new')}>
              <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-person">
                {t('person.new')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <Input.Search
        allowClear
        style={{ maxWidth: 420, marginBottom: 12 }}
        placeholder={t('person.searchPlaceholder')}
        value={qText}
        maxLength={50}
        onChange={(e) => setQText(e.target.value)}
        onSearch={(v) => update({ q: v.trim() || undefined })}
        data-testid="people-search"
      />
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<PersonRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(p) => ({ onClick: () => navigate(`/people/${p.id}`), style: { cursor: 'pointer' }, 'data-testid': 'person-row' }) as object}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInt(total) }),
          onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
        }}
        locale={{
          emptyText: list.error ? (
            <span />
          ) : q ? (
            <EmptyHint title={t('person.noMatch', { q })} hint={t('person.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('person.emptyTitle')}
              hint={t('person.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-person">
                    {t('person.new')}
                  </Button>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          {
            title: t('person.name'),
            dataIndex: 'name',
            render: (v: string, p) => (
              <span>
                {p.kind === 'company' ? (
                  <Tooltip title={t('enum.kind.company')}>
                    <BankOutlined style={{ color: '#722ed1' }} />
                  </Tooltip>
                ) : (
                  <UserOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                )}{' '}
                <strong>{v}</strong>
                {p.kind === 'company' && p.contactPerson ? <span style={{ color: 'rgba(0,0,0,0.45)' }}> · {p.contactPerson}</span> : null}
              </span>
            ),
          },
          { title: t('person.phone'), dataIndex: 'phoneMasked', width: 150, render: (v: string | null) => <span style={mono}>{v ?? ''}</span> },
          { title: t('person.idType'), dataIndex: 'idType', width: 170, render: (v: IdType | null) => (v ? t(`enum.idType.${v}`) : '') },
          { title: t('person.idNumber'), dataIndex: 'idNumberMasked', width: 210, render: (v: string | null) => <span style={mono}>{v ?? ''}</span> },
          { title: t('person.units'), dataIndex: 'units', ellipsis: true },
        ]}
      />
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('person.new')} size={560} destroyOnHidden data-testid="person-drawer">
        {creating ? (
          <PersonForm
            onCancel={() => setCreating(false)}
            onSaved={(p) => {
              message.success(t('person.created', { name: p.name }));
              setCreating(false);
              navigate(`/people/${p.id}`);
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
