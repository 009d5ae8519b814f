/**
 * The work order (《维修服务单》, procedure 十三): 有偿服务维修单 for a paid order, 公共区域维修服务派工单 for a
 * free / public-area one. One A4 sheet cut in two at the dashed line, each half an A5 (landscape) part: the
 * desk part (存根: the technician signs it when he takes the order; it stays at the desk) and the engineering
 * part (工程部联: it goes with the technician, the requester signs it, it comes back to the desk, whose QR
 * code opens the order). Its words are kept here in both languages (as release-slip.ts keeps its own).
 */
import type { Language } from '../../../../shared/i18n/index';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import { fenInCapitals, formatFen, type Fen } from '../../../../shared/kernel/money';

/** (Moved to the kernel: the decoration forms write amounts in capitals too.) */
export { fenInCapitals };
import { maskPhone } from '../../../../shared/master/id-number';
import type { RepairDetail } from '../../../../shared/workflows/repairs/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { cutLine, labelGrid, partWatermark, signatureRow, siteHeader, thinLayout, type SiteInfo } from '../../../pdf/parts';

const L = {
  'zh-CN': {
    paidTitle: '有偿服务维修单',
    freeTitle: '公共区域维修服务派工单',
    desk: '存根',
    engineering: '工程部联',
    partTitle: (title: string, part: string) => `${title}（${part}）`,
    cut: '沿此线剪开',
    hotline: '服务热线',
    number: '编号',
    place: '报修位置',
    publicArea: (name: string) => `公共区域：${name}`,
    category: '维修类别',
    nature: '维修性质',
    urgent: '紧急维修',
    normal: '一般维修',
    urgentStamp: '紧急',
    reporter: '报修人',
    phone: '联系电话',
    reportedAt: '报修时间',
    receiver: '接报人',
    appointment: '预约时间',
    notified: '通知工程部',
    notifiedText: (name: string, at: string, chases: number) => `${name} ${at}${chases ? `（已催促 ${chases} 次）` : ''}`,
    description: '故障描述',
    reopened: (n: number) => `【回访后重新派工，第 ${n} 次】`,
    charges: ['序号', '收费项目', '单位', '单价（元）', '数量', '金额（元）'],
    total: '合计',
    estimate: '预计合计',
    capitals: (c: string) => `人民币大写：${c}`,
    priceTold: '已向客户说明收费标准及原因',
    priceNotTold: '未向客户说明收费标准',
    free: '收费',
    freeText: '无偿维修（公共区域），不向客户收费',
    technician: '维修员',
    techSignsFor: '维修员签领',
    techSign: '维修员签字',
    pickedUpAt: '领单时间',
    returned: '返回 / 接单人',
    workDone: '维修情况',
    materials: '更换材料',
    finishedAt: '完成时间',
    leakTest: '闭水试验日期',
    requesterSign: '报修人签字确认',
    onPaper: '（纸上签名）',
    printed: '打印时间',
    copy: '副本',
  },
  en: {
    paidTitle: 'Paid Repair Order',
    freeTitle: 'Public-Area Work Order',
    desk: 'Desk stub',
    engineering: 'Engineering part',
    partTitle: (title: string, part: string) => `${title} (${part})`,
    cut: 'cut here',
    hotline: 'Hotline',
    number: 'No.',
    place: 'Location',
    publicArea: (name: string) => `Public area: ${name}`,
    category: 'Category',
    nature: 'Urgency',
    urgent: 'URGENT',
    normal: 'Normal',
    urgentStamp: 'URGENT',
    reporter: 'Reported by',
    phone: 'Phone',
    reportedAt: 'Reported',
    receiver: 'Received by',
    appointment: 'Booked for',
    notified: 'Dispatched',
    notifiedText: (name: string, at: string, chases: number) => `${name} ${at}${chases ? ` (chased ${chases}×)` : ''}`,
    description: 'Fault',
    reopened: (n: number) => `[Reopened after a callback, ${n}×] `,
    charges: ['#', 'Charge item', 'Unit', 'Price (¥)', 'Qty', 'Amount (¥)'],
    total: 'Total',
    estimate: 'Estimated total',
    capitals: (c: string) => c,
    priceTold: 'The customer was told the price and why',
    priceNotTold: 'The customer was not told the price',
    free: 'Charge',
    freeText: 'Free repair (public area): nothing is charged to the customer',
    technician: 'Technician',
    techSignsFor: 'Taken by (technician)',
    techSign: 'Technician',
    pickedUpAt: 'Taken at',
    returned: 'Returned at / by',
    workDone: 'Work done',
    materials: 'Materials',
    finishedAt: 'Finished',
    leakTest: 'Leak test',
    requesterSign: 'Requester signs',
    onPaper: '(signs on paper)',
    printed: 'Printed',
    copy: 'COPY',
  },
} as const;

