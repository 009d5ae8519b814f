/**
 * 装修申请表 (procedure 二 steps 2–8): who applies for which unit, the contractor (or 自装), the work and its
 * period, the documents received or missing and the commitments signed with their dates, the work needing a
 * government approval, the fees by item in yuan with the total in capitals (the cashier's part of the form), the
 * approval and its deadline; the applicant, the contractor's manager, the cashier and the project manager sign.
 */
import type { DocDefinition, Content } from '../../../pdf/engine';
import { labelGrid, signatureRow, thinLayout } from '../../../pdf/parts';
import { a4Form, capitals, dayOf, fill, GREY, marksOf, namesOf, section, table, when, wordsOf, yuan, type FormInput } from './common';

export function applicationDocument(input: FormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const a = t.application;
  const n = namesOf(input.lang);
  const d = input.detail;
  const c = d.contractorDetail;
  const m = marksOf(input.lang);

  const who: Content = labelGrid(
    [
      [{ label: t.unit, value: d.unitCode }, { label: t.building, value: d.buildingName }, { label: t.area, value: d.unitArea ? fill(t.areaValue, { n: d.unitArea }) : '' }],
      [{ label: t.applicant, value: d.applicant.name }, { label: t.applicantKind, value: n.applicantKind[d.applicant.kind] }, { label: t.phone, value: input.applicantPhone }],
      c.self
        ? [{ label: t.contractor, value: t.selfDecoration, span: 3 }]
        : [{ label: t.contractor, value: c.company ?? '', span: 3 }],
      ...(c.self ? [] : [[{ label: t.manager, value: c.managerName ?? '' }, { label: t.managerPhone, value: c.managerPhone ?? '' }, { label: t.managerId, value: c.managerIdMasked ?? '' }]]),
    ],
    3,
  );
  const work: Content = labelGrid(
    [
      [{ label: t.workPeriod, value: fill(t.periodValue, { from: d.workFrom, to: d.workTo }), span: 2 }, { label: t.workers, value: fill(t.workersValue, { n: d.workers }) }],
      [{ label: t.description, value: d.description, span: 3 }],
    ],
    3,
  );

  const entries = (kind: 'document' | 'commitment'): Content[][] =>
    d.checklist
      .filter((x) => x.kind === kind)
      .map((x) => {
        const name = kind === 'document' ? (n.doc as Record<string, string>)[x.code] : (n.commitment as Record<string, string>)[x.code];
        const status = x.done ? (kind === 'document' ? a.received : a.signed) : kind === 'document' ? a.missing : a.unsigned;
        return [
          { text: `${x.done ? '■' : '□'} ${name ?? x.code}${x.required ? '' : ` ${a.optional}`}` },
          { text: status, bold: !x.done, color: x.done ? undefined : '#b3261e' },
          { text: x.date ?? ' ' },
        ];
      });
  // Two entries a row: an office leased to a company (17 documents, 6 commitments) still fits one page.
  const pairs = (list: Content[][]): Content[][] => {
    const rows: Content[][] = [];
    for (let k = 0; k < list.length; k += 2) rows.push([...list[k], ...(list[k + 1] ?? [{ text: ' ' }, { text: ' ' }, { text: ' ' }])]);
    return rows;
  };
  const head = (cells: string[]) => cells.map((h) => ({ text: h, bold: true, fontSize: 7.5, fillColor: '#f3f3f3' }));
  const checklist: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 30, 46, '*', 30, 46],
      body: [
        head([a.colItem, a.colStatus, a.colDate, a.colItem, a.colStatus, a.colDate]),
        ...pairs(entries('document')),
        [{ text: a.partCommitments, bold: true, fontSize: 8, colSpan: 6, fillColor: '#f3f3f3' }, {}, {}, {}, {}, {}],
        ...pairs(entries('commitment')),
      ],
    },
    layout: thinLayout(),
    fontSize: 8,
    lineHeight: 1,
  };
  const missing = d.missing.length ? fill(a.missingCount, { n: d.missing.length }) : a.complete;

  const flags = `${(['fire', 'structure', 'gas'] as const).map((f) => `${d.govFlags.includes(f) ? '■' : '□'} ${n.gov[f]}`).join(m.gap)}${m.gap}${m.gap}`;
  const gov: Content = d.govFlags.length
    ? { text: [{ text: flags, bold: true }, { text: d.govToldAt ? fill(a.govTold, { at: when(d.govToldAt), by: d.govToldBy ?? '' }) : a.govNotTold, color: d.govToldAt ? undefined : '#b3261e' }] }
    : { text: [flags, a.govNone], color: GREY };

  const fees = table(
    [a.feeItem, a.feeQty, a.feeUnit, a.feeAmount],
    ['*', 26, 52, 58],
    [
      ...d.fees.map((f) => [n.fee[f.code], String(f.quantity), yuan(f.unitFen), yuan(f.amountFen)] as Content[]),
      [{ text: a.feeTotal, bold: true }, '', '', { text: yuan(d.feesTotalFen), bold: true, alignment: 'right' }],
    ],
    ['left', 'right', 'right', 'right'],
  );
  const paid = d.feesPaid ? fill(a.feesPaid, { receipt: d.feesPaid.receipt, at: when(d.feesPaid.at), by: d.feesPaid.by ?? '' }) : a.feesUnpaid;

  const result =
    d.state === 'rejected'
      ? fill(a.resultRejected, { reason: d.rejectReason ?? '' })
      : d.decidedAt
        ? a.resultApproved
        : a.resultPending;
  // One label/value pair a row: the approval sits beside the fees.
  const approval: Content = labelGrid(
    [
      [{ label: a.submittedAt, value: when(d.submittedAt) }],
      [{ label: a.approvalDue, value: d.approvalDue ? fill(a.approvalDueValue, { date: dayOf(d.approvalDue) }) : '' }],
      [{ label: a.result, value: result }],
      [{ label: a.decided, value: d.decidedAt ? `${d.decidedBy ?? ''}${m.gap}${when(d.decidedAt)}` : '' }],
      [{ label: a.protection, value: d.protection ? `${d.protection.by}${m.gap}${when(d.protection.at)}${d.protection.note ? `${m.gap}${d.protection.note}` : ''}` : a.protectionNone }],
    ],
    1,
  );

  return a4Form(input, a.title, [
    section(a.partApplicant, 2),
    who,
    section(a.partWork, 5),
    work,
    section(`${a.partDocs}${m.gap}${m.open}${missing}${m.close}`, 5),
    checklist,
    section(a.partGov, 5),
    gov,
    {
      columns: [
        {
          width: '58%',
          stack: [
            section(a.partFees, 5),
            fees,
            { text: capitals(a.capitals, d.feesTotalFen), bold: true, fontSize: 9, margin: [0, 3, 0, 0] },
            { text: paid, fontSize: 8, color: GREY, margin: [0, 1, 0, 0] },
          ],
        },
        { width: '42%', stack: [section(a.partApproval, 5), approval] },
      ],
      columnGap: 10,
    },
    { text: ' ', margin: [0, 10, 0, 0] },
    signatureRow([
      { label: a.signApplicant, image: null, caption: t.dateLine },
      { label: a.signContractor, image: null, caption: t.dateLine },
    ]),
    { text: ' ', fontSize: 4 },
    signatureRow([
      { label: a.signCashier, image: null, caption: t.dateLine },
      { label: a.signApprover, image: null, caption: t.dateLine },
    ]),
  ], { compact: true });
}

