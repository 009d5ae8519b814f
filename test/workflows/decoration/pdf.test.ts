/**
 * The decoration forms as real PDFs printed through the host (`records.print` by the permit's ZX number), read
 * back with poppler-utils the way a person's tools would, the QR codes decoded by zbarimg from the rendered
 * pages: the permit on the door, a sheet of worker passes, the rectification notice, the refund form with its
 * amounts from the ledger, a reprint marked as a copy, the English version, and the forms that refuse.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fenInCapitals } from '../../../shared/kernel/money';
import { at, inspected, refundInput, setup, underWay, type Detail } from '../../helpers/decoration';
import type { Site } from '../../helpers/fixtures';
import type { TestEnv } from '../../helpers/host';
import { pdfFile, pdfPages, pdfText } from '../../helpers/pdf-tools';

const SITE = { siteName: '阳光花园', hotline: '0755-86001234', formHeader: '深圳市安居物业服务有限公司 客户服务中心' };

/** Every QR code on every rendered page, as a scanner reads them (poppler renders, zbar decodes). */
function qrCodes(file: string): string[] {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'qr-'));
  execFileSync('pdftoppm', ['-r', '150', '-png', file, path.join(dir, 'page')]);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
  // (zbarimg tries the desktop bus and says so on stderr when there is none: not ours to show.)
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', ...pngs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean).sort();
}

