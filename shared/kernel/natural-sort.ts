/**
 * Unit and building codes sort naturally everywhere: 1-1-902 before 1-1-1001, 2-1-101 after 1-10-101,
 * B1 before B10. Two forms of one order:
 *
 * - `naturalCompare(a, b)` for lists sorted in JS;
 * - `naturalSortKey(code)`, a text key whose plain byte order (SQLite's BINARY collation, i.e. code point
 *   order) is the natural order, to store in an indexed column: `ORDER BY code_key, code`.
 *
 * naturalCompare(a, b) is exactly "compare the keys by code point, then the codes themselves by code point",
 * which is what that ORDER BY does.
 *
 * Decisions:
 * - Before comparing, a code is folded: full-width to ASCII (toHalfWidth: '１-９０２' sorts as '1-902'),
 *   dash look-alikes to '-', and upper case, so 'a-1-101' sorts with 'A-1-101' (the import stores codes in
 *   upper case; a code typed in lower case on a form still lands among its neighbours).
 * - A run of ASCII digits compares as a number, whatever its length; leading zeros do not count, so '01-0902'
 *   and '1-902' have the same key and sit next to each other (then the tie-break puts '01-0902' first, as
 *   '0' < '1'). Other digits (①, ٣) are ordinary characters.
 * - Between a number and any other character, the number sorts where an ASCII digit would: after '-', '.',
 *   '#', before letters and '_' and every Chinese character. Other characters compare by code point (so
 *   Chinese is not in pinyin order: '1座' < '2座' by number, but '东' vs '西' by code point).
 * - A code that is a prefix of another sorts first ('1-1-902' < '1-1-902A'); '' sorts first of all.
 *
 * Key format: other characters are kept as they are (after folding); a digit run becomes
 * <digits in L><L><its L significant digits>, where L is the number of digits without leading zeros (0 → "0",
 * L = 1). '902' → '1' '3' '902' = '13902', '1001' → '141001', so '1-1-902' → '111-111-13902'. Its first
 * character is always an ASCII digit, and no other character of a key is one, so a number meets any other
 * character exactly as a digit would; longer numbers have a larger L, and equal L compare digit by digit.
 */
import { toHalfWidth, unifyDashes } from './normalise';

/** The folding applied to a code before it is compared or keyed. */
export function foldCode(code: string): string {
  return unifyDashes(toHalfWidth(code)).toUpperCase();
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The key of a code: byte-wise (BINARY, code point) order of keys is the natural order of codes. */
export function naturalSortKey(code: string): string {
  const s = foldCode(code);
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s.charCodeAt(i))) {
      const j = nextRun(s, i);
      out += s.slice(i, j);
      i = j;
      continue;
    }
    let j = i;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    let k = i;
    while (k < j - 1 && s.charCodeAt(k) === 0x30) k++; // leading zeros; "000" keeps its last "0"
    const digits = s.slice(k, j);
    const len = String(digits.length);
    out += String(len.length) + len + digits;
    i = j;
  }
  return out;
}

/** End of the run of non-digits starting at i. */
function nextRun(s: string, i: number): number {
  let j = i;
  while (j < s.length && !isDigit(s.charCodeAt(j))) j++;
  return j;
}

/** Code point order (SQLite BINARY on UTF-8), not UTF-16 code unit order: they differ above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate (part of a code point above U+FFFF) is larger than any other BMP code unit.
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Compares the folded codes token by token: digit runs as numbers, other code units by code point. */
function compareFolded(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const xd = isDigit(x);
    const yd = isDigit(y);
    if (xd && yd) {
      let ie = i;
      while (ie < a.length && isDigit(a.charCodeAt(ie))) ie++;
      let je = j;
      while (je < b.length && isDigit(b.charCodeAt(je))) je++;
      let is = i;
      while (is < ie - 1 && a.charCodeAt(is) === 0x30) is++;
      let js = j;
      while (js < je - 1 && b.charCodeAt(js) === 0x30) js++;
      const la = ie - is;
      const lb = je - js;
      if (la !== lb) return la < lb ? -1 : 1;
      for (let k = 0; k < la; k++) {
        const d = a.charCodeAt(is + k) - b.charCodeAt(js + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      i = ie;
      j = je;
      continue;
    }
    if (xd || yd) {
      // A number against another character: as an ASCII digit would compare (never equal).
      return compareCodePoints(xd ? '0' : a.slice(i, i + 2), yd ? '0' : b.slice(j, j + 2));
    }
    if (x !== y) return compareCodePoints(a.slice(i, i + 2), b.slice(j, j + 2));
    i++;
    j++;
  }
  const aLeft = i < a.length;
  const bLeft = j < b.length;
  return aLeft === bLeft ? 0 : aLeft ? 1 : -1;
}

/**
 * Natural order of codes: the order of their keys, then (for codes with the same key, such as '01-902'
 * and '1-902', or 'a-1' and 'A-1') the codes themselves by code point — a total order, the same as
 * `ORDER BY code_key, code`.
 */
export function naturalCompare(a: string, b: string): number {
  return compareFolded(foldCode(a), foldCode(b)) || compareCodePoints(a, b);
}
