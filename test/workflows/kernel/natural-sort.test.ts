/**
 * Natural order of unit codes: fixed cases, then properties — the key's byte order (what SQLite's BINARY
 * collation does, checked on real SQLite too) is the order of naturalCompare, and that order is total.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, foldCode, naturalCompare, naturalSortKey } from '../../../shared/kernel/natural-sort';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
/** SQLite BINARY: memcmp of the UTF-8 bytes. */
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
/** What `ORDER BY code_key, code` does. */
const byKeyThenCode = (a: string, b: string) => binary(naturalSortKey(a), naturalSortKey(b)) || binary(a, b);
const sorted = (codes: string[]) => [...codes].sort(naturalCompare);

describe('naturalCompare', () => {
  it('orders numbers by value, whatever their length', () => {
    expect(sorted(['1-1-1001', '1-1-902'])).toEqual(['1-1-902', '1-1-1001']);
    expect(sorted(['2-1-101', '1-10-101', '1-2-101'])).toEqual(['1-2-101', '1-10-101', '2-1-101']);
    expect(sorted(['10-1-101', '9-1-101', '9-12-1502'])).toEqual(['9-1-101', '9-12-1502', '10-1-101']);
    expect(sorted(['B10-101', 'B1-101', 'B2-101'])).toEqual(['B1-101', 'B2-101', 'B10-101']);
    expect(sorted(['3-2-1502', '3-2-902', '3-2-202'])).toEqual(['3-2-202', '3-2-902', '3-2-1502']);
  });

  it('puts a code before its extensions, and letters after the number they follow', () => {
    expect(sorted(['1-1-902B', '1-1-902A', '1-1-902', '1-1-903', '1-1-902-1'])).toEqual(['1-1-902', '1-1-902-1', '1-1-902A', '1-1-902B', '1-1-903']);
    expect(sorted(['A', '1', '-', ''])).toEqual(['', '-', '1', 'A']);
  });

  it('sorts Chinese building names by their number, then by code point', () => {
    expect(sorted(['A座-1001', 'A座-902', 'B座-101'])).toEqual(['A座-902', 'A座-1001', 'B座-101']);
    expect(sorted(['10栋-101', '2栋-101', '1栋-2单元-101', '1栋-10单元-101'])).toEqual(['1栋-2单元-101', '1栋-10单元-101', '2栋-101', '10栋-101']);
  });

  it('treats leading zeros as the same number, the written zeros breaking the tie', () => {
    expect(naturalSortKey('01-0902')).toBe(naturalSortKey('1-902'));
    expect(sorted(['1-902', '01-0902', '1-901', '1-903'])).toEqual(['1-901', '01-0902', '1-902', '1-903']);
    expect(sorted(['000', '0', '00', '1'])).toEqual(['0', '00', '000', '1']);
  });

  it('folds case, full-width and dashes (and the tie-break keeps them apart)', () => {
    expect(naturalSortKey('a-1-101')).toBe(naturalSortKey('A-1-101'));
    expect(naturalSortKey('１－１－９０２')).toBe(naturalSortKey('1-1-902'));
    expect(naturalSortKey('1—1–902')).toBe(naturalSortKey('1-1-902'));
    expect(sorted(['b-1', 'a-2', 'A-1', 'a-1'])).toEqual(['A-1', 'a-1', 'a-2', 'b-1']);
    expect(sorted(['１-1-1001', '1-1-902'])).toEqual(['1-1-902', '１-1-1001']);
    expect(foldCode('ａ座－１０１')).toBe('A座-101');
  });

  it('is 0 only for the same code', () => {
    expect(naturalCompare('', '')).toBe(0);
    expect(naturalCompare('1-1-902', '1-1-902')).toBe(0);
    expect(naturalCompare('01', '1')).not.toBe(0);
    expect(naturalCompare('a', 'A')).not.toBe(0);
  });

  it('handles numbers longer than any integer type', () => {
    const big = '9'.repeat(40);
    expect(sorted([`1${big}`, big, '10'])).toEqual(['10', big, `1${big}`]);
    expect(naturalSortKey('1'.repeat(12))).toBe(`212${'1'.repeat(12)}`);
  });
});

