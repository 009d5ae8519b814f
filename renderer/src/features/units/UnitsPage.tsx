import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Drawer, Input, Select, Space, Table, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitRow } from '../../../../shared/schemas/entities';
import { OCCUPANCY_STATES, UNIT_USES, type OccupancyState, type UnitUse } from '../../../../shared/schemas/master';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatArea, formatInt } from '../../components/format';
import { useCan, useNewRecordShortcut } from '../../components/permissions';
import { StateTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { UnitForm } from './UnitForm';

const PAGE = 50;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const buildingId = params.get('building') ?? undefined;
  const use = (params.get('use') as UnitUse | null) ?? undefined;
  const state = (params.get('state') as OccupancyState | null) ?? undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [qText, setQText] = useState(q);
  const [creating, setCreating] = useState(false);
  const canWrite = can('masterdata.write');

  const buildings = useQuery('buildings.list', { includeVoided: false });
  const list = useQuery('units.list', {
    offset: (page - 1) * PAGE,
    limit: PAGE,
    buildingId,
    use: UNIT_USES.includes(use as UnitUse) ? use : undefined,
    state: OCCUPANCY_STATES.includes(state as OccupancyState) ? state : undefined,
    q: q || undefined,
  });

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

  // The code-prefix box filters as you type (debounced).
  useEffect(() => {
    if (qText === q) return;
    const timer = window.setTimeout(() => update({ q: qText.trim() || undefined }), 250);
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

  const filtered = !!(buildingId || use || state || q);
  const buildingOptions = useMemo(() => (buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })), [buildings.data]);

  return (
    <div data-testid="units-page">
      <PageHeader
        title={t('nav.units')}
        sub={list.data ? t('unit.count', { count: list.data.total, formatted: formatInt(list.data.total) }) : undefined}
        extra={
          canWrite ? (
            <Tooltip title={t('shortcut.new')}>
              <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-unit">
                {t('unit.new')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          placeholder={t('unit.filterBuilding')}
          value={buildingId}
          onChange={(v: string | undefined) => update({ building: v })}
          options={buildingOptions}
          data-testid="filter-building"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('unit.filterUse')}
          value={use}
          onChange={(v: string | undefined) => update({ use: v })}
          options={UNIT_USES.map((u) => ({ value: u, label: t(`enum.use.${u}`) }))}
          data-testid="filter-use"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('unit.filterState')}
          value={state}
          onChange={(v: string | undefined) => update({ state: v })}
          options={OCCUPANCY_STATES.map((s) => ({ value: s, label: t(`enum.state.${s}`) }))}
          data-testid="filter-state"
        />
        <Input
          allowClear
          style={{ width: 200 }}
          placeholder={t('unit.filterCode')}
          value={qText}
          maxLength={50}
          onChange={(e) => setQText(e.target.value)}
          data-testid="filter-code"
        />
        {filtered ? (
          <Button
            type="link"
            onClick={() => {
              setQText('');
              setParams({}, { replace: true });
            }}
            data-testid="filter-clear"
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
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
      <Drawer open={creating} onClose={() => setCreating(false)} title={t('unit.new')} size={520} destroyOnHidden data-testid="unit-drawer">
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
