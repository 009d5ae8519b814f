import i18next from 'i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date `YYYY-MM-DD` as is; a timestamp as its local date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A timestamp in local time: `YYYY-MM-DD HH:mm` (with seconds when asked). */
export function formatDateTime(value: string | null | undefined, seconds = false): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const base = `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${base}:${pad(d.getSeconds())}` : base;
}

/** Today as a local calendar date. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const locale = () => (i18next.language === 'zh-CN' ? 'zh-CN' : 'en-US');

export function formatInt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(locale()).format(n);
}

/** Floor area with two decimals, grouped the local way: 1,234.50 */
export function formatArea(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

export function formatBytes(n: number): string {
  const fmt = (v: number, d: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: d }).format(v);
  if (n < 1024) return `${fmt(n, 0)} B`;
  if (n < 1024 * 1024) return `${fmt(n / 1024, 1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${fmt(n / 1024 / 1024, 1)} MB`;
  return `${fmt(n / 1024 / 1024 / 1024, 2)} GB`;
}

/** Numbers, codes and amounts in a fixed-width face. */
export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;
/** Secondary text: grey. */
export const muted = { color: 'rgba(0,0,0,0.45)' } as const;
