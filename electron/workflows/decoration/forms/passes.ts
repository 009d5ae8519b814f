/**
 * 施工人员出入证 (procedure 二 step 10): worker cards, eight to an A4 sheet (two across, four down) on a grid of
 * dashed cut lines. Each card stands alone once cut: the site, the pass number and its QR code (the gate's
 * scanner types it into `passes.check`), the worker's name, the ID number masked (never in full), the phone, the
 * days it is valid, the permit's number and unit. A reprint's cards each carry 副本 / COPY.
 */
import type { Pass } from '../../../../shared/workflows/decoration/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { copyStamp } from '../../../pdf/parts';
import { qrImage } from '../../../pdf/qr';
import { contractorName, fill, GREY, marksOf, PAGE_HEIGHT, PAGE_WIDTH, wordsOf, type FormInput } from './common';

const MARGIN_X = 22;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 22;
const ACROSS = 2;
const DOWN = 4;
export const PASSES_PER_PAGE = ACROSS * DOWN;
const PAD_TOP = 10;
const PAD_BOTTOM = 6;
/** Each card's cell: the sheet less its margins and the caption line, in four rows, less the cell's padding and rules. */
const CARD_HEIGHT = Math.floor((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 14) / DOWN) - PAD_TOP - PAD_BOTTOM - 2;
const CARD_WIDTH = (PAGE_WIDTH - 2 * MARGIN_X) / ACROSS;

const dashed = {
  hLineWidth: () => 0.7,
  vLineWidth: () => 0.7,
  hLineColor: () => '#666666',
  vLineColor: () => '#666666',
  hLineStyle: () => ({ dash: { length: 5, space: 3 } }),
  vLineStyle: () => ({ dash: { length: 5, space: 3 } }),
  paddingLeft: () => 12,
  paddingRight: () => 12,
  paddingTop: () => PAD_TOP,
  paddingBottom: () => PAD_BOTTOM,
};

export function passesDocument(input: FormInput, passes: Pass[]): DocDefinition {
  const t = wordsOf(input.lang);
  const p = t.passes;
  const d = input.detail;
  const copy = input.opts.copy;
  const company = contractorName(d, t);
  const m = marksOf(input.lang);

  const line = (label: string, value: string, o: Record<string, unknown> = {}): Content => ({
    columns: [
      { width: 44, text: label, fontSize: 7.5, color: GREY, margin: [0, 1.5, 0, 0] },
      { width: '*', text: value, fontSize: 9, ...o },
    ],
    margin: [0, 0, 0, 2],
  });
  const card = (x: Pass): Content => ({
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: input.site.siteName, fontSize: 8.5, bold: true, color: '#333333' },
              { text: p.title, fontSize: 13, bold: true },
            ],
          },
          ...(copy ? [{ ...(copyStamp(t.copy) as object), width: 'auto', margin: [0, 4, 0, 0] }] : []),
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CARD_WIDTH - 24, y2: 0, lineWidth: 0.8, lineColor: '#333333' }], margin: [0, 3, 0, 4] },
      {
        columns: [
          {
            width: '*',
            stack: [
              line(p.name, x.name, { fontSize: 12, bold: true }),
              line(p.passNo, x.number, { bold: true }),
              line(p.idNumber, x.idNumberMasked),
              line(p.phone, input.passPhones[x.id] ?? x.phoneMasked),
              line(p.valid, fill(t.periodValue, { from: x.validFrom, to: x.validTo }), { fontSize: 8.5 }),
              line(p.permit, `${d.number}${m.gap}${d.unitCode}`, { fontSize: 8.5 }),
              ...(company ? [line(t.contractor, company, { fontSize: 8 })] : []),
            ],
          },
          { width: 100, stack: [qrImage(x.number, 100)], margin: [0, 0, -6, 0] },
        ],
        columnGap: 4,
      },
      { text: p.note, fontSize: 7, color: GREY, margin: [0, 2, 0, 0] },
    ],
  });

  const pages: Content[] = [];
  for (let start = 0; start < passes.length; start += PASSES_PER_PAGE) {
    const chunk = passes.slice(start, start + PASSES_PER_PAGE);
    const body: Content[][] = [];
    for (let r = 0; r < DOWN; r++) {
      const row: Content[] = [];
      for (let c = 0; c < ACROSS; c++) {
        const x = chunk[r * ACROSS + c];
        row.push(x ? card(x) : { text: '' });
      }
      body.push(row);
    }
    pages.push(
      { text: `✂ ${p.cut}${m.gap}${d.number}${m.gap}${d.unitCode}${copy ? `${m.gap}${t.copy}` : ''}`, fontSize: 7, color: GREY, margin: [0, -14, 0, 2], ...(start ? { pageBreak: 'before' } : {}) },
      { table: { widths: ['*', '*'], heights: CARD_HEIGHT, dontBreakRows: true, body }, layout: dashed },
    );
  }
  return {
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM],
    defaultStyle: { fontSize: 9, lineHeight: 1.05 },
    info: { title: `${p.title} ${d.number}`, subject: d.number, creator: 'FrontDesk' },
    content: pages,
  };
}
