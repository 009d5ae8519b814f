import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Table, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SLIP_NATURES, SLIP_STATES, type CarrierType, type SlipNature, type SlipState } from '../../../../shared/rules/slip';
import type { SlipRow } from '../../../../shared/schemas/slip';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt } from '../../components/format';
import { useCan, useNewRecordShortcut } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { NatureTag, SlipStateTag, UnitPicker, mono } from './common';

const PAGE = 50;
const isDate = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export default function SlipsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as SlipState | null) ?? undefined;
  const nature = (params.get('nature') as SlipNature | null) ?? undefined;
  const from = isDate(params.get('from'));
  const to = isDate(params.get('to'));
  const unitId = params.get('unit') ?? undefined;
  const carrier = params.get('carrier') ?? '';
  const number = params.get('number') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [numberText, setNumberText] = useState(number);
  const [carrierText, setCarrierText] = useState(carrier);
  const canWrite = can('slips.write');

  const list = useQuery('slips.list', {
    offset: (page - 1) * PAGE,
    limit: PAGE,
    state: SLIP_STATES.includes(state as SlipState) ? state : undefined,
    nature: SLIP_NATURES.includes(nature as SlipNature) ? nature : undefined,
    from,
    to,
    unitId,
    carrier: carrier || undefined,
    number: number || undefined,
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

  // The two text boxes filter as you type (debounced).
  useEffect(() => {
    if (numberText.trim() === number && carrierText.trim() === carrier) return;
    const timer = window.setTimeout(() => update({ number: numberText.trim() || undefined, carrier: carrierText.trim() || undefined }), 250);
    return () => window.clearTimeout(timer);
  }, [numberText, carrierText, number, carrier, update]);

  const openNew = useCallback(() => navigate(unitId ? `/slips/new?unit=${unitId}` : '/slips/new'), [navigate, unitId]);
  useNewRecordShortcut(canWrite ? openNew : null);

  const filtered = !!(state || nature || from || to || unitId || carrier || number);

  return (
    <div data-testid="slips-page">
      <PageHeader
        title={t('nav.slips')}
        sub={list.data ? t('slip.count', { count: list.data.total, formatted: formatInt(list.data.total) }) : undefined}
        extra={
          canWrite ? (
            <Tooltip title={t('shortcut.new')}>
              <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-slip">
                {t('slip.new')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          style={{ width: 200 }}
          placeholder={t('slip.filterNumber')}
          value={numberText}
          maxLength={30}
          onChange={(e) => setNumberText(e.target.value)}
          data-testid="filter-number"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('slip.filterState')}
          value={state}
          onChange={(v: string | undefined) => update({ state: v })}
          options={SLIP_STATES.map((s) => ({ value: s, label: t(`enum.slipState.${s}`) }))}
          data-testid="filter-state"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('slip.filterNature')}
          value={nature}
          onChange={(v: string | undefined) => update({ nature: v })}
          options={SLIP_NATURES.map((s) => ({ value: s, label: t(`enum.slipNature.${s}`) }))}
          data-testid="filter-nature"
        />
        <DatePicker.RangePicker
          style={{ width: 260 }}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          allowEmpty={[true, true]}
          placeholder={[t('slip.filterFrom'), t('slip.filterTo')]}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="filter-dates"
        />
        <UnitPicker value={unitId} onChange={(v) => update({ unit: v })} allowClear style={{ width: 180 }} placeholder={t('slip.filterUnit')} testId="filter-unit" />
        <Input
          allowClear
          style={{ width: 160 }}
          placeholder={t('slip.filterCarrier')}
          value={carrierText}
          maxLength={50}
          onChange={(e) => setCarrierText(e.target.value)}
          data-testid="filter-carrier"
        />
        {filtered ? (
          <Button
            type="link"
            onClick={() => {
              setNumberText('');
              setCarrierText('');
              setParams({}, { replace: true });
            }}
            data-testid="filter-clear"
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <SlipTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total, formatted: formatInt(total) }),
          onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
        }}
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
  const navigate = useNavigate();
  return (
    <Table<SlipRow>
      rowKey="id"
      size={size}
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      onRow={(s) =>
        ({
          onClick: () => navigate(`/slips/${s.id}`),
          style: { cursor: 'pointer' },
          'data-testid': 'slip-row',
          'data-number': s.number,
          'data-state': s.state,
        }) as object
      }
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('slip.number'),
          dataIndex: 'number',
          width: 170,
          render: (v: string, s) => (
            <Link to={`/slips/${s.id}`} onClick={(e) => e.stopPropagation()} style={{ ...mono, fontWeight: 600 }}>
              {v}
            </Link>
          ),
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
