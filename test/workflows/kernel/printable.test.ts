/**
 * Printable text: what the embedded Noto Sans SC can show, checked on input. The cases use what the font
 * really covers (2.004): CJK Unified and Extension A, the Extension B–F characters of the 通用规范汉字表
 * (𫖯, 𬌗…), kana, full-width forms; not Hangul, not emoji, not 𠮷 (U+20BB7). The last block re-reads the
 * TTF files, so a font upgrade without `node scripts/font-coverage.mjs` fails here.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FONT_COVERAGE, FONT_COVERAGE_CODE_POINTS, FONT_COVERAGE_SOURCE } from '../../../shared/kernel/font-coverage';
import { MAX_NAMED, fontHas, isPrintable, isPrintableCodePoint, printable, showCharacter, unprintable, unprintableMessage } from '../../../shared/kernel/printable';
import { decodeMessage, note, requiredText } from '../../../shared/kernel/validation';

const message = (r: { success: boolean; error?: z.ZodError }) => (r.success ? null : r.error!.issues.map((i) => i.message));

describe('unprintable', () => {
  it('passes common and rare Chinese names the font has', () => {
    for (const name of ['张伟', '王芳', '李娜', '欧阳娜娜', '司马懿', '刘䶮', '赵孟𫖯', '王堃', '陈喆', '李赟', '周玥', '韩珺', '张龑', '吴翀', '〇'])
      expect(unprintable(name), name).toEqual([]);
  });

  it('names the character the font lacks', () => {
    expect(unprintable('𠮷田')).toEqual(['𠮷']); // U+20BB7, not in Noto Sans SC
    expect(unprintable('김민준')).toEqual(['김', '민', '준']); // no Hangul in the SC font
    expect(unprintable('さくら サクラ')).toEqual([]);
  });

  it('passes ASCII, full-width forms and Chinese punctuation', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const fullWidth = Array.from({ length: 0xff5f - 0xff01 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
    expect(unprintable(ascii)).toEqual([]);
    expect(unprintable(fullWidth)).toEqual([]);
    expect(unprintable('，。！？、；：“”‘’（）《》【】——……·￥％　〇㎡℃№①')).toEqual([]);
  });

  it('refuses emoji, as the clerk sees them: one grapheme each, distinct, in order of appearance', () => {
    expect(unprintable('张😀三')).toEqual(['😀']);
    expect(unprintable('🇨🇳')).toEqual(['🇨🇳']);
    expect(unprintable('👨‍👩‍👧 家')).toEqual(['👨‍👩‍👧']);
    expect(unprintable('❤️')).toEqual(['❤️']);
    expect(unprintable('😀a😀🇨🇳b😀')).toEqual(['😀', '🇨🇳']);
    expect(isPrintable('张😀三')).toBe(false);
  });

  it('judges a combining sequence by all of its code points', () => {
    expect(unprintable('Jose\u0301')).toEqual([]); // the font has U+0301
    expect(unprintable('Zoe\u0308')).toEqual(['e\u0308']); // but not U+0308: the cluster is named
    expect(unprintable('\u0308ab')).toEqual(['\u0308']);
  });

  it('refuses private-use, replacement, zero-width and lone surrogate characters', () => {
    expect(unprintable('a\uE000b')).toEqual(['\uE000']);
    expect(unprintable('\u{F0000}')).toEqual(['\u{F0000}']);
    expect(unprintable('张\uFFFD')).toEqual(['\uFFFD']);
    expect(unprintable('张\u200B三')).toEqual(['\u200B']);
    expect(unprintable('\uFEFF张三')).toEqual(['\uFEFF']);
    expect(unprintable('a\uD83Db')).toEqual(['\uD83D']);
  });

  it('allows line breaks and tabs where text is multi-line, and counts other controls as unprintable', () => {
    expect(unprintable('第一行\n第二行\r\n\t第三行')).toEqual([]);
    expect(unprintable('a\u0007b\u007Fc\u0085')).toEqual(['\u0007', '\u007F', '\u0085']);
    expect(unprintable('a\nb', { multiline: false })).toEqual(['\n']);
    expect(unprintable('a\tb', { multiline: false })).toEqual(['\t']);
    expect(isPrintableCodePoint(0x0a)).toBe(true);
    expect(isPrintableCodePoint(0x0a, { multiline: false })).toBe(false);
  });

  it('agrees with the table for every code point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x20, max: 0x10ffff }), (cp) => {
        if (cp >= 0xd800 && cp <= 0xdfff) return;
        const inTable = FONT_COVERAGE.some(([s, e]) => cp >= s && cp <= e);
        expect(fontHas(cp)).toBe(inTable);
        if (!inTable) expect(unprintable(`a${String.fromCodePoint(cp)}b`).length).toBe(1);
      }),
    );
  });
});

describe('the message', () => {
  it('names visible characters as themselves and invisible ones by code point', () => {
    expect(showCharacter('😀')).toBe('😀');
    expect(showCharacter('e\u0308')).toBe('e\u0308');
    expect(showCharacter('\u200B')).toBe('U+200B');
    expect(showCharacter('\uE000')).toBe('U+E000');
    expect(showCharacter('\u0007')).toBe('U+0007');
    expect(showCharacter('\r\n')).toBe('U+000D U+000A');
  });

  it('is v.unprintable with the characters joined by spaces, and at most MAX_NAMED of them', () => {
    expect(decodeMessage(unprintableMessage(['😀', '\u200B']))).toEqual({ key: 'v.unprintable', params: { chars: '😀 U+200B' } });
    const many = Array.from({ length: MAX_NAMED + 2 }, (_, i) => String.fromCodePoint(0x1f600 + i));
    expect(decodeMessage(unprintableMessage(many)).params!.chars).toBe(`${many.slice(0, MAX_NAMED).join(' ')} …`);
  });
});

describe('printable() in a schema', () => {
  it('adds the encoded message to a plain string schema', () => {
    const s = printable(z.string().max(20));
    expect(s.parse('张三')).toBe('张三');
    const r = s.safeParse('张😀三🇨🇳');
    expect(message(r)).toEqual(['v.unprintable|{"chars":"😀 🇨🇳"}']);
    expect(decodeMessage(message(r)![0])).toEqual({ key: 'v.unprintable', params: { chars: '😀 🇨🇳' } });
  });

  it('is built into the text helpers, after their trimming, once, and leaves null alone', () => {
    const name = requiredText(50);
    // The helpers check on their own (printable() around one of them only repeats the message).
    expect(message(printable(requiredText(50)).safeParse('王😀'))).toEqual(['v.unprintable|{"chars":"😀"}', 'v.unprintable|{"chars":"😀"}']);
    expect(name.parse('  王芳  ')).toBe('王芳');
    expect(message(name.safeParse('王😀'))).toEqual(['v.unprintable|{"chars":"😀"}']);
    const remark = note(200);
    expect(remark.parse('')).toBeNull();
    expect(remark.parse('第一行\n第二行')).toBe('第一行\n第二行');
    expect(message(remark.safeParse('好的👍'))).toEqual(['v.unprintable|{"chars":"👍"}']);
  });

  it('keeps the schema type, inside an object with the field path', () => {
    const Form = z.object({ carrier: z.object({ name: printable(requiredText(50)) }) });
    const r = Form.safeParse({ carrier: { name: '李😀' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['carrier', 'name']);
    const ok: { carrier: { name: string } } = Form.parse({ carrier: { name: '李四' } });
    expect(ok.carrier.name).toBe('李四');
  });
});

interface CoverageScript {
  FONT_FILES: string[];
  OUTPUT: string;
  fontPath(file: string): string;
  parseCmap(buf: Buffer): [number, number][];
  mergeRanges(ranges: [number, number][]): [number, number][];
  intersectRanges(a: [number, number][], b: [number, number][]): [number, number][];
  countCodePoints(ranges: [number, number][]): number;
  readCoverage(): { ranges: [number, number][]; packageVersion: string };
  renderModule(coverage: ReturnType<CoverageScript['readCoverage']>): string;
}
// A variable specifier: the script is plain JS without a .d.mts, so it is typed by the interface above.
const SCRIPT = new URL('../../../scripts/font-coverage.mjs', import.meta.url).href;
let loaded: Promise<CoverageScript> | null = null;
const loadScript = () => (loaded ??= import(/* @vite-ignore */ SCRIPT) as Promise<CoverageScript>);