describe('naturalSortKey', () => {
  it('has the documented shape', () => {
    expect(naturalSortKey('')).toBe('');
    expect(naturalSortKey('1-1-902')).toBe('111-111-13902');
    expect(naturalSortKey('A座-1001')).toBe('A座-141001');
    expect(naturalSortKey('0')).toBe('110');
  });
});

// Codes from the characters unit codes are made of, plus a few that test the edges: full-width digits, a
// dash look-alike, lower case, Chinese, and a character above U+FFFF (UTF-16 order differs there).
const CHARS = ['0', '1', '2', '9', '0', '-', '-', '.', '#', '_', 'A', 'B', 'a', 'b', '座', '栋', '单', '１', '０', '－', '–', '𠀀', 'ÿ', '\uFF5E'];
const code = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
const realistic = fc
  .tuple(fc.nat(30), fc.nat(12), fc.nat(3300), fc.constantFrom('', 'A', 'B'), fc.constantFrom('', '栋', '座'))
  .map(([b, u, r, suffix, word]) => `${b}${word}-${u}-${r}${suffix}`);
const anyCode = fc.oneof(code, realistic, fc.string({ maxLength: 8 }));

describe('properties', () => {
  it('the key order (BINARY), then the code, is naturalCompare', () => {
    fc.assert(fc.property(anyCode, anyCode, (a, b) => {
        expect(sign(naturalCompare(a, b))).toBe(sign(byKeyThenCode(a, b)));
      }), { numRuns: 3000 });
  });

  it('sorting by key equals sorting by naturalCompare', () => {
    fc.assert(
      fc.property(fc.array(anyCode, { maxLength: 40 }), (codes) => {
        expect([...codes].sort(byKeyThenCode)).toEqual(sorted(codes));
      }),
    );
  });

  it('is a total order: antisymmetric, transitive, 0 only for equal codes', () => {
    fc.assert(
      fc.property(anyCode, anyCode, anyCode, (a, b, c) => {
        expect(sign(naturalCompare(a, b)) + sign(naturalCompare(b, a))).toBe(0);
        expect(naturalCompare(a, b) === 0).toBe(a === b);
        if (naturalCompare(a, b) <= 0 && naturalCompare(b, c) <= 0) expect(naturalCompare(a, c)).toBeLessThanOrEqual(0);
        if (naturalCompare(a, b) >= 0 && naturalCompare(b, c) >= 0) expect(naturalCompare(a, c)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders numbers in the same place by value', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'A', '1-', 'B座-'), fc.nat(), fc.nat(), fc.constantFrom('', '-101', 'A'), (pre, x, y, post) => {
        expect(sign(naturalCompare(`${pre}${x}${post}`, `${pre}${y}${post}`))).toBe(sign(x - y));
      }),
    );
  });

  it('compareCodePoints is UTF-8 byte order', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }), (a, b) => {
        expect(sign(compareCodePoints(a, b))).toBe(sign(binary(a, b)));
      }));
    expect(compareCodePoints('\u{20000}', '\uFF5E')).toBe(1); // UTF-16 would say -1
  });

  it('ORDER BY code_key, code in SQLite gives the naturalCompare order', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE units (code TEXT NOT NULL, code_key TEXT NOT NULL) STRICT; CREATE INDEX units_key ON units (code_key, code)');
    const insert = db.prepare('INSERT INTO units (code, code_key) VALUES (?, ?)');
    const codes = fc.sample(anyCode, { numRuns: 2000, seed: 42 });
    db.transaction(() => codes.forEach((c) => insert.run(c, naturalSortKey(c))))();
    const fromSql = db.prepare('SELECT code FROM units ORDER BY code_key, code').pluck().all() as string[];
    db.close();
    expect(fromSql).toEqual(sorted(codes));
  });
});
