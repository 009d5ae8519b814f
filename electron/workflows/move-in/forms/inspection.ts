/**
 * 房屋验收记录表 (procedure 一 step 6, with engineering): every item by area, OK or defective with the note and
 * whether it is critical; the meters with their readings; the defects with the owner's opinion, the due date
 * and where each stands; the owner and engineering sign. Before the inspection it is the sheet engineering
 * takes to the unit: the template's items with boxes to tick, the meters to read.
 */
import type { Content, DocDefinition } from '../../../pdf/engine';
import { labelGrid, signatureRow } from '../../../pdf/parts';
import { a4Form, areaName, box, fill, GREY, itemName, marksOf, meterName, namesOf, RED, section, table, wordsOf, type MoveInFormInput } from './common';
import { inspectionCounts } from './flow';

export function inspectionDocument(input: MoveInFormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.inspection;
  const n = namesOf(input.lang);
  const m = marksOf(input.lang);
  const d = input.detail;
  const done = d.inspection;

  let lastArea = '';
  const firstOfArea = (area: string) => {
    const first = area !== lastArea;
    lastArea = area;
    return first ? { text: areaName(t, area), bold: true } : { text: ' ' };
  };
  const items: Content[][] = done
    ? done.items.map((i) => [
        firstOfArea(i.area),
        itemName(t, i.item),
        i.result === 'ok' ? x.ok : { text: x.defective, bold: true, color: RED },
        i.note ?? ' ',
        i.critical ? { text: x.critical, bold: true, color: RED } : ' ',
      ])
    : d.inspectionTemplate.map((i) => [firstOfArea(i.area), itemName(t, i.item), `${box(false)} ${x.ok}　${box(false)} ${x.defective}`, ' ', box(false)]);

  // One row: each meter read (or its unit, to write the reading before it on site).
  const read = done ? done.meters : input.meters.map((kind) => ({ kind, reading: null }));
  const meterTable = table(
    read.map((r) => meterName(t, r.kind)),
    read.map(() => '*'),
    [read.map((r) => (r.reading === null ? { text: `${'　'.repeat(6)}${t.meterUnit[r.kind]}`, color: GREY } : { text: `${r.reading} ${t.meterUnit[r.kind]}`, bold: true }))],
  );

  const defects: Content[][] = d.rectifications.map((r) => [
    `${areaName(t, r.area)}${m.gap}${itemName(t, r.item)}`,
    { text: r.critical ? [{ text: `${x.critical} `, bold: true, color: RED }, r.description] : r.description },
    r.ownerOpinion,
    r.dueDate,
    n.rectState[r.state],
  ]);

  const c = inspectionCounts(input);
  return a4Form(
    input,
    d.number,
    x.title,
    [
      labelGrid(
        [
          [{ label: t.unit, value: d.unitCode }, { label: t.building, value: d.buildingName }, { label: t.owner, value: d.owners.map((o) => o.name).join(m.list) }],
          [{ label: x.inspectedAt, value: done?.date ?? '' }, { label: x.engineeringBy, value: done?.engineeringBy ?? '' }, { label: t.area, value: d.areaM2 === null ? '' : fill(t.areaValue, { n: d.areaM2 }) }],
        ],
        3,
      ),
      section(x.partItems, 6),
      ...(done ? [{ text: fill(x.summary, c), fontSize: 8, color: GREY, margin: [0, 0, 0, 3] }] : []),
      // Set close: the default template's 30 items, the meters, a few defects and the signatures on one page.
      { ...(table([x.colArea, x.colItem, x.colResult, x.colNote, x.colCritical], [56, 86, done ? 50 : 92, '*', 34], items) as object), fontSize: 8, lineHeight: 0.95 },
      ...(read.length ? [section(x.partMeters, 6), meterTable] : []),
      section(x.partDefects, 6),
      done && !defects.length
        ? { text: x.noDefects, color: GREY }
        : table([x.colArea, x.colDefect, x.colOpinion, x.colDue, x.colState], [80, '*', '*', 56, 76], defects.length ? defects : [[' ', ' ', ' ', ' ', ' ']]),
      ...(d.defectsAcceptedInWriting ? [{ text: x.acceptedInWriting, bold: true, margin: [0, 6, 0, 0] }] : []),
      { text: ' ', margin: [0, 8, 0, 0] },
      {
        unbreakable: true,
        stack: [
          signatureRow([
            { label: x.signOwner, image: null, caption: t.dateLine },
            { label: x.signEngineering, image: null, caption: done?.engineeringBy ?? t.dateLine },
          ]),
        ],
      },
    ],
    { compact: true },
  );
}
