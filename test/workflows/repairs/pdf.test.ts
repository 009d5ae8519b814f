/**
 * The work order (《维修服务单》) and the end-of-day list as real PDFs, read back with poppler-utils the way a
 * person's tools would, the QR code decoded by zbarimg from the rendered page; and repairs and callbacks in the
 * record kit (open by number, search hits with their route, `cli print` through the kit) on a real SQLite file.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/pdf/engine';
import { bodyLines, fenInCapitals, workOrderDocument, type WorkOrderData } from '../../../electron/workflows/repairs/forms/work-order';
import type { ChannelInput } from '../../../shared/contract';
import { createSite, type Site } from '../../helpers/fixtures';
import { PASSWORD, testEnv, type TestEnv } from '../../helpers/host';
import { pdfFile, pdfFonts, pdfPages, pdfText } from '../../helpers/pdf-tools';
import { finishedRepair, PNG_SIGNATURE, sampleRepair } from '../../helpers/repair-sample';

const SITE = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };
const opts = { copy: false, printedAt: '2026-03-15 12:05' };
const LONG = '厨房水槽下水管爆裂，正在漏水，已关总阀。'.repeat(15).slice(0, 300);

const render = async (...args: Parameters<typeof workOrderDocument>) => pdfFile(await renderPdf(workOrderDocument(...args)));
const count = (text: string, s: string) => text.split(s).length - 1;

/** The page's text split at the cut line: what the desk part and the engineering part each show once cut apart. */
function partsOf(text: string, cut: string): { desk: string; engineering: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(cut));
  expect(at, 'cut line').toBeGreaterThan(0);
  return { desk: lines.slice(0, at).join('\n'), engineering: lines.slice(at + 1).join('\n') };
}

/** Where the cut line's caption ends, in points from the top of the page (the dashed line runs through it). */
function cutLineY(file: string, caption: string): number {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const m = new RegExp(`yMax="([\\d.]+)"[^>]*>${caption.split(' ')[0]}<`).exec(html);
  expect(m, caption).not.toBeNull();
  return Number(m![1]);
}

/** Images drawn on the page (a signature captured on screen; its alpha channel is listed apart, as an smask). */
/** The images on the page other than the header's QR codes (greyscale, one pixel a module): the signatures. */
const images = (file: string) =>
  execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image' && !(c[5] === 'gray' && c[3] === c[4] && Number(c[3]) <= 57)).length;

/** Every QR code on the rendered page, as a scanner reads it (poppler renders, zbar decodes). */
function qrCodes(file: string): string[] {
  const prefix = path.join(path.dirname(file), 'page');
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', file, prefix]);
  // (zbarimg tries the desktop bus and says so on stderr when there is none: not ours to show.)
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean).sort();
}

