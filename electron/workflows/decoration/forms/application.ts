/**
 * 装修申请表 (procedure 二 steps 2–8): who applies for which unit, the contractor (or 自装), the work and its
 * period, the documents received or missing and the commitments signed with their dates, the work needing a
 * government approval, the fees by item in yuan with the total in capitals (the cashier's part of the form), the
 * approval and its deadline; the applicant, the contractor's manager, the cashier and the project manager sign.
 */
import type { DocDefinition, Content } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
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

  const checkRows = (kind: 'document' | 'commitment') =>
    d.checklist
      .filter((x) => x.kind === kind)
      .map((x) => {
        const name = kind === 'document' ? (n.doc as Record<string, string>)[x.code] : (n.commitment as Record<string, string>)[x.code];
        const status = x.done ? (kind === 'document' ? a.received : a.signed) : kind === 'document' ? a.missing : a.unsigned;
        return [
          `${x.done ? '■' : '□'} ${name ?? x.code}${x.required ? '' : ` ${a.optional}`}`,
          { text: status, bold: !x.done, color: x.done ? undefined : '#b3261e' },
          x.date ?? '',
          x.by ?? '',
        ] as Content[];
      });
  // Documents and commitments side by side: two narrow tables fit one page for any applicant.
  const docs = checkRows('document');
  const commits = checkRows('commitment');
  const missing = d.missing.length ? fill(a.missingCount, { n: d.missing.length }) : a.complete;

  const flags = `${(['fire', 'structure', 'gas'] as const).map((f) => `${d.govFlags.includes(f) ? '■' : '□'} ${n.gov[f]}`).join(m.gap)}${m.gap}${m.gap}`;
  const gov: Content = d.govFlags.length
    ? { text: [{ text: flags, bold: true }, { text: d.govToldAt ? fill(a.govTold, { at: when(d.govToldAt), by: d.govToldBy ?? '' }) : a.govNotTold, color: d.govToldAt ? undefined : '#b3261e' }] }
    : { text: [flags, a.govNone], color: GREY };

  const fees = table(
    [a.feeItem, a.feeQty, a.feeUnit, a.feeAmount],
    ['*', 40, 70, 80],
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
  const approval: Content = labelGrid(
    [
      [{ label: a.submittedAt, value: when(d.submittedAt) }, { label: a.approvalDue, value: d.approvalDue ? fill(a.approvalDueValue, { date: dayOf(d.approvalDue) }) : '' }],
      [{ label: a.result, value: result }, { label: a.decided, value: d.decidedAt ? `${d.decidedBy ?? ''}${m.gap}${when(d.decidedAt)}` : '' }],
      [{ label: a.protection, value: d.protection ? `${d.protection.by}${m.gap}${when(d.protection.at)}${d.protection.note ? `${m.gap}${d.protection.note}` : ''}` : a.protectionNone, span: 2 }],
    ],
    2,
  );

  return a4Form(input, a.title, [
    section(a.partApplicant, 2),
    who,
    section(a.partWork),
    work,
    section(`${a.partDocs}${m.gap}${m.open}${missing}${m.close}`),
    {
      columns: [
        { width: '55%', stack: [table([a.colItem, a.colStatus, a.colDate, a.colBy], ['*', 34, 52, 40], docs)] },
        { width: '45%', stack: [{ text: a.partCommitments, bold: true, fontSize: 8.5, margin: [0, 0, 0, 2] }, table([a.colItem, a.colStatus, a.colDate], ['*', 34, 52], commits.map((r) => r.slice(0, 3)))] },
      ],
      columnGap: 8,
    },
    section(a.partGov),
    gov,
    section(a.partFees),
    fees,
    { text: capitals(a.capitals, d.feesTotalFen), fontSize: 9, bold: true, margin: [0, 3, 0, 0] },
    { text: paid, fontSize: 8.5, color: GREY, margin: [0, 2, 0, 0] },
    section(a.partApproval),
    approval,
    { text: ' ', margin: [0, 6, 0, 0] },
    signatureRow([
      { label: a.signApplicant, image: null, caption: t.dateLine },
      { label: a.signContractor, image: null, caption: t.dateLine },
    ]),
    signatureRow([
      { label: a.signCashier, image: null, caption: t.dateLine },
      { label: a.signApprover, image: null, caption: t.dateLine },
    ]),
  ]);
}

