import dayjs from 'dayjs';
import { isMonth } from '../../../../shared/workflows/occupancy-report/rules';

/** This month, as `YYYY-MM`, on the computer's calendar (the host's and the page's are the same one). */
export const thisMonth = (): string => dayjs().format('YYYY-MM');

/** The month the desk reports on by default: the last one that has ended. */
export const lastMonth = (): string => dayjs().subtract(1, 'month').format('YYYY-MM');

/** The month after `YYYY-MM`. */
export const nextMonthOf = (month: string): string => dayjs(`${month}-01`).add(1, 'month').format('YYYY-MM');

/** A month from the address bar, or null when it is not a month or is still to come. */
export function monthParam(v: string | null | undefined): string | null {
  return v && isMonth(v) && v <= thisMonth() ? v : null;
}

/** 入住率 from basis points, with integer arithmetic (8523 → "85.23%"); no rate with nothing handed over. */
export function formatRate(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** Figures, totals and every other count line up by digit. */
export const tabular = { fontVariantNumeric: 'tabular-nums' } as const;
