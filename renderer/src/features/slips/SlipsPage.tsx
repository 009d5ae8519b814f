import { useCallback } from 'react';
import { Button, DatePicker, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SLIP_NATURES, SLIP_STATES, type CarrierType, type SlipNature, type SlipState } from '../../../../shared/workflows/slips/rules';
import type { SlipRow } from '../../../../shared/workflows/slips/schema';
import { EmptyHint, QueryError } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { useCan, useNewRecordShortcut } from '../../components/permissions';
import { ClearFilters, ListPageHeader, ParamInput, ParamSelect } from '../../components/list-page';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { NatureTag, SlipStateTag, UnitPicker } from './common';
import { RecordNumberLink, useRecordRow } from '../../components/record-table';

const isDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export default function SlipsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const { update } = filters;
  const state = filters.get('state') as SlipState | undefined;
  const nature = filters.get('nature') as SlipNature | undefined;
  const from = isDate(filters.get('from'));
  const to = isDate(filters.get('to'));
  const unitId = filters.get('unit');
  const carrier = filters.get('carrier') ?? '';
  const number = filters.get('number') ?? '';
  const canWrite = can('slips.write');

  const list = useQuery('slips.list', {
    offset: filters.offset,
    limit: filters.pageSize,
    state: SLIP_STATES.includes(state as SlipState) ? state : undefined,
    nature: SLIP_NATURES.includes(nature as SlipNature) ? nature : undefined,
    from,
    to,
    unitId,
    carrier: carrier || undefined,
    number: number || undefined,
  });

  const openNew = useCallback(() => navigate(unitId ? `/slips/new?unit=${unitId}` : '/slips/new'), [navigate, unitId]);
  useNewRecordShortcut(canWrite ? openNew : null);

  const filtered = !!(state || nature || from || to || unitId || carrier || number);

  return (
    <div data-testid="slips-page">
      <ListPageHeader
        title={t('nav.slips')}
        total={list.data?.total}
        countText={(count, formatted) => t('slip.count', { count, formatted })}
        onNew={canWrite ? openNew : null}
        newLabel={t('slip.new')}
        newTestId="new-slip"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {/* The two text boxes filter as you type (debounced). */}
        <ParamInput name="number" delay={250} width={200} maxLength={30} placeholder={t('slip.filterNumber')} testId="filter-number" />
        <ParamSelect name="state" width={140} placeholder={t('slip.filterState')} options={SLIP_STATES.map((s) => ({ value: s, label: t(`enum.slipState.${s}`) }))} testId="filter-state" />
        <ParamSelect name="nature" width={140} placeholder={t('slip.filterNature')} options={SLIP_NATURES.map((s) => ({ value: s, label: t(`enum.slipNature.${s}`) }))} testId="filter-nature" />
        <DatePicker.RangePicker
          style={{ width: 260 }}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          allowEmpty={[true, true]}
          placeholder={[t('slip.filterFrom'), t('slip.filterTo')]}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="filter-dates"
        />
        <UnitPicker value={unitId} onChange={(v) => update({ unit: v })} allowClear style={{ width: 180 }} placeholder={t('slip.filterUnit')} testId="filter-unit" />
        <ParamInput name="carrier" delay={250} width={160} maxLength={50} placeholder={t('slip.filterCarrier')} testId="filter-carrier" />
        <ClearFilters shown={filtered} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <SlipTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={filters.pagination(list.data?.total ?? 0)}
        empty={
          list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('slip.noMatch')} hint={t('slip.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('slip.emptyTitle')}
              hint={t('slip.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-slip">
                    {t('slip.new')}
                  </Button>
                ) : undefined
              }
            />
          )
        }
      />
    </div>
  );
}

/** The slips table: used by the list page and the unit page. */
export function SlipTable({
  rows,
  loading,
  pagination,
  empty,
  hideUnit,
  size = 'middle',
}: {
  rows: SlipRow[];
  loading: boolean;
  pagination: false | React.ComponentProps<typeof Table<SlipRow>>['pagination'];
  empty: React.ReactNode;
  hideUnit?: boolean;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const openRow = useRecordRow('/slips', 'slip-row');
  return (
    <Table<SlipRow>
      rowKey="id"
      size={size}
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      onRow={openRow}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('slip.number'),
          dataIndex: 'number',
          width: 170,
          render: (v: string, s) => <RecordNumberLink to={`/slips/${s.id}`} number={v} />,
        },
        ...(hideUnit ? [] : [{ title: t('slip.unit'), dataIndex: 'unitCode', width: 120, render: (v: string) => <strong>{v}</strong> }]),
        { title: t('slip.nature'), dataIndex: 'nature', width: 150, render: (v: SlipNature) => <NatureTag nature={v} /> },
        {
          title: t('slip.carrier'),
          dataIndex: 'carrierName',
          width: 170,
          render: (v: string, s) => (
            <span>
              {v} <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t(`enum.carrierType.${s.carrierType as CarrierType}`)}</span>
            </span>
          ),
        },
        { title: t('slip.items'), dataIndex: 'itemSummary', ellipsis: true },
        { title: t('slip.state'), dataIndex: 'state', width: 160, render: (v: SlipState) => <SlipStateTag state={v} /> },
        { title: t('slip.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
