import i18next from 'i18next';
import type { FigureFormat } from '../../../../shared/kernel/dashboard';
import { formatFen } from '../../../../shared/kernel/money';
import { formatInt } from '../../components/format';

const locale = () => (i18next.language === 'zh-CN' ? 'zh-CN' : 'en-US');

/** A tile's figure: a count grouped the local way, money in fen as yuan, or basis points as a percentage with two decimals (8523 → 85.23%). */
export function formatFigure(n: number | null | undefined, format: FigureFormat): string {
  if (n === null || n === undefined) return '—';
  if (format === 'int') return formatInt(n);
  if (format === 'fen') return formatFen(n);
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n / 10_000);
}

/** A change with its sign (+3, −2, 0); basis points as percentage points. */
export function formatChange(n: number, format: FigureFormat): string {
  if (format === 'int') return new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero' }).format(n);
  if (format === 'fen') return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatFen(Math.abs(n))}`;
  return new Intl.NumberFormat(locale(), { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n / 10_000);
}
