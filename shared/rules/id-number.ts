/** Mainland resident ID (GB 11643-1999) and unified social credit code (GB 32100-2015) checks. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
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

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(raw: string): boolean {
  const code = raw.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]) * CREDIT_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
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
