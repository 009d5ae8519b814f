import type { ReactNode } from 'react';
import { Badge, Card, Col, List, Row } from 'antd';
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

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 } as const;

/**
 * A queue row's first line: the record's number, its place in bold (with `placeAttrs`, e.g. data attributes),
 * any tags, and what is due on the right (`rightColor`, none by default).
 */
export function QueueLine({ number, place, placeAttrs, tags, right, rightColor }: { number: string; place: ReactNode; placeAttrs?: Record<`data-${string}`, string>; tags?: ReactNode; right: ReactNode; rightColor?: string }) {
  return (
    <>
      <span style={{ ...mono, flex: 'none' }}>{number}</span>
      <strong style={{ flex: 'none', color: 'rgba(0,0,0,0.85)' }} {...placeAttrs}>
        {place}
      </strong>
      {tags}
      <span style={{ marginLeft: 'auto', flex: 'none', color: rightColor, fontSize: 12 }}>{right}</span>
    </>
  );
}

/** A workflow's Today queues side by side (stacked on a narrow window), after what comes before them. */
export function TodayQueues({ cards, testId, children }: { cards: ReactNode[]; testId: string; children?: ReactNode }) {
  return (
    <div style={{ marginTop: 16 }} data-testid={testId}>
      {children}
      <Row gutter={[16, 16]}>
        {cards.map((c, i) => (
          <Col key={i} xs={24} lg={24 / cards.length}>
            {c}
          </Col>
        ))}
      </Row>
    </div>
  );
}
