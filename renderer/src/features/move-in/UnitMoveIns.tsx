import { Button, Card } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OccupancyState } from '../../../../shared/master/enums';
import { EmptyHint, QueryError } from '../../components/feedback';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { MoveInTable } from './MoveInsPage';

/** The unit page's "入伙" card: the unit's move-in records, and a move-in started for it while it is not handed over. */
export function UnitMoveIns({ unitId, state }: { unitId: string; state: OccupancyState | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const allowed = can('move-in.read');
  const list = useQuery('moveIn.list', allowed ? { unitId, limit: 20, offset: 0 } : null);
  if (!allowed) return null;
  const rows = list.data?.rows ?? [];
  const live = rows.some((r) => r.state === 'open' || r.state === 'not_handed_over');
  const canStart = can('move-in.write') && state === 'not_handed_over' && !live;
  // A unit long lived in, without a move-in of its own: no card to show.
  if (!rows.length && state !== 'not_handed_over' && !list.loading) return null;
  return (
    <Card
      title={t('moveinUi.unitSection')}
      style={{ marginBottom: 16 }}
      data-testid="unit-move-ins"
      extra={
        canStart ? (
          <Button icon={<KeyOutlined />} onClick={() => navigate(`/move-in/new?unitId=${unitId}`)} data-testid="unit-new-move-in">
            {t('moveinUi.newForUnit')}
          </Button>
        ) : null
      }
    >
      <QueryError error={list.error} onRetry={list.reload} />
      <MoveInTable rows={rows} loading={list.loading} pagination={false} hideUnit size="small" testId="unit-move-in-table" empty={<EmptyHint title={t('moveinUi.unitNone')} testId="unit-move-ins-empty" />} />
    </Card>
  );
}
