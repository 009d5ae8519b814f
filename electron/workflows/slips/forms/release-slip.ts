import type { DocDefinition, Content } from '../../../pdf/engine';
import { cutLine, footer, itemTable, labelGrid, partWatermark, signatureRow, siteHeader, type SiteInfo } from '../../../pdf/parts';
import { MAX_SLIP_ITEMS, type SlipDetail } from '../../../../shared/workflows/slips/schema';
import { maskPhone } from '../../../../shared/master/id-number';
import type { Signer } from '../../../../shared/workflows/slips/rules';

export type PdfLang = 'zh-CN' | 'en';

const L = {
  'zh-CN': {
    title: '物品放行条',
    archive: '存档联',
    gate: '门岗联',
    cut: '沿此线剪开',
    hotline: '服务热线',
    number: '编号',
    unit: '房号',
    nature: '性质',
    date: '开单日期',
    carrier: '携带人',
    phone: '电话',
    idNo: '证件号',
    reason: '事由',
    items: ['序号', '物品名称', '数量', '单位', '备注'],
    verification: '电话核实',
    fees: '费用结清',
    feesText: (by: string, at: string, receipt: string) => `收银员 ${by} 于 ${at} 确认费用已结清至当日，收据号 ${receipt}`,
    meters: '抄表读数',
    meterText: (w: number, e: number, g: number | null) => `水 ${w}　电 ${e}${g === null ? '' : `　气 ${g}`}`,
    sigClerk: '经办人签字',
    sigCarrier: '携带人签字',
    sigOwner: '业主签字',
    onPaper: '（纸上签名）',
    notSigning: '业主不签字',
    recording: (ref: string) => `电话录音：${ref}`,
    gateCheck: '门岗核验（签字）',
    gateTime: '出门时间',
    printed: '打印时间',
    page: (p: number, n: number) => `第 ${p} 页 / 共 ${n} 页`,
    copy: '副本',
    natures: { moving_out: '搬家迁出', temporary: '临时携带' },
    carriers: { owner: '业主', tenant: '租户', family: '家属', helper: '保姆/家政', decoration_worker: '装修工人', company_employee: '公司职员', other: '其他' },
    contacts: { owner: '业主', company_head: '公司负责人', decoration_manager: '装修负责人' },
    answers: { agreed: '同意', refused: '不同意', unreachable: '未联系上' },
    call: (role: string, name: string, phone: string, at: string, answer: string) => `致电${role} ${name}（${phone}）${at}，${answer}`,
    notRequired: '业主本人携带，无需核实',
    tenantMoveOut: '（租户退租）',
    blankBelow: '以下空白',
    paren: (a: string, b: string) => `${a}（${b}）`,
  },
  en: {
    title: 'Goods Release Slip',
    archive: 'Archive part',
    gate: 'Gate part',
    cut: 'cut here',
    hotline: 'Hotline',
    number: 'No.',
    unit: 'Unit',
    nature: 'Nature',
    date: 'Date',
    carrier: 'Carrier',
    phone: 'Phone',
    idNo: 'ID no.',
    reason: 'Reason',
    items: ['#', 'Item', 'Qty', 'Unit', 'Remark'],
    verification: 'Verified by phone',
    fees: 'Fees cleared',
    feesText: (by: string, at: string, receipt: string) => `Cashier ${by} confirmed all fees cleared to date on ${at}, receipt ${receipt}`,
    meters: 'Meter readings',
    meterText: (w: number, e: number, g: number | null) => `water ${w}  electricity ${e}${g === null ? '' : `  gas ${g}`}`,
    sigClerk: 'Clerk signature',
    sigCarrier: 'Carrier signature',
    sigOwner: 'Owner signature',
    onPaper: '(signs on paper)',
    notSigning: 'Owner does not sign',
    recording: (ref: string) => `Phone recording: ${ref}`,
    gateCheck: 'Checked at gate (signature)',
    gateTime: 'Exit time',
    printed: 'Printed',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    copy: 'COPY',
    natures: { moving_out: 'Moving out', temporary: 'Temporary carry-out' },
    carriers: { owner: 'Owner', tenant: 'Tenant', family: 'Family member', helper: 'Nanny / domestic helper', decoration_worker: 'Decoration worker', company_employee: 'Company employee', other: 'Other' },
    contacts: { owner: 'owner', company_head: "company's responsible person", decoration_manager: 'decoration manager' },
    answers: { agreed: 'agreed', refused: 'refused', unreachable: 'unreachable' },
    call: (role: string, name: string, phone: string, at: string, answer: string) => `Called ${role} ${name} (${phone}) at ${at}: ${answer}`,
    notRequired: 'Carried by the owner in person: no verification needed',
    tenantMoveOut: ' (tenant moving out)',
    blankBelow: 'Blank below',
    paren: (a: string, b: string) => `${a} (${b})`,
  },
} as const;

