/**
 * 入伙流程表 (procedure 一): the whole checklist of an RH record on one A4 sheet — the owner and the unit, the
 * eight steps in order each with who took it and when (a step not taken yet left blank to fill in by hand), the
 * fees (computed, changed with the reason, the revolving deposit, the total in yuan and in capitals, the
 * receipt), the copies, the owner file, the keys, the inspection in short and the outcome of the handover; the
 * owner, the clerk, the cashier and engineering sign.
 */
import { MOVE_IN_STEPS, type MoveInStep } from '../../../../shared/workflows/move-in/rules';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, capitals, fill, GREY, marksOf, namesOf, RED, section, table, when, wordsOf, yuan, type MoveInFormInput } from './common';

type StepDetail = Record<string, unknown>;
const parse = (s: string | null): StepDetail => {
  try {
    return s ? (JSON.parse(s) as StepDetail) : {};
  } catch {
    return {};
  }
};

export function flowDocument(input: MoveInFormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.flow;
  const n = namesOf(input.lang);
  const m = marksOf(input.lang);
  const d = input.detail;
  const f = d.fees;

  const owners = d.owners.map((o) => `${o.name}${o.phoneMasked ? `${m.open}${o.phoneMasked}${m.close}` : ''}`).join(m.list);
  const who = labelGrid(
    [
      [{ label: t.unit, value: d.unitCode }, { label: t.building, value: d.buildingName }, { label: t.use, value: t.useName[d.use] }],
      [{ label: t.owner, value: owners, span: 2 }, { label: t.area, value: d.areaM2 === null ? '' : fill(t.areaValue, { n: d.areaM2 }) }],
      [{ label: t.noticeDate, value: d.noticeDate ?? '' }, { label: x.handover, value: outcome(input), span: 2 }],
    ],
    3,
  );

  const keyCount = (d.keys?.items ?? []).reduce((a, k) => a + k.count, 0);
  const summary = (step: MoveInStep, detail: StepDetail): string => {
    switch (step) {
      case 'identity':
        return `${t.noticeDate} ${String(detail.noticeDate ?? d.noticeDate ?? '')}`;
      case 'fees':
        return `${x.receipt} ${f.receipt ?? ''}${m.gap}¥${yuan(f.totalFen ?? 0)}`;
      case 'copies':
        return (d.copies?.items ?? []).map((c) => n.copy[c]).join(m.list);
      case 'archive':
        return d.archive?.family.length ? `${x.family} ${d.archive.family.length}` : '';
      case 'keys':
        return fill(x.keysValue, { n: keyCount, kinds: d.keys?.items.length ?? 0 });
      case 'inspection':
        return fill(t.inspection.summary, inspectionCounts(input));
      case 'handover':
      case 'vacant':
        return d.handoverDate ?? '';
    }
  };
  const steps: Content[][] = MOVE_IN_STEPS.map((step, i) => {
    const done = d.steps.find((s) => s.step === step);
    return [
      String(i + 1),
      n.step[step],
      done ? { text: [{ text: `${x.done} `, bold: true }, { text: summary(step, parse(done.detail)), color: GREY, fontSize: 7.5 }] } : { text: x.pending, color: RED },
      done?.by ?? ' ',
      done ? when(done.at) : ' ',
    ];
  });

  const deposit = f.deposit.kind === 'none' ? t.none : `${n.deposit[f.deposit.kind]} ¥${yuan(f.deposit.fen)}`;
  const fees = labelGrid(
    [
      [
        { label: x.rate, value: fill(x.rateValue, { rate: yuan(f.rateFen) }) },
        { label: x.months, value: fill(x.monthsValue, { n: f.months }) },
        { label: x.period, value: f.periodFrom && f.periodTo ? fill(x.periodValue, { from: f.periodFrom, to: f.periodTo }) : '' },
      ],
      [
        { label: x.computed, value: f.computedFen === null ? (d.areaM2 === null ? x.noArea : '') : `¥${yuan(f.computedFen)}` },
        { label: x.propertyFee, value: f.propertyFeeFen === null ? '' : `¥${yuan(f.propertyFeeFen)}` },
        { label: x.deposit, value: deposit },
      ],
      ...(f.overrideReason ? [[{ label: x.overrideReason, value: f.overrideReason, span: 3 }]] : []),
      [
        { label: x.total, value: f.totalFen === null ? '' : `¥${yuan(f.totalFen)}` },
        { label: x.receipt, value: f.receipt ?? '' },
        { label: x.confirmed, value: f.confirmedAt ? `${f.confirmedBy ?? ''}${m.gap}${when(f.confirmedAt)}` : x.feesNotConfirmed },
      ],
    ],
    3,
  );
  const inCapitals: Content = f.totalFen === null ? '' : { text: capitals(x.capitals, f.totalFen), bold: true, margin: [0, 3, 0, 0] };

  const yn = (v: boolean | undefined) => (v === undefined ? '' : v ? t.yes : t.no);
  const copies = d.copies ? [...d.copies.items.map((c) => n.copy[c]), ...(d.copies.otherNote ? [d.copies.otherNote] : [])].join(m.list) : t.notYet;
  const records = labelGrid(
    [
      [{ label: x.copies, value: copies, span: 3 }],
      [
        { label: x.bankAgreement, value: d.archive ? yn(d.archive.bankAgreement) : t.notYet },
        { label: x.fireSafety, value: d.archive ? yn(d.archive.fireSafetyAgreement) : t.notYet },
        { label: x.documentReceipt, value: d.archive ? yn(d.archive.documentReceipt) : t.notYet },
      ],
      [
        { label: x.family, value: d.archive ? d.archive.family.map((p) => p.name).join(m.list) || t.none : t.notYet, span: 2 },
        { label: x.keys, value: d.keys ? fill(x.keysValue, { n: keyCount, kinds: d.keys.items.length }) : t.notYet },
      ],
    ],
    3,
  );

  const c = inspectionCounts(input);
  const inspection = labelGrid(
    [
      [{ label: x.inspection, value: d.inspection ? fill(x.inspectionValue, { date: d.inspection.date, by: d.inspection.engineeringBy, ...c, open: d.openRectifications }) : t.notYet }],
      [{ label: x.handover, value: outcome(input) }],
      ...(d.defectsAcceptedInWriting ? [[{ label: ' ', value: x.defectsAccepted }]] : []),
      ...(d.handoverNote ? [[{ label: x.handoverNote, value: d.handoverNote }]] : []),
    ],
    1,
  );

  return a4Form(
    input,
    d.number,
    x.title,
    [
      section(x.partOwner, 2),
      who,
      section(x.partSteps, 6),
      table([x.colNo, x.colStep, x.colDone, x.colBy, x.colAt], [20, 82, '*', 70, 76], steps, ['center']),
      section(x.partFees, 6),
      fees,
      inCapitals,
      section(x.partRecords, 6),
      records,
      section(x.partInspection, 6),
      inspection,
      { text: ' ', margin: [0, 10, 0, 0] },
      signatureRow([
        { label: x.signOwner, image: null, caption: t.dateLine },
        { label: x.signClerk, image: null, caption: t.dateLine },
      ]),
      { text: ' ', fontSize: 4 },
      signatureRow([
        { label: x.signCashier, image: null, caption: f.confirmedBy ?? t.dateLine },
        { label: x.signEngineering, image: null, caption: d.inspection?.engineeringBy ?? t.dateLine },
      ]),
    ],
    { compact: true },
  );
}

/** The items, the OK ones, the defects and the critical defects of the inspection (zeros before it). */
export function inspectionCounts(input: MoveInFormInput): { items: number; ok: number; defects: number; critical: number } {
  const items = input.detail.inspection?.items ?? [];
  const defects = items.filter((i) => i.result === 'defective');
  return { items: items.length, ok: items.length - defects.length, defects: defects.length, critical: defects.filter((i) => i.critical).length };
}

/** Where the handover stands: handed over on a date, not handed over with the reason, in progress, voided. */
function outcome(input: MoveInFormInput): string {
  const x = wordsOf(input.lang).flow;
  const n = namesOf(input.lang);
  const d = input.detail;
  if (d.state === 'handed_over') return fill(x.handedOver, { date: d.handoverDate ?? '' });
  if (d.state === 'not_handed_over') return fill(x.notHandedOver, { reason: d.notHandedOverReason ? n.reason[d.notHandedOverReason] : '' });
  if (d.state === 'voided') return x.voided;
  return x.inProgress;
}
