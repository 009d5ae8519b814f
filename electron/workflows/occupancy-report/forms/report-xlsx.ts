/**
 * The monthly occupancy report as a workbook, in the UI language: a summary sheet (the PDF's table, numbers as
 * numbers, the totals row as formulas — SUMs, and the rate computed from the summed columns) and a detail sheet
 * of every unit with its state at month end and its changes of state in the month.
 */
import type { Language } from '../../../../shared/i18n/index';
import type { OccupancyReport } from '../../../../shared/workflows/occupancy-report/schema';
import type { StateOrNone } from '../../../../shared/workflows/occupancy-report/rules';
import { createReportBook, type TotalSpec, type XlsxCell, type XlsxColumn } from '../../../kit/xlsx';
import { REPORT_STRINGS } from '../../../pdf/table';
import type { DetailUnit } from '../service';
import { figureRow, REPORT_WORDS, reportColumns, statusOf } from './report-pdf';

/** Column indices of the summary sheet (see reportColumns): handed over, the three occupied states, the rate. */
const HANDED = 2;
const OCCUPIED = [4, 5, 6];
const RATE = 14;

export async function reportWorkbook(report: OccupancyReport, detail: readonly DetailUnit[], lang: Language, opts: { siteName: string; created: Date }): Promise<Buffer> {
  const W = REPORT_WORDS[lang];
  const state = (s: StateOrNone) => (s === null ? W.noState : W.states_[s]);
  const columns: XlsxColumn[] = reportColumns(lang).map((c) => ({ header: c.header, kind: c.kind === 'percent' ? 'percent' : c.kind === 'number' ? 'number' : 'text', decimals: c.decimals }));
  const rows = report.buildings.map((b) => figureRow(W.buildingName(b.code, b.name), b.figures) as XlsxCell[]);
  const t = report.total;
  const occupied = t.ownerOccupied + t.officeInUse + t.rented;
  const rate: TotalSpec = {
    formula: (at) => `IF(${at(HANDED)}=0,0,(${OCCUPIED.map(at).join('+')})/${at(HANDED)})`,
    result: t.handedOver ? (occupied / t.handedOver) * 100 : 0,
  };
  const book = createReportBook({ created: opts.created });
  book.addTableSheet({
    name: W.summary,
    title: `${opts.siteName} ${W.title} ${W.monthTitle(report.month)}`,
    subtitle: `${W.asOf(report.asOf)}（${statusOf(report, lang)}）`,
    columns,
    rows,
    totals: { label: REPORT_STRINGS[lang].total, cells: columns.map((_, i) => (i === RATE ? rate : undefined)) },
  });
  const change = (c: DetailUnit['changes'][number]) => `${c.date} ${state(c.from)}→${state(c.to)}`;
  await book.addDetailSheet({
    name: W.detail,
    title: `${W.title} ${W.monthTitle(report.month)}（${statusOf(report, lang)}）`,
    columns: [
      { header: W.building, kind: 'text' },
      { header: W.unit, kind: 'text' },
      { header: W.stateAtEnd, kind: 'text' },
      { header: W.changeCount, kind: 'number' },
      { header: W.changes, kind: 'text' },
    ],
    rows: (function* () {
      for (const u of detail) yield [u.buildingCode, u.code, state(u.state), u.changes.length, u.changes.map(change).join('；')];
    })(),
  });
  return book.finish();
}
