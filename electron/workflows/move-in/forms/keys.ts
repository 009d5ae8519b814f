/**
 * 钥匙签收表 (procedure 一 step 5): the keys handed over, one line a kind with its count, and the total; the
 * owner's signature as drawn on screen when it was, else a line to sign on the paper, with the date. Printed
 * before the keys are recorded, it lists the unit's key template for the owner to sign on paper.
 */
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, dayOf, fill, keyName, marksOf, section, table, wordsOf, type MoveInFormInput } from './common';

export function keysDocument(input: MoveInFormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.keys;
  const m = marksOf(input.lang);
  const d = input.detail;
  const list = d.keys?.items ?? d.keyTemplate;
  const total = list.reduce((a, k) => a + k.count, 0);
  const signed = d.steps.find((s) => s.step === 'keys');
  const signedOn = signed ? dayOf(signed.at) : null;

  const rows: Content[][] = list.map((k, i) => [String(i + 1), keyName(t, k.kind), String(k.count)]);
  rows.push([{ text: x.total, bold: true, colSpan: 2 }, {}, { text: String(total), bold: true, alignment: 'right' }]);

  const image = signed && input.keysSignature ? input.keysSignature : null;
  return a4Form(input, d.number, x.title, [
    labelGrid(
      [
        [{ label: t.unit, value: d.unitCode }, { label: t.building, value: d.buildingName }],
        [{ label: t.owner, value: d.owners.map((o) => o.name).join(m.list) }, { label: x.signedAt, value: signed ? signedOn! : '' }],
      ],
      2,
    ),
    section(t.flow.keys, 8),
    table([x.colNo, x.colKind, x.colCount], [30, '*', 70], rows, ['center', 'left', 'right']),
    { text: fill(x.totalValue, { n: total }), bold: true, margin: [0, 4, 0, 0] },
    { text: x.statement, margin: [0, 10, 0, 0] },
    { text: ' ', margin: [0, 12, 0, 0] },
    signatureRow([
      image
        ? { label: x.signOwner, image, note: `${x.signedOnScreen}${m.gap}${signedOn}` }
        : { label: x.signOwner, image: null, caption: signedOn ?? t.dateLine },
      { label: x.signClerk, image: null, caption: signed?.by ?? t.dateLine },
    ]),
  ]);
}