describe('work order PDF', () => {
  it('a paid urgent order: number, unit, reporter, fault, urgency, charge items in yuan and the total, on both parts of one page', async () => {
    const file = await render(sampleRepair(2), SITE, 'zh-CN', opts);
    const text = pdfText(file);
    expect(pdfPages(file)).toBe(1);
    const { desk, engineering } = partsOf(text, '沿此线剪开');
    expect(desk).toContain('有偿服务维修单（存根）');
    expect(engineering).toContain('有偿服务维修单（工程部联）');
    for (const part of [desk, engineering]) {
      expect(part).toContain('BX-2026-000123');
      expect(part).toContain('3-2-1502');
      expect(part).toContain('李娜');
      expect(part).toContain('厨房水槽下水管爆裂，正在漏水，已关总阀');
      // Urgent: stamped beside the title and said in the grid.
      expect(part.split('\n').find((l) => l.includes('有偿服务维修单'))).toContain('紧急');
      expect(part).toContain('紧急维修');
      expect(part).toContain('张前台');
      expect(part).toContain('2026-03-15 11:58');
      expect(part).toContain('2026-03-15 13:00');
      // Charges: name, unit, price and amount in yuan from fen, and the total (an estimate until the order is finished).
      expect(part).toMatch(/上门维修人工\s+次\s+30\.00\s+1\s+30\.00/);
      expect(part).toMatch(/水龙头\s+个\s+45\.50\s+2\s+91\.00/);
      expect(part).toContain('预计合计 ¥121.00');
      expect(part).toContain('人民币大写：壹佰贰拾壹元整');
      expect(part).toContain('已向客户说明收费标准及原因');
      expect(part).not.toContain('副本');
    }
    // The desk part keeps the full phone; the part that goes with the technician shows it masked.
    expect(desk).toContain('13912345678');
    expect(engineering).toContain('139****5678');
    expect(engineering).not.toContain('13912345678');
    // The engineering part has room for the work and the requester's signature; the desk part for the technician taking it.
    for (const s of ['维修情况', '更换材料', '报修人签字确认', '完成时间']) expect(engineering).toContain(s);
    expect(desk).toContain('维修员签领');
    expect(desk).toContain('领单时间');
    for (const f of pdfFonts(file)) expect(f).toMatchObject({ embedded: true, subset: true });
  });

  it('the QR code of each part decodes to the number', async () => {
    const file = await render(sampleRepair(2), SITE, 'zh-CN', opts);
    expect(qrCodes(file)).toEqual(['BX-2026-000123', 'BX-2026-000123']);
  });

  it('a free public-area order is the 公共区域维修服务派工单: no charges, the area named, a normal one not stamped urgent', async () => {
    const free = sampleRepair(0, { paid: false, urgent: false, unitId: null, placeName: '地下车库', chargeState: 'none', priceTold: false });
    const text = pdfText(await render(free, SITE, 'zh-CN', opts));
    expect(text).toContain('公共区域维修服务派工单（存根）');
    expect(text).toContain('公共区域维修服务派工单（工程部联）');
    expect(count(text, '公共区域：地下车库')).toBe(2);
    expect(count(text, '无偿维修（公共区域），不向客户收费')).toBe(2);
    expect(count(text, '一般维修')).toBe(2);
    for (const s of ['紧急', '有偿服务维修单', '收费项目', '合计', '¥']) expect(text).not.toContain(s);
  });

  it('a finished order prints what was done, the final total, who took it and the requester signing on paper', async () => {
    const done = finishedRepair(3, { leakTestDate: '2026-03-16' });
    const file = await render(done, SITE, 'zh-CN', opts);
    const { desk, engineering } = partsOf(pdfText(file), '沿此线剪开');
    for (const part of [desk, engineering]) {
      expect(part).toContain('合计 ¥157.00');
      expect(part).not.toContain('预计合计');
      expect(part).toContain('刘师傅 水电');
    }
    expect(desk).toContain('2026-03-15 12:06');
    expect(desk).toContain('2026-03-15 13:45 张前台');
    expect(engineering).toContain('更换水槽下水管及三通，试水无渗漏');
    expect(engineering).toContain('PVC 下水管 1.5 米，三通 1 个');
    expect(engineering).toContain('2026-03-15 13:40');
    expect(engineering).toContain('闭水试验日期 2026-03-16');
    expect(engineering).toContain('（纸上签名）');
    // The technician signed on screen: his signature is printed on both parts (an image each).
    expect(images(file)).toBe(2);
  });

  it('a signature captured on screen replaces the paper line', async () => {
    const done = finishedRepair(1, { requesterSign: 'screen' });
    done.signatures.requester = PNG_SIGNATURE;
    const file = await render(done, SITE, 'zh-CN', opts);
    expect(pdfText(file)).not.toContain('（纸上签名）');
    expect(images(file)).toBe(3);
  });

  const LANGS = [
    { lang: 'zh-CN', mark: '副本', cut: '沿此线剪开', desk: '有偿服务维修单（存根）', engineering: '有偿服务维修单（工程部联）' },
    { lang: 'en', mark: 'COPY', cut: 'cut here', desk: 'Paid Repair Order (Desk stub)', engineering: 'Paid Repair Order (Engineering part)' },
  ] as const;

  for (const l of LANGS) {
    it(`marks both parts of a reprint as a copy, and never the original (${l.lang})`, async () => {
      for (const n of [2, 20]) {
        const { desk, engineering } = partsOf(pdfText(await render(finishedRepair(n), SITE, l.lang, { ...opts, copy: true })), l.cut);
        for (const [name, part, title] of [['desk', desk, l.desk], ['engineering', engineering, l.engineering]] as const) {
          expect(part, `${name}, ${n} charges`).toContain(title);
          // In the header, on the title's line, and once more as the light mark across the part.
          expect(part.split('\n').find((line) => line.includes(title)), `${name} header`).toContain(l.mark);
          expect(count(part, l.mark), `${name}, ${n} charges`).toBeGreaterThanOrEqual(2);
        }
      }
      const { desk, engineering } = partsOf(pdfText(await render(finishedRepair(2), SITE, l.lang, opts)), l.cut);
      for (const part of [desk, engineering]) expect(part).not.toContain(l.mark);
    });

    it(`fits one page at the limits: 20 charge lines, the longest fault, work and materials, reopened (${l.lang})`, async () => {
      const most = finishedRepair(20, { description: LONG, workDone: LONG, materials: LONG.slice(0, 200), leakTestDate: '2026-03-16', reopenCount: 2, chaseCount: 3 });
      const file = await render(most, SITE, l.lang, { ...opts, copy: true });
      expect(pdfPages(file)).toBe(1);
      const { desk, engineering } = partsOf(pdfText(file), l.cut);
      for (const part of [desk, engineering]) {
        expect(part).toContain(l.lang === 'en' ? 'Total ¥1,052.50' : '合计 ¥1,052.50');
        // Lines 1 and 20 (the two tables side by side) are both there.
        expect(part).toMatch(/\b1\s+上门维修人工/);
        expect(part).toMatch(/20\s+开关面板/);
      }
      expect(engineering).toContain(l.lang === 'en' ? '[Reopened after a callback, 2×]' : '【回访后重新派工，第 2 次】');
      expect(qrCodes(file)).toEqual(['BX-2026-000123', 'BX-2026-000123']);
    });
  }

  it('cuts into two A5 halves: the dashed line on the middle of the sheet, up to the fullest order in ordinary type', async () => {
    const middle = 841.89 / 2;
    const text = (n: number) => '水管接头老化，滴漏不止，楼下天花板已有水渍。'.repeat(20).slice(0, n);
    const full = (d: WorkOrderData, chases = 0) => bodyLines(d.repair, { categoryName: d.categoryName, notified: `工程部刘工 12:01${chases ? `（已催促 ${chases} 次）` : ''}` });
    // The fullest orders still set in ordinary type (each at the estimate's limit), every part of the grid wrapping where it can.
    const cases = [
      sampleRepair(6, { description: text(50), reporterName: '深圳市阳光科技有限公司行政部前台接待李娜' }),
      finishedRepair(6, { description: text(150), workDone: text(150), materials: text(150), leakTestDate: '2026-03-16' }),
      finishedRepair(5, { description: text(150), workDone: text(150), materials: text(100), reopenCount: 1, chaseCount: 3 }),
      sampleRepair(0, { paid: false, unitId: null, placeName: '地下车库B2层东区消防通道旁设备间及其附属的排水泵房入口处', description: text(250) }),
    ];
    for (const [i, d] of cases.entries()) {
      expect(full(d, d.repair.chaseCount), `case ${i}`).toBe(15);
      for (const l of LANGS) {
        const file = await render(d, SITE, l.lang, { ...opts, copy: true });
        expect(pdfPages(file), `case ${i} ${l.lang}`).toBe(1);
        // The caption sits on the line, its bottom a little below it.
        expect(Math.abs(cutLineY(file, l.cut) - 1 - middle), `case ${i} ${l.lang}`).toBeLessThan(3);
      }
    }
    // One line more and the type gets smaller, the line moving up a little to give the engineering part room.
    const more = sampleRepair(6, { description: text(100), reporterName: '深圳市阳光科技有限公司行政部前台接待李娜' });
    expect(full(more)).toBe(16);
    const compact = await render(more, SITE, 'zh-CN', opts);
    expect(pdfPages(compact)).toBe(1);
    expect(middle - (cutLineY(compact, '沿此线剪开') - 1)).toBeGreaterThan(20);
  });

  it('prints in English: the words of the form, the data as entered', async () => {
    const text = pdfText(await render(sampleRepair(2, { chaseCount: 2 }), SITE, 'en', opts));
    for (const s of ['Paid Repair Order (Desk stub)', 'Paid Repair Order (Engineering part)', 'URGENT', 'Location', 'Reported by', 'Charge item', 'Amount (¥)', 'Estimated total ¥121.00', 'The customer was told the price and why', 'Work done', 'Requester signs', 'cut here', '(chased 2×)']) {
      expect(text, s).toContain(s);
    }
    expect(text).toContain('李娜');
    expect(text).not.toMatch(/[存工]根|有偿服务|人民币大写/);
    const free = pdfText(await render(sampleRepair(0, { paid: false, urgent: false, unitId: null, placeName: '大堂', chargeState: 'none' }), SITE, 'en', opts));
    expect(free).toContain('Public-Area Work Order (Desk stub)');
    expect(free).toContain('Public area: 大堂');
    expect(free).not.toContain('URGENT');
  });

  it('writes amounts in Chinese capitals (人民币大写)', () => {
    expect(fenInCapitals(12_100)).toBe('壹佰贰拾壹元整');
    expect(fenInCapitals(3_050)).toBe('叁拾元伍角整');
    expect(fenInCapitals(100_005)).toBe('壹仟元零伍分');
    expect(fenInCapitals(105_250)).toBe('壹仟零伍拾贰元伍角整');
    expect(fenInCapitals(1_000_000)).toBe('壹万元整');
    expect(fenInCapitals(1_001_000_000)).toBe('壹仟零壹万元整');
    expect(fenInCapitals(10_010_000)).toBe('壹拾万零壹佰元整');
    expect(fenInCapitals(10_000_000_000)).toBe('壹亿元整');
    expect(fenInCapitals(100_000_000_000)).toBe('壹拾亿元整');
    expect(fenInCapitals(5)).toBe('伍分');
    expect(fenInCapitals(0)).toBe('零元整');
  });
});