/** Local "YYYY-MM-DD HH:mm" of an ISO instant, in the given IANA time zone. */
function localTime(iso: string, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export interface SlipPrintData {
  slip: SlipDetail;
  signatures: { clerk: string | null; carrier: string | null; owner: string | null };
  carrierPhone: string | null;
}

const CONTENT_WIDTH = 595.28 - 2 * 28;
/** How far below the top of the item table the part's copy mark sits (about the middle of its lines). */
const WATERMARK_Y = 34;

/** The slip: one A4 page, archive part and gate part separated by a dashed cut line, in the UI language. */
export function slipDocument(data: SlipPrintData, site: SiteInfo, lang: PdfLang, opts: { copy: boolean; printedAt: string; timeZone: string }): DocDefinition {
  const t = L[lang];
  const s = data.slip;
  const when = (iso: string) => localTime(iso, opts.timeZone);

  const part = (which: 'archive' | 'gate'): Content[] => {
    const phone = data.carrierPhone ? (which === 'archive' ? data.carrierPhone : maskPhone(data.carrierPhone)) : '';
    const grid = labelGrid(
      [
        [
          { label: t.unit, value: s.unitCode },
          { label: t.nature, value: t.natures[s.nature] + (s.tenantMoveOut ? t.tenantMoveOut : '') },
          { label: t.date, value: when(s.issuedAt ?? s.createdAt).slice(0, 10) },
        ],
        [
          { label: t.carrier, value: t.paren(s.carrierName, t.carriers[s.carrierType]) },
          { label: t.phone, value: phone },
          { label: t.idNo, value: s.carrierIdMasked ?? '' },
        ],
        [{ label: t.reason, value: s.reason, span: 3 }],
      ],
      3,
    );
    const items = itemTable(
      [...t.items],
      [22, '*', 34, 34, 110],
      s.items.map((i) => [String(i.line), i.name, String(i.quantity), i.unitOfCount, i.remark ?? '']),
      MAX_SLIP_ITEMS,
      CONTENT_WIDTH - 8,
      t.blankBelow,
    );
    const agreed = [...s.calls].reverse().find((c) => c.answer === 'agreed') ?? s.calls[s.calls.length - 1];
    const checks: { label: string; value: string; span?: number }[][] = [
      [
        {
          label: t.verification,
          value: !s.needsVerification
            ? t.notRequired
            : agreed
              ? t.call(t.contacts[agreed.contactRole], agreed.contactName, agreed.contactPhoneMasked, when(agreed.calledAt), t.answers[agreed.answer])
              : '',
        },
      ],
    ];
    // The gate needs what leaves and who agreed; fees and meters stay on the archive part.
    if (which === 'archive' && s.nature === 'moving_out' && s.fees) checks.push([{ label: t.fees, value: t.feesText(s.fees.clearedByName ?? '', when(s.fees.clearedAt), s.fees.receipt) }]);
    if (which === 'archive' && s.meterReadings) checks.push([{ label: t.meters, value: t.meterText(s.meterReadings.water, s.meterReadings.electricity, s.meterReadings.gas) }]);
    // Each signer as they chose: the image signed on screen, an empty line captioned for the one who signs the paper,
    // and for an owner who does not sign, the recording in place of the line (nothing left blank to sign later).
    const signer = (label: string, who: Signer) => {
      const mode = s.signers[who];
      const image = mode === 'screen' || mode === null ? data.signatures[who] : null;
      if (mode === 'recording') return { label, image: null, instead: t.notSigning, note: t.recording(s.recordingRef ?? '') };
      return { label, image, caption: mode === 'paper' ? t.onPaper : undefined };
    };
    const sigs = signatureRow([signer(t.sigClerk, 'clerk'), signer(t.sigCarrier, 'carrier'), signer(t.sigOwner, 'owner')]);
    const out: Content[] = [
      siteHeader(site, t.paren(t.title, which === 'archive' ? t.archive : t.gate), s.number, { hotline: t.hotline, number: t.number }, opts.copy ? t.copy : undefined),
      grid,
      // A reprint is marked on each part (header stamp and a light mark across the item table), so a part cut off alone still reads as a copy.
      ...(opts.copy ? [partWatermark(t.copy, WATERMARK_Y)] : []),
      { ...(items as object), margin: [0, 3, 0, 3] },
      labelGrid(checks, 1),
      sigs,
    ];
    if (which === 'gate') out.push(signatureRow([{ label: t.gateCheck, image: null }, { label: t.gateTime, image: null }]));
    return out;
  };

  return {
    pageMargins: [28, 22, 28, 26],
    defaultStyle: { fontSize: 8.5, lineHeight: 1.1 },
    info: { title: `${t.title} ${s.number}`, subject: s.number, creator: 'FrontDesk' },
    content: [...part('archive'), cutLine(CONTENT_WIDTH, t.cut), ...part('gate')],
    footer: footer(t.printed, opts.printedAt, t.page),
  };
}
