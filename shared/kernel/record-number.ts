/**
 * Record numbers: every workflow numbers its records PREFIX-YEAR-SEQUENCE, e.g. FX-2026-000016 (release slip;
 * later RH move-in, ZX decoration, BX repair, HF callback). The printed form carries the number as a QR code,
 * which a USB scanner types back like a keyboard, followed by Enter.
 *
 * What a person or a scanner may type for FX-2026-000016, all read as that number:
 * fx-2026-000016 (lower case, Caps Lock on), ＦＸ－２０２６－００００１６ (a Chinese IME in full-width mode),
 * FX–2026–000016 (a dash look-alike pasted from a document), FX 2026 000016 / FX2026000016 (no dashes),
 * FX-2026-16 (leading zeros left out), and the scanner's trailing CR/LF/Tab.
 */
import { toHalfWidth, unifyDashes } from './normalise';

export interface RecordNumber {
  /** Upper-case prefix, e.g. FX. */
  prefix: string;
  year: number;
  seq: number;
  /** The canonical spelling, as stored: FX-2026-000016. */
  canonical: string;
}

/** Digits of the sequence in the canonical spelling (shared/workflows/slips/rules.ts slipNumber). */
const SEQ_DIGITS = 6;

const SHAPE = /^([A-Z]{1,6})-?(\d{4})-?(\d{1,9})$/;

/** The canonical spelling of a record number. */
export function formatRecordNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The record number `text` stands for, or null when it does not look like one. */
export function parseRecordNumber(text: string): RecordNumber | null {
  const folded = unifyDashes(toHalfWidth(text))
    .toUpperCase()
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, (m, at: number, all: string) => (at === 0 || at + m.length === all.length ? '' : '-'))
    .replace(/[_/.]/g, '-')
    .replace(/-+/g, '-');
  const m = SHAPE.exec(folded);
  if (!m) return null;
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (year < 2000 || year > 2999 || seq < 1) return null;
  return { prefix: m[1], year, seq, canonical: formatRecordNumber(m[1], year, seq) };
}