// ---------- through the host: printing, the end-of-day list, the record kit ----------

async function setup() {
  const env = testEnv();
  await env.init();
  const site = await createSite(env);
  await env.ok('settings.update', { idleLockMinutes: 240, technicians: [{ code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' }] });
  await env.addUser('clerk');
  await env.addUser('cashier');
  await env.addUser('supervisor');
  return { env, site };
}

const now = (env: TestEnv) => env.clock.now().toISOString();
const wake = async (env: TestEnv) => {
  for (const s of ['mgr', 'clerk', 'cashier', 'supervisor']) await env.ok('auth.unlock', { password: PASSWORD }, s);
};

function intake(env: TestEnv, site: Site, over: Partial<ChannelInput<'repairs.create'>> = {}): ChannelInput<'repairs.create'> {
  return {
    place: { kind: 'unit', unitId: site.unitId },
    reporterName: '张三',
    reporterPhone: '138 1234 5678',
    reportedAt: now(env),
    category: 'water',
    description: '厨房水管爆裂，正在漏水',
    appointmentAt: null,
    urgent: true,
    paid: true,
    priceTold: true,
    charges: [{ code: 'labour_visit', quantity: 1 }, { code: 'tap', quantity: 2 }],
    ...over,
  };
}

const dispatch = (env: TestEnv, id: string) => env.ok('repairs.dispatch', { id, notifiedName: '工程部刘工', notifiedAt: now(env) }, 'clerk');
const pickUp = (env: TestEnv, id: string) => env.ok('repairs.pickUp', { id, technician: 'liu', signature: PNG_SIGNATURE, signedAt: now(env) }, 'clerk');
const complete = (env: TestEnv, id: string) => env.ok('repairs.complete', { id, workDone: '更换阀门', requesterSign: 'paper', finishedAt: now(env) }, 'clerk');
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pdfOf = (base64: string) => pdfFile(Buffer.from(base64, 'base64'));

describe('printing the work order through the host', () => {
  it('records.print (the repair page’s Print): the order as entered; a second print is a copy; both are on the timeline and in the audit log', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    await dispatch(env, r.id);
    const first = await env.ok('records.print', { number: r.number, lang: 'zh-CN' }, 'clerk');
    expect(first).toMatchObject({ fileName: 'BX-2026-000001.pdf', copy: false, form: 'work-order' });
    const file = pdfOf(first.pdfBase64);
    const text = pdfText(file);
    for (const s of ['BX-2026-000001', '1-101', '张三', '138****5678', '13812345678', '厨房水管爆裂，正在漏水', '紧急维修', '上门维修人工', '水龙头', '预计合计 ¥120.00', 'clerk 用户', '工程部刘工']) expect(text, s).toContain(s);
    expect(text).not.toContain('副本');
    expect(qrCodes(file)).toEqual(['BX-2026-000001', 'BX-2026-000001']);

    await pickUp(env, r.id);
    const again = await env.ok('records.print', { number: r.number, lang: 'en' }, 'clerk');
    expect(again).toMatchObject({ fileName: 'BX-2026-000001-copy.pdf', copy: true });
    const copyText = pdfText(pdfOf(again.pdfBase64));
    expect(count(copyText, 'COPY')).toBeGreaterThanOrEqual(4);
    expect(copyText).toContain('刘师傅 水电');

    const detail = await env.ok('repairs.get', { id: r.id }, 'clerk');
    expect(detail.timeline.filter((e) => e.action === 'print' || e.action === 'reprint').map((e) => [e.action, e.detail])).toEqual([['print', '{"count":1}'], ['reprint', '{"count":2}']]);
    expect(env.rows("SELECT action FROM audit_log WHERE entity = 'repair' AND action IN ('print', 'reprint') ORDER BY seq").map((a) => (a as { action: string }).action)).toEqual(['print', 'reprint']);
  });

  it('a voided order is not printed; a cashier may not print', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    expect(await env.fail('records.print', { number: r.number, lang: 'zh-CN' }, 'cashier')).toMatchObject({ code: 'FORBIDDEN' });
    await env.ok('repairs.void', { id: r.id, reason: '重复报修' }, 'supervisor');
    expect(await env.fail('records.print', { number: r.number, lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.printVoided' });
    expect(env.count("SELECT count(*) FROM record_events WHERE kind = 'repair' AND action IN ('print', 'reprint')")).toBe(0);
  });

  it('`cli forms` / `cli print` through the record kit: the number as typed or scanned, the work order, then a copy', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site, { paid: false, priceTold: false, charges: [], urgent: false, place: { kind: 'public', areaCode: 'garage' }, category: 'public_facilities' }), 'clerk');
    for (const typed of [r.number, r.number.toLowerCase(), fullWidth(r.number), 'bx2026 1']) {
      expect(env.host.findRecord(typed), typed).toMatchObject({ kind: 'repair', id: r.id, number: r.number, forms: [{ name: 'work-order', format: { kind: 'A4' } }] });
    }
    const first = await env.host.printRecord(fullWidth(r.number.toLowerCase()), undefined, 'zh-CN', null);
    expect(first).toMatchObject({ copy: false, number: r.number, form: 'work-order' });
    const text = pdfText(pdfFile(first.bytes));
    expect(text).toContain('公共区域维修服务派工单（工程部联）');
    expect(text).toContain('公共区域：地下车库');
    const again = await env.host.printRecord(r.number, 'work-order', 'en', null);
    expect(again.copy).toBe(true);
    expect(pdfText(pdfFile(again.bytes))).toContain('Public-Area Work Order (Engineering part)');
  });
});

describe('the end-of-day list (PDF)', () => {
  it('lists the orders received before 17:00 not returned or not finished, older days included — and nothing else', async () => {
    const { env, site } = await setup();
    env.clock.set('2026-03-14T02:00:00.000Z'); // yesterday 10:00, never dispatched
    await wake(env);
    const old = await env.ok('repairs.create', intake(env, site, { urgent: false, paid: false, priceTold: false, charges: [], description: '卧室门把手松动' }), 'clerk');
    env.clock.set('2026-03-15T04:00:00.000Z');
    await wake(env);
    const taken = await env.ok('repairs.create', intake(env, site), 'clerk');
    await dispatch(env, taken.id);
    await pickUp(env, taken.id);
    await env.ok('repairs.chase', { id: old.id, notifiedName: '工程部刘工' }, 'clerk');
    const done = await env.ok('repairs.create', intake(env, site, { urgent: false }), 'clerk');
    await dispatch(env, done.id);
    await pickUp(env, done.id);
    await complete(env, done.id);
    const voided = await env.ok('repairs.create', intake(env, site), 'clerk');
    await env.ok('repairs.void', { id: voided.id, reason: '重复报修' }, 'supervisor');
    const area = await env.ok('repairs.create', intake(env, site, { place: { kind: 'public', areaCode: 'lobby' }, category: 'public_facilities', paid: false, priceTold: false, charges: [], urgent: false }), 'clerk');
    await dispatch(env, area.id);
    env.clock.set('2026-03-15T09:30:00.000Z'); // 17:30: after the check
    await wake(env);
    const late = await env.ok('repairs.create', intake(env, site), 'clerk');

    const pdf = await env.ok('repairs.endOfDayPdf', { date: '2026-03-15', lang: 'zh-CN' }, 'supervisor');
    expect(pdf).toMatchObject({ fileName: 'repairs-open-2026-03-15.pdf', count: 3 });
    const text = pdfText(pdfOf(pdf.pdfBase64));
    expect(text).toContain('报修未返回 / 未处理清单');
    expect(text).toContain('2026-03-15 17:00 前受理');
    expect(text).toContain('共 3 单，其中紧急 1 单');
    const row = (n: string) => text.split('\n').find((l) => l.includes(n)) ?? '';
    expect(row(old.number)).toMatch(/1-101\s+水\s+一般\s+2026-03-14 10:00\s+未派工\s+1\s*$/);
    expect(row(taken.number)).toMatch(/1-101\s+水\s+紧急\s+2026-03-15 12:00\s+已领单，未返回\s+刘师傅\s+0\s*$/);
    expect(row(area.number)).toMatch(/公共区域：大堂\s+公共设施\s+一般\s+2026-03-15 12:00\s+已派工，未领单\s+0\s*$/);
    // Oldest first.
    expect(text.indexOf(old.number)).toBeLessThan(text.indexOf(taken.number));
    for (const n of [done.number, voided.number, late.number]) expect(text).not.toContain(n);

    // Tomorrow's list has the late one; in English; a clerk and a cashier may read it too.
    const next = await env.ok('repairs.endOfDayPdf', { date: '2026-03-16', lang: 'en' }, 'clerk');
    expect(next.count).toBe(4);
    const en = pdfText(pdfOf(next.pdfBase64));
    expect(en).toContain('Repairs Not Returned or Not Finished');
    expect(en).toContain('4 orders, 2 urgent');
    expect(en).toContain(late.number);
    expect(en).toContain('Not returned');
    expect((await env.ok('repairs.endOfDayPdf', { date: '2026-03-13', lang: 'zh-CN' }, 'cashier')).count).toBe(0);
    expect(pdfText(pdfOf((await env.ok('repairs.endOfDayPdf', { date: '2026-03-13', lang: 'zh-CN' }, 'cashier')).pdfBase64))).toContain('没有未返回或未处理的维修服务单');
    // Reading the list changes nothing.
    expect(env.count("SELECT count(*) FROM audit_log WHERE action IN ('print', 'reprint')")).toBe(0);
  });
});

describe('open by number (global search)', () => {
  it('finds a repair and its callback by number, typed or scanned, with the route each opens; a cashier sees no callbacks', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    await dispatch(env, r.id);
    await pickUp(env, r.id);
    const done = await complete(env, r.id);
    const cb = done.callbacks[0];
    expect(cb.number).toBe('HF-2026-000001');

    const repairHit = { kind: 'repair', id: r.id, title: r.number, subtitle: '1-101', unitId: site.unitId, state: 'completed', route: `/repairs/${r.id}` };
    const callbackHit = { kind: 'callback', id: cb.id, title: cb.number, subtitle: `1-101 · ${r.number}`, unitId: null, state: 'open', route: `/callbacks/${cb.id}` };
    // The QR code of the printed work order, as the scanner types it back (with its Enter).
    const printed = await env.ok('records.print', { number: r.number, lang: 'zh-CN' }, 'clerk');
    const [scanned] = qrCodes(pdfOf(printed.pdfBase64));
    for (const q of [r.number, r.number.toLowerCase(), fullWidth(r.number), fullWidth(r.number.toLowerCase()), `${scanned}\r\n`, 'BX2026000001', 'bx-2026-1']) {
      for (const who of ['mgr', 'clerk', 'cashier', 'supervisor']) expect(await env.ok('search.global', { q }, who), `${q} as ${who}`).toEqual([repairHit]);
    }
    for (const q of [cb.number, cb.number.toLowerCase(), fullWidth(cb.number), 'hf2026 1']) {
      for (const who of ['mgr', 'clerk', 'supervisor']) expect(await env.ok('search.global', { q }, who), `${q} as ${who}`).toEqual([callbackHit]);
      // callbacks.read is the desk's and the supervisors': the cashier's search finds nothing by that number.
      expect(await env.ok('search.global', { q }, 'cashier'), q).toEqual([]);
    }
    expect(env.host.findRecord(cb.number)).toMatchObject({ kind: 'callback', id: cb.id, forms: [] });
    for (const q of ['BX-2026-000002', 'BX-2025-000001', 'HF-2026-000002']) expect(await env.ok('search.global', { q }, 'clerk'), q).toEqual([]);
  });
});
