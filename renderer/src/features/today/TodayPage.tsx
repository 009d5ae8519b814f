import { lazy, Suspense } from 'react';
import { Alert, Button, Card, Col, List, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import { ApartmentOutlined, CalendarOutlined, HomeOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATES } from '../../../../shared/master/enums';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt } from '../../components/format';
import { useCan } from '../../components/permissions';
import { StateTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { useSessionStore } from '../../stores/use-session-store';
import { actorLabel, auditSummary } from '../audit/describe';
import { TodaySlips } from '../slips/TodaySlips';
import { TodayRepairs } from '../repairs/TodayRepairs';
import { TodayDecoration } from './TodayDecoration';
import { TodayMoveIn } from './TodayMoveIn';

// The manager's dashboard and its charts (echarts) load on first use: Today for a clerk never fetches them.
const Dashboard = lazy(() => import('./Dashboard'));

export default function TodayPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const user = useSessionStore((s) => s.user);
  const summary = useQuery('today.summary', {});
  const data = summary.data;
  const isNewSite = data && data.counts.buildings === 0 && data.counts.units === 0;

  return (
    <div data-testid="today-page">
      <PageHeader title={t('today.title')} sub={data ? t('today.greeting', { name: user?.displayName ?? '', date: data.date }) : undefined} />
      <QueryError error={summary.error} onRetry={summary.reload} />
      {data?.scheduleNotice ? (
        <Alert
          type="warning"
          showIcon
          icon={<CalendarOutlined />}
          style={{ marginBottom: 16 }}
          data-testid="schedule-notice"
          data-year={data.scheduleNotice.year}
          title={t('today.scheduleTitle', { year: data.scheduleNotice.year })}
          description={t('today.scheduleText', { year: data.scheduleNotice.year })}
          action={
            <Link to={`/settings?section=calendar&year=${data.scheduleNotice.year}`} data-testid="schedule-notice-link">
              {t('today.scheduleLink')}
            </Link>
          }
        />
      ) : null}
      {isNewSite ? (
        <Card style={{ marginBottom: 16 }} data-testid="today-empty">
          <EmptyHint
            title={t('today.newSiteTitle')}
            hint={can('import.run') ? t('today.newSiteHintImport') : t('today.newSiteHint')}
            action={
              <Space>
                {can('masterdata.write') ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/buildings?new=1')} data-testid="today-add-building">
                    {t('today.addBuilding')}
                  </Button>
                ) : null}
                {can('import.run') ? (
                  <Button icon={<UploadOutlined />} onClick={() => navigate('/import')} data-testid="today-import">
                    {t('today.importFile')}
                  </Button>
                ) : null}
              </Space>
            }
          />
        </Card>
      ) : null}
      {data?.tiles.length ? (
        <Suspense fallback={<Card style={{ marginBottom: 16 }}><Skeleton active /></Card>}>
          <Dashboard tiles={data.tiles} />
        </Suspense>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card loading={!data && summary.loading}>
            <Link to="/units">
              <Statistic title={t('today.units')} value={data?.counts.units ?? 0} formatter={(v) => formatInt(Number(v))} prefix={<HomeOutlined />} data-testid="count-units" />
            </Link>
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={!data && summary.loading}>
            <Link to="/people">
              <Statistic title={t('today.people')} value={data?.counts.people ?? 0} formatter={(v) => formatInt(Number(v))} prefix={<TeamOutlined />} data-testid="count-people" />
            </Link>
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={!data && summary.loading}>
            <Link to="/buildings">
              <Statistic title={t('today.buildings')} value={data?.counts.buildings ?? 0} formatter={(v) => formatInt(Number(v))} prefix={<ApartmentOutlined />} data-testid="count-buildings" />
            </Link>
          </Card>
        </Col>
      </Row>
      {data && can('slips.read') ? <TodaySlips slips={data.slips} cashier={can('slips.fees')} /> : null}
      {data && can('decoration.read') ? <TodayDecoration lists={data.decoration} desk={can('decoration.write')} approver={can('decoration.approve')} cashier={can('decoration.fees')} /> : null}
      {data && can('move-in.read') ? <TodayMoveIn lists={data.moveIn} desk={can('move-in.write')} cashier={can('move-in.fees')} /> : null}
      {data && can('repairs.read') ? <TodayRepairs repairs={data.repairs} callbackQueue={data.callbacks} desk={can('repairs.write')} callbacks={can('callbacks.read')} cashier={can('repairs.fees')} /> : null}
      {/* The manager's dashboard has its own units-by-state tile (with the month's change). */}
      {data && data.counts.units > 0 && !data.tiles.length ? (
        <Card title={t('today.byState')} style={{ marginTop: 16 }} data-testid="today-by-state">
          <Row gutter={[12, 12]}>
            {OCCUPANCY_STATES.map((s) => (
              <Col key={s} xs={12} sm={8} md={4}>
                <Link to={`/units?state=${s}`} data-testid={`state-count-${s}`}>
                  <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '10px 12px' }}>
                    <StateTag state={s} />
                    <div style={{ fontSize: 22, fontWeight: 600, marginTop: 6, color: 'rgba(0,0,0,0.85)' }}>{formatInt(data.counts.byState[s] ?? 0)}</div>
                  </div>
                </Link>
              </Col>
            ))}
            {data.counts.byState.unknown ? (
              <Col xs={12} sm={8} md={4}>
                <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '10px 12px' }}>
                  <Tag>{t('enum.state.unknown')}</Tag>
                  <div style={{ fontSize: 22, fontWeight: 600, marginTop: 6 }}>{formatInt(data.counts.byState.unknown)}</div>
                </div>
              </Col>
            ) : null}
          </Row>
        </Card>
      ) : null}
      <Card title={t('today.recent')} style={{ marginTop: 16 }} data-testid="today-recent">
        <List
          size="small"
          loading={!data && summary.loading}
          dataSource={data?.recent ?? []}
          locale={{ emptyText: <EmptyHint title={t('today.noRecent')} /> }}
          renderItem={(e) => (
            <List.Item data-testid="recent-item">
              <span style={{ color: 'rgba(0,0,0,0.45)', width: 140, flex: 'none' }}>{formatDateTime(e.at)}</span>
              <span style={{ flex: 1, minWidth: 0 }}>{auditSummary(t, e)}</span>
              <span style={{ color: 'rgba(0,0,0,0.45)' }}>{actorLabel(t, e).text}</span>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
