import { useMemo } from 'react';
import { Card, Col, Radio, Row, Select, Space, Statistic, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REGISTER_STATUSES, type RegisterStatus } from '../../../../shared/workflows/move-in/rules';
import type { Register } from '../../../../shared/workflows/move-in/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt, mono, muted } from '../../components/format';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { BatchSelect, REGISTER_COLORS, RegisterStatusTag, useNoticeBatches } from './common';
import { RegisterPrintButton } from './RegisterPrintButton';

type RegisterRow = Register['rows'][number];
const PAGE = 100;
const COLOR_HEX: Record<string, string> = { green: '#389e0d', red: '#cf1322', blue: '#1668dc', gold: '#d48806', default: 'rgba(0,0,0,0.65)' };

/**
 * `/move-in/register`: 房屋交接汇总表 on screen — every unit of a building (or of an imported batch of notices), its
 * handover status, date, the reason it was not handed over, the next step of a move-in under way and its record;
 * the counts by status on top (each filters the table). The whole register comes in one answer; the table pages it
 * on screen (100 rows a page), so a 2,000-unit batch stays quick.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const filters = useListParams();
  const batchId = filters.get('batch');
  const buildingId = filters.get('building');
  const scope = batchId ? 'batch' : filters.get('scope') === 'batch' ? 'batch' : 'building';
  const statusFilter = REGISTER_STATUSES.find((s) => s === filters.get('status'));
  const page = Math.max(1, Number(filters.get('page') ?? '1') || 1);
  const buildings = useQuery('buildings.list', {});
  const { batches, loading: batchesLoading } = useNoticeBatches();
  const input = batchId ? { batchId } : buildingId ? { buildingId } : null;
  const register = useQuery('moveIn.register', input);
  const data = input ? register.data : undefined;
  const rows = useMemo(() => (data ? (statusFilter ? data.rows.filter((r) => r.status === statusFilter) : data.rows) : []), [data, statusFilter]);

  return (
    <div data-testid="register-page">
      <PageHeader title={t('moveinLists.register.title')} sub={data ? `${data.scope.name} · ${t('moveinLists.register.rows', { formatted: formatInt(data.counts.total) })}` : t('moveinLists.register.sub')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          optionType="button"
          value={scope}
          onChange={(e) => filters.update({ scope: e.target.value === 'batch' ? 'batch' : undefined, batch: undefined, building: undefined, status: undefined })}
          options={[
            { value: 'building', label: <span data-testid="scope-building">{t('moveinLists.register.scopeBuilding')}</span> },
            { value: 'batch', label: <span data-testid="scope-batch">{t('moveinLists.register.scopeBatch')}</span> },
          ]}
        />
        {scope === 'building' ? (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            placeholder={t('moveinLists.register.pickBuilding')}
            value={buildingId}
            onChange={(v: string) => filters.update({ building: v, status: undefined })}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
            data-testid="register-building"
          />
        ) : (
          <BatchSelect
            batches={batches}
            loading={batchesLoading}
            placeholder={t('moveinLists.register.pickBatch')}
            value={batchId}
            onChange={(v) => filters.update({ batch: v, scope: 'batch', status: undefined })}
            testId="register-batch"
          />
        )}
        {/* The printed 房屋交接汇总表 (landscape, one row a unit) of this scope. */}
        <span data-testid="register-print-spot">
          <RegisterPrintButton scope={batchId ? { batchId } : buildingId ? { buildingId } : null} units={data?.counts.total ?? 0} disabled={!data} />
        </span>
      </Space>
      <QueryError error={input ? register.error : null} onRetry={register.reload} />
      {!input ? (
        <Card>
          <EmptyHint title={t('moveinLists.register.pickFirst')} testId="register-pick-first" />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="register-counts">
            <Col xs={12} sm={8} lg={4}>
              <Card size="small" hoverable onClick={() => filters.update({ status: undefined })} style={!statusFilter ? { borderColor: '#1668dc' } : undefined}>
                <Statistic title={t('moveinLists.register.total')} value={data?.counts.total ?? 0} formatter={(v) => formatInt(Number(v))} data-testid="count-total" />
              </Card>
            </Col>
            {REGISTER_STATUSES.map((s) => (
              <Col key={s} xs={12} sm={8} lg={4}>
                <Card size="small" hoverable onClick={() => filters.update({ status: statusFilter === s ? undefined : s })} style={statusFilter === s ? { borderColor: '#1668dc' } : undefined} data-testid={`count-card-${s}`}>
                  <Statistic
                    title={t(`movein.register.${s}`)}
                    value={data?.counts[s] ?? 0}
                    formatter={(v) => formatInt(Number(v))}
                    styles={{ content: { color: COLOR_HEX[REGISTER_COLORS[s]] } }}
                    data-testid={`count-${s}`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Table<RegisterRow>
            rowKey="unitId"
            size="small"
            data-testid="register-table"
            loading={register.loading}
            dataSource={rows}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: rows.length,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { count: n, formatted: formatInt(n) }),
              onChange: (p) => filters.update({ page: p > 1 ? String(p) : undefined }),
            }}
            scroll={{ x: 1000 }}
            onRow={(r) => ({ 'data-testid': 'register-row', 'data-unit': r.unitCode, 'data-status': r.status }) as object}
            locale={{ emptyText: <EmptyHint title={t('moveinLists.register.emptyTitle')} /> }}
            columns={[
              {
                title: t('moveinLists.unit'),
                dataIndex: 'unitCode',
                width: 120,
                render: (v: string, r) => (
                  <Link to={`/units/${r.unitId}`} style={{ fontWeight: 600 }}>
                    {v}
                  </Link>
                ),
              },
              { title: t('moveinLists.owner'), dataIndex: 'ownerNames', width: 180, render: (v: string) => v || <span style={muted}>—</span> },
              { title: t('moveinLists.noticeDate'), dataIndex: 'noticeDate', width: 110, render: (v: string | null) => (v ? formatDate(v) : <span style={muted}>—</span>) },
              { title: t('moveinLists.register.status'), dataIndex: 'status', width: 140, render: (v: RegisterStatus) => <RegisterStatusTag status={v} /> },
              { title: t('moveinLists.register.handoverDate'), dataIndex: 'handoverDate', width: 110, render: (v: string | null) => (v ? formatDate(v) : <span style={muted}>—</span>) },
              { title: t('moveinLists.register.reason'), dataIndex: 'reason', width: 150, render: (v: RegisterRow['reason']) => (v ? <span style={{ color: '#cf1322' }}>{t(`movein.reason.${v}`)}</span> : <span style={muted}>—</span>) },
              { title: t('moveinLists.register.nextStep'), dataIndex: 'nextStep', width: 150, render: (v: RegisterRow['nextStep'], r) => (v && r.status === 'in_progress' ? t(`movein.step.${v}`) : <span style={muted}>—</span>) },
              {
                title: t('moveinLists.record'),
                dataIndex: 'number',
                render: (v: string | null, r) =>
                  v && r.moveInId ? (
                    <Link to={`/move-in/${r.moveInId}`} style={{ ...mono, fontWeight: 600 }} data-testid="register-record">
                      {v}
                    </Link>
                  ) : (
                    <span style={muted}>—</span>
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
