// Generates shared/kernel/font-coverage.ts: the code points every embedded weight of Noto Sans SC can show,
// read from the fonts' own `cmap` tables, so text that would print as a box (tofu) can be refused on input.
//
//   node scripts/font-coverage.mjs           writes the file
//   node scripts/font-coverage.mjs --check   exits 1 when the file does not match the installed fonts
//
// Run it after upgrading @expo-google-fonts/noto-sans-sc; test/workflows/kernel/printable.test.ts fails until then.
// Plain Buffer parsing (no font library): the offset table, `cmap` formats 4 and 12, and `name` for the version.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
/** The weights electron/pdf/engine.ts embeds (normal → Regular, bold → Bold); printable text must be in both. */
export const FONT_FILES = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'];
export const OUTPUT = path.join(root, 'shared/kernel/font-coverage.ts');

export function fontPath(file) {
  return require.resolve(`${FONT_PACKAGE}/${file}`);
}

export function fontPackageVersion() {
  return JSON.parse(fs.readFileSync(require.resolve(`${FONT_PACKAGE}/package.json`), 'utf8')).version;
}

/** The table directory of a TrueType/OpenType font: tag → { offset, length }. */
export function tableDirectory(buf) {
  const version = buf.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */) {
    throw new Error(`not a TrueType/OpenType font (sfnt version 0x${version.toString(16)})`);
  }
  const numTables = buf.readUInt16BE(4);
  const tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) });
  }
  return tables;
}

function table(buf, tag) {
  const t = tableDirectory(buf).get(tag);
  if (!t) throw new Error(`font has no '${tag}' table`);
  return t;
}

// The subtable pdfkit's font engine (fontkit) uses, in its order of preference: Unicode full repertoire first.
const CMAP_PREFERENCE = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** Merges sorted-or-not [start, end] ranges (inclusive) into sorted, disjoint, non-adjacent ones. */
export function mergeRanges(ranges) {
  const sorted = ranges.map(([s, e]) => [s, e]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

/** Intersection of two merged range lists. */
export function intersectRanges(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (s <= e) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return mergeRanges(out);
}

function format4(buf, off) {
  const segX2 = buf.readUInt16BE(off + 6);
  const ends = off + 14;
  const starts = ends + segX2 + 2; // + reservedPad
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const ranges = [];
  for (let i = 0; i < segX2 / 2; i++) {
    const end = buf.readUInt16BE(ends + 2 * i);
    const start = buf.readUInt16BE(starts + 2 * i);
    const delta = buf.readUInt16BE(deltas + 2 * i);
    const roAt = rangeOffsets + 2 * i;
    const ro = buf.readUInt16BE(roAt);
    let runStart = -1;
    for (let c = start; c <= end; c++) {
      let glyph;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = buf.readUInt16BE(roAt + ro + 2 * (c - start));
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      // Glyph 0 is .notdef: the box this module exists to avoid. 0xFFFF closes the last segment, not a character.
      const mapped = glyph !== 0 && c !== 0xffff;
      if (mapped && runStart < 0) runStart = c;
      if (!mapped && runStart >= 0) {
        ranges.push([runStart, c - 1]);
        runStart = -1;
      }
    }
    if (runStart >= 0) ranges.push([runStart, end]);
  }
  return ranges;
}

function format12(buf, off) {
  const groups = buf.readUInt32BE(off + 12);
  const ranges = [];
  for (let i = 0; i < groups; i++) {
    const g = off + 16 + 12 * i;
    let start = buf.readUInt32BE(g);
    const end = buf.readUInt32BE(g + 4);
    if (buf.readUInt32BE(g + 8) === 0) start++; // its first code point maps to .notdef
    if (start <= end) ranges.push([start, Math.min(end, 0x10ffff)]);
  }
  return ranges;
}

/**
 * The code points a font maps to a real glyph, as merged [start, end] ranges, read from the Unicode `cmap`
 * subtable the PDF engine would use (format 4 or 12).
 */
export function parseCmap(buf) {
  const cmap = table(buf, 'cmap').offset;
  const count = buf.readUInt16BE(cmap + 2);
  const subtables = [];
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + 8 * i;
    const offset = cmap + buf.readUInt32BE(rec + 4);
    subtables.push({ platform: buf.readUInt16BE(rec), encoding: buf.readUInt16BE(rec + 2), offset, format: buf.readUInt16BE(offset) });
  }
  for (const [platform, encoding] of CMAP_PREFERENCE) {
    const st = subtables.find((s) => s.platform === platform && s.encoding === encoding && (s.format === 4 || s.format === 12));
    if (!st) continue;
    return mergeRanges(st.format === 4 ? format4(buf, st.offset) : format12(buf, st.offset));
  }
  throw new Error('font has no Unicode cmap subtable of format 4 or 12');
}

/** A `name` table string (Windows Unicode record preferred, else Macintosh Roman), or null. */
export function fontName(buf, nameId) {
  const name = table(buf, 'name').offset;
  const count = buf.readUInt16BE(name + 2);
  const strings = name + buf.readUInt16BE(name + 4);
  let mac = null;
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + 12 * i;
    if (buf.readUInt16BE(rec + 6) !== nameId) continue;
    const platform = buf.readUInt16BE(rec);
    const length = buf.readUInt16BE(rec + 8);
    const at = strings + buf.readUInt16BE(rec + 10);
    if (platform === 3 || platform === 0) return Buffer.from(buf.subarray(at, at + length)).swap16().toString('utf16le'); // a copy: swap16 works in place
    if (platform === 1 && mac === null) mac = buf.toString('latin1', at, at + length);
  }
  return mac;
}

