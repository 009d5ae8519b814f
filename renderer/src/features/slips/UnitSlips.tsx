import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyHint, QueryError } from '../../components/feedback';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { SlipTable } from './SlipsPage';

const LIMIT = 10;

/** The unit page's "release slips" section: the latest slips of the unit, and a new slip for it. */
export function UnitSlips({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useQuery('slips.list', can('slips.read') ? { unitId, limit: LIMIT, offset: 0 } : null);
  if (!can('slips.read')) return null;
  const total = list.data?.total ?? 0;
  const newSlip = () => navigate(`/slips/new?unit=${unitId}`);
  return (
    <Card
      title={t('slip.unitSection')}
      style={{ marginBottom: 16 }}
      data-testid="unit-slips"
      extra={
        <>
          {total > LIMIT ? (
            <Link to={`/slips?unit=${unitId}`} style={{ marginRight: 12 }} data-testid="unit-slips-all">
              {t('slip.unitAll', { count: total })}
            </Link>
          ) : null}
          {can('slips.write') ? (
            <Button icon={<PlusOutlined />} onClick={newSlip} data-testid="unit-new-slip">
              {t('slip.newForUnit')}
            </Button>
          ) : null}
        </>
      }
    >
      <QueryError error={list.error} onRetry={list.reload} />
      <SlipTable rows={list.data?.rows ?? []} loading={list.loading} pagination={false} hideUnit size="small" empty={<EmptyHint title={t('slip.unitNone')} />} />
    </Card>
  );
}
