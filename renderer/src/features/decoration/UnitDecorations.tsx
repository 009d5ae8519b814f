import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyHint, QueryError } from '../../components/feedback';
import { useCan } from '../../components/permissions';
import { useQuery } from '../../components/use-query';
import { DecorationTable } from './DecorationsPage';

const LIMIT = 10;

/** The unit page's "装修" card: the unit's applications and permits, and a new application for it. */
export function UnitDecorations({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const allowed = can('decoration.read');
  const list = useQuery('decoration.list', allowed ? { unitId, limit: LIMIT, offset: 0 } : null);
  if (!allowed) return null;
  const total = list.data?.total ?? 0;
  return (
    <Card
      title={t('decorationUi.unitSection')}
      style={{ marginBottom: 16 }}
      data-testid="unit-decorations"
      extra={
        <>
          {total > LIMIT ? (
            <Link to="/decoration" style={{ marginRight: 12 }} data-testid="unit-decorations-all">
              {t('decorationUi.unitAll', { count: total })}
            </Link>
          ) : null}
          {can('decoration.write') ? (
            <Button icon={<PlusOutlined />} onClick={() => navigate(`/decoration/new?unitId=${unitId}`)} data-testid="unit-new-decoration">
              {t('decorationUi.newForUnit')}
            </Button>
          ) : null}
        </>
      }
    >
      <QueryError error={list.error} onRetry={list.reload} />
      <DecorationTable rows={list.data?.rows ?? []} loading={list.loading} pagination={false} hideUnit size="small" testId="unit-decoration-table" empty={<EmptyHint title={t('decorationUi.unitNone')} testId="unit-decorations-empty" />} />
    </Card>
  );
}
