/** Money is integer fen (分). Never floating point. */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`money must be integer fen, got ${value}`);
  return value;
}

/** 100000 → "¥1,000.00" */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** "1,000.5" or "¥1000.50" → 100050; null when it is not a money amount with at most 2 decimals. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.replace(/[¥￥,\s]/g, '');
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits (1–9999) in capitals, with 零 for the zeros inside it. */
function groupCapitals(g: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(g / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL[i];
  }
  return out;
}

/** An amount in fen in Chinese capitals (人民币大写): 12000 → 壹佰贰拾元整, 3050 → 叁拾元伍角整, 100005 → 壹仟元零伍分. */
export function fenInCapitals(fen: Fen): string {
  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let y = '';
  const groups: number[] = [];
  for (let v = yuanPart; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  let zeroPending = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      zeroPending = y !== '';
      continue;
    }
    if (y && (zeroPending || g < 1000)) y += '零';
    y += groupCapitals(g) + GROUPS[i];
    zeroPending = false;
  }
  if (!y && !jiao && !cents) return '零元整';
  let out = y ? `${y}元` : '';
  if (jiao) out += `${DIGITS[jiao]}角`;
  if (cents) out += `${y && !jiao ? '零' : ''}${DIGITS[cents]}分`;
  return cents ? out : `${out}整`;
}