/** With FORMS_PREVIEW=dir, every printed form is also written there (to look at as PNGs). */
let kept = 0;
function keep(name: string, bytes: Buffer) {
  const dir = process.env.FORMS_PREVIEW;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${String(++kept).padStart(2, '0')}-${name}.pdf`), bytes);
}

async function print(env: TestEnv, number: string, form: string, lang: 'zh-CN' | 'en' = 'zh-CN', item?: string, who = 'clerk') {
  const r = await env.ok('records.print', { number, form, lang, ...(item ? { item } : {}) }, who);
  const bytes = Buffer.from(r.pdfBase64, 'base64');
  keep(`${form}${item ? `-${item.slice(-4)}` : ''}-${lang}${r.copy ? '-copy' : ''}`, bytes);
  const file = pdfFile(bytes, `${form}.pdf`);
  return { ...r, file, text: pdfText(file) };
}

async function siteSetup() {
  const s = await setup();
  await s.env.ok('settings.update', SITE);
  return s;
}

const WORKERS = ['王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑强', '冯军', '陈伟'];
const idOf = (i: number) => `44030519${80 + i}0101${String(1000 + i).slice(-3)}${i % 10}`;

async function addPasses(env: TestEnv, d: Detail, names: string[]): Promise<Detail> {
  let out = d;
  for (const [i, name] of names.entries())
    out = await env.ok('decoration.addPass', { id: d.id, name, idNumber: idOf(i), phone: `1390013${String(9000 + i)}`, validFrom: '2026-03-16', validTo: '2026-06-15' }, 'clerk');
  return out;
}

/** A permit under way with a serious violation (both phoned, a penalty), a hot-work approval and 9 passes (one revoked). */
async function busy(env: TestEnv, site: Site): Promise<Detail> {
  let d = await underWay(env, site);
  d = await addPasses(env, d, WORKERS);
  await env.ok('decoration.revokePass', { passId: d.passes[8].id, reason: '已离场' }, 'clerk');
  d = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'serious', description: '擅自拆改承重墙' }, 'clerk');
  const v = d.violations[0];
  await env.ok('decoration.noticeCall', { violationId: v.id, who: 'owner', note: '业主表示理解，支持整改' }, 'clerk');
  await env.ok('decoration.noticeCall', { violationId: v.id, who: 'contractor' }, 'clerk');
  await env.ok('decoration.penalty', { violationId: v.id, amountFen: 50_000, note: '违章整改表 第3号' });
  d = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'minor', description: '楼道堆放材料', warnedWho: '施工负责人李工' }, 'clerk');
  return env.ok('decoration.hotWork', { id: d.id, from: '2026-03-16T01:00:00.000Z', to: '2026-03-16T08:00:00.000Z', location: '厨房（焊接燃气管支架）', fireWatch: '保安李强', approvedBy: '工程部刘工' }, 'clerk');
}

describe('the permit (施工许可证)', () => {
  it('carries the number, the unit, the contractor and its manager’s phone, the period and hours; its QR decodes to the number', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    const p = await print(env, d.number, 'permit');
    expect(p).toMatchObject({ fileName: `${d.number}.pdf`, copy: false, form: 'permit' });
    expect(pdfPages(p.file)).toBe(1);
    for (const s of ['施工许可证', d.number, '1-101', '美家装饰有限公司', '李工', '13911112222', '2026-03-16 至 2026-06-15', '08:00–12:00, 14:00–18:00', '0755-86001234', '阳光花园'])
      expect(p.text, s).toContain(s);
    expect(p.text).not.toContain('副本');
    expect(qrCodes(p.file)).toEqual([d.number]);
    // The working hours are the site's setting.
    await env.ok('settings.update', { decorationWorkingHours: '09:00–12:00, 14:30–17:30' });
    expect((await print(env, d.number, 'permit')).text).toContain('09:00–12:00, 14:30–17:30');
  });

  it('a reprint is a copy (副本), logged as a reprint on the timeline and in the audit log; each form counts its own prints', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    await print(env, d.number, 'permit');
    const again = await print(env, d.number, 'permit');
    expect(again).toMatchObject({ fileName: `${d.number}-copy.pdf`, copy: true });
    expect(again.text.split('副本').length - 1).toBeGreaterThanOrEqual(2);
    // Another form's first print is an original.
    const app = await print(env, d.number, 'application');
    expect(app.copy).toBe(false);
    expect(app.text).not.toContain('副本');
    const detail = await env.ok('decoration.get', { id: d.id }, 'clerk');
    expect(detail.timeline.filter((e) => e.action === 'print' || e.action === 'reprint').map((e) => [e.action, JSON.parse(e.detail!)])).toEqual([
      ['print', { form: 'permit', item: null, count: 1 }],
      ['reprint', { form: 'permit', item: null, count: 2 }],
      ['print', { form: 'application', item: null, count: 1 }],
    ]);
    expect(env.rows("SELECT action FROM audit_log WHERE entity = 'decoration' AND action IN ('print', 'reprint') ORDER BY seq").map((a) => (a as { action: string }).action)).toEqual(['print', 'reprint', 'print']);
  });

  it('a self-decoration (自装) names the owner decorating and the owner’s phone for emergencies', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site, { contractor: { self: true } });
    const p = await print(env, d.number, 'permit');
    for (const s of ['业主自装', '张三', '13812345678']) expect(p.text, s).toContain(s);
    expect(p.text).not.toContain('美家装饰');
  });

  it('prints in English: the words of the form, the data as entered', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    const p = await print(env, d.number, 'permit', 'en');
    for (const s of ['Decoration Permit', 'Permit No.', 'Emergency phone', 'Working hours', '2026-03-16 to 2026-06-15', '13911112222', '美家装饰有限公司']) expect(p.text, s).toContain(s);
    expect(p.text).not.toContain('施工许可证');
    expect(qrCodes(p.file)).toEqual([d.number]);
    const app = await print(env, d.number, 'application', 'en');
    for (const s of ['Decoration Application', '1. Applicant and unit', 'Decoration deposit', 'In words: ', 'Approved', 'Project manager']) expect(app.text, s).toContain(s);
  });
});

describe('the worker passes (出入证)', () => {
  it('eight to a page, each QR decoding to its CR number; only passes not revoked; the ID masked, never in full; item prints one card', async () => {
    const { env, site } = await siteSetup();
    const d = await busy(env, site);
    const valid = d.passes.filter((p) => !p.revokedAt);
    expect(valid).toHaveLength(8);
    const p = await print(env, d.number, 'passes');
    expect(pdfPages(p.file)).toBe(1);
    expect(qrCodes(p.file)).toEqual(valid.map((x) => x.number).sort());
    for (const [i, x] of valid.entries()) {
      expect(p.text, x.name).toContain(x.name);
      expect(p.text).toContain(x.idNumberMasked);
      expect(p.text, 'the full ID').not.toContain(idOf(i));
    }
    expect(p.text).not.toContain('陈伟'); // revoked
    expect(p.text).toContain(d.number);
    expect(p.text).toContain('沿虚线剪开');
    const detail = await env.ok('decoration.get', { id: d.id }, 'clerk');
    expect(detail.passes.map((x) => x.printed)).toEqual([true, true, true, true, true, true, true, true, false]);

    // One pass alone, then again: a copy of that card, counted apart from the sheet.
    const one = await print(env, d.number, 'passes', 'zh-CN', valid[2].id);
    expect(one.copy).toBe(false);
    expect(qrCodes(one.file)).toEqual([valid[2].number]);
    expect(one.text).toContain('钱七');
    expect(one.text).not.toContain('王五');
    const oneAgain = await print(env, d.number, 'passes', 'zh-CN', valid[2].id);
    expect(oneAgain.copy).toBe(true);
    expect(oneAgain.text).toContain('副本');
    expect(await env.fail('records.print', { number: d.number, form: 'passes', lang: 'zh-CN', item: d.passes[8].id }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.passRevoked' });
  });

  it('200 passes print as 25 pages in one PDF, every code readable', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    // Registered straight into the table (as the bench seeds them): 200 calls through the service take long for nothing.
    const now = env.clock.now().toISOString();
    for (let i = 0; i < 200; i++)
      env.db().prepare('INSERT INTO decoration_passes (id, decoration_id, number, name, id_number, phone, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(`01890000-0000-7000-8000-${String(i).padStart(12, '0')}`, d.id, `CR-2026-${String(i + 1).padStart(6, '0')}`, `工人${i + 1}`, idOf(i), '13900139000', '2026-03-16', '2026-06-15', now);
    const t0 = performance.now();
    const p = await print(env, d.number, 'passes');
    const ms = performance.now() - t0;
    expect(pdfPages(p.file)).toBe(25);
    const codes = qrCodes(p.file);
    expect(codes).toHaveLength(200);
    expect(codes[0]).toBe('CR-2026-000001');
    expect(codes[199]).toBe('CR-2026-000200');
    console.log(`200 passes in one PDF: ${ms.toFixed(0)} ms, ${(Buffer.from(p.pdfBase64, 'base64').length / 1024).toFixed(0)} KiB`);
    expect(ms).toBeLessThan(15_000);
  }, 60_000);
});

describe('the rectification notice (装修整改通知书)', () => {
  it('for one serious violation: unit, contractor, findings, the calls (owner first), the penalty, three signature lines; a minor one refuses', async () => {
    const { env, site } = await siteSetup();
    const d = await busy(env, site);
    const [serious, minor] = d.violations;
    const p = await print(env, d.number, 'notice', 'zh-CN', serious.id);
    expect(pdfPages(p.file)).toBe(1);
    for (const s of ['装修整改通知书', d.number, '1-101', '张三', '美家装饰有限公司', '擅自拆改承重墙', '严重违章', '整改要求', '整改期限', '业主表示理解，支持整改', '¥500.00', '业主签收', '装修公司签收', '客服中心'])
      expect(p.text, s).toContain(s);
    const owner = p.text.indexOf('① 业主');
    const contractor = p.text.indexOf('② 装修公司');
    expect(owner).toBeGreaterThan(0);
    expect(contractor).toBeGreaterThan(owner);
    expect(await env.fail('records.print', { number: d.number, form: 'notice', lang: 'zh-CN', item: minor.id }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decoration.why.notSerious' });
    expect(await env.fail('records.print', { number: d.number, form: 'notice', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.itemRequired' });
    expect(await env.fail('records.print', { number: d.number, form: 'notice', lang: 'zh-CN', item: d.hotWorks[0].id }, 'clerk')).toMatchObject({ code: 'NOT_FOUND' });
    // Each notice counts its own prints.
    expect((await print(env, d.number, 'notice', 'en', serious.id))).toMatchObject({ copy: true });
  });
});

describe('the hot-work approval and the application', () => {
  it('the hot-work approval names the place, the window, the fire watch and who approved it', async () => {
    const { env, site } = await siteSetup();
    const d = await busy(env, site);
    const p = await print(env, d.number, 'hot-work', 'zh-CN', d.hotWorks[0].id);
    for (const s of ['动火审批表', '厨房（焊接燃气管支架）', '2026-03-16 09:00 至 2026-03-16 16:00', '保安李强', '工程部刘工', '看火人', '保安部']) expect(p.text, s).toContain(s);
    expect(pdfPages(p.file)).toBe(1);
  });

  it('the application: documents and commitments with dates, fees by item with the total in capitals, the approval', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    const p = await print(env, d.number, 'application');
    expect(pdfPages(p.file)).toBe(1);
    for (const s of ['装修申请表', '张三', '13812345678', '美家装饰有限公司', '厨卫翻新，更换地板', '平面图', '装修管理协议', '资料齐全', '装修押金', '2,000.00', '同意施工', 'SK-0001', '工程部刘工'])
      expect(p.text, s).toContain(s);
    expect(p.text).toContain(`人民币大写：${fenInCapitals(d.feesTotalFen)}`);
    expect(p.text).toMatch(/合计\s+[\d,]+\.\d\d/);
    expect(p.text).not.toContain('110101199003071234');
  });
});

describe('the longest application', () => {
  it('an office leased to a company, with fire works: every document and commitment, the office fees, on one page', async () => {
    const { env, site } = await siteSetup();
    const unitId = (await env.ok('units.create', { buildingId: site.buildingId, code: '1-2001', use: 'office', floor: 20, areaM2: 420, note: null })).id;
    const d = await env.ok('decoration.create', (await import('../../helpers/decoration')).application(site, {
      unitId,
      applicant: { kind: 'company_tenant', personId: null, name: '深圳市阳光科技有限公司', phone: '0755-12345678' },
      govFlags: ['fire', 'structure'],
      description: '办公室隔断、吊顶及强弱电改造，消防喷淋移位，空调风口改造，前台区域背景墙及地面石材铺贴'.repeat(3),
    }), 'clerk');
    for (const lang of ['zh-CN', 'en'] as const) {
      const p = await print(env, d.number, 'application', lang);
      expect(pdfPages(p.file), lang).toBe(1);
    }
    const p = await print(env, d.number, 'application');
    for (const s of ['外立面效果图', '法人委托证明', '空调改动费', '消防联动费', '■ 消防报建', '■ 结构改动', '□ 煤气改动', '尚未告知业主报批']) expect(p.text, s).toContain(s);
  });
});

describe('the completion inspection and the refund', () => {
  it('the inspection form: the inspections, problems found and closed, the result', async () => {
    const { env, site } = await siteSetup();
    let d = await underWay(env, site);
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    d = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队', problems: ['卫生间闭水试验渗漏'] }, 'clerk');
    await env.ok('decoration.closeProblem', { problemId: d.problems[0].id, note: '已返工' }, 'clerk');
    await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '王队' }, 'clerk');
    const p = await print(env, d.number, 'inspection');
    for (const s of ['竣工验收表', '第 1 次验收', '第 2 次验收', '不合格', '合格', '卫生间闭水试验渗漏', '已整改', '已返工', '王队', '2026-06-15']) expect(p.text, s).toContain(s);
    expect(pdfPages(p.file)).toBe(1);
  });

  it('the refund form: the deposit’s receipt, the penalty and utilities from the ledger, the refund = the balance in yuan and capitals, the checks, the payout', async () => {
    const { env, site } = await siteSetup();
    const d = await busy(env, site);
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(await env.fail('records.print', { number: d.number, form: 'refund', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.refundNotPrepared' });
    await at(env, '2026-06-16T02:00:00.000Z');
    await env.ok('decoration.prepareRefund', refundInput(d.id, { requestedBy: 'contractor', ownerConsent: true, utilitiesFen: 12_050, checks: { commonArea: { ok: true }, neighbours: { ok: true }, leaks: { ok: false, note: '楼下天花轻微水渍，已修复' }, violations: { ok: false, note: '违约金已扣' } } }), 'clerk');
    const p = await print(env, d.number, 'refund');
    expect(pdfPages(p.file)).toBe(1);
    const line = (s: string) => p.text.split('\n').find((l) => l.includes(s)) ?? '';
    expect(line('交纳押金')).toMatch(/SK-0001.*2,000\.00\s+2,000\.00/);
    expect(line('扣违约金')).toMatch(/违章整改表 第3号.*-500\.00\s+1,500\.00/);
    expect(line('扣水电费')).toMatch(/-120\.50\s+1,379\.50/);
    expect(line('应退金额')).toMatch(/1,379\.50/);
    expect(p.text).toContain('人民币大写：壹仟叁佰柒拾玖元伍角整');
    for (const s of ['楼下天花轻微水渍，已修复', '业主已同意退还', '装修公司（须经业主同意）', '项目中心负责人', '押金退还备忘表', '待收银员退款']) expect(p.text, s).toContain(s);

    // The cashier pays out; her print shows the payout receipt, and is a copy.
    await env.ok('decoration.payOut', { id: d.id, receipt: 'TK-0007' }, 'cashier');
    const paid = await print(env, d.number, 'refund', 'zh-CN', undefined, 'cashier');
    expect(paid.copy).toBe(true);
    expect(paid.text).toContain('TK-0007');
    expect(paid.text).toContain('cashier 用户');
    expect(paid.text).not.toContain('待收银员退款');
    expect(paid.text.split('1,379.50').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('the refund form in English', async () => {
    const { env, site } = await siteSetup();
    const d = await inspected(env, site);
    await at(env, '2026-06-16T02:00:00.000Z');
    await env.ok('decoration.prepareRefund', refundInput(d.id), 'clerk');
    const p = await print(env, d.number, 'refund', 'en');
    for (const s of ['Deposit Refund', 'To refund', '2,000.00', 'In words: 贰仟元整', 'Project manager', 'Deposit refund memo']) expect(p.text, s).toContain(s);
  });
});

describe('refusals', () => {
  it('a form whose stage is not reached refuses with why; a voided permit prints nothing; a cashier prints no permit', async () => {
    const { env, site } = await siteSetup();
    const d = await env.ok('decoration.create', (await import('../../helpers/decoration')).application(site), 'clerk');
    const fail = (form: string, who = 'clerk') => env.fail('records.print', { number: d.number, form, lang: 'zh-CN' }, who);
    expect(await fail('permit')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.permitNotIssued' });
    expect(await fail('passes')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.noPasses' });
    expect(await fail('inspection')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.noInspection' });
    expect(await fail('refund')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.refundNotPrepared' });
    expect(await fail('hot-work')).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.itemRequired' });
    expect(await fail('permit', 'cashier')).toMatchObject({ code: 'FORBIDDEN' });
    // A draft's application prints (to be completed and signed).
    expect((await print(env, d.number, 'application')).text).toContain('尚缺');
    await env.ok('decoration.void', { id: d.id, reason: '业主取消装修' }, 'supervisor');
    for (const form of ['application', 'permit', 'passes', 'inspection', 'refund']) expect(await fail(form), form).toMatchObject({ code: 'BAD_STATE', message: 'decorationForm.why.voided' });
    expect(env.count("SELECT count(*) FROM record_events WHERE kind = 'decoration' AND action IN ('print', 'reprint')")).toBe(1);
  });

  it('every form is in the record kit, by the permit’s number typed or scanned', async () => {
    const { env, site } = await siteSetup();
    const d = await underWay(env, site);
    expect(env.host.findRecord(d.number.toLowerCase())).toMatchObject({ kind: 'decoration', id: d.id, forms: ['application', 'permit', 'passes', 'notice', 'hot-work', 'inspection', 'refund'].map((name) => ({ name, format: { kind: 'A4' } })) });
  });
});
