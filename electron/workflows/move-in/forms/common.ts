/**
 * What the move-in (入伙, RH) and moving-in (入住, RZ) forms share: their words (the `moveinForm` messages, and
 * the `movein` ones for steps, reasons, departments…), the names of the template codes (keys, areas, items —
 * a code a site added of its own prints as it is), amounts and times as printed, and the frame of an A4 form
 * (the site header with the record's number and QR, a reprint's 副本 / COPY stamp and watermark, the footer).
 */
import { resources, type Language } from '../../../../shared/i18n/index';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import { fenInCapitals, formatFen, type Fen } from '../../../../shared/kernel/money';
import type { MeterKind } from '../../../../shared/workflows/move-in/rules';
import type { MoveInDetail, MovingInDetail } from '../../../../shared/workflows/move-in/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { copyWatermark, footer, siteHeader, thinLayout, type SiteInfo } from '../../../pdf/parts';

export type FormWords = (typeof resources)['zh-CN']['moveinForm'];
export const wordsOf = (lang: Language): FormWords => resources[lang].moveinForm;
/** The service's words: steps, reasons, states, departments, occupants. */
export const namesOf = (lang: Language) => resources[lang].movein;
export const enumsOf = (lang: Language) => resources[lang].enum;

/** A message's {{placeholders}} filled in. */
export const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(p[k] ?? ''));

/** The punctuation between a form's words and its data, in the form's language. */
export const marksOf = (lang: Language) => (lang === 'zh-CN' ? { gap: '　', list: '、', open: '（', close: '）' } : { gap: '  ', list: ', ', open: ' (', close: ')' });

/** A code's printed name from one of the form's tables; a code a site made up prints as written. */
export const nameOf = (table: Record<string, string>, code: string): string => table[code] ?? code;
export const keyName = (t: FormWords, kind: string) => nameOf(t.keyKind, kind);
export const areaName = (t: FormWords, area: string) => nameOf(t.areaName, area);
export const itemName = (t: FormWords, item: string) => nameOf(t.itemName, item);
export const meterName = (t: FormWords, m: MeterKind) => t.meter[m];

export const yuan = (fen: Fen): string => formatFen(fen).slice(1);
/** Site wall clock "YYYY-MM-DD HH:mm" of an instant (Beijing time, as the service counts). */
export const when = (iso: string | null | undefined): string => (iso ? localWallClock(iso).replace('T', ' ').slice(0, 16) : '');
/** The site date of an instant. */
export const dayOf = (iso: string | null | undefined): string => (iso ? localWallClock(iso).slice(0, 10) : '');
/** 人民币大写 of an amount, in every language (it is the amount that cannot be altered). */
export const capitals = (t: string, fen: Fen): string => fill(t, { c: fenInCapitals(fen) });

export const GREY = '#555555';
export const RED = '#b3261e';
export const PAGE_WIDTH = 595.28;
export const MARGIN_X = 36;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

export interface PrintOptions {
  copy: boolean;
  printedAt: string;
}

/** The frame every form is given: the site, the language, the print's options. */
export interface FormBase {
  site: SiteInfo;
  lang: Language;
  opts: PrintOptions;
}

/** An RH record as its forms print it. */
export interface MoveInFormInput extends FormBase {
  detail: MoveInDetail;
  /** The owner's signature on the key receipt, drawn on screen (a PNG data URL), or null. */
  keysSignature: string | null;
  /** The meters the site reads (blank rows on an inspection form not filled in yet). */
  meters: readonly MeterKind[];
}

/** An RZ record as its forms print it: the unit, the person moving in (the ID number masked). */
export interface MovingInFormInput extends FormBase {
  detail: MovingInDetail;
  unit: { buildingName: string; use: MoveInDetail['use'] };
  person: { name: string; phone: string | null; idType: string | null; idNumberMasked: string | null; emergency: string | null };
  ownerNames: string;
}

/** A section heading inside a form. */
export const section = (text: string, top = 8): Content => ({ text, bold: true, fontSize: 9.5, margin: [0, top, 0, 3] });

/** A plain table in the forms' thin rules; the first row is the header (repeated on a new page). */
export function table(headers: string[], widths: (string | number)[], rows: Content[][], align: ('left' | 'right' | 'center')[] = []): Content {
  const head = headers.map((h, i) => ({ text: h, bold: true, fontSize: 8, fillColor: '#f3f3f3', alignment: align[i] ?? 'left' }));
  const body = rows.map((r) => r.map((c, i) => (typeof c === 'string' ? { text: c || ' ', alignment: align[i] ?? 'left' } : c)));
  return { table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...body] }, layout: thinLayout(), fontSize: 8.5, lineHeight: 1.05 };
}

/**
 * One A4 form: the site header (title, the record's number and its QR code; 副本 / COPY beside the title on a
 * reprint), the content, a large COPY mark behind a reprint, and the footer with the print time and pages.
 */
export function a4Form(input: FormBase, number: string, title: string, content: Content[], o: { compact?: boolean; watermark?: boolean } = {}): DocDefinition {
  const t = wordsOf(input.lang);
  return {
    pageMargins: [MARGIN_X, 28, MARGIN_X, 30],
    defaultStyle: { fontSize: 9, lineHeight: o.compact ? 1.05 : 1.15 },
    info: { title: `${title} ${number}`, subject: number, creator: 'FrontDesk' },
    background: input.opts.copy && o.watermark !== false ? copyWatermark(t.copy) : undefined,
    footer: footer(t.printed, input.opts.printedAt, (page, pages) => fill(t.page, { page, pages })),
    content: [header(input, number, title), rule(), ...content],
  };
}

/** The site header of a form (or of one part of it) with the number, its QR and, on a reprint, the COPY stamp. */
export const header = (input: FormBase, number: string, title: string): Content => {
  const t = wordsOf(input.lang);
  return siteHeader(input.site, title, number, { hotline: t.hotline, number: t.number }, input.opts.copy ? t.copy : undefined);
};

/** A full-width rule under the header. */
export const rule = (): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: '#333333' }], margin: [0, 0, 0, 6] });

/** A box to tick on paper, or ticked: ■ / □ (both in the form's font). */
export const box = (ticked: boolean): string => (ticked ? '■' : '□');
