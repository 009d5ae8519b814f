/**
 * Full-width input. A Chinese IME in full-width mode types １３８, Ｘ, ．, －, ， and the ideographic space;
 * a clerk cannot see the difference, so every number-like field (phones, ID numbers, quantities, areas,
 * meter readings) folds them to ASCII before it is checked, on the form and at the IPC boundary alike (the
 * zod helpers below go inside the shared schemas).
 *
 * Narrower than the NFKC the import uses (electron/services/import/values.ts): NFKC also turns ① into 1,
 * ㎡ into m2, ² into 2 and CJK compatibility ideographs into other characters, which is right for matching
 * spreadsheet cells but not for what a clerk typed. Here only the full-width ASCII block, the ideographic
 * space and, per kind, a few IME punctuation marks change.
 */
import { z } from 'zod';

/** U+FF01–U+FF5E (full-width ！ to ～) → U+0021–U+007E, and U+3000 (ideographic space) → ' '. Nothing else changes. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Hyphens, dashes and minus signs that stand for '-' (after toHalfWidth, which already folds －). */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Folds the dash look-alikes (‐ ‑ ‒ – — ― − ﹘ ﹣ －) to '-'. */
export function unifyDashes(s: string): string {
  return s.replace(DASHES, '-');
}

// Every Unicode space (incl. U+3000, U+00A0) plus the zero-width ones a paste brings along.
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A phone number as typed → its characters without separators: spaces, dashes, dots and brackets (ASCII or
 * full-width) go; digits and '+' stay, and so does anything else (a letter, 转), so that the phone check
 * (shared/rules/id-number.ts normalizePhone) refuses it instead of this silently dropping it.
 * '＋８６ １３８－１２３４－５６７８' → '+8613812345678'.
 */
export function normalisePhone(s: string): string {
  return unifyDashes(toHalfWidth(s)).replace(SPACES, '').replace(/[-.()（）]/g, '');
}

/**
 * An ID or document number (resident ID, passport, permit, credit code) → half-width, without spaces, upper
 * case: '１１０１０５ １９９００３０７ １２３ｘ' → '11010519900307123X'. Other characters are kept for the check to
 * refuse.
 */
export function normaliseIdNumber(s: string): string {
  return toHalfWidth(s).replace(SPACES, '').toUpperCase();
}

// A comma is a thousands separator only in this exact shape (1,234 / 12,345,678.5). Anything else — '96,5'
// (a decimal comma?), '1,23' — is left alone so that the number is refused rather than guessed.
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A decimal as typed (area, quantity, meter reading) → ASCII text a parser accepts: full-width digits and
 * signs, '。' as the decimal point (the IME's '.' key), spaces removed, thousands separators dropped when
 * they group by three, a leading '+' dropped. '１２３．５' → '123.5', '1，234.5' → '1234.5', '－２' → '-2'.
 * Units (㎡, 平米) are not removed: a number field does not take them.
 */
export function normaliseDecimal(s: string): string {
  let t = unifyDashes(toHalfWidth(s)).replace(SPACES, '').replace(/[\u3002\uFF61]/g, '.');
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (t.startsWith('+')) t = t.slice(1);
  return t;
}

/** normaliseDecimal, then the number it spells, or null when it is not a plain decimal ('' too). */
export function parseDecimal(s: string): number | null {
  const t = normaliseDecimal(s);
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

// ---------- zod: the same folding inside the shared schemas, so form and IPC input agree ----------

/** A string schema that folds full-width first: `halfWidthString().regex(…)` checks the folded text. */
export const halfWidthString = () => z.string().overwrite(toHalfWidth);
/** A string schema that applies normalisePhone first. */
export const phoneString = () => z.string().overwrite(normalisePhone);
/** A string schema that applies normaliseIdNumber first. */
export const idNumberString = () => z.string().overwrite(normaliseIdNumber);

const wrap =
  (fold: (s: string) => string) =>
  <T extends z.ZodType>(schema: T) =>
    // The parameter type keeps the wrapped schema's input type, so a form's values stay typed.
    z.preprocess((v: z.input<T>) => (typeof v === 'string' ? fold(v) : v), schema);

/** Folds full-width in any existing schema that takes a string: `halfWidth(optText(30))`. */
export const halfWidth = wrap(toHalfWidth);
/** normalisePhone before an existing phone schema: `phoneLike(optPhone)`. */
export const phoneLike = wrap(normalisePhone);
/** normaliseIdNumber before an existing schema: `idNumberLike(optText(30))`. */
export const idNumberLike = wrap(normaliseIdNumber);

/**
 * A number schema that also takes the number as typed text: `decimalInput(z.number().min(0).max(99_999_999))`.
 * '９６．５' → 96.5; '－２' → -2, which a min(0) then refuses (v.tooSmall) rather than clamps; '' or blank →
 * null (required, unless the schema is nullable); text that is not a number stays text and is refused
 * (v.invalidType). Numbers pass through unchanged.
 */
export function decimalInput<T extends z.ZodType>(schema: T) {
  return z.preprocess((v: z.input<T> | string) => {
    if (typeof v !== 'string') return v;
    if (normaliseDecimal(v) === '') return null;
    return parseDecimal(v) ?? v;
  }, schema);
}
