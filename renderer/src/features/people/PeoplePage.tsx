import { useCallback, useState } from 'react';
import { App, Button, Drawer, Input, Table, Tooltip } from 'antd';
import { BankOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../shared/master/schema';
import type { IdType } from '../../../../shared/master/enums';
import { EmptyHint, QueryError } from '../../components/feedback';
import { useConfirmDiscard } from '../../components/leave-guard';
import { useCan } from '../../components/permissions';
import { ListPageHeader } from '../../components/list-page';
import { useDebouncedParam, useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { PersonForm } from './PersonForm';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

export default function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const q = filters.get('q') ?? '';
  const [qText, setQText] = useDebouncedParam('q', 200);
  const [creating, setCreating] = useState(false);
  const canWrite = can('masterdata.write');

  const list = useQuery('people.list', { offset: filters.offset, limit: filters.pageSize, q: q || undefined });

  const openNew = useCallback(() => setCreating(true), []);
  useNewRecordOpener(canWrite ? openNew : null);

  return (
    <div data-testid="people-page">
      <ListPageHeader
        title={t('nav.people')}
        total={list.data?.total}
        countText={(count, formatted) => t('person.count', { count, formatted })}
        onNew={canWrite ? openNew : null}
        newLabel={t('person.new')}
        newTestId="new-person"
      />
      <Input.Search
        allowClear
        style={{ maxWidth: 420, marginBottom: 12 }}
        placeholder={t('person.searchPlaceholder')}
        value={qText}
        maxLength={50}
        onChange={(e) => setQText(e.target.value)}
        onSearch={(v) => filters.update({ q: v.trim() || undefined })}
        data-testid="people-search"
        data-page-focus
      />
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<PersonRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(p) => ({ onClick: () => navigate(`/people/${p.id}`), style: { cursor: 'pointer' }, 'data-testid': 'person-row' }) as object}
        pagination={filters.pagination(list.data?.total ?? 0)}
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
          {
            title: t('person.idType'),
            dataIndex: 'idType',
            width: 170,
            ellipsis: { showTitle: false },
            // The short form keeps rows one line high: "Business licence (USCC)" → "Business licence", the full name on hover.
            render: (v: IdType | null) => {
              if (!v) return '';
              const label = t(`enum.idType.${v}`);
              return <span title={label}>{label.replace(/\s*[(（][^()（）]*[)）]$/, '')}</span>;
            },
          },
          { title: t('person.idNumber'), dataIndex: 'idNumberMasked', width: 210, render: (v: string | null) => <span style={mono}>{v ?? ''}</span> },
          { title: t('person.units'), dataIndex: 'units', ellipsis: true },
        ]}
      />
      <Drawer open={creating} onClose={() => confirmDiscard('close', () => setCreating(false))} title={t('person.new')} size={560} destroyOnHidden data-testid="person-drawer">
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
