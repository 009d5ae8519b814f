/**
 * 押金退还单 with its 押金退还备忘表 part (procedure 二 step 14). The refund form: the deposit paid (its
 * receipt), every deduction from the deposit ledger (penalties, unpaid utilities), the amount to refund — the
 * ledger's balance, never typed — in yuan and in capitals, the checks made before the refund, a contractor's
 * request with the owner's consent, and the lines where the owner, the contractor and the project manager sign.
 * Below the cut line, the cashier's memo: what was paid out, its receipt, when and by whom.
 */
import { REFUND_CHECKS } from '../../../../shared/workflows/decoration/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { cutLine, labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, capitals, CONTENT_WIDTH, contractorName, dayOf, GREY, marksOf, namesOf, section, table, when, wordsOf, yuan, type FormInput } from './common';

export function refundDocument(input: FormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const r = t.refund;
  const n = namesOf(input.lang);
  const d = input.detail;
  const f = d.refund!;
  const self = d.contractorDetail.self;
  const m = marksOf(input.lang);

  const checkLabel = { commonArea: r.checkCommonArea, neighbours: r.checkNeighbours, leaks: r.checkLeaks, violations: r.checkViolations } as const;
  const ledgerRows: Content[][] = d.ledger
    .filter((e) => e.kind !== 'refund')
    .map((e) => [
      n.ledgerKind[e.kind],
      e.kind === 'payment' ? (e.receipt ?? '') : (e.note ?? ''),
      dayOf(e.at),
      e.kind === 'payment' ? yuan(e.amountFen) : `-${yuan(e.amountFen)}`,
      yuan(e.balanceFen),
    ]);
  ledgerRows.push([
    { text: r.refundAmount, bold: true },
    { text: capitals(r.capitals, f.refundFen), bold: true, colSpan: 2 },
    {},
    { text: yuan(f.refundFen), bold: true, fontSize: 11, alignment: 'right' },
    '',
  ]);

  const checks = REFUND_CHECKS.map((k) => {
    const c = f.checks?.[k];
    const ok = c ? c.ok : null;
    return [checkLabel[k], { text: `${ok === true ? '■' : '□'} ${r.checkOk}${m.gap}${ok === false ? '■' : '□'} ${r.checkNotOk}`, bold: ok === false, color: ok === false ? '#b3261e' : undefined }, c?.note ?? ''] as Content[];
  });

  const request = f.requestedBy === 'contractor' ? r.requestContractor : r.requestOwner;
  const consent = f.requestedBy === 'contractor' ? (f.ownerConsent ? r.consentYes : r.consentNo) : r.consentNotNeeded;
  const paid = f.paidOut;

  return a4Form(input, r.title, [
    labelGrid(
      [
        [{ label: t.unit, value: d.unitCode }, { label: t.applicant, value: d.applicant.name }],
        [{ label: t.contractor, value: contractorName(d, t) }, { label: t.manager, value: self ? '' : `${d.contractorDetail.managerName ?? ''}${m.gap}${d.contractorDetail.managerPhone ?? ''}` }],
        [{ label: r.passedOn, value: d.passedOn ?? (d.state === 'rejected' || d.priorState === 'rejected' ? n.state.rejected : '') }, { label: r.refundDue, value: d.refundDue ?? '' }],
        [{ label: r.requestedBy, value: request }, { label: r.ownerConsent, value: consent }],
      ],
      2,
    ),
    section(r.ledger),
    table([r.colItem, r.colNote, r.colAt, r.colAmount, r.colBalance], [80, '*', 62, 70, 70], ledgerRows, ['left', 'left', 'left', 'right', 'right']),
    section(r.checks),
    table([r.colItem, '', r.colNote], [150, 90, '*'], checks),
    { text: `${r.preparedBy}${m.colon}${f.preparedBy ?? ''}${m.gap}${when(f.preparedAt)}`, fontSize: 8.5, color: GREY, margin: [0, 4, 0, 0] },
    { text: ' ', margin: [0, 8, 0, 0] },
    signatureRow([
      { label: r.signOwner, image: null, caption: t.dateLine },
      ...(self ? [] : [{ label: r.signContractor, image: null, caption: t.dateLine }]),
      { label: r.signManager, image: null, caption: t.dateLine },
    ]),
    cutLine(CONTENT_WIDTH, r.memoTitle),
    { text: r.memoTitle, bold: true, fontSize: 11, margin: [0, 2, 0, 4] },
    labelGrid(
      [
        [{ label: t.number, value: d.number }, { label: t.unit, value: d.unitCode }, { label: r.refundAmount, value: `¥${yuan(f.refundFen)}` }],
        [{ label: r.paidReceipt, value: paid?.receipt ?? '' }, { label: r.paidAt, value: when(paid?.at) }, { label: r.cashier, value: paid?.by ?? '' }],
        [{ label: r.paidAmount, value: paid ? `¥${yuan(f.refundFen)}${m.gap}${capitals(r.capitals, f.refundFen)}` : r.notPaid, span: 3 }],
      ],
      3,
    ),
    { text: ' ', margin: [0, 8, 0, 0] },
    signatureRow([
      { label: r.cashier, image: null, caption: t.dateLine },
      { label: r.receivedBy, image: null, caption: t.dateLine },
    ]),
  ]);
}
