import type { ReactNode } from 'react';
import { Badge, Card, List } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * One of Today's queues as a card: its title with the count, a link to the whole list, and two lines a row
 * (what it is; who or what more), each row opening the record. Every workflow's Today lists use it.
 */
export function TodayQueue<T extends { id: string; number: string }>(p: {
  title: string;
  count: number;
  rows: T[];
  testId: string;
  /** Each row's test id (default `<testId>-row`). */
  rowTestId?: string;
  empty: string;
  link: string;
  color: string;
  href: (r: T) => string;
  line: (r: T) => ReactNode;
  sub: (r: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <span>
          {p.title} <Badge count={p.count} showZero overflowCount={999} color={p.count ? p.color : '#d9d9d9'} style={{ marginLeft: 4 }} />
        </span>
      }
      extra={<Link to={p.link}>{t('today.allSlips')}</Link>}
      data-testid={p.testId}
      styles={{ body: { padding: '0 12px', maxHeight: 280, overflow: 'auto' } }}
      style={{ height: '100%' }}
    >
      <List
        size="small"
        dataSource={p.rows}
        locale={{ emptyText: <div style={{ padding: 16, color: 'rgba(0,0,0,0.35)' }}>{p.empty}</div> }}
        renderItem={(r) => (
          <List.Item data-testid={p.rowTestId ?? `${p.testId}-row`} data-number={r.number} style={{ padding: '6px 0' }}>
            <Link to={p.href(r)} style={{ display: 'block', width: '100%', minWidth: 0 }}>
              <span style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>{p.line(r)}</span>
              <span style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{p.sub(r)}</span>
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
