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

/** Registers Noto Sans SC (regular and bold) once per process; pdfmake embeds only the glyphs used. */
function ensureFonts() {
  if (fontsReady) return;
  const regular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Regular.ttf', fs.readFileSync(regular));
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Bold.ttf', fs.readFileSync(bold));
  pdfmake.addFonts({
    NotoSansSC: {
      normal: 'NotoSansSC-Regular.ttf',
      bold: 'NotoSansSC-Bold.ttf',
      italics: 'NotoSansSC-Regular.ttf',
      bolditalics: 'NotoSansSC-Bold.ttf',
    },
  });
  // Forms never fetch anything: images arrive as data URLs.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

/**
 * Renders a document definition to PDF bytes. pdfmake mutates the definition it is given, so callers
 * build a fresh one for every render (the builders are functions for that reason).
 */
export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  ensureFonts();
  const full = { ...doc, defaultStyle: { font: 'NotoSansSC', fontSize: 9.5, lineHeight: 1.15, ...doc.defaultStyle } };
  return pdfmake.createPdf(full).getBuffer();
}
