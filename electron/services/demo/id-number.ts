/**
 * Check characters for mainland identity numbers, used by the demo-data generator (and its tests):
 * - resident ID (居民身份证号码), GB 11643-1999: 17 digits + check digit (0-9 or X);
 * - unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters + check character,
 *   whose 9th–17th characters are an organisation code (组织机构代码, GB 11714-1997) with its own check character.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** Check digit ('0'–'9' or 'X') for the first 17 digits of a resident ID. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentIdCheckDigit: expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** An 18-character resident ID with a real birth date (1900 or later) and a correct check digit. Lower-case x is accepted. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  if (y < 1900 || !isRealDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return residentIdCheckDigit(id.slice(0, 17)) === id[17].toUpperCase();
}

/** The 31 characters a credit code may use (no I, O, S, V, Z). */
export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(first17[i]);
    if (v < 0) throw new Error(`creditCodeCheckChar: invalid character "${first17[i]}"`);
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** A unified social credit code: format (registration authority, type, 6-digit region, 9-char org code) and GB 32100 check character. */
export function isValidCreditCode(code: string): boolean {
  const c = code.toUpperCase();
  if (!CREDIT_FORMAT.test(c)) return false;
  return creditCodeCheckChar(c.slice(0, 17)) === c[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character ('0'–'9' or 'X') of an 8-character organisation-code body (digits and upper-case letters). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    const v = ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 90 ? ch - 55 : -1;
    if (v < 0) throw new Error(`orgCodeCheckChar: invalid character "${body8[i]}"`);
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
