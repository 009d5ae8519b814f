import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/kernel/money';
import type { DecorationRow } from '../../../../shared/workflows/decoration/schema';
import { formatDate } from '../../components/format';
import { QueueLine, TodayQueue as Queue, TodayQueues } from './TodayQueue';

type TodayDecorationLists = ChannelOutput<'today.summary'>['decoration'];

/**
 * Today's decoration permits, each list for the roles it is for (the host sends the others empty): approvals
 * near or past their deadline (the desk follows them, the manager approves), permits with no patrol yet today
 * (the desk), deposits due back this week or overdue (desk and cashier). Each row opens its permit.
 */
export function TodayDecoration({ lists, desk, approver, cashier }: { lists: TodayDecorationLists; desk: boolean; approver: boolean; cashier: boolean }) {
  const { t } = useTranslation();
  const today = lists.today;
  const line = (r: DecorationRow, right: ReactNode) => <QueueLine number={r.number} place={r.unitCode} placeAttrs={{ 'data-state': r.state, 'data-use': r.use }} right={right} />;
  const due = (d: string | null) => {
    const day = (d ?? '').slice(0, 10);
    if (!day) return null;
    if (day < today) return <span style={{ color: '#cf1322' }}>{t('decorationWork.today.overdue', { date: formatDate(day).slice(5) })}</span>;
    if (day === today) return <span style={{ color: '#d46b08' }}>{t('decorationWork.today.dueToday')}</span>;
    return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('decorationWork.today.dueOn', { date: formatDate(day).slice(5) })}</span>;
  };
  const who = (r: DecorationRow) => `${r.applicantName}${r.contractor ? ` · ${r.contractor}` : ` · ${t('decorationWork.self')}`}`;
  const queue = (p: { key: string; title: string; rows: DecorationRow[]; empty: string; queue: string; color: string; right: (r: DecorationRow) => ReactNode; sub?: (r: DecorationRow) => string }) => (
    <Queue
      key={p.key}
      title={p.title}
      count={p.rows.length}
      rows={p.rows}
      testId={`today-decoration-${p.key}`}
      empty={p.empty}
      link={`/decoration?queue=${p.queue}`}
      color={p.color}
      href={(r) => `/decoration/${r.id}`}
      line={(r) => line(r, p.right(r))}
      sub={p.sub ?? who}
    />
  );
  const cards: ReactNode[] = [];
  if (desk || approver)
    cards.push(
      queue({
        key: 'approvals',
        title: t('decorationWork.today.approvals'),
        rows: lists.approvalsNearDeadline,
        empty: t('decorationWork.today.approvalsNone'),
        queue: 'awaitingApproval',
        color: '#cf1322',
        right: (r) => due(r.approvalDue),
      }),
    );
  if (desk)
    cards.push(
      queue({
        key: 'patrol',
        title: t('decorationWork.today.noPatrol'),
        rows: lists.noPatrolToday,
        empty: t('decorationWork.today.noPatrolNone'),
        queue: 'noPatrolToday',
        color: '#fa8c16',
        right: (r) =>
          r.state === 'inspection' ? (
            <Tag style={{ marginInlineEnd: 0 }}>{t(`decoration.state.${r.state}`)}</Tag>
          ) : (
            <span style={{ color: 'rgba(0,0,0,0.45)' }}>{r.lastPatrol ? t('decorationWork.today.lastPatrol', { date: formatDate(r.lastPatrol).slice(5) }) : t('decorationWork.today.neverPatrolled')}</span>
          ),
      }),
    );
  if (desk || cashier)
    cards.push(
      queue({
        key: 'refunds',
        title: t('decorationWork.today.refunds'),
        rows: lists.refundsDue,
        empty: t('decorationWork.today.refundsNone'),
        queue: 'refundDue',
        color: '#1668dc',
        right: (r) => due(r.refundDue),
        sub: (r) => `${who(r)} · ${t('decorationWork.today.held', { amount: formatFen(r.depositHeldFen) })}`,
      }),
    );
  if (!cards.length) return null;
  return <TodayQueues cards={cards} testId="today-decoration" />;
}
