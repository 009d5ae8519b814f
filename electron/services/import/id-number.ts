/**
 * Validation of identity-document numbers found in import files:
 * mainland resident ID (GB 11643-1999, 18 and legacy 15 digits),
 * unified social credit code (GB 32100-2015) and foreign/HK/Macao/Taiwan documents.
 */
import type { IdType } from '../../../shared/schemas/master';

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** The check character (0-9 or X) of the first 17 digits of an 18-digit resident ID. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK[sum % 11];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Shape of a unified social credit code (统一社会信用代码). */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character of the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARS[c];
}

export function isValidUscc(code: string): boolean {
  return USCC_PATTERN.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
}

function plausibleBirthDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
}

export type IdCheck =
  | { ok: true; idType: IdType; idNumber: string; company: boolean }
  | { ok: false; code: string };

/** The raw cell as read from the file: its text, and the number when the spreadsheet stored a number. */
export interface IdInput {
  text: string;
  num?: number;
}

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
const OTHER_DOC = /^[A-Z0-9]{5,20}$/;

function checkResident(s: string, today: Date): IdCheck {
  if (/^\d{17}[\dX]$/.test(s)) {
    if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) {
      // Excel keeps 15 significant digits: a number-formatted 18-digit ID ends in "000".
      return { ok: false, code: s.endsWith('000') ? 'import.error.idMangledByExcel' : 'import.error.badIdChecksum' };
    }
    const y = Number(s.slice(6, 10));
    const m = Number(s.slice(10, 12));
    const d = Number(s.slice(12, 14));
    if (!plausibleBirthDate(y, m, d, today)) return { ok: false, code: 'import.error.badIdBirthDate' };
    return { ok: true, idType: 'resident_id', idNumber: s, company: false };
  }
  if (/^\d{15}$/.test(s)) {
    const y = 1900 + Number(s.slice(6, 8));
    const m = Number(s.slice(8, 10));
    const d = Number(s.slice(10, 12));
    if (!plausibleBirthDate(y, m, d, today)) return { ok: false, code: 'import.error.badIdBirthDate' };
    return { ok: true, idType: 'resident_id', idNumber: s, company: false };
  }
  return { ok: false, code: 'import.error.badId' };
}

function checkBusiness(s: string): IdCheck | null {
  if (s.length === 18 && USCC_PATTERN.test(s)) {
    return isValidUscc(s)
      ? { ok: true, idType: 'business_license', idNumber: s, company: true }
      : { ok: false, code: 'import.error.badIdChecksum' };
  }
  // Pre-2015 business registration number (工商注册号).
  if (/^\d{15}$/.test(s)) return { ok: true, idType: 'business_license', idNumber: s, company: true };
  return null;
}

/**
 * Validates one ID cell. `explicitType` comes from a 证件类型 column when the file has one.
 * `company` says whether the party's name looks like a company.
 * Returns null for an empty cell.
 */
export function checkIdNumber(
  input: IdInput,
  explicitType: IdType | null,
  company: boolean,
  today: Date = new Date(),
): IdCheck | null {
  if (input.num !== undefined) {
    // A number cell of 16+ digits has lost its last digits in the spreadsheet.
    if (Math.abs(input.num) >= 1e15) return { ok: false, code: 'import.error.idMangledByExcel' };
  }
  const s = input.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (s === '') return null;
  if (SCIENTIFIC.test(s)) return { ok: false, code: 'import.error.idMangledByExcel' };

  switch (explicitType) {
    case 'resident_id':
      return checkResident(s, today);
    case 'business_license':
      return checkBusiness(s) ?? { ok: false, code: 'import.error.badId' };
    case 'passport':
    case 'hk_macao_permit':
    case 'taiwan_permit':
    case 'other':
      return OTHER_DOC.test(s)
        ? { ok: true, idType: explicitType, idNumber: s, company: false }
        : { ok: false, code: 'import.error.badId' };
    case null:
      break;
  }

  const residentShape = /^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s);
  if (company) {
    const business = checkBusiness(s);
    if (business?.ok) return business;
    if (residentShape) {
      // A sole proprietor may give a personal ID.
      const resident = checkResident(s, today);
      if (resident.ok) return { ...resident, company: true };
    }
    if (business) return business;
    return residentShape ? checkResident(s, today) : { ok: false, code: 'import.error.badId' };
  }
  if (residentShape) {
    const resident = checkResident(s, today);
    // An all-digit credit code with a valid checksum means the party is in fact a company.
    if (!resident.ok && s.length === 18 && isValidUscc(s)) {
      return { ok: true, idType: 'business_license', idNumber: s, company: true };
    }
    return resident;
  }
  if (s.length === 18 && USCC_PATTERN.test(s)) {
    return isValidUscc(s)
      ? { ok: true, idType: 'business_license', idNumber: s, company: true }
      : { ok: false, code: 'import.error.badIdChecksum' };
  }
  return { ok: false, code: 'import.error.badId' };
}
