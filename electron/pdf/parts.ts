import type { Content } from './engine';
import { qrImageBare } from './qr';

/** Shared form parts: every printed form is assembled from these. Each returns a fresh object (pdfmake mutates). */

export interface SiteInfo {
  siteName: string;
  formHeader: string;
  hotline: string;
  address: string;
  logoDataUrl: string | null;
}

const GREY = '#555555';
const LINE = '#333333';
const COPY_INK = '#b3261e';

/**
 * Site header: logo, site name, form header and hotline on the left, the title in the middle, the record number with its QR code at the right.
 * `copyMark` (a reprint's 副本 / COPY) is stamped right after the title, so every part that carries this header shows it;
 * `alertMark` (an urgent order's 紧急 / URGENT) is stamped before it, solid, so it is seen first.
 */
export function siteHeader(site: SiteInfo, title: string, number: string, labels: { hotline: string; number: string }, copyMark?: string, alertMark?: string): Content {
  const sub = [site.formHeader, site.hotline ? `${labels.hotline} ${site.hotline}` : ''].filter(Boolean).join('　');
  const titleText = { text: title, fontSize: 13.5, bold: true, margin: [0, 2, 0, 0] };
  const stamps: Content[] = [
    ...(alertMark ? [{ ...(alertStamp(alertMark) as object), width: 'auto', margin: [8, 2, 0, 0] }] : []),
    ...(copyMark ? [{ ...(copyStamp(copyMark) as object), width: 'auto', margin: [8, 2, 0, 0] }] : []),
  ];
  return {
    columns: [
      ...(site.logoDataUrl ? [{ width: 34, image: site.logoDataUrl, fit: [32, 32] }] : []),
      {
        width: '*',
        stack: [
          { text: site.siteName, fontSize: 9.5, bold: true },
          sub ? { text: sub, fontSize: 7, color: GREY } : '',
          stamps.length ? { columns: [{ ...titleText, width: 'auto' }, ...stamps] } : titleText,
        ],
      },
      recordNumberWithQr(number, labels.number),
    ],
    columnGap: 6,
    margin: [0, 0, 0, 3],
  };
}

/** The record number in print and as a QR code (a USB scanner at the gate types it back). */
export function recordNumberWithQr(number: string, label: string): Content {
  return {
    width: 150,
    columns: [
      { width: '*', text: [{ text: `${label}\n`, fontSize: 7, color: GREY }, { text: number, fontSize: 10, bold: true }], alignment: 'right', margin: [0, 12, 4, 0] },
      { width: 46, stack: [qrImageBare(number, 46)] },
    ],
  };
}

/** A label/value grid, `cols` pairs per row; values can span (`span` pairs). */
export function labelGrid(rows: { label: string; value: string; span?: number }[][], cols: number): Content {
  const widths: (string | number)[] = [];
  for (let i = 0; i < cols; i++) widths.push(46, '*');
  const body = rows.map((row) => {
    const cells: Content[] = [];
    for (const cell of row) {
      const span = cell.span ?? 1;
      cells.push({ text: cell.label, color: GREY, fontSize: 7.5, fillColor: '#f3f3f3' });
      cells.push({ text: cell.value || ' ', colSpan: span * 2 - 1 });
      for (let i = 1; i < span * 2 - 1; i++) cells.push({});
    }
    while (cells.length < cols * 2) cells.push({ text: ' ' });
    return cells;
  });
  return { table: { widths, body }, layout: thinLayout(), lineHeight: 1 };
}

/**
 * Item table with room for a fixed number of lines. The unused space is one cell struck through with a
 * diagonal line and marked "blank below" (在空白处划线, 以下空白), so nothing can be added after signing.
 */
export function itemTable(
  headers: string[],
  widths: (string | number)[],
  rows: string[][],
  lines: number,
  strikeWidth: number,
  blankLabel: string,
): Content {
  const ROW = 12.2;
  const body: Content[][] = [headers.map((h) => ({ text: h, bold: true, fontSize: 7.5, fillColor: '#f3f3f3' }))];
  for (const r of rows) body.push(r.map((c) => ({ text: c || ' ' })));
  const blank = lines - rows.length;
  if (blank > 0) {
    const h = blank * ROW - 2;
    body.push([
      {
        colSpan: headers.length,
        stack: [
          { text: blankLabel, fontSize: 7.5, color: '#666666', relativePosition: { x: 2, y: 0 } },
          { canvas: [{ type: 'line', x1: 0, y1: h, x2: strikeWidth, y2: 0, lineWidth: 0.7, lineColor: '#666666' }] },
        ],
      },
      ...headers.slice(1).map(() => ({})),
    ]);
  }
  return { table: { headerRows: 1, widths, body }, layout: thinLayout(), fontSize: 8, lineHeight: 1 };
}

