/**
 * Text that will be printed is checked on input against what the embedded font can show: an emoji in a
 * name would otherwise print as a box (.notdef) on the form. The table of what Noto Sans SC covers is
 * generated from the fonts themselves (font-coverage.ts, by scripts/font-coverage.mjs).
 *
 * A "character" here is what the clerk sees: a grapheme cluster (Intl.Segmenter), so a flag 🇨🇳, a
 * family 👨‍👩‍👧 or an e + combining diaeresis is reported as one thing, and a cluster is unprintable when
 * any of its code points is. Besides the font, some code points are refused even where a font might have
 * a glyph: control characters (other than the line breaks and tab the PDF engine lays out itself),
 * private-use characters (their look depends on the machine), noncharacters, lone surrogates, and
 * U+FFFC / U+FFFD, which mean the text was damaged on its way in.
 */
import { z } from 'zod';
import { encodeMessage } from './messages';
import { FONT_COVERAGE } from './font-coverage';

const STARTS = Uint32Array.from(FONT_COVERAGE, (r) => r[0]);
const ENDS = Uint32Array.from(FONT_COVERAGE, (r) => r[1]);

/** Whether every embedded weight of the form font maps this code point to a glyph. */
export function fontHas(codePoint: number): boolean {
  let lo = 0;
  let hi = STARTS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (codePoint < STARTS[mid]) hi = mid - 1;
    else if (codePoint > ENDS[mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

export interface PrintableOptions {
  /**
   * Whether tab, line feed and carriage return are allowed (default true): pdfmake breaks lines at \n and
   * \r and turns \t into spaces, so they never reach the font. Pass false for a single-line printed field.
   */
  multiline?: boolean;
}

const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

function refused(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    cp >= 0xf0000 || // planes 15–16: private use
    (cp >= 0xfdd0 && cp <= 0xfdef) ||
    (cp & 0xfffe) === 0xfffe || // U+xxFFFE / U+xxFFFF noncharacters
    cp === 0xfffc ||
    cp === 0xfffd
  );
}

/** Whether one code point can be printed (see the module comment for what is refused besides the font). */
export function isPrintableCodePoint(codePoint: number, options: PrintableOptions = {}): boolean {
  if (LAYOUT.has(codePoint)) return options.multiline ?? true;
  return !refused(codePoint) && fontHas(codePoint);
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function clusters(text: string): string[] {
  // Code points where the platform has no segmenter (every supported Node and Chromium has one).
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * The distinct characters (grapheme clusters) of `text` the printed form cannot show, in order of first
 * appearance; [] when all of it prints.
 */
export function unprintable(text: string, options: PrintableOptions = {}): string[] {
  let clean = true;
  for (const ch of text) {
    if (!isPrintableCodePoint(ch.codePointAt(0)!, options)) {
      clean = false;
      break;
    }
  }
  if (clean) return [];
  const out = new Set<string>();
  for (const cluster of clusters(text)) {
    for (const ch of cluster) {
      if (!isPrintableCodePoint(ch.codePointAt(0)!, options)) {
        out.add(cluster);
        break;
      }
    }
  }
  return [...out];
}

export function isPrintable(text: string, options: PrintableOptions = {}): boolean {
  return unprintable(text, options).length === 0;
}

// A cluster with nothing visible in it (a control, zero-width or private-use character, a lone combining
// mark, an unusual space) would vanish in the message; it is named by its code point(s) instead.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Z}\p{M}]+$/u;

/** How a refused character is named in the message: itself, or "U+200B" when it cannot be seen. */
export function showCharacter(cluster: string): string {
  if (!INVISIBLE.test(cluster)) return cluster;
  return Array.from(cluster, (ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** At most this many characters are named; a pasted paragraph of emoji gets "…" after them. */
export const MAX_NAMED = 8;

/** The encoded message `v.unprintable|{"chars":"😀 🇨🇳"}` for these refused characters. */
export function unprintableMessage(chars: readonly string[]): string {
  const named = chars.slice(0, MAX_NAMED).map(showCharacter).join(' ');
  return encodeMessage('v.unprintable', { chars: chars.length > MAX_NAMED ? `${named} …` : named });
}

/**
 * Adds the check to a string schema (also to the text helpers of ./validation.ts, whose output is a
 * string, or null for empty optional fields): `printable(requiredText(50))`. The check sees the parsed value,
 * after trimming.
 */
export function printable<T extends z.ZodType<string | null | undefined>>(schema: T, options: PrintableOptions = {}): T {
  return schema.superRefine((value, ctx) => {
    if (typeof value !== 'string') return;
    const chars = unprintable(value, options);
    if (chars.length) ctx.addIssue({ code: 'custom', message: unprintableMessage(chars), input: value });
  });
}
