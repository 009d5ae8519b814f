/**
 * 入住知会单 (procedure 三): one A4 sheet, one part a department (security, engineering, the cashier), cut apart
 * along the dashed lines. Each part carries the RZ number and its QR (scanned, it opens the record for the
 * receipt), the unit, the person moving in, the date and the unit's state from it, and a line for who received
 * it and when — filled in already for a department whose receipt is recorded. A reprint marks every part.
 */
import { NOTICE_DEPARTMENTS, type NoticeDepartment } from '../../../../shared/workflows/move-in/rules';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, partWatermark, signatureRow } from '../../../pdf/parts';
import { a4Form, CONTENT_WIDTH, enumsOf, fill, GREY, header, namesOf, rule, when, wordsOf, type MovingInFormInput } from './common';

export function noticeDocument(input: MovingInFormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.notice;
  const n = namesOf(input.lang);
  const e = enumsOf(input.lang);
  const d = input.detail;
  const state = e.state[d.occupancy];
  const kind = n.occupant[d.occupant];
  // In a sentence, in English: "the tenant".
  const kindInText = input.lang === 'en' ? kind.toLowerCase() : kind;

  const part = (dept: NoticeDepartment): Content => {
    const receipt = d.receipts.find((r) => r.department === dept);
    return {
      unbreakable: true,
      stack: [
        ...(input.opts.copy ? [partWatermark(t.copy, 40)] : []),
        header({ ...input, opts: input.opts }, d.number, `${x.title}${input.lang === 'zh-CN' ? '（' : ' — '}${fill(x.partFor, { department: n.department[dept] })}${input.lang === 'zh-CN' ? '）' : ''}`),
        rule(),
        labelGrid(
          [
            [{ label: t.unit, value: d.unitCode }, { label: t.building, value: input.unit.buildingName }, { label: t.use, value: t.useName[input.unit.use] }],
            [{ label: x.occupant, value: d.personName }, { label: x.occupantKind, value: kind }, { label: x.movingInDate, value: d.date }],
            [
              { label: x.occupancy, value: state },
              { label: x.priorState, value: d.priorState ? e.state[d.priorState] : '' },
              { label: x.lease, value: d.leaseFrom && d.leaseTo ? fill(x.leaseValue, { from: d.leaseFrom, to: d.leaseTo }) : '' },
            ],
            ...(d.note ? [[{ label: x.note, value: d.note, span: 3 }]] : []),
          ],
          3,
        ),
        { text: fill(x.text, { unit: d.unitCode, kind: kindInText, name: d.personName, date: d.date, state }), margin: [0, 5, 0, 4] },
        receipt
          ? { text: fill(x.received, { by: receipt.receivedBy, at: when(receipt.at) }), bold: true, margin: [0, 6, 0, 0] }
          : signatureRow([
              { label: x.receivedBy, image: null },
              { label: x.receivedAt, image: null, caption: t.dateLine },
            ]),
      ],
    };
  };

  const content: Content[] = [];
  NOTICE_DEPARTMENTS.forEach((dept, i) => {
    if (i > 0) content.push(cut(x.cut));
    content.push(part(dept));
  });
  // The frame's own header is not used: each part carries its own.
  const doc = a4Form(input, d.number, x.title, [], { watermark: false });
  return { ...doc, pageMargins: [36, 22, 36, 26], content };
}

/** A dashed line across the page to cut along, broken for its caption in the middle. */
function cut(caption: string): Content {
  const half = (CONTENT_WIDTH - 90) / 2;
  const dash = (x1: number, x2: number) => ({ type: 'line', x1, y1: 5, x2, y2: 5, lineWidth: 0.8, dash: { length: 5, space: 3 }, lineColor: '#444444' });
  return {
    margin: [0, 14, 0, 12],
    stack: [
      { canvas: [dash(0, half), dash(CONTENT_WIDTH - half, CONTENT_WIDTH)] },
      { text: caption, fontSize: 7, color: GREY, alignment: 'center', margin: [0, -9, 0, 0] },
    ],
  };
}