export interface WorkOrderData {
  repair: RepairDetail;
  /** The category's name as it was at intake. */
  categoryName: string;
  /** In full: the desk part keeps it, the engineering part shows it masked. */
  reporterPhone: string;
  signatures: { technician: string | null; requester: string | null };
}

export interface WorkOrderOptions {
  copy: boolean;
  printedAt: string;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 28;
const MARGIN_TOP = 20;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
/** cutLine draws its dashed line this far below where it starts (its top margin and the line's y). */
const CUT_LINE_OFFSET = 11;
/** The desk part fills the top half exactly, so the dashed line falls on the middle of the sheet: two A5 halves. */
const PART_HEIGHT = PAGE_HEIGHT / 2 - MARGIN_TOP - CUT_LINE_OFFSET;
/** Charge lines in one table; more are printed in two tables side by side. */
const ONE_COLUMN_CHARGES = 6;
/** Lines an unfinished order's charge table keeps for the technician to add by hand. */
const MIN_CHARGE_LINES = 3;
/** Lines (of text and table, estimated) an engineering part holds in ordinary type; more are set in smaller type. */
const ORDINARY_LINES = 15;
/** How much higher the cut line is on a compact order (its engineering part has the most to hold). */
const COMPACT_SHIFT = 24;
const GREY = '#555555';
/** A table that only holds its cell: no rules, no padding. */
const BARE = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 };
const ALERT = '#b3261e';

/** Site wall clock "YYYY-MM-DD HH:mm" of an instant (Beijing time, as the repairs service counts). */
const when = (iso: string | null): string => (iso ? localWallClock(iso).replace('T', ' ') : '');
const yuan = (fen: Fen): string => formatFen(fen).slice(1);

/** How many lines `text` takes wrapped at about `perLine` characters (Chinese is the widest), or `empty` when there is none. */
const linesOf = (text: string | null | undefined, perLine: number, empty = 1): number => (text ? Math.ceil(text.length / perLine) : empty);

/**
 * A generous estimate of the lines an order's engineering part holds beyond its fixed parts: the grid's cells
 * that wrap, the fault, the charge lines (with the blank ones), the work done and materials (or their blank
 * room). The desk part holds less than this, so when the engineering part fits, both do.
 */
export function bodyLines(r: RepairDetail, extra: { categoryName: string; notified: string }): number {
  const CELL = 14;
  const LINE = 50;
  const grid = [[r.placeName, extra.categoryName], [r.reporterName], [r.receiverName, extra.notified]].reduce((n, row) => n + Math.max(...row.map((v) => linesOf(v, CELL))) - 1, 0);
  const charges = r.paid ? Math.max(r.charges.length, r.finishedAt ? 1 : MIN_CHARGE_LINES) : 1;
  return grid + linesOf(r.description, LINE) + (r.reopenCount > 0 ? 1 : 0) + charges + linesOf(r.workDone, LINE, 4) + linesOf(r.materials, LINE, 3);
}

/** Charge lines (price and amount in yuan, right-aligned), with room left for lines added by hand until the order is finished. */
function chargeTable(headers: readonly string[], lines: RepairDetail['charges'], blankLines: number, fontSize: number, lineHeight: number): Content {
  const right = (text: string) => ({ text, alignment: 'right', noWrap: true });
  const body: Content[][] = [headers.map((h, i) => ({ text: h, bold: true, fillColor: '#f3f3f3', fontSize: fontSize - 0.5, alignment: i >= 3 ? 'right' : i === 1 ? 'left' : 'center', noWrap: true }))];
  for (const c of lines) body.push([{ text: String(c.line), alignment: 'center' }, { text: c.name }, { text: c.unitOfCount, alignment: 'center' }, right(yuan(c.unitPriceFen)), right(String(c.quantity)), right(yuan(c.amountFen))]);
  for (let i = 0; i < blankLines; i++) body.push(headers.map(() => ({ text: ' ' })));
  return { table: { headerRows: 1, widths: [14, '*', 22, 44, 22, 50], body }, layout: thinLayout(), fontSize, lineHeight };
}

