/**
 * Validation of identity-document numbers found in import files:
 * mainland resident ID (GB 11643-1999, 18 and legacy 15 digits),
 * unified social credit code (GB 32100-2015) and foreign/HK/Macao/Taiwan documents.
 */
import type { IdType } from '../../../../shared/master/enums';
import { CREDIT_CODE_PATTERN, isValidCreditCode, residentIdCheckDigit } from '../../../../shared/master/id-number';

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
    if (residentIdCheckDigit(s.slice(0, 17)) !== s[17]) {
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
  if (s.length === 18 && CREDIT_CODE_PATTERN.test(s)) {
    return isValidCreditCode(s)
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
    if (!resident.ok && s.length === 18 && isValidCreditCode(s)) {
      return { ok: true, idType: 'business_license', idNumber: s, company: true };
    }
    return resident;
  }
  if (s.length === 18 && CREDIT_CODE_PATTERN.test(s)) {
    return isValidCreditCode(s)
      ? { ok: true, idType: 'business_license', idNumber: s, company: true }
      : { ok: false, code: 'import.error.badIdChecksum' };
  }
  return { ok: false, code: 'import.error.badId' };
}
