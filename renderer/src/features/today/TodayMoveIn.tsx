import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { formatDate } from '../../components/format';
import { whatText } from '../move-in-lists/common';
import { QueueLine, TodayQueue as Queue, TodayQueues } from './TodayQueue';

type Lists = ChannelOutput<'today.summary'>['moveIn'];

/**
 * Today's move-in lists, each for the roles it is for (the host sends the others empty): the owners expected today
 * (imported notices dated today or before, not started: a row starts the move-in), the rectification items past
 * their due date (the desk chases engineering), the 入住知会单 some department has not received yet (the desk and
 * the cashier). Shown only on a site where any of them has something.
 */
export function TodayMoveIn({ lists, desk, cashier }: { lists: Lists; desk: boolean; cashier: boolean }) {
  const { t } = useTranslation();
  if (!lists) return null;
  if (lists.waitingTotal + lists.overdueTotal + lists.noticesNotReceived.length === 0) return null;
  const cards: ReactNode[] = [];
  if (desk)
    cards.push(
      <Queue
        key="waiting"
        title={t('movein.today.waiting')}
        count={lists.waitingTotal}
        rows={lists.waitingNotices.map((n) => ({ ...n, number: n.unitCode }))}
        testId="today-movein-waiting"
        empty={t('moveinLists.today.waitingNone')}
        link="/move-in/notices"
        color="#1668dc"
        href={(n) => `/move-in/new?unitId=${n.unitId}&noticeId=${n.id}`}
        line={(n) => <QueueLine number={formatDate(n.noticeDate).slice(5)} place={n.unitCode} placeAttrs={{ 'data-unit': n.unitCode }} right={<span style={{ color: '#1668dc' }}>{t('moveinLists.notices.start')}</span>} />}
        sub={(n) => t('moveinLists.today.waitingSub', { owner: n.ownerName, date: formatDate(n.noticeDate) })}
      />,
      <Queue
        key="overdue"
        title={t('movein.today.overdue')}
        count={lists.overdueTotal}
        rows={lists.overdueRectifications}
        testId="today-movein-overdue"
        empty={t('moveinLists.today.overdueNone')}
        link="/move-in/rectifications?queue=overdue"
        color="#cf1322"
        href={(r) => `/move-in/${r.moveInId}`}
        line={(r) => (
          <QueueLine
            number={r.number}
            place={r.unitCode}
            tags={r.critical ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('moveinLists.rect.critical')}</Tag> : undefined}
            right={<span style={{ color: '#cf1322' }}>{t('moveinLists.today.overdueSince', { date: formatDate(r.dueDate).slice(5) })}</span>}
          />
        )}
        sub={(r) => t('moveinLists.today.overdueSub', { what: whatText(t, r.area, r.item), description: r.description })}
      />,
    );
  if (desk || cashier)
    cards.push(
      <Queue
        key="notReceived"
        title={t('movein.today.notReceived')}
        count={lists.noticesNotReceived.length}
        rows={lists.noticesNotReceived}
        testId="today-movein-notices"
        empty={t('moveinLists.today.notReceivedNone')}
        link="/moving-in?queue=notReceived"
        color="#fa8c16"
        href={(r) => `/moving-in/${r.id}`}
        line={(r) => <QueueLine number={r.number} place={r.unitCode} right={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{formatDate(r.date).slice(5)}</span>} />}
        sub={(r) =>
          t('moveinLists.today.notReceivedSub', { person: r.personName, occupant: t(`movein.occupant.${r.occupant}`), departments: r.notReceived.map((d) => t(`movein.department.${d}`)).join(t('moveinLists.sep')) })
        }
      />,
    );
  if (!cards.length) return null;
  return <TodayQueues cards={cards} testId="today-movein" />;
}
