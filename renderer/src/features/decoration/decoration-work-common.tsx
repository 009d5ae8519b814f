import type { ReactNode } from 'react';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/kernel/money';
import type { DecorationDetail, LedgerEntryRow } from '../../../../shared/workflows/decoration/schema';
import { applyFieldErrors, errorText } from '../../api';
import { formatDateTime, mono, muted } from '../../components/format';


/** Yuan from integer fen, the way every amount is shown: ¥1,234.50 */
export const yuan = (fen: number): string => formatFen(fen);

export type Done = (d: DecorationDetail) => void;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A form's general error, or the host's field errors on the fields named. */
export function failWith(t: Translate, e: unknown, setFieldError: Parameters<typeof applyFieldErrors>[1], fields: string[], setError: (s: string) => void) {
  if (!applyFieldErrors(e, setFieldError, { fields })) setError(errorText(t, e));
}

/** One section of the permit's page: a card with an icon, a title and the count of what it lists. */
export function WorkCard({ icon, title, extra, children, testId, accent }: { icon: ReactNode; title: string; extra?: ReactNode; children: ReactNode; testId: string; accent?: string }) {
  return (
    <Card
      title={
        <span>
          {icon} {title}
        </span>
      }
      extra={extra}
      style={{ marginBottom: 16, ...(accent ? { borderColor: accent } : {}) }}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** Who did a step and when, small and grey. */
export function WhoWhen({ at, by }: { at: string | null | undefined; by?: string | null }) {
  if (!at) return null;
  return (
    <span style={{ ...muted, fontSize: 12, whiteSpace: 'nowrap' }}>
      {formatDateTime(at)}
      {by ? ` · ${by}` : ''}
    </span>
  );
}

const SIGN: Record<LedgerEntryRow['kind'], 1 | -1> = { payment: 1, penalty: -1, utilities: -1, refund: -1 };
const KIND_COLOR: Record<LedgerEntryRow['kind'], string> = { payment: 'green', penalty: 'red', utilities: 'orange', refund: 'blue' };

/** The permit's deposit ledger: each entry with its sign, the running balance, who, when and the receipt. */
export function LedgerTable({ ledger }: { ledger: LedgerEntryRow[] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={ledger}
      data-testid="deposit-ledger"
      locale={{ emptyText: t('decorationWork.ledger.empty') }}
      onRow={(e) => ({ 'data-testid': 'ledger-entry', 'data-kind': e.kind, 'data-balance': e.balanceFen }) as object}
      columns={[
        { title: '#', dataIndex: 'seq', width: 40 },
        { title: t('decorationWork.ledger.kind'), dataIndex: 'kind', width: 120, render: (k: LedgerEntryRow['kind']) => <Tag color={KIND_COLOR[k]}>{t(`decoration.ledgerKind.${k}`)}</Tag> },
        {
          title: t('decorationWork.ledger.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          width: 130,
          render: (v: number, e) => (
            <span style={{ ...mono, color: SIGN[e.kind] > 0 ? '#389e0d' : '#cf1322' }} data-testid="ledger-amount">
              {SIGN[e.kind] > 0 ? '+' : '−'}
              {yuan(v)}
            </span>
          ),
        },
        { title: t('decorationWork.ledger.balance'), dataIndex: 'balanceFen', align: 'right', width: 130, render: (v: number) => <strong style={mono} data-testid="ledger-balance">{yuan(v)}</strong> },
        { title: t('decorationWork.ledger.receipt'), dataIndex: 'receipt', width: 130, render: (v: string | null) => (v ? <span style={mono}>{v}</span> : '') },
        { title: t('common.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
        { title: t('decorationWork.ledger.by'), dataIndex: 'by', width: 100, render: (v: string | null) => v ?? '' },
        { title: t('decorationWork.ledger.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