export function countCodePoints(ranges) {
  return ranges.reduce((n, [s, e]) => n + e - s + 1, 0);
}

/** Coverage of every embedded weight (their intersection), with what the header says about the fonts. */
export function readCoverage(files = FONT_FILES) {
  let ranges = null;
  const fonts = [];
  for (const file of files) {
    const buf = fs.readFileSync(fontPath(file));
    const own = parseCmap(buf);
    fonts.push({ file, fullName: fontName(buf, 4), version: fontName(buf, 5), codePoints: countCodePoints(own) });
    ranges = ranges ? intersectRanges(ranges, own) : own;
  }
  return { ranges, fonts, packageVersion: fontPackageVersion() };
}

/** The generated module: the merged ranges as a literal array (a few hundred ranges, a few KB). */
export function renderModule({ ranges, fonts, packageVersion }) {
  const hex = (n) => `0x${n.toString(16)}`;
  const rows = [];
  for (let i = 0; i < ranges.length; i += 8) rows.push(`  ${ranges.slice(i, i + 8).map(([s, e]) => `[${hex(s)}, ${hex(e)}]`).join(', ')},`);
  const lines = [
    '// GENERATED by scripts/font-coverage.mjs: do not edit. Run `node scripts/font-coverage.mjs` after a font upgrade',
    '// (test/workflows/kernel/printable.test.ts re-reads the fonts and fails while this file is stale).',
    `// Source: ${FONT_PACKAGE}@${packageVersion}, the weights electron/pdf/engine.ts embeds:`,
    ...fonts.map((f) => `//   ${f.file}: ${f.fullName}, ${f.version} (${f.codePoints} code points)`),
    `// Their intersection: ${countCodePoints(ranges)} code points in ${ranges.length} ranges, from the Unicode cmap subtable`,
    '// the PDF engine uses (format 12, else 4); code points mapped to glyph 0 (.notdef, the printed box) are left out.',
    '',
    `export const FONT_COVERAGE_SOURCE = '${FONT_PACKAGE}@${packageVersion}';`,
    `export const FONT_COVERAGE_CODE_POINTS = ${countCodePoints(ranges)};`,
    '',
    '/** Sorted, disjoint, non-adjacent [first, last] code point ranges (inclusive) that every embedded weight can show. */',
    'export const FONT_COVERAGE: ReadonlyArray<readonly [number, number]> = [',
    ...rows,
    '];',
    '',
  ];
  return lines.join('\n');
}

function main() {
  const coverage = readCoverage();
  const text = renderModule(coverage);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(root, OUTPUT)} does not match the installed fonts: run node scripts/font-coverage.mjs`);
      process.exit(1);
    }
    console.error(`${path.relative(root, OUTPUT)} matches ${FONT_PACKAGE}@${coverage.packageVersion}`);
    return;
  }
  fs.writeFileSync(OUTPUT, text);
  console.error(
    `wrote ${path.relative(root, OUTPUT)}: ${countCodePoints(coverage.ranges)} code points, ${coverage.ranges.length} ranges, ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
