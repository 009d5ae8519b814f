import { InputNumber, type InputNumberProps } from 'antd';
import { normaliseDecimal } from '../../../shared/kernel/normalise';

type Props = Omit<InputNumberProps<number>, 'min' | 'max' | 'precision' | 'parser' | 'onChange' | 'value'> & {
  value: number | null | undefined;
  onChange: (value: number | null) => void;
};

/**
 * A number field as a clerk types it: full-width digits from a Chinese IME (１２３．５) are the same number,
 * and nothing is changed silently — no clamping to a minimum or maximum, no rounding: a value out of range
 * or with too many decimals is refused by the form's schema with a message next to the field.
 */
export function NumberInput({ value, onChange, ...rest }: Props) {
  return (
    <InputNumber<number>
      {...rest}
      style={{ width: '100%', ...rest.style }}
      value={value ?? null}
      parser={(text) => {
        const n = Number(normaliseDecimal(text ?? ''));
        return (text ?? '').trim() === '' || Number.isNaN(n) ? (Number.NaN as number) : n;
      }}
      onChange={(v) => onChange(typeof v === 'number' && !Number.isNaN(v) ? v : null)}
    />
  );
}
