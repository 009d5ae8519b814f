/** Mainland resident ID (GB 11643-1999) and unified social credit code (GB 32100-2015) checks. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`residentIdCheckDigit: expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** 18-digit with a valid birth date and check digit, or a 15-digit old-style number with a valid date. */
export function isValidResidentId(raw: string): boolean {
  const id = raw.toUpperCase();
  if (/^\d{17}[\dX]$/.test(id)) {
    const y = Number(id.slice(6, 10));
    if (y < 1900 || !isRealDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
    return residentIdCheckDigit(id.slice(0, 17)) === id[17];
  }
  if (/^\d{15}$/.test(id)) {
    return isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  }
  return false;
}

/** The 31 characters a unified social credit code may use (no I, O, S, V, Z). */
export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Shape of a unified social credit code (统一社会信用代码). */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(raw: string): boolean {
  const code = raw.toUpperCase();
  return CREDIT_CODE_PATTERN.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character ('0'–'9' or 'X') of an 8-character organisation-code body (GB 11714), inside a credit code. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    sum += (ch >= 48 && ch <= 57 ? ch - 48 : ch - 55) * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Mainland mobile, or landline with area code; spaces, dashes and a +86 prefix are allowed. Returns digits or null. */
export function normalizePhone(raw: string): string | null {
  let s = raw.replace(/[\s\-()（）]/g, '');
  s = s.replace(/^(\+86|0086|86(?=1[3-9]\d{9}$))/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  if (/^0\d{2,3}\d{7,8}$/.test(s)) return s;
  if (/^[48]00\d{7}$/.test(s)) return s;
  return null;
}

/** "13812345678" → "138****5678"; ID "110105194912310021" → "110***********0021". */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepStart = Math.min(3, phone.length - 4);
  return phone.slice(0, keepStart) + '*'.repeat(phone.length - 4 - keepStart) + phone.slice(-4);
}

export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}
