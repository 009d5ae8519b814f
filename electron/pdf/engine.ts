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

/** The one font family every form prints in (registered below); SVG charts name it too, so their text is CJK-capable. */
export const PDF_FONT = 'NotoSansSC';

/**
 * Registers Noto Sans SC (regular and bold) once per process; pdfmake embeds only the glyphs used.
 *
 * The fonts are registered by their real file paths, not through pdfmake's virtual file system: pdfmake's SVG
 * support hands svg-to-pdfkit the registered font *name* and pdfkit opens that name itself (from disk, not from
 * the virtual fs). With the real path, an SVG chart's text and the body text resolve to the same pdfkit font
 * object (pdfkit caches fonts by that string), so a form with charts still embeds one subset per weight.
 * The local access policy allows exactly these two files and nothing else.
 */
function ensureFonts() {
  if (fontsReady) return;
  const regular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  pdfmake.addFonts({ [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  // Forms never fetch anything: images arrive as data URLs; the only files read are the fonts.
  const fontFiles = new Set([regular, bold]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));
  fontsReady = true;
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
