/**
 * 竣工验收表 (procedure 二 step 13): the completion inspection on the owner's request. When it was asked for, an
 * office's fire acceptance receipt, each inspection (its date, the engineering and security inspectors, its
 * result), the problems found and whether each was put right, the day it passed and the refund's date; before
 * any inspection, the rows are left blank to fill in on site. The owner, engineering and security sign.
 */
import type { Content, DocDefinition } from '../../../pdf/engine';
import { itemTable, labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, CONTENT_WIDTH, contractorName, dayOf, fill, marksOf, section, table, when, wordsOf, type FormInput } from './common';

const BLANK_ROUNDS = 2;
const PROBLEM_LINES = 8;

export function inspectionDocument(input: FormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.inspection;
  const d = input.detail;
  const m = marksOf(input.lang);
  const roundOf = (n: number) => fill(x.round, { n });

  const rounds: Content[][] = d.inspections.length
    ? d.inspections.map((i) => [roundOf(i.seq), when(i.at), i.engineeringBy, i.securityBy, { text: i.passed ? x.passed : x.failed, bold: true, color: i.passed ? undefined : '#b3261e' }])
    : Array.from({ length: BLANK_ROUNDS }, (_, k) => [roundOf(k + 1), ' ', ' ', ' ', '□ ' + x.passed + '　□ ' + x.failed]);
  const problems = d.problems.map((p) => [p.description, roundOf(p.inspection), p.closedAt ? `${fill(x.closedValue, { at: when(p.closedAt) })}${p.closedNote ? `${m.gap}${p.closedNote}` : ''}` : x.open]);

  return a4Form(input, x.title, [
    labelGrid(
      [
        [{ label: t.unit, value: d.unitCode }, { label: t.applicant, value: d.applicant.name }],
        [{ label: t.contractor, value: contractorName(d, t) }, { label: t.workPeriod, value: fill(t.periodValue, { from: d.workFrom, to: d.workTo }) }],
        [{ label: x.requestedAt, value: dayOf(d.inspectionRequestedAt) }, { label: x.fireReceipt, value: d.fireReceipt ?? x.fireReceiptNone }],
      ],
      2,
    ),
    section(x.result),
    ...(d.inspections.length ? [] : [{ text: x.notYet, fontSize: 8, color: '#555555', margin: [0, 0, 0, 3] }]),
    table(['', x.inspectedAt, x.engineering, x.security, x.result], [70, 90, '*', '*', 80], rounds),
    section(x.problems),
    problems.length || d.inspections.length
      ? itemTable([x.colProblem, x.colFoundIn, x.colClosed], ['*', 70, 150], problems.length ? problems : [[x.noProblems, '', '']], PROBLEM_LINES, CONTENT_WIDTH - 8, t.blankBelow)
      : itemTable([x.colProblem, x.colFoundIn, x.colClosed], ['*', 70, 150], [], PROBLEM_LINES, 0, ' '),
    { text: ' ', fontSize: 4 },
    labelGrid([[{ label: x.passedOn, value: d.passedOn ?? '' }, { label: x.refundDue, value: d.refundDue ?? '' }]], 2),
    { text: ' ', margin: [0, 14, 0, 0] },
    signatureRow([
      { label: x.signOwner, image: null, caption: t.dateLine },
      { label: x.signEngineering, image: null, caption: d.inspections.at(-1)?.engineeringBy ?? t.dateLine },
      { label: x.signSecurity, image: null, caption: d.inspections.at(-1)?.securityBy ?? t.dateLine },
    ]),
  ]);
}
