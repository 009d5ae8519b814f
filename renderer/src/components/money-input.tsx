import { useState } from 'react';
import { Input } from 'antd';
import { parseYuan } from '../../../shared/kernel/money';
import { normaliseDecimal } from '../../../shared/kernel/normalise';

/** Integer fen as the yuan a clerk reads and types: 4500 → "45.00". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) return '';
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A money field: shown and typed in yuan (¥45.00, full-width digits from a Chinese IME too), held as integer
 * fen (shared/kernel/money.ts) — never a float. Nothing is rounded or changed silently: text that is not an
 * amount with at most two decimals gives NaN, which the form's schema refuses with its message; empty is null.
 */
export function MoneyInput({
  value,
  onChange,
  onBlur,
  id,
  style,
  ...rest
}: {
  value: number | null | undefined;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
  status?: 'error';
}) {
  const [text, setText] = useState(() => fenToYuanText(value));
  // The value the text last agreed with: another one (a reset, a discarded draft) came from outside.
  const [synced, setSynced] = useState<number | null | undefined>(value);
  if (!Object.is(value, synced)) {
    setSynced(value);
    setText(fenToYuanText(value));
  }
  const parse = (s: string): number | null => (s.trim() === '' ? null : (parseYuan(normaliseDecimal(s)) ?? Number.NaN));
  return (
    <Input
      {...rest}
      id={id}
      prefix="¥"
      inputMode="decimal"
      style={{ width: '100%', ...style }}
      value={text}
      onChange={(e) => {
        const v = parse(e.target.value);
        setText(e.target.value);
        setSynced(v);
        onChange(v);
      }}
      onBlur={() => {
        // A valid amount is shown the usual way once typed (45 → 45.00); anything else stays as typed.
        const v = parse(text);
        if (typeof v === 'number' && !Number.isNaN(v)) setText(fenToYuanText(v));
        onBlur?.();
      }}
    />
  );
}