/** A label/value table whose value cells are tall enough to write in by hand while they are empty. */
function writingGrid(rows: { label: string; value: string; lines: number }[], lineHeight: number): Content {
  return {
    table: {
      widths: [46, '*'],
      body: rows.map((r) => [
        { text: r.label, color: GREY, fontSize: 7.5, fillColor: '#f3f3f3' },
        { text: r.value || ' ', margin: [0, 0, 0, r.value ? 0 : (r.lines - 1) * 10] },
      ]),
    },
    layout: thinLayout(),
    lineHeight,
  };
}

/** The work order: desk part above, engineering part below the cut line, in the UI language. */
export function workOrderDocument(data: WorkOrderData, site: SiteInfo, lang: Language, opts: WorkOrderOptions): DocDefinition {
  const t = L[lang];
  const r = data.repair;
  const title = r.paid ? t.paidTitle : t.freeTitle;
  const finished = r.finishedAt !== null;
  const returned = finished ? [...r.timeline].reverse().find((e) => e.action === 'complete') : undefined;
  const notified = r.notifiedName ? t.notifiedText(r.notifiedName, when(r.dispatchedAt).slice(11), r.chaseCount) : '';
  // Many charge lines or long texts: smaller type, so each part still fits its half of the sheet.
  const compact = r.charges.length > ONE_COLUMN_CHARGES || bodyLines(r, { categoryName: data.categoryName, notified }) > ORDINARY_LINES;
  const tableFont = compact ? 6.5 : 8;
  const lineHeight = compact ? 0.85 : 1;

  const charges = (): Content[] => {
    if (!r.paid) return [labelGrid([[{ label: t.free, value: t.freeText }]], 1)];
    const lines = r.charges;
    const totalRow: Content = {
      columns: [
        { width: '*', text: lang === 'zh-CN' && r.chargeTotalFen > 0 ? t.capitals(fenInCapitals(r.chargeTotalFen)) : '', fontSize: 7.5, color: GREY, margin: [0, 1, 0, 0] },
        { width: 'auto', text: [{ text: `${finished ? t.total : t.estimate}  `, color: GREY, fontSize: 7.5 }, { text: formatFen(r.chargeTotalFen), bold: true, fontSize: 9.5 }] },
      ],
      margin: [0, 1, 0, 1],
    };
    const told = { text: `${r.priceTold ? '✓' : '✗'} ${r.priceTold ? t.priceTold : t.priceNotTold}`, fontSize: 7.5, color: r.priceTold ? GREY : ALERT, margin: [0, 0, 0, 1] };
    const blank = finished ? 0 : Math.max(0, MIN_CHARGE_LINES - lines.length);
    let table: Content;
    if (lines.length <= ONE_COLUMN_CHARGES) table = chargeTable(t.charges, lines, blank, tableFont, lineHeight);
    else {
      const half = Math.ceil(lines.length / 2);
      table = { columns: [chargeTable(t.charges, lines.slice(0, half), 0, tableFont, lineHeight), chargeTable(t.charges, lines.slice(half), half - (lines.length - half), tableFont, lineHeight)], columnGap: 6 };
    }
    return [table, totalRow, told];
  };

  const part = (which: 'desk' | 'engineering'): Content[] => {
    const phone = which === 'desk' ? data.reporterPhone : maskPhone(data.reporterPhone);
    const place = r.unitId ? r.placeName : t.publicArea(r.placeName);
    const info = labelGrid(
      [
        [
          { label: t.place, value: place },
          { label: t.category, value: data.categoryName },
          { label: t.nature, value: r.urgent ? t.urgent : t.normal },
        ],
        [
          { label: t.reporter, value: r.reporterName },
          { label: t.phone, value: phone },
          { label: t.reportedAt, value: when(r.reportedAt) },
        ],
        [
          { label: t.receiver, value: r.receiverName ?? '' },
          { label: t.appointment, value: when(r.appointmentAt) },
          { label: t.notified, value: notified },
        ],
        // A reopened order says so before its fault (the first repair did not hold).
        [{ label: t.description, value: r.reopenCount > 0 ? `${t.reopened(r.reopenCount)}${r.description}` : r.description, span: 3 }],
      ],
      3,
    );
    // The urgency cell in bold ink: the grid's sixth cell of its first row.
    Object.assign(info as object, { lineHeight });
    const urgency = (info as { table: { body: Record<string, unknown>[][] } }).table.body[0][5];
    if (r.urgent) Object.assign(urgency, { bold: true, color: ALERT });

    const technician = r.technician ? [r.technician.name, r.technician.trade].filter(Boolean).join(' ') : undefined;
    // The technician's name under the line he signs, or under his signature captured on screen.
    const techBlock = (label: string) => (data.signatures.technician ? { label, image: data.signatures.technician, note: technician } : { label, image: null, caption: technician });
    const out: Content[] = [
      siteHeader(site, t.partTitle(title, which === 'desk' ? t.desk : t.engineering), r.number, { hotline: t.hotline, number: t.number }, opts.copy ? t.copy : undefined, r.urgent ? t.urgentStamp : undefined),
      info,
      // A reprint is marked on each part (header stamp and a light mark across the part), so a part cut off alone still reads as a copy.
      ...(opts.copy ? [partWatermark(t.copy, 4)] : []),
      { stack: charges(), margin: [0, 3, 0, 0] },
    ];
    // The print time beside the signatures, at the part's bottom right (each part cut off alone still shows it).
    const signed = (blocks: Parameters<typeof signatureRow>[0]): Content => ({
      columns: [
        { width: '*', stack: [signatureRow(blocks)] },
        { width: 52, stack: [t.printed, { text: opts.printedAt, noWrap: true }], fontSize: 6, color: GREY, alignment: 'right', margin: [0, 14, 0, 0] },
      ],
    });
    if (which === 'desk') {
      out.push(
        signed([
          techBlock(t.techSignsFor),
          r.pickedUpAt ? { label: t.pickedUpAt, image: null, instead: when(r.pickedUpAt) } : { label: t.pickedUpAt, image: null },
          returned ? { label: t.returned, image: null, instead: `${when(returned.at)} ${returned.userName ?? ''}`.trim() } : { label: t.returned, image: null },
        ]),
      );
    } else {
      const requester = r.requesterSign === 'screen' ? data.signatures.requester : null;
      out.push(
        { ...(writingGrid([
          { label: t.workDone, value: r.workDone ?? '', lines: 4 },
          { label: t.materials, value: r.materials ?? '', lines: 3 },
        ], lineHeight) as object), margin: [0, 3, 0, 0] },
        signed([
          techBlock(t.techSign),
          { label: t.requesterSign, image: requester, caption: r.requesterSign === 'paper' ? t.onPaper : undefined },
          r.finishedAt ? { label: t.finishedAt, image: null, instead: when(r.finishedAt), note: r.leakTestDate ? `${t.leakTest} ${r.leakTestDate}` : undefined } : { label: t.finishedAt, image: null },
        ]),
      );
    }
    return [{ stack: out, fontSize: compact ? 7 : 8.5 }];
  };

  return {
    pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, 16],
    defaultStyle: { fontSize: 8.5, lineHeight: 1.1 },
    info: { title: `${title} ${r.number}`, subject: r.number, creator: 'FrontDesk' },
    content: [
      // The desk part in a box of exactly half the sheet (less the margin), so the cut falls on the middle.
      // (A compact order, one with the most lines and text, gives the engineering part a little of the desk part's room.)
      { table: { widths: ['*'], heights: [compact ? PART_HEIGHT - COMPACT_SHIFT : PART_HEIGHT], body: [[{ stack: part('desk') }]] }, layout: BARE },
      cutLine(CONTENT_WIDTH, t.cut),
      ...part('engineering'),
    ],
  };
}
