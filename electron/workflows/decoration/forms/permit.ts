/**
 * 施工许可证 (procedure 二 step 10): stuck on the front door for the whole work. Big enough to read from the
 * corridor: the permit's number, the unit, the contractor and its manager with the phone for the workers'
 * emergencies (施工许可证上注明公司负责人电话), the work period and the hours work may be done, the rules in
 * short, the QR code of the number (a guard's scanner opens the permit) and the site's hotline.
 */
import type { Content, DocDefinition } from '../../../pdf/engine';
import { copyStamp, copyWatermark, footer } from '../../../pdf/parts';
import { qrImage } from '../../../pdf/qr';
import { dayOf, fill, GREY, MARGIN_X, marksOf, wordsOf, type FormInput } from './common';

export function permitDocument(input: FormInput): DocDefinition {
  const t = wordsOf(input.lang);
  const p = t.permit;
  const d = input.detail;
  const c = d.contractorDetail;
  const site = input.site;
  const row = (label: string, value: string, big = false): Content[] => [
    { text: label, fontSize: 13, color: GREY, margin: [6, big ? 9 : 7, 0, 5] },
    { text: value || ' ', fontSize: big ? 22 : 16, bold: true, margin: [6, big ? 4 : 5, 6, 4] },
  ];
  const rows: Content[][] = [
    row(t.unit, `${d.unitCode}${d.buildingName && !d.unitCode.startsWith(d.buildingName) ? `${marksOf(input.lang).open}${d.buildingName}${marksOf(input.lang).close}` : ''}`),
    row(p.contractor, c.self ? p.selfName : (c.company ?? '')),
    row(p.manager, c.self ? d.applicant.name : (c.managerName ?? '')),
    row(p.managerPhone, c.self ? input.applicantPhone : (c.managerPhone ?? ''), true),
    row(p.workPeriod, fill(t.periodValue, { from: d.workFrom, to: d.workTo })),
    row(p.workingHours, input.settings.workingHours),
    row(p.issuedAt, dayOf(d.permitIssuedAt)),
  ];
  const frame = {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1.6 : 0.6),
    vLineWidth: (i: number) => (i === 0 || i === 2 ? 1.6 : 0.6),
    hLineColor: () => '#333333',
    vLineColor: () => '#333333',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
  return {
    pageMargins: [MARGIN_X, 36, MARGIN_X, 30],
    defaultStyle: { fontSize: 11, lineHeight: 1.15 },
    info: { title: `${p.title} ${d.number}`, subject: d.number, creator: 'FrontDesk' },
    background: input.opts.copy ? copyWatermark(t.copy) : undefined,
    footer: footer(t.printed, input.opts.printedAt, (page, pages) => fill(t.page, { page, pages })),
    content: [
      { text: site.siteName, fontSize: 15, bold: true, alignment: 'center' },
      ...(site.formHeader ? [{ text: site.formHeader, fontSize: 9, color: GREY, alignment: 'center', margin: [0, 2, 0, 0] }] : []),
      { text: p.title, fontSize: 50, bold: true, alignment: 'center', characterSpacing: input.lang === 'zh-CN' ? 10 : 1, margin: [0, 12, 0, 2] },
      { text: p.subtitle, fontSize: 10, color: GREY, alignment: 'center' },
      ...(input.opts.copy ? [{ columns: [{ width: '*', text: '' }, { ...(copyStamp(t.copy) as object), width: 'auto' }, { width: '*', text: '' }], margin: [0, 6, 0, 0] }] : []),
      { text: [{ text: `${p.number}  `, fontSize: 12, color: GREY }, { text: d.number, fontSize: 24, bold: true }], alignment: 'center', margin: [0, 14, 0, 14] },
      { table: { widths: [120, '*'], body: rows }, layout: frame },
      { text: p.rules, fontSize: 10, color: '#333333', margin: [0, 14, 0, 0], lineHeight: 1.35 },
      {
        margin: [0, 22, 0, 0],
        columns: [
          { width: 150, stack: [qrImage(d.number, 150), { text: `${p.scan}  ${d.number}`, fontSize: 8, color: GREY, margin: [0, -6, 0, 0] }] },
          {
            width: '*',
            stack: [
              site.hotline ? { text: p.hotline, fontSize: 12, color: GREY, margin: [0, 12, 0, 2] } : '',
              site.hotline ? { text: site.hotline, fontSize: 24, bold: true } : '',
              site.address ? { text: site.address, fontSize: 9, color: GREY, margin: [0, 4, 0, 0] } : '',
            ],
          },
          {
            width: 130,
            stack: [
              { text: p.stamp, fontSize: 10, color: GREY, alignment: 'center', margin: [0, 70, 0, 0] },
              { text: t.dateLine, fontSize: 10, color: GREY, alignment: 'center', margin: [0, 8, 0, 0] },
            ],
          },
        ],
      },
    ],
  };
}
