import { z } from 'zod';
import { isValidCreditCode, isValidResidentId, normalizePhone } from '../master/id-number';
import { encodeMessage } from './messages';
import { normalisePhone } from './normalise';
import { unprintable, unprintableMessage } from './printable';

export { decodeMessage, encodeMessage } from './messages';

// Every message zod produces is an i18n key, so the renderer can show it in the clerk's language.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'v.required' : 'v.invalidType';
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'v.required' : encodeMessage('v.tooShort', { min: Number(issue.minimum) });
        if (issue.origin === 'array') return encodeMessage('v.tooFewItems', { min: Number(issue.minimum) });
        return encodeMessage('v.tooSmall', { min: Number(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return encodeMessage('v.tooLong', { max: Number(issue.maximum) });
        if (issue.origin === 'array') return encodeMessage('v.tooManyItems', { max: Number(issue.maximum) });
        return encodeMessage('v.tooBig', { max: Number(issue.maximum) });
      case 'invalid_format':
        return 'v.invalidFormat';
      case 'invalid_value':
        return 'v.invalidChoice';
      case 'unrecognized_keys':
        return 'v.unknownField';
      default:
        return 'v.invalid';
    }
  },
});

/**
 * Text may end up on a printed form, whose embedded font cannot show everything (an emoji prints as a
 * box): refused with the characters named (v.unprintable). Control characters get their own message.
 */
const printableText = (multiline: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const bad = unprintable(s, { multiline }).filter((c) => !CONTROL.test(c));
  if (bad.length) ctx.addIssue({ code: 'custom', message: unprintableMessage(bad) });
};

// C0/C1 control characters other than tab/newline never belong in a record.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

/** A trimmed single-line text field. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .max(max)
        .refine((s) => !CONTROL.test(s), { message: 'v.controlChars' })
        .superRefine(printableText(false)),
    );

export const requiredText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, { message: 'v.required' })
        .max(max)
        .refine((s) => !CONTROL.test(s), { message: 'v.controlChars' })
        .superRefine(printableText(false)),
    );

/** Multi-line note; empty becomes null. */
export const note = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), { message: 'v.controlChars' })
    .superRefine(printableText(true))
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/**
 * Optional text: '' or missing → null. Built with `.nullable().optional()` rather than a union with
 * z.undefined(): zod only treats a key as optional when its schema is, and a failed union would hide
 * the precise message (v.tooLong…) behind a generic v.invalid.
 */
export const optText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'v.date' });

export const optDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(isoDate.nullable());

export const phone = z
  .string()
  .max(30)
  .transform((s, ctx) => {
    // Full-width digits and spaces typed with a Chinese IME are the same number.
    const n = normalizePhone(normalisePhone(s));
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'v.phone' });
      return z.NEVER;
    }
    return n;
  });

/** Optional phone: '', blank or missing → null; anything else must be a phone number (v.phone). */
export const optPhone = z
  .string()
  .max(30)
  .nullable()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === null || s.trim() === '') return null;
    const n = normalizePhone(normalisePhone(s));
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'v.phone' });
      return z.NEVER;
    }
    return n;
  });

export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, { message: 'v.invalid' });

export { isValidCreditCode, isValidResidentId };
