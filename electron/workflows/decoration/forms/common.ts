/**
 * What the decoration forms share: their words (the `decorationForm` messages, and the `decoration` ones for
 * names of documents, fees, states), amounts and times as printed, and the frame of a one-page A4 form (the site
 * header with the permit's number and QR, a reprint's 副本 / COPY stamp and watermark, the footer). The parts
 * themselves are electron/pdf/parts.ts.
 */
import { resources, type Language } from '../../../../shared/i18n/index';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import { fenInCapitals, formatFen, type Fen } from '../../../../shared/kernel/money';
import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { copyWatermark, footer, siteHeader, thinLayout, type SiteInfo } from '../../../pdf/parts';

export type FormWords = (typeof resources)['zh-CN']['decorationForm'];
export const wordsOf = (lang: Language): FormWords => resources[lang].decorationForm;
export const namesOf = (lang: Language) => resources[lang].decoration;

/** A message's {{placeholders}} filled in. */
export const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(p[k] ?? ''));

/** The punctuation between a form's words and its data, in the form's language. */
export const marksOf = (lang: Language) =>
  lang === 'zh-CN'
    ? { colon: '：', semi: '；', gap: '　', open: '（', close: '）', lb: '【', rb: '】' }
    : { colon: ': ', semi: '; ', gap: '  ', open: ' (', close: ')', lb: '[', rb: '] ' };

export const yuan = (fen: Fen): string => formatFen(fen).slice(1);
/** Site wall clock "YYYY-MM-DD HH:mm" of an instant (Beijing time, as the service counts). */
export const when = (iso: string | null | undefined): string => (iso ? localWallClock(iso).replace('T', ' ').slice(0, 16) : '');
/** The site date of an instant. */
export const dayOf = (iso: string | null | undefined): string => (iso ? localWallClock(iso).slice(0, 10) : '');

/** 人民币大写 of an amount, on every form in every language (it is the amount that cannot be altered). */
export const capitals = (t: string, fen: Fen): string => fill(t, { c: fenInCapitals(fen) });

export const GREY = '#555555';
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_X = 36;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

export interface PrintOptions {
  copy: boolean;
  printedAt: string;
}

/** Everything a form builder is given: the permit, the site, the language, and the print's options. */
export interface FormInput {
  detail: DecorationDetail;
  applicantPhone: string;
  passPhones: Record<string, string>;
  contractorCallNotes: Record<string, string | null>;
  site: SiteInfo;
  lang: Language;
  opts: PrintOptions;
  settings: { workingHours: string };
}

/** A section heading inside a form. */
export const section = (text: string, top = 8): Content => ({ text, bold: true, fontSize: 9.5, margin: [0, top, 0, 3] });

/** A plain table in the forms' thin rules; the first row is the header. */
export function table(headers: string[], widths: (string | number)[], rows: Content[][], align: ('left' | 'right' | 'center')[] = []): Content {
  const head = headers.map((h, i) => ({ text: h, bold: true, fontSize: 8, fillColor: '#f3f3f3', alignment: align[i] ?? 'left' }));
  const body = rows.map((r) => r.map((c, i) => (typeof c === 'string' ? { text: c || ' ', alignment: align[i] ?? 'left' } : c)));
  return { table: { headerRows: 1, widths, body: [head, ...body] }, layout: thinLayout(), fontSize: 8.5, lineHeight: 1.05 };
}

/** The contractor as a form names it: the company, or the owner decorating without one. */
export const contractorName = (d: DecorationDetail, t: FormWords): string => (d.contractorDetail.self ? t.selfDecoration : (d.contractorDetail.company ?? ''));

/**
 * One A4 form: the site header (title, the permit's number and its QR code; 副本 / COPY beside the title on a
 * reprint), the content, a large COPY mark behind a reprint, and the footer with the print time and pages.
 * `compact` sets the text a little closer (a form that must hold much on its one page).
 */
export function a4Form(input: FormInput, title: string, content: Content[], o: { subject?: string; compact?: boolean } = {}): DocDefinition {
  const t = wordsOf(input.lang);
  const d = input.detail;
  return {
    pageMargins: [MARGIN_X, 28, MARGIN_X, 30],
    defaultStyle: { fontSize: 9, lineHeight: o.compact ? 1.05 : 1.15 },
    info: { title: `${title} ${d.number}`, subject: o.subject ?? d.number, creator: 'FrontDesk' },
    background: input.opts.copy ? copyWatermark(t.copy) : undefined,
    footer: footer(t.printed, input.opts.printedAt, (page, pages) => fill(t.page, { page, pages })),
    content: [siteHeader(input.site, title, d.number, { hotline: t.hotline, number: t.number }, input.opts.copy ? t.copy : undefined), rule(), ...content],
  };
}

/** A full-width rule under the header. */
export const rule = (): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: '#333333' }], margin: [0, 0, 0, 6] });
