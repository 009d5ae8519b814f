import { useCallback, useMemo, useState } from 'react';
import { App, Button, Drawer, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitRow } from '../../../../shared/master/schema';
import { OCCUPANCY_STATES, UNIT_USES, type OccupancyState, type UnitUse } from '../../../../shared/master/enums';
import { EmptyHint, QueryError } from '../../components/feedback';
import { useConfirmDiscard } from '../../components/leave-guard';
import { formatArea } from '../../components/format';
import { useCan } from '../../components/permissions';
import { StateTag } from '../../components/tags';
import { ClearFilters, ListPageHeader, ParamInput, ParamSelect } from '../../components/list-page';
import { useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { UnitForm } from './UnitForm';

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The drawer's mask, × and Esc ask before throwing a half-filled form away (its Cancel button does not).
  const confirmDiscard = useConfirmDiscard();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const buildingId = filters.get('building');
  const use = filters.get('use') as UnitUse | undefined;
  const state = filters.get('state') as OccupancyState | undefined;
  const q = filters.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const canWrite = can('masterdata.write');

  const buildings = useQuery('buildings.list', { includeVoided: false });
  const list = useQuery('units.list', {
    offset: filters.offset,
    limit: filters.pageSize,
    buildingId,
    use: UNIT_USES.includes(use as UnitUse) ? use : undefined,
    state: OCCUPANCY_STATES.includes(state as OccupancyState) ? state : undefined,
    q: q || undefined,
  });

  const openNew = useCallback(() => setCreating(true), []);
  useNewRecordOpener(canWrite ? openNew : null);

  const filtered = !!(buildingId || use || state || q);
  const buildingOptions = useMemo(() => (buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })), [buildings.data]);

  return (
    <div data-testid="units-page">
      <ListPageHeader
        title={t('nav.units')}
        total={list.data?.total}
        countText={(count, formatted) => t('unit.count', { count, formatted })}
        onNew={canWrite ? openNew : null}
        newLabel={t('unit.new')}
        newTestId="new-unit"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamSelect name="building" width={200} placeholder={t('unit.filterBuilding')} options={buildingOptions} testId="filter-building" searchable />
        <ParamSelect name="use" width={160} placeholder={t('unit.filterUse')} options={UNIT_USES.map((u) => ({ value: u, label: t(`enum.use.${u}`) }))} testId="filter-use" />
        <ParamSelect name="state" width={160} placeholder={t('unit.filterState')} options={OCCUPANCY_STATES.map((s) => ({ value: s, label: t(`enum.state.${s}`) }))} testId="filter-state" />
        {/* The code-prefix box filters as you type (debounced). */}
        <ParamInput name="q" delay={250} width={200} maxLength={50} placeholder={t('unit.filterCode')} testId="filter-code" pageFocus />
        <ClearFilters shown={filtered} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<UnitRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(u) =>
          ({
            onClick: () => navigate(`/units/${u.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'unit-row',
            'data-code': u.code,
          }) as object
        }
        pagination={filters.pagination(list.data?.total ?? 0)}
        locale={{
          emptyText: list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('unit.noMatch')} hint={t('unit.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('unit.emptyTitle')}
              hint={t('unit.emptyHint')}
              action={
                <Space>
                  {canWrite ? (
                    <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-unit">
                      {t('unit.new')}
                    </Button>
                  ) : null}
                  {can('import.run') ? <Button onClick={() => navigate('/import')}>{t('today.importFile')}</Button> : null}
                </Space>
              }
            />
          ),
        }}
        columns={[
          { title: t('unit.code'), dataIndex: 'code', render: (v: string) => <strong>{v}</strong> },
          { title: t('unit.building'), dataIndex: 'buildingCode', width: 100 },
          { title: t('unit.use'), dataIndex: 'use', width: 130, render: (v: UnitUse) => t(`enum.use.${v}`) },
          { title: t('unit.floor'), dataIndex: 'floor', width: 80, align: 'right', render: (v: number | null) => (v === null ? '' : v) },
          { title: t('unit.areaShort'), dataIndex: 'areaM2', width: 120, align: 'right', render: (v: number | null) => formatArea(v) },
          { title: t('unit.state'), dataIndex: 'state', width: 220, render: (v: OccupancyState | null, u) => <StateTag state={v} since={u.stateSince} /> },
          { title: t('unit.owners'), dataIndex: 'ownerNames', ellipsis: true },
        ]}
      />
      <Drawer open={creating} onClose={() => confirmDiscard('close', () => setCreating(false))} title={t('unit.new')} size={520} destroyOnHidden data-testid="unit-drawer">
        {creating ? (
          <UnitForm
            defaultBuildingId={buildingId}
            onCancel={() => setCreating(false)}
            onSaved={(u) => {
              message.success(t('unit.created', { code: u.code }));
              setCreating(false);
              list.reload();
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
