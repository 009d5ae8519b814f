import type { ReactNode } from 'react';
import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/kernel/money';
import type { DecorationRow } from '../../../../shared/workflows/decoration/schema';
import { formatDate } from '../../components/format';
import { TodayQueue as Queue } from './TodayQueue';

type TodayDecorationLists = ChannelOutput<'today.summary'>['decoration'];
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 } as const;

/**
 * Today's decoration permits, each list for the roles it is for (the host sends the others empty): approvals
 * near or past their deadline (the desk follows them, the manager approves), permits with no patrol yet today
 * (the desk), deposits due back this week or overdue (desk and cashier). Each row opens its permit.
 */
export function TodayDecoration({ lists, desk, approver, cashier }: { lists: TodayDecorationLists; desk: boolean; approver: boolean; cashier: boolean }) {
  const { t } = useTranslation();
  const today = lists.today;
  const line = (r: DecorationRow, right: ReactNode) => (
    <>
      <span style={{ ...mono, flex: 'none' }}>{r.number}</span>
      <strong style={{ flex: 'none', color: 'rgba(0,0,0,0.85)' }} data-state={r.state} data-use={r.use}>
        {r.unitCode}
      </strong>
      <span style={{ marginLeft: 'auto', flex: 'none', fontSize: 12 }}>{right}</span>
    </>
  );
  const due = (d: string | null) => {
    const day = (d ?? '').slice(0, 10);
    if (!day) return null;
    if (day < today) return <span style={{ color: '#cf1322' }}>{t('decorationWork.today.overdue', { date: formatDate(day).slice(5) })}</span>;
    if (day === today) return <span style={{ color: '#d46b08' }}>{t('decorationWork.today.dueToday')}</span>;
    return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('decorationWork.today.dueOn', { date: formatDate(day).slice(5) })}</span>;
  };
  const who = (r: DecorationRow) => `${r.applicantName}${r.contractor ? ` · ${r.contractor}` : ` · ${t('decorationWork.self')}`}`;
  const cards: ReactNode[] = [];
  if (desk || approver)
    cards.push(
      <Queue
        key="approvals"
        title={t('decorationWork.today.approvals')}
        count={lists.approvalsNearDeadline.length}
        rows={lists.approvalsNearDeadline}
        testId="today-decoration-approvals"
        empty={t('decorationWork.today.approvalsNone')}
        link="/decoration?queue=awaitingApproval"
        color="#cf1322"
        href={(r) => `/decoration/${r.id}`}
        line={(r) => line(r, due(r.approvalDue))}
        sub={who}
      />,
    );
  if (desk)
    cards.push(
      <Queue
        key="patrol"
        title={t('decorationWork.today.noPatrol')}
        count={lists.noPatrolToday.length}
        rows={lists.noPatrolToday}
        testId="today-decoration-patrol"
        empty={t('decorationWork.today.noPatrolNone')}
        link="/decoration?queue=noPatrolToday"
        color="#fa8c16"
        href={(r) => `/decoration/${r.id}`}
        line={(r) => line(r, r.state === 'inspection' ? <Tag style={{ marginInlineEnd: 0 }}>{t(`decoration.state.${r.state}`)}</Tag> : <span style={{ color: 'rgba(0,0,0,0.45)' }}>{r.lastPatrol ? t('decorationWork.today.lastPatrol', { date: formatDate(r.lastPatrol).slice(5) }) : t('decorationWork.today.neverPatrolled')}</span>)}
        sub={who}
      />,
    );
  if (desk || cashier)
    cards.push(
      <Queue
        key="refunds"
        title={t('decorationWork.today.refunds')}
        count={lists.refundsDue.length}
        rows={lists.refundsDue}
        testId="today-decoration-refunds"
        empty={t('decorationWork.today.refundsNone')}
        link="/decoration?queue=refundDue"
        color="#1668dc"
        href={(r) => `/decoration/${r.id}`}
        line={(r) => line(r, due(r.refundDue))}
        sub={(r) => `${who(r)} · ${t('decorationWork.today.held', { amount: formatFen(r.depositHeldFen) })}`}
      />,
    );
  if (!cards.length) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="today-decoration">
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
