import fs from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

export type Content = Record<string, unknown> | string | Content[];
export interface DocDefinition {
  /** A named size ('A4') or, from a form's declared format, its size in points. */
  pageSize?: string | { width: number; height: number };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: [number, number, number, number];
  content: Content[];
  footer?: (currentPage: number, pageCount: number) => Content;
  header?: (currentPage: number, pageCount: number) => Content;
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  info?: Record<string, string>;
  background?: (currentPage: number, pageSize: { width: number; height: number }) => Content;
}

const require = createRequire(__filename);
let fontsReady = false;

/** The one font family every form's text prints in (registered below). */
export const PDF_FONT = 'NotoSansSC';
/** The same font for the text inside SVG charts (electron/pdf/chart.ts), registered by its file path (see below). */
export const CHART_FONT = 'NotoSansSCChart';

/**
 * Registers Noto Sans SC (regular and bold) once per process; pdfmake embeds only the glyphs used.
 *
 * Body text reads the fonts from pdfmake's virtual file system, loaded into memory once: a form does not
 * read 2 × 10 MB from disk each time it renders (≈ 20 ms a file here; the slip budget is 100 ms at p95).
 * Text inside an SVG chart cannot use those: pdfmake hands svg-to-pdfkit the registered font *name* and
 * pdfkit opens that name from disk itself. So charts name a second family registered by the real file
 * paths: only a document with a chart reads the files, and it embeds a second subset of each weight.
 */
function ensureFonts() {
  if (fontsReady) return;
  const regular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  const bodyFonts = [fs.readFileSync(regular), fs.readFileSync(bold)];
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Regular.ttf', bodyFonts[0]);
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Bold.ttf', bodyFonts[1]);
  pdfmake.addFonts({
    [PDF_FONT]: { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf', italics: 'NotoSansSC-Regular.ttf', bolditalics: 'NotoSansSC-Bold.ttf' },
    [CHART_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold },
  });
  // Forms never fetch anything: images arrive as data URLs; the only files read are the fonts.
  const fontFiles = new Set([regular, bold]);
  cacheFonts(fontFiles, bodyFonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));
  fontsReady = true;
}

interface PdfKitFonts {
  _font: unknown;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontFamilies: Record<string, unknown>;
  fontSize(size: number): unknown;
  font(src: unknown, family?: unknown, size?: unknown): unknown;
}

type EmbeddedFontClass = new (doc: PdfKitFonts, font: unknown, id: string) => unknown;

/**
 * Two changes to how pdfkit opens a font, for our fonts only:
 *
 * - By path (the chart family): pdfkit keeps a font opened by path under that path, except when a font of the
 *   same name is already open (the body text's, from the same file): it then returns that one without
 *   remembering the path, so the next `font(path)` reads and parses the 10 MB file again. svg-to-pdfkit calls
 *   `font(path)` for every text element of a chart — a report's two charts read the font from disk ~100 times
 *   (≈ 5 s). Remember what the path resolved to, per document, as pdfkit does in every other case.
 * - From the bytes (the body text): pdfkit parses the font anew for every document (fontkit's table directory,
 *   character map and the metrics of 30,000 glyphs): most of a small form's render time (a work order 25 ms
 *   of its 38). The bytes never change, so the parsed font is kept for the process and each document wraps it
 *   in its own embedded font, with its own subset: what one document embeds does not depend on another.
 *   pdfkit exports neither its font classes nor a hook, so the first document opens each font as usual and
 *   its embedded font's class and parsed font are what later documents reuse.
 */
function cacheFonts(paths: ReadonlySet<string>, buffers: readonly Uint8Array[]) {
  const mod = require('pdfkit') as { default?: { prototype: PdfKitFonts }; prototype: PdfKitFonts };
  const proto = (mod.default ?? mod).prototype;
  const open = proto.font;
  const parsed = new Map<Uint8Array, { key: string; embedded?: EmbeddedFontClass; font?: unknown }>(buffers.map((b, i) => [b, { key: `frontdesk-body-${i}` }]));
  const use = (doc: PdfKitFonts, font: unknown, src: unknown, size: unknown) => {
    doc._font = font;
    doc._fontSource = src;
    doc._fontFamily = null;
    if (typeof size === 'number') doc.fontSize(size);
    return doc;
  };
  proto.font = function (this: PdfKitFonts, src: unknown, family?: unknown, size?: unknown) {
    if (family !== undefined && family !== null && typeof family !== 'number') return open.call(this, src, family, size);
    const n = typeof family === 'number' ? family : size;
    const body = src instanceof Uint8Array ? parsed.get(src) : undefined;
    if (body) {
      const known = this._fontFamilies[body.key];
      if (known) return use(this, known, src, n);
      if (!body.embedded) {
        open.call(this, src, family, size);
        const first = this._font as { constructor: EmbeddedFontClass; font: unknown };
        body.embedded = first.constructor;
        body.font = first.font;
        return this;
      }
      const font = new body.embedded(this, body.font, `F${++this._fontCount}`);
      this._fontFamilies[body.key] = font;
      return use(this, font, src, n);
    }
    if (typeof src !== 'string' || !paths.has(src)) return open.call(this, src, family, size);
    const known = this._fontFamilies[src];
    if (!known) {
      open.call(this, src, family, size);
      this._fontFamilies[src] = this._font;
      return this;
    }
    return use(this, known, src, n);
  };
}

/**
 * Renders a document definition to PDF bytes. pdfmake mutates the definition it is given, so callers
 * build a fresh one for every render (the builders are functions for that reason).
 */
export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  ensureFonts();
  const full = { ...doc, defaultStyle: { font: PDF_FONT, fontSize: 9.5, lineHeight: 1.15, ...doc.defaultStyle } };
  return pdfmake.createPdf(full).getBuffer();
}
