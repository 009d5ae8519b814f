/**
 * The end-of-day list (procedure 十三: 当日早班人员下午5:00下班前检查当日报修，维修服务单未返回及未处理的整理后报部门负责人):
 * every order received before the day's cut-off that is not returned or not finished, older days' included,
 * on A4 for the supervisor, with lines for the early shift and the supervisor to sign. Its words are kept here.
 */
import type { Language } from '../../../../shared/i18n/index';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import type { RepairState } from '../../../../shared/workflows/repairs/rules';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { footer, signatureRow, type SiteInfo } from '../../../pdf/parts';
import { numericTable, type ReportColumn } from '../../../pdf/table';

const L = {
  'zh-CN': {
    title: '报修未返回 / 未处理清单',
    cutoff: (at: string) => `${at} 前受理，截至打印时未返回或未处理的维修服务单`,
    count: (n: number, urgent: number) => `共 ${n} 单${urgent ? `，其中紧急 ${urgent} 单` : ''}`,
    none: '没有未返回或未处理的维修服务单。',
    columns: ['序号', '编号', '报修位置', '维修类别', '性质', '报修时间', '状态', '维修员', '催促次数'],
    urgent: '紧急',
    normal: '一般',
    publicArea: (name: string) => `公共区域：${name}`,
    states: { received: '未派工', dispatched: '已派工，未领单', picked_up: '已领单，未返回', reopened: '回访后重新派工' } as Partial<Record<RepairState, string>>,
    preparedBy: '整理人（早班）',
    supervisor: '部门负责人',
    date: '日期',
    note: '请向工程部负责人了解具体情况后报部门负责人。',
    printed: '打印时间',
    page: (p: number, n: number) => `第 ${p} 页 / 共 ${n} 页`,
  },
  en: {
    title: 'Repairs Not Returned or Not Finished',
    cutoff: (at: string) => `Work orders received before ${at} and not returned or not finished when printed`,
    count: (n: number, urgent: number) => `${n} order${n === 1 ? '' : 's'}${urgent ? `, ${urgent} urgent` : ''}`,
    none: 'No work order is outstanding.',
    columns: ['#', 'No.', 'Location', 'Category', 'Urgency', 'Reported', 'State', 'Technician', 'Chased'],
    urgent: 'URGENT',
    normal: 'normal',
    publicArea: (name: string) => `Public area: ${name}`,
    states: { received: 'Not dispatched', dispatched: 'Not taken', picked_up: 'Not returned', reopened: 'Reopened' } as Partial<Record<RepairState, string>>,
    preparedBy: 'Prepared by (early shift)',
    supervisor: 'Supervisor',
    date: 'Date',
    note: 'Ask the head of engineering about each order before handing this list to the supervisor.',
    printed: 'Printed',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
  },
} as const;

export interface EndOfDayLine {
  number: string;
  placeName: string;
  publicArea: boolean;
  categoryName: string;
  urgent: boolean;
  reportedAt: string;
  state: RepairState;
  technicianName: string | null;
  chaseCount: number;
}

const when = (iso: string) => localWallClock(iso).replace('T', ' ');

/** The list on A4 portrait, oldest first: the header repeated on every page, urgent orders in bold red ink. */
export function endOfDayDocument(lines: readonly EndOfDayLine[], cutoff: string, site: SiteInfo, lang: Language, opts: { printedAt: string }): DocDefinition {
  const t = L[lang];
  const urgent = lines.filter((l) => l.urgent).length;
  const columns: ReportColumn[] = [
    { header: t.columns[0], kind: 'number', width: 18 },
    { header: t.columns[1], kind: 'text', width: 72 },
    { header: t.columns[2], kind: 'text', width: '*' },
    { header: t.columns[3], kind: 'text', width: 44 },
    { header: t.columns[4], kind: 'text', width: 36 },
    { header: t.columns[5], kind: 'text', width: 66 },
    { header: t.columns[6], kind: 'text', width: 70 },
    { header: t.columns[7], kind: 'text', width: 52 },
    { header: t.columns[8], kind: 'number', width: 30 },
  ];
  const table = numericTable({
    columns,
    rows: lines.map((l, i) => [i + 1, l.number, l.publicArea ? t.publicArea(l.placeName) : l.placeName, l.categoryName, l.urgent ? t.urgent : t.normal, when(l.reportedAt), t.states[l.state] ?? l.state, l.technicianName ?? '', l.chaseCount]),
    fontSize: 8,
  }) as { table: { body: Record<string, unknown>[][] } };
  lines.forEach((l, i) => {
    const row = table.table.body[i + 1];
    Object.assign(row[5], { noWrap: true });
    if (l.urgent) Object.assign(row[4], { bold: true, color: '#b3261e' });
  });

  const content: Content[] = [
    { text: site.siteName, fontSize: 10, bold: true },
    site.formHeader ? { text: site.formHeader, fontSize: 7.5, color: '#555555' } : '',
    { text: t.title, fontSize: 14, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
    { text: t.cutoff(when(cutoff)), fontSize: 8.5, alignment: 'center', color: '#333333' },
    { text: t.count(lines.length, urgent), fontSize: 8.5, alignment: 'center', bold: true, margin: [0, 2, 0, 6] },
    lines.length ? table : { text: t.none, fontSize: 9, margin: [0, 8, 0, 8] },
    { text: t.note, fontSize: 7.5, color: '#555555', margin: [0, 6, 0, 0] },
    {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: [signatureRow([{ label: t.preparedBy, image: null }, { label: t.supervisor, image: null }, { label: t.date, image: null }])],
    },
  ];
  return {
    pageMargins: [28, 28, 28, 30],
    defaultStyle: { fontSize: 8.5, lineHeight: 1.1 },
    info: { title: `${t.title} ${when(cutoff)}`, creator: 'FrontDesk' },
    content,
    footer: footer(t.printed, opts.printedAt, t.page),
  };
}
