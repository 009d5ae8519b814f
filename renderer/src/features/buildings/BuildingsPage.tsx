import { useCallback, useEffect, useState } from 'react';
import { App, Button, Drawer, Space, Table, Tooltip } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../../../shared/master/schema';
import { invoke } from '../../api';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { useConfirmDiscard } from '../../components/leave-guard';
import { formatInt } from '../../components/format';
import { useCan, useNewRecordShortcut } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { VoidModal } from '../../components/void-modal';
import { BuildingForm } from './BuildingForm';

export default function BuildingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const list = useQuery('buildings.list', { includeVoided: false });
  const [editing, setEditing] = useState<Building | null | 'new'>(null);
  const [voiding, setVoiding] = useState<Building | null>(null);
  const canWrite = can('masterdata.write');

  const openNew = useCallback(() => setEditing('new'), []);
  useNewRecordShortcut(canWrite ? openNew : null);
  useEffect(() => {
    if (params.get('new') === '1' && canWrite) {
      setEditing('new');
      setParams({}, { replace: true });
    }
  }, [params, setParams, canWrite]);

  const newButton = canWrite ? (
    <Tooltip title={t('shortcut.new')}>
      <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-building">
        {t('building.new')}
      </Button>
    </Tooltip>
  ) : null;

  return (
    <div data-testid="buildings-page">
      <PageHeader title={t('nav.buildings')} sub={list.data ? t('building.count', { count: list.data.length }) : undefined} extra={newButton} />
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<Building>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={(list.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(b) => ({ 'data-testid': 'building-row', 'data-code': b.code }) as object}
        locale={{
          emptyText: list.error ? (
            <span />
          ) : (
            <EmptyHint
              title={t('building.emptyTitle')}
              hint={t('building.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-building">
                    {t('building.new')}
                  </Button>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          { title: t('building.code'), dataIndex: 'code', width: 140, render: (v: string) => <strong>{v}</strong> },
          { title: t('building.name'), dataIndex: 'name' },
          {
            title: t('building.unitCount'),
            dataIndex: 'unitCount',
            width: 120,
            align: 'right',
            render: (v: number, b) => <Link to={`/units?building=${b.id}`}>{formatInt(v)}</Link>,
          },
          { title: t('common.note'), dataIndex: 'note', ellipsis: true },
          {
            title: '',
            key: 'actions',
            width: 120,
            align: 'right',
            render: (_: unknown, b) => (
              <Space size={0}>
                {canWrite ? (
                  <Tooltip title={t('common.edit')}>
                    <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(b)} aria-label={t('common.edit')} data-testid="building-edit" />
                  </Tooltip>
                ) : null}
                {can('masterdata.void') ? (
                  <Tooltip title={t('common.void')}>
                    <Button type="text" danger icon={<StopOutlined />} onClick={() => setVoiding(b)} aria-label={t('common.void')} data-testid="building-void" />
                  </Tooltip>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={editing !== null}
        onClose={() => confirmDiscard('close', () => setEditing(null))}
        title={editing === 'new' ? t('building.new') : t('building.edit')}
        size={480}
        destroyOnHidden
        data-testid="building-drawer"
      >
        {editing !== null ? (
          <BuildingForm
            building={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(b) => {
              message.success(editing === 'new' ? t('building.created', { code: b.code }) : t('common.saved'));
              setEditing(null);
              list.reload();
            }}
          />
        ) : null}
      </Drawer>
      <VoidModal
        open={voiding !== null}
        title={t('building.voidTitle', { code: voiding?.code ?? '' })}
        description={t('building.voidHint')}
        onClose={() => setVoiding(null)}
        onVoid={async (reason) => {
          if (!voiding) return;
          await invoke('buildings.void', { id: voiding.id, reason });
          message.success(t('common.voided'));
          list.reload();
        }}
      />
    </div>
  );
}
