/** Figures as a person reads them on paper or on screen: 1234567 → "1,234,567", 92.45 (1 place) → "92.5". */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '';
  const fixed = roundHalfAway(Math.abs(value), decimals).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = frac ? `${grouped}.${frac}` : grouped;
  // No "-0" / "-0.0" for a small negative rounded away.
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Half away from zero on the decimal digits as written: toFixed alone rounds the binary value (1.005 → "1.00"). */
function roundHalfAway(abs: number, decimals: number): number {
  // Numbers JavaScript writes in exponent form (1e-7, 1e21) have no such digits to round on.
  if (String(abs).includes('e')) return Number(abs.toFixed(decimals));
  return Number(`${Math.round(Number(`${abs}e${decimals}`))}e-${decimals}`);
}
