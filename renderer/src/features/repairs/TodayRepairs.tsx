import type { ReactNode } from 'react';
import { Alert, Tag } from 'antd';
import { QueueLine, TodayQueue as Queue, TodayQueues } from '../today/TodayQueue';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import type { RepairRow } from '../../../../shared/workflows/repairs/schema';
import type { CallbackRow } from '../../../../shared/workflows/callbacks/schema';
import { formatDate, formatDateTime } from '../../components/format';

type TodayRepairLists = ChannelOutput<'today.summary'>['repairs'];
type TodayCallbacks = ChannelOutput<'today.summary'>['callbacks'];

/**
 * Today's repairs and callbacks, each list for the roles it is for (the server sends the others empty): the
 * orders to chase (not picked up in time), the callbacks due today or overdue, the charges for the cashier to
 * collect; after the end of the day, the supervisor's notice of the orders still open.
 */
export function TodayRepairs({ repairs, callbackQueue, desk, callbacks, cashier }: { repairs: TodayRepairLists; callbackQueue: TodayCallbacks; desk: boolean; callbacks: boolean; cashier: boolean }) {
  const { t } = useTranslation();
  const repairLine = (r: RepairRow, time: string) => (
    <QueueLine
      number={r.number}
      place={r.placeName}
      tags={r.urgent ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('today.repairUrgent')}</Tag> : null}
      right={time}
      rightColor="rgba(0,0,0,0.45)"
    />
  );
  const callbackLine = (c: CallbackRow) => (
    <QueueLine
      number={c.number}
      place={c.placeName}
      tags={c.state === 'escalated' ? <Tag color="volcano" style={{ marginInlineEnd: 0 }}>{t('today.callbackEscalated')}</Tag> : null}
      right={c.overdue ? t('today.callbackOverdue', { date: formatDate(c.dueDate).slice(5) }) : t('today.callbackDueToday')}
      rightColor={c.overdue ? '#cf1322' : 'rgba(0,0,0,0.45)'}
    />
  );
  const cards: ReactNode[] = [];
  if (cashier)
    cards.push(
      <Queue
        key="charges"
        title={t('today.repairCharges')}
        count={repairs.chargesToCollect.length}
        rows={repairs.chargesToCollect}
        testId="today-repair-charges"
        empty={t('today.repairChargesNone')}
        link="/repairs"
        color="#cf1322"
        href={(r) => `/repairs/${r.id}`}
        line={(r) => repairLine(r, '')}
        sub={(r) => `${r.reporterName} ${r.reporterPhoneMasked}`}
      />,
    );
  if (desk)
    cards.push(
      <Queue
        key="chase"
        title={t('today.repairChase')}
        count={repairs.notPickedUp.length}
        rows={repairs.notPickedUp}
        testId="today-repair-chase"
        empty={t('today.repairChaseNone')}
        link="/repairs?queue=overdue"
        color="#cf1322"
        href={(r) => `/repairs/${r.id}`}
        line={(r) => repairLine(r, formatDateTime(r.receivedAt).slice(5))}
        sub={(r) => (r.chaseCount ? t('today.repairChased', { count: r.chaseCount, name: r.reporterName }) : r.reporterName)}
      />,
    );
  if (callbacks)
    cards.push(
      <Queue
        key="callbacks"
        title={t('today.callbacksDue')}
        count={callbackQueue.dueTotal}
        rows={callbackQueue.due}
        testId="today-callbacks"
        empty={t('today.callbacksNone')}
        link="/callbacks"
        color="#fa8c16"
        href={(c) => `/callbacks/${c.id}`}
        line={callbackLine}
        sub={(c) => `${c.sourceNumber} · ${c.contactName} ${c.contactPhoneMasked}`}
      />,
    );
  const eod = repairs.endOfDay;
  if (!cards.length && !eod) return null;
  return (
    <TodayQueues cards={cards} testId="today-repairs">
      {eod ? (
        <Alert
          type={eod.open ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="today-end-of-day"
          title={eod.open ? t('today.endOfDayOpen', { count: eod.open }) : t('today.endOfDayClear')}
          action={<Link to="/repairs/end-of-day">{t('today.endOfDayLink')}</Link>}
        />
      ) : null}
    </TodayQueues>
  );
}
