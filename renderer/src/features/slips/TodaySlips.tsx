import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlipRow } from '../../../../shared/workflows/slips/schema';
import { formatDateTime } from '../../components/format';
import { mono } from './common';
import { TodayQueue } from '../today/TodayQueue';

function SlipList({ title, rows, testId, time, empty, link, color }: { title: string; rows: SlipRow[]; testId: string; time: (r: SlipRow) => string | null; empty: string; link: string; color: string }) {
  return (
    <TodayQueue
      title={title}
      count={rows.length}
      rows={rows}
      testId={testId}
      rowTestId="today-slip"
      empty={empty}
      link={link}
      color={color}
      href={(r) => `/slips/${r.id}`}
      // Two lines, so that a quarter-width card still shows who carries what (one line cut it off).
      line={(r) => (
        <>
          <span style={{ ...mono, flex: 'none' }}>{r.number}</span>
          <strong style={{ flex: 'none', color: 'rgba(0,0,0,0.85)' }}>{r.unitCode}</strong>
          <span style={{ marginLeft: 'auto', flex: 'none', color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{formatDateTime(time(r)).slice(5)}</span>
        </>
      )}
      sub={(r) => `${r.carrierName} · ${r.itemSummary}`}
    />
  );
}

type TodaySlipLists = { awaitingVerification: SlipRow[]; readyToIssue: SlipRow[]; feesToConfirm: SlipRow[]; exitedToday: SlipRow[] };

/**
 * Today: slips waiting for a call, slips ready to issue, and what went out through the gate today; for whoever
 * confirms fees (the cashier, the manager), first the moving-out slips waiting for that.
 */
export function TodaySlips({ slips, cashier }: { slips: TodaySlipLists; cashier: boolean }) {
  const { t } = useTranslation();
  const lists: Array<{ key: keyof TodaySlipLists; title: string; empty: string; testId: string; state: string; color: string; time: (r: SlipRow) => string | null }> = [
    ...(cashier
      ? [{ key: 'feesToConfirm' as const, title: t('today.slipsFees'), empty: t('today.slipsNoneFees'), testId: 'today-slips-fees', state: '', color: '#cf1322', time: (r: SlipRow) => r.createdAt }]
      : []),
    { key: 'awaitingVerification', title: t('today.slipsAwaiting'), empty: t('today.slipsNoneAwaiting'), testId: 'today-slips-awaiting', state: 'awaiting_verification', color: '#fa8c16', time: (r) => r.createdAt },
    { key: 'readyToIssue', title: t('today.slipsReady'), empty: t('today.slipsNoneReady'), testId: 'today-slips-ready', state: 'ready_to_issue', color: '#1668dc', time: (r) => r.createdAt },
    { key: 'exitedToday', title: t('today.slipsExited'), empty: t('today.slipsNoneExited'), testId: 'today-slips-exited', state: 'exited', color: '#389e0d', time: (r) => r.exitedAt },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="today-slips">
      {lists.map((l) => (
        <Col key={l.key} xs={24} lg={lists.length > 3 ? 6 : 8}>
          <SlipList title={l.title} rows={slips[l.key]} testId={l.testId} time={l.time} empty={l.empty} link={l.state ? `/slips?state=${l.state}` : '/slips?nature=moving_out'} color={l.color} />
        </Col>
      ))}
    </Row>
  );
}