describe('the generated table', () => {
  it('is sorted, disjoint and merged', () => {
    for (let i = 0; i < FONT_COVERAGE.length; i++) {
      const [s, e] = FONT_COVERAGE[i];
      expect(s).toBeLessThanOrEqual(e);
      if (i > 0) expect(s).toBeGreaterThan(FONT_COVERAGE[i - 1][1] + 1);
    }
    expect(FONT_COVERAGE.reduce((n, [s, e]) => n + e - s + 1, 0)).toBe(FONT_COVERAGE_CODE_POINTS);
  });

  it('matches the fonts installed now (regenerate with node scripts/font-coverage.mjs after an upgrade)', async () => {
    const script = await loadScript();
    const coverage = script.readCoverage();
    expect(FONT_COVERAGE_SOURCE).toBe(`@expo-google-fonts/noto-sans-sc@${coverage.packageVersion}`);
    expect(FONT_COVERAGE.map(([s, e]) => [s, e])).toEqual(coverage.ranges);
    expect(fs.readFileSync(script.OUTPUT, 'utf8')).toBe(script.renderModule(coverage));
  });

  it('is the intersection of the weights the PDF engine embeds, each parsed on its own', async () => {
    const script = await loadScript();
    expect(script.FONT_FILES).toEqual(['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf']);
    const [regular, bold] = script.FONT_FILES.map((f) => script.parseCmap(fs.readFileSync(script.fontPath(f))));
    expect(script.intersectRanges(regular, bold)).toEqual(FONT_COVERAGE.map(([s, e]) => [s, e]));
    // Spot checks against what the font is known to hold (and not to hold).
    const has = (ranges: [number, number][], cp: number) => ranges.some(([s, e]) => cp >= s && cp <= e);
    for (const cp of [0x20, 0x7e, 0x3007, 0x4e00, 0x9fa5, 0x4dae, 0x2b5af, 0xff10, 0x3000]) expect(has(regular, cp), cp.toString(16)).toBe(true);
    for (const cp of [0x00, 0x0a, 0x1f600, 0x20bb7, 0xac00, 0xfffd, 0xe000, 0x200b]) expect(has(regular, cp), cp.toString(16)).toBe(false);
  });

  it('covers exactly the font files the PDF code embeds (a new weight must be added to the script)', async () => {
    const script = await loadScript();
    const electron = new URL('../../../electron/', import.meta.url);
    const used = new Set<string>();
    for (const file of fs.readdirSync(electron, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = fs.readFileSync(new URL(file, electron), 'utf8');
      for (const m of text.matchAll(/@expo-google-fonts\/noto-sans-sc\/([\w/]+\.ttf)/g)) used.add(m[1]);
    }
    expect([...used].sort()).toEqual([...script.FONT_FILES].sort());
  });

  it('merges and intersects ranges correctly (the script helpers)', async () => {
    const script = await loadScript();
    expect(script.mergeRanges([[5, 6], [1, 2], [3, 4], [10, 12], [11, 20], [22, 22]])).toEqual([[1, 6], [10, 20], [22, 22]]);
    expect(script.intersectRanges([[1, 10], [20, 30]], [[5, 25]])).toEqual([[5, 10], [20, 25]]);
    expect(script.countCodePoints([[1, 1], [3, 5]])).toBe(4);
  });
});
