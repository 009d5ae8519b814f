/**
 * 装修整改通知书 (procedure 二 step 11.2): for one serious violation. To the owner, about the unit and its
 * contractor: what was found and when, what to put right and by when (written in by hand where the service has
 * no field), the phone calls made (the owner first, then the contractor), a penalty signed off, and the lines
 * where the owner, the contractor and the service centre sign it received.
 */
import type { Violation } from '../../../../shared/workflows/decoration/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, contractorName, fill, GREY, marksOf, namesOf, section, when, wordsOf, yuan, type FormInput } from './common';

/** An empty ruled box to write in by hand, `lines` lines high. */
const writeIn = (lines: number, text = ''): Content => ({
  table: { widths: ['*'], heights: [lines * 16], body: [[{ text: text || ' ', fontSize: 9 }]] },
  layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 3 },
});

export function noticeDocument(input: FormInput, v: Violation): DocDefinition {
  const t = wordsOf(input.lang);
  const no = t.notice;
  const n = namesOf(input.lang);
  const d = input.detail;
  const self = d.contractorDetail.self;
  const m = marksOf(input.lang);

  const called = (at: string | null, note: string | null | undefined) => (at ? `${fill(no.called, { at: when(at) })}${note ? `${m.colon}${note}` : ''}` : no.notCalled);
  const calls: Content = labelGrid(
    [
      [{ label: `① ${no.callOwner}`, value: `${d.applicant.name}${m.gap}${called(v.ownerCalledAt, v.ownerCallNote)}` }],
      ...(self ? [] : [[{ label: `② ${no.callContractor}`, value: `${d.contractorDetail.managerName ?? ''}${m.gap}${called(v.contractorCalledAt, input.contractorCallNotes[v.id])}` }]]),
    ],
    1,
  );

  return a4Form(input, no.title, [
    { text: [{ text: `${no.to}${m.colon}`, bold: true }, fill(no.toValue, { unit: d.unitCode, owner: d.applicant.name }), self ? '' : `${m.semi}${contractorName(d, t)}`], fontSize: 10.5, margin: [0, 2, 0, 6] },
    { text: no.body, fontSize: 9.5, lineHeight: 1.4, margin: [0, 0, 0, 6] },
    labelGrid(
      [
        [{ label: t.unit, value: d.unitCode }, { label: t.contractor, value: contractorName(d, t) }],
        [{ label: t.manager, value: self ? '' : (d.contractorDetail.managerName ?? '') }, { label: t.managerPhone, value: self ? '' : (d.contractorDetail.managerPhone ?? '') }],
        [{ label: no.foundOn, value: v.date }, { label: t.workPeriod, value: fill(t.periodValue, { from: d.workFrom, to: d.workTo }) }],
      ],
      2,
    ),
    section(no.findings),
    writeIn(4, `${m.lb}${n.severity[v.severity]}${m.rb}${v.description}${v.hotWorkUnapproved ? `${m.gap}${no.hotWorkUnapproved}` : ''}`),
    section(no.rectify),
    writeIn(4),
    { text: [{ text: `${no.rectifyBy}${m.colon}`, bold: true }, no.rectifyByLine], margin: [0, 6, 0, 0] },
    ...(v.rectifiedAt ? [{ text: [{ text: `${no.rectified}${m.colon}`, bold: true }, fill(no.rectifiedValue, { at: when(v.rectifiedAt), note: v.rectifiedNote ?? '' })], margin: [0, 4, 0, 0] }] : []),
    ...(v.penaltyFen !== null
      ? [{ text: [{ text: `${no.penalty}${m.colon}`, bold: true }, fill(no.penaltyValue, { amount: yuan(v.penaltyFen), deducted: yuan(v.penaltyDeductedFen ?? 0) }), v.penaltyBy ? `${m.gap}${v.penaltyBy}` : ''], margin: [0, 4, 0, 0] }]
      : []),
    section(no.calls, 10),
    calls,
    { text: ' ', margin: [0, 14, 0, 0] },
    signatureRow([
      { label: no.signOwner, image: null, caption: t.dateLine },
      ...(self ? [] : [{ label: no.signContractor, image: null, caption: t.dateLine }]),
      { label: no.signCenter, image: null, caption: t.dateLine },
    ]),
    ...(v.signedAt ? [{ text: `✓ ${when(v.signedAt)}`, fontSize: 8, color: GREY, margin: [0, 4, 0, 0] }] : []),
  ]);
}
