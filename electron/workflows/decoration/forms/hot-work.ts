/**
 * 动火审批表 (procedure 二 step 11.4): one hot-work approval. Where, what kind of work (ticked by hand: the
 * service records no kind), the window it is valid in, the fire watch named, who approved it, the precautions,
 * and the lines where the applicant, the fire watch, the approver and security sign.
 */
import type { DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import type { DecorationDetail } from '../../../../shared/workflows/decoration/schema';
import { a4Form, contractorName, fill, marksOf, when, wordsOf, type FormInput } from './common';

export function hotWorkDocument(input: FormInput, h: DecorationDetail['hotWorks'][number]): DocDefinition {
  const t = wordsOf(input.lang);
  const hw = t.hotWork;
  const d = input.detail;
  const c = d.contractorDetail;
  return a4Form(input, hw.title, [
    labelGrid(
      [
        [{ label: t.unit, value: d.unitCode }, { label: t.workPeriod, value: fill(t.periodValue, { from: d.workFrom, to: d.workTo }) }],
        [{ label: t.contractor, value: contractorName(d, t) }, { label: t.manager, value: c.self ? d.applicant.name : `${c.managerName ?? ''}${marksOf(input.lang).gap}${c.managerPhone ?? ''}` }],
      ],
      2,
    ),
    { text: ' ', margin: [0, 4, 0, 0] },
    {
      table: {
        widths: [90, '*'],
        body: [
          [{ text: hw.location, color: '#555555' }, { text: h.location, bold: true, fontSize: 11 }],
          [{ text: hw.kind, color: '#555555' }, { text: hw.kindBoxes }],
          [{ text: hw.window, color: '#555555' }, { text: fill(hw.windowValue, { from: when(h.from), to: when(h.to) }), bold: true, fontSize: 11 }],
          [{ text: hw.fireWatch, color: '#555555' }, { text: h.fireWatch, bold: true, fontSize: 11 }],
          [{ text: hw.approvedBy, color: '#555555' }, { text: h.approvedBy, fontSize: 11 }],
          [{ text: hw.recordedAt, color: '#555555' }, { text: when(h.at) }],
          [{ text: hw.precautions, color: '#555555' }, { text: hw.precautionsText, lineHeight: 1.4 }],
        ],
      },
      layout: {
        hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#777777', vLineColor: () => '#777777',
        paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 6, paddingBottom: () => 6,
      },
      fontSize: 10,
    },
    { text: ' ', margin: [0, 18, 0, 0] },
    signatureRow([
      { label: hw.signApplicant, image: null, caption: t.dateLine },
      { label: hw.signFireWatch, image: null, caption: h.fireWatch },
    ]),
    { text: ' ', margin: [0, 6, 0, 0] },
    signatureRow([
      { label: hw.signApprover, image: null, caption: h.approvedBy },
      { label: hw.signSecurity, image: null, caption: t.dateLine },
    ]),
  ]);
}