/**
 * Signature blocks: the captured image when there is one, otherwise an empty line to sign on paper, with
 * `caption` under it when given (who signs there). `instead` prints that text where the line would be, for
 * someone who does not sign at all (no empty line is left to be signed later). `note` goes below the block.
 */
export function signatureRow(blocks: { label: string; image: string | null; note?: string; caption?: string; instead?: string }[]): Content {
  const label = (text: string) => ({ width: 'auto', text, noWrap: true, fontSize: 7.5, color: GREY, margin: [0, 12, 4, 0] });
  return {
    columns: blocks.map((b) => ({
      width: '*',
      stack: [
        b.image
          ? { columns: [label(b.label), { width: '*', image: b.image, fit: [90, 24] }] }
          : b.instead
            ? { columns: [label(b.label), { width: '*', text: b.instead, fontSize: 7.5, margin: [0, 12, 0, 0] }] }
            : {
                columns: [
                  label(b.label),
                  {
                    width: '*',
                    stack: [
                      { canvas: [{ type: 'line', x1: 0, y1: 22, x2: 90, y2: 22, lineWidth: 0.6, lineColor: LINE }] },
                      b.caption ? { text: b.caption, fontSize: 6.5, color: GREY, margin: [0, 1, 0, 0] } : '',
                    ],
                  },
                ],
              },
        b.note ? { text: b.note, fontSize: 7, color: GREY } : '',
      ],
    })),
    columnGap: 10,
    margin: [0, 2, 0, 0],
  };
}

/** A dashed cut line across the page with a small caption in the middle. */
export function cutLine(width: number, caption: string): Content {
  return {
    margin: [0, 6, 0, 6],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 0.8, dash: { length: 5, space: 3 }, lineColor: '#444444' }] },
      { text: `✂ ${caption}`, fontSize: 7, color: GREY, alignment: 'center', margin: [0, -9, 0, 0], background: '#ffffff' },
    ],
  };
}

/** Footer with page numbers and print time. */
export function footer(printedLabel: string, printedAt: string, pageLabel: (page: number, pages: number) => string) {
  return (page: number, pages: number): Content => ({
    columns: [
      { text: `${printedLabel} ${printedAt}`, fontSize: 7, color: GREY },
      { text: pageLabel(page, pages), fontSize: 7, color: GREY, alignment: 'right' },
    ],
    margin: [28, 6, 28, 0],
  });
}

/** A stamp in a frame of the copy ink, drawn as a one-cell table (pdfmake has no bordered text). */
function framedStamp(text: string, solid: boolean): Content {
  return {
    table: { body: [[{ text, fontSize: 12, bold: true, color: solid ? '#ffffff' : COPY_INK, fillColor: solid ? COPY_INK : undefined, margin: [4, 0, 4, 0] }]] },
    layout: {
      hLineWidth: () => 1.2,
      vLineWidth: () => 1.2,
      hLineColor: () => COPY_INK,
      vLineColor: () => COPY_INK,
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

/** A boxed "副本 / COPY" stamp (for a reprint's header): bold, framed, readable on a black-and-white printer. */
export const copyStamp = (text: string): Content => framedStamp(text, false);

/** A solid "紧急 / URGENT" stamp: white on dark red, which a black-and-white printer turns into white on black. */
export const alertStamp = (text: string): Content => framedStamp(text, true);

/**
 * A large light "副本 / COPY" mark across one part of a multi-part form, drawn behind what follows it.
 * Put it in the part's own content (not the page background) so a part cut off alone still carries it;
 * it takes no room in the flow. `y` moves it down from where it is placed.
 */
export function partWatermark(text: string, y = 0): Content {
  return {
    text,
    fontSize: 64,
    bold: true,
    color: '#cfcfcf',
    opacity: 0.45,
    alignment: 'center',
    lineHeight: 1,
    relativePosition: { x: 0, y },
  };
}

/** A large "COPY / 副本" mark behind reprints, in the middle of the page (single-part forms; multi-part forms use partWatermark per part). */
export function copyWatermark(text: string) {
  return (_page: number, size: { width: number; height: number }): Content => ({
    text,
    fontSize: 90,
    color: '#d9d9d9',
    opacity: 0.5,
    bold: true,
    absolutePosition: { x: size.width / 2 - 100, y: size.height / 2 - 60 },
  });
}

/** The thin grey rules of every form's grids and tables. */
export function thinLayout() {
  return {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#888888',
    vLineColor: () => '#888888',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 1,
    paddingBottom: () => 0.5,
  };
}
