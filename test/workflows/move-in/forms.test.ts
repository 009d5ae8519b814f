/**
 * The move-in (RH) and moving-in (RZ) forms as real PDFs printed through the host (`records.print` by the
 * record's number, `moveIn.printRegister` for the handover register), read back with poppler-utils as a
 * person's tools would, the QR codes decoded by zbarimg from the rendered pages; a reprint marked as a copy,
 * the English versions, the refusals; and `cli print` of each record form from the shipped bundle.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../../electron/pdf/qr';
import { fenInCapitals } from '../../../shared/kernel/money';
import type { UnitUse } from '../../../shared/master/enums';
import { bundle, ROOT } from '../../helpers/bundle';
import type { Site } from '../../helpers/fixtures';
import { testEnv, type TestEnv } from '../../helpers/host';
import { archiveInput, at, handedOver, identityInput, inspectInput, keysInput, newOwner, setup, throughKeys, type Detail } from '../../helpers/move-in';
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
const pageSize = (file: string) => /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!.slice(1, 3).map(Number);
const images = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;
/** pdftotext's layout text with its runs of spaces closed up, for phrases that a table splits into cells. */
const flat = (s: string) => s.replace(/[ \t]+/g, ' ');

/** With FORMS_PREVIEW=dir, every printed form is also written there (to look at as PNGs). */
let kept = 0;
function keep(name: string, bytes: Buffer) {
  const dir = process.env.FORMS_PREVIEW;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${String(++kept).padStart(2, '0')}-${name}.pdf`), bytes);
}

async function print(env: TestEnv, number: string, form: string, lang: 'zh-CN' | 'en' = 'zh-CN', who = 'clerk') {
  const r = await env.ok('records.print', { number, form, lang }, who);
  const bytes = Buffer.from(r.pdfBase64, 'base64');
  keep(`${form}-${lang}${r.copy ? '-copy' : ''}`, bytes);
  const file = pdfFile(bytes, `${form}.pdf`);
  return { ...r, bytes, file, text: pdfText(file) };
}

async function siteSetup() {
  const s = await setup();
  await s.env.ok('settings.update', SITE);
  return s;
}

async function unitOf(env: TestEnv, site: Site, use: UnitUse, code: string, areaM2: number | null = 150) {
  const id = (await env.ok('units.create', { buildingId: site.buildingId, code, use, floor: 2, areaM2, note: null })).id;
  await env.ok('units.setOccupancy', { unitId: id, state: 'not_handed_over', effectiveDate: '2026-01-01', note: null });
  return id;
}

/**
 * An office (150 m², ¥6.00 a m² a month, the ¥1,000 electricity deposit) for 王芳, the fee lowered with a
 * reason, keys signed on screen, two defects (one critical, accepted in writing) and handed over.
 */
async function office(env: TestEnv, site: Site): Promise<Detail> {
  const unitId = await unitOf(env, site, 'office', '1-201');
  const d = await env.ok('moveIn.create', { unitId, newOwner: newOwner('王芳') }, 'clerk');
  await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
  await env.ok('moveIn.overrideFee', { id: d.id, propertyFeeFen: 250_000, reason: '开发商优惠' }, 'clerk');
  await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-0088' }, 'cashier');
  await env.ok('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card', 'other'], otherNote: '营业执照' }, 'clerk');
  await env.ok('moveIn.archive', archiveInput(d.id), 'clerk');
  const k = await env.ok('moveIn.keys', keysInput(d, { mode: 'screen', image: qrPng('王芳的签名') }), 'clerk');
  await env.ok(
    'moveIn.inspect',
    inspectInput(k, [
      { area: 'kitchen', item: 'plumbing', note: '水槽下水管渗水', critical: true, ownerOpinion: '同意先接房，七日内修好', dueDate: '2026-03-22' },
      { area: 'living', item: 'walls', note: '墙面有裂缝', ownerOpinion: '要求重新批荡' },
    ]),
    'clerk',
  );
  return env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15', defectsAcceptedInWriting: true, note: '业主书面确认' }, 'clerk');
}

describe('入伙流程表 (flow)', () => {
  it('the whole checklist: the eight steps with who and when, the fees with the override reason, the deposit and the total in capitals, the archive, the keys, the inspection and the outcome; its QR decodes to the number', async () => {
    const { env, site } = await siteSetup();
    const d = await office(env, site);
    const p = await print(env, d.number, 'flow');
    expect(p.copy).toBe(false);
    expect(pdfPages(p.file)).toBe(1);
    expect(pageSize(p.file).map(Math.round)).toEqual([595, 842]);
    const text = flat(p.text);
    for (const s of ['阳光花园', '入伙流程表', d.number, '1-201', '王芳', '写字楼', '150 ㎡', '2026-03-01'])expect(text).toContain(s);
    for (const step of ['核实身份', '交费', '复印资料', '业主档案', '钥匙签收', '验房', '房屋交接', '房屋动态更新为空置']) expect(text).toContain(step);
    expect(text).not.toContain('未办');
    expect(text).toContain('clerk 用户');
    expect(text).toContain('cashier 用户');
    // 6.00 × 150 × 3 = ¥2,700.00 computed, ¥2,500.00 charged with the reason, + ¥1,000.00 deposit = ¥3,500.00.
    for (const s of ['6.00 元/㎡·月', '3 个月', '2026-03-01 至 2026-05-31', '¥2,700.00', '¥2,500.00', '开发商优惠', '电费流转金 ¥1,000.00', '¥3,500.00', 'SK-0088']) expect(text).toContain(s);
    expect(text).toContain(`人民币（大写）：${fenInCapitals(350_000)}`);
    for (const s of ['身份证复印件', '银行卡复印件', '营业执照', '张小明', '共 7 把/张（4 种）']) expect(text).toContain(s);
    expect(text).toContain('2026-03-15 由 工程部刘工 验收');
    expect(text).toContain('问题 2 项（严重 1 项），未整改 2 项');
    expect(text).toContain('已接房，交房日期 2026-03-15');
    expect(text).toContain('业主书面同意接收未整改的严重问题');
    for (const s of ['业主签名', '客户助理', '收银员', '工程部']) expect(text).toContain(s);
    expect(qrCodes(p.file)).toEqual([d.number]);

    // A reprint is a copy, counted on the timeline and in the audit log; the English version.
    const again = await print(env, d.number, 'flow', 'en');
    expect(again.copy).toBe(true);
    const en = flat(again.text);
    for (const s of ['Move-in Checklist', 'COPY', 'Identity', 'Electricity revolving', 'Deposit', 'Handed over on 2026-03-15', 'In words (RMB):', 'Engineering']) expect(en).toContain(s);
    const prints = (await env.ok('moveIn.get', { id: d.id })).timeline.filter((t) => t.action === 'print' || t.action === 'reprint');
    expect(prints.map((t) => t.action)).toEqual(['print', 'reprint']);
    expect(env.rows("SELECT action FROM audit_log WHERE entity = 'move-in' AND action IN ('print', 'reprint') ORDER BY seq")).toEqual([{ action: 'print' }, { action: 'reprint' }]);
  });

  it('an open record leaves the steps not taken to fill in; not handed over prints the reason; the cashier may print it; a voided record prints nothing', async () => {
    const { env, site } = await siteSetup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
    const p = await print(env, d.number, 'flow', 'zh-CN', 'cashier');
    const text = flat(p.text);
    expect(text.match(/未办(?!理)/g)).toHaveLength(7);
    expect(text).toContain('收银员尚未确认收费');
    expect(text).toContain('办理中');

    await env.ok('moveIn.handover', { id: d.id, outcome: 'not_handed_over', date: '2026-03-15', reason: 'fees' }, 'clerk');
    expect(flat((await print(env, d.number, 'flow')).text)).toContain('未接房：费用未交清');

    await env.ok('moveIn.void', { id: d.id, reason: '录错房号' }, 'supervisor');
    expect(await env.fail('records.print', { number: d.number, form: 'flow', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'moveinForm.why.voided' });
  });
});

describe('钥匙签收表 (keys)', () => {
  it('the keys by kind with their counts and the total; the owner’s on-screen signature printed, else a line to sign on paper', async () => {
    const { env, site } = await siteSetup();
    const screen = await office(env, site);
    const p = await print(env, screen.number, 'keys');
    const text = flat(p.text);
    for (const s of ['钥匙签收表', screen.number, '1-201', '王芳', '入户门钥匙', '房门钥匙', '信报箱钥匙', '门禁卡', '共 7 把/张', '业主签收', '（屏幕签名）', '经办人', 'clerk 用户', '2026-03-15']) expect(text).toContain(s);
    expect(qrCodes(p.file)).toEqual([screen.number]);

    const paper = await throughKeys(env, site);
    const q = await print(env, paper.number, 'keys', 'en');
    const en = flat(q.text);
    for (const s of ['Key Receipt', 'Front door key', 'Room door key', 'Mailbox key', 'Meter box key', '10 in all', 'Received by (owner)']) expect(en).toContain(s);
    expect(en).not.toContain('signed on screen');
    // The signature is one more image on the page than the paper one has.
    expect(images(p.file)).toBe(images(q.file) + 1);
  });

  it('before the keys are recorded it lists the unit’s key template, to be signed on paper', async () => {
    const { env, site } = await siteSetup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    const text = flat((await print(env, d.number, 'keys')).text);
    for (const s of ['张三', '入户门钥匙', '电表箱钥匙', '共 10 把/张', '年 月 日']) expect(text).toContain(s);
  });
});

describe('房屋验收记录表 (inspection)', () => {
  it('every item by area, the defects with the owner’s opinion and due date, critical marked; the meters read; owner and engineering sign', async () => {
    const { env, site } = await siteSetup();
    const d = await office(env, site);
    const p = await print(env, d.number, 'inspection');
    expect(pdfPages(p.file)).toBe(1);
    const text = flat(p.text);
    for (const s of ['房屋验收记录表', d.number, '1-201', '王芳', '2026-03-15', '工程部刘工']) expect(text).toContain(s);
    for (const s of ['入户', '客厅', '卧室', '厨房', '卫生间', '阳台', '门锁', '天花', '给排水', '电器开关插座']) expect(text).toContain(s);
    expect(text).toContain('共 30 项，合格 28 项，有问题 2 项（严重 1 项）');
    expect(text.match(/合格/g)!.length).toBeGreaterThanOrEqual(29);
    for (const s of ['水槽下水管渗水', '同意先接房，七日内修好', '2026-03-22', '墙面有裂缝', '要求重新批荡', '2026-03-30', '待整改', '严重']) expect(text).toContain(s);
    for (const s of ['水表', '12.5 吨', '电表', '305 度', '燃气表', '0 立方米']) expect(text).toContain(s);
    expect(text).toContain('业主书面同意接收未整改的严重问题。');
    for (const s of ['业主签名', '工程部']) expect(text).toContain(s);
    expect(qrCodes(p.file)).toEqual([d.number]);

    const en = flat((await print(env, d.number, 'inspection', 'en')).text);
    for (const s of ['Unit Inspection Record', 'COPY', 'Kitchen', 'Water and drains', 'Defective', 'Critical', '12.5 t', '305 kWh', "Owner's opinion"]) expect(en).toContain(s);
  });

  it('before the inspection it is the sheet to fill in at the unit: every template item with boxes, the meters to read', async () => {
    const { env, site } = await siteSetup();
    const d = await throughKeys(env, site);
    const text = flat((await print(env, d.number, 'inspection')).text);
    expect(text.match(/□ 合格 □ 有问题/g)).toHaveLength(30);
    for (const s of ['水表', '电表', '燃气表']) expect(text).toContain(s);
    expect(text).not.toContain('无问题');
  });
});

describe('入住知会单 (notice) and 租户信息表 (tenant)', () => {
  async function tenantIn(env: TestEnv, site: Site) {
    await office(env, site);
    const unitId = env.rows<{ id: string }>("SELECT id FROM units WHERE code = '1-201'")[0].id;
    const tenant = { ...newOwner('李娜'), phone: '13912345678', idType: 'resident_id' as const, idNumber: '11010519491231002X', emergencyName: '李强', emergencyPhone: '13700002222' };
    const call = { contactName: '王芳', contactPhone: '13500001234', calledAt: '2026-03-15T03:30:00.000Z', answer: 'agreed' as const, note: '同意出租' };
    return env.ok('movingIn.create', { unitId, occupant: 'tenant', date: '2026-03-15', tenant, ownerConfirmation: call, pledgeSigned: true, leaseFrom: '2026-03-15', leaseTo: '2027-03-14' }, 'clerk');
  }

  it('the notice: one part each for security, engineering and the cashier on one page, each with the unit, the occupant, the date, the state, the number and its QR, and its receipt', async () => {
    const { env, site } = await siteSetup();
    const m = await tenantIn(env, site);
    await env.ok('movingIn.receipt', { id: m.id, department: 'security', receivedBy: '保安李队' }, 'clerk');
    const p = await print(env, m.number, 'notice');
    expect(pdfPages(p.file)).toBe(1);
    const text = flat(p.text);
    for (const s of ['入住知会单（保安部联）', '入住知会单（工程部联）', '入住知会单（收银处联）']) expect(text).toContain(s);
    expect(text.match(new RegExp(m.number, 'g'))!.length).toBeGreaterThanOrEqual(3);
    expect(text.match(/1-201 的租户 李娜 于 2026-03-15 入住，房屋状态更新为“租户”/g)).toHaveLength(3);
    expect(text.match(/沿此线剪开/g)).toHaveLength(2);
    expect(text).toContain('已签收：保安李队');
    expect(text.match(/签收人/g)).toHaveLength(2);
    expect(text).toContain('2026-03-15 至 2027-03-14');
    expect(qrCodes(p.file)).toEqual([m.number, m.number, m.number]);

    const again = await print(env, m.number, 'notice', 'en');
    expect(again.copy).toBe(true);
    const en = flat(again.text);
    for (const s of ['Moving-in Notice — For Security', 'For Engineering', 'For Cashier', 'COPY', 'Cut along this line']) expect(en).toContain(s);
  });

  it('the tenant form: the tenant with the ID number masked, the lease, the owner’s confirmation, the safety pledge; signed by tenant and owner', async () => {
    const { env, site } = await siteSetup();
    const m = await tenantIn(env, site);
    const p = await print(env, m.number, 'tenant');
    expect(pdfPages(p.file)).toBe(1);
    const text = flat(p.text);
    for (const s of ['租户信息表', m.number, '李娜', '13912345678', '居民身份证', '110***********002X', '李强 13700002222', '1-201', '王芳', '2026-03-15', '2027-03-14']) expect(text).toContain(s);
    expect(text).not.toContain('11010519491231002X');
    for (const s of ['135****1234', '2026-03-15 11:30', '同意', '同意出租', 'clerk 用户']) expect(text).toContain(s);
    for (const s of ['四、安全责任书', '不私拉乱接电线', '租户已签署安全责任书', '租户签名', '业主签名']) expect(text).toContain(s);
    expect(qrCodes(p.file)).toEqual([m.number]);
    const en = flat((await print(env, m.number, 'tenant', 'en')).text);
    for (const s of ['Tenant Information Form', 'Safety responsibility pledge', 'makeshift wiring', 'Resident ID', 'Agreed']) expect(en).toContain(s);
  });

  it('an owner moving in has no tenant form (refused, translated); a voided moving-in prints nothing', async () => {
    const { env, site } = await siteSetup();
    await handedOver(env, site);
    const m = await env.ok('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-15', personId: site.personId }, 'clerk');
    expect(await env.fail('records.print', { number: m.number, form: 'tenant', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'moveinForm.why.notTenant' });
    expect(flat((await print(env, m.number, 'notice')).text)).toContain('1-101 的业主 张三 于 2026-03-15 入住，房屋状态更新为“住家户”');
    await env.ok('movingIn.void', { id: m.id, reason: '录错房号' }, 'supervisor');
    expect(await env.fail('records.print', { number: m.number, form: 'notice', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'moveinForm.why.voided' });
  });
});

describe('房屋交接汇总表 (moveIn.printRegister)', () => {
  it('a building on A4 landscape: one row a unit with its status and reason, the counts by status', async () => {
    const { env, site } = await siteSetup();
    await handedOver(env, site);
    const d = await env.ok('moveIn.create', { unitId: site.unit2Id, newOwner: newOwner('李雷') }, 'clerk');
    await env.ok('moveIn.handover', { id: d.id, outcome: 'not_handed_over', date: '2026-03-15', reason: 'owner_refused' }, 'clerk');
    await unitOf(env, site, 'residential', '1-103');
    const r = await env.ok('moveIn.printRegister', { buildingId: site.buildingId }, 'cashier');
    expect(r.count).toBe(3);
    const bytes = Buffer.from(r.pdfBase64, 'base64');
    keep('register', bytes);
    const file = pdfFile(bytes, 'register.pdf');
    expect(pageSize(file).map(Math.round)).toEqual([842, 595]);
    const text = flat(pdfText(file));
    expect(text).toContain('房屋交接汇总表');
    expect(text).toContain('共 3 户：已接房 1，未接房 1，办理中 0，已发通知待办理 0，未发通知 1');
    expect(text).toMatch(/1 1-101 张三 2026-03-01 RH-2026-000001 已接房 2026-03-15/);
    expect(text).toMatch(/2 1-102 李雷 RH-2026-000002 未接房 业主拒收/);
    expect(text).toMatch(/3 1-103 .*未发通知/);
    const en = flat(pdfText(pdfFile(Buffer.from((await env.ok('moveIn.printRegister', { buildingId: site.buildingId, lang: 'en' })).pdfBase64, 'base64'))));
    expect(en).toContain('Handover Register');
    expect(en).toContain('Not handed over');
    expect(en).toContain('Owner refused');
    expect(await env.fail('moveIn.printRegister', { buildingId: site.buildingId, batchId: site.buildingId }, 'clerk')).toMatchObject({ code: 'VALIDATION' });
  });

  it('an imported batch: its units only, the owners from the notices, waiting or in progress with the step due', async () => {
    const { env, site } = await siteSetup();
    const csv = ['房号,业主,电话,入伙日期', '1-101,张三,13812345678,2026-03-10', '1-102,李雷,,2026-03-12', ''].join('\n');
    const p = await env.ok('moveIn.importPreview', { fileName: '三期入伙.csv', contentBase64: Buffer.from(csv).toString('base64'), batchName: '三期第一批' }, 'clerk');
    await env.ok('moveIn.importCommit', { batchId: p.batchId, onlyValid: true }, 'clerk');
    const notice = (await env.ok('moveIn.notices', { batchId: p.batchId }, 'clerk')).rows.find((n) => n.unitCode === '1-101')!;
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId], noticeId: notice.id }, 'clerk');
    await env.ok('moveIn.identity', identityInput(d.id, '2026-03-10'), 'clerk');
    await unitOf(env, site, 'residential', '1-103');
    const r = await env.ok('moveIn.printRegister', { batchId: p.batchId, lang: 'zh-CN' }, 'clerk');
    expect(r.count).toBe(2);
    const text = flat(pdfText(pdfFile(Buffer.from(r.pdfBase64, 'base64'), 'batch.pdf')));
    expect(text).toContain('入伙通知批次：三期第一批');
    expect(text).toContain('共 2 户：已接房 0，未接房 0，办理中 1，已发通知待办理 1，未发通知 0');
    expect(text).toMatch(/1 1-101 张三 2026-03-10 RH-2026-000001 办理中 待办：交费/);
    expect(text).toMatch(/2 1-102 李雷 2026-03-12 已发通知待办理/);
    expect(text).not.toContain('1-103');
  });

  it('2,000 units: many pages, the header row on every page, every unit once, in a few seconds at most', async () => {
    const { env, site } = await siteSetup();
    const db = env.db();
    const ins = db.prepare("INSERT INTO units (id, building_id, code, code_key, use, floor, area_m2, created_at, updated_at) VALUES (?, ?, ?, ?, 'residential', ?, 90, ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 1998; i++) {
        const code = `2-${String(Math.floor(i / 20) + 2).padStart(2, '0')}${String((i % 20) + 1).padStart(2, '0')}`;
        ins.run(`01890000-0000-7000-8000-${String(i).padStart(12, '0')}`, site.buildingId, code, code.replace(/\d+/g, (n) => n.padStart(8, '0')), 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      }
    })();
    const t0 = performance.now();
    const r = await env.ok('moveIn.printRegister', { buildingId: site.buildingId }, 'clerk');
    const ms = performance.now() - t0;
    expect(r.count).toBe(2000);
    const file = pdfFile(Buffer.from(r.pdfBase64, 'base64'), 'register-2000.pdf');
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThan(30);
    const perPage = execFileSync('pdftotext', ['-layout', '-f', String(pages - 1), '-l', String(pages - 1), file, '-'], { encoding: 'utf8' });
    expect(perPage).toContain('序号');
    expect(perPage).toContain('未接房原因');
    expect(flat(pdfText(file))).toContain('共 2,000 户');
    expect(ms).toBeLessThan(8000);
  }, 30_000);
});

describe('cli print', () => {
  let built: Awaited<ReturnType<typeof bundle>>;
  beforeAll(async () => {
    built = await bundle('moveinforms', { cli: 'electron/cli.ts' });
  }, 60_000);
  afterAll(() => built?.remove());

  it('prints each form of an RH and an RZ record by its number', async () => {
    const env = testEnv({ keepDir: true });
    await env.init();
    const { createSite } = await import('../../helpers/fixtures');
    const site = await createSite(env);
    await env.ok('settings.update', { idleLockMinutes: 240 });
    await env.addUser('clerk');
    await env.addUser('cashier');
    await env.addUser('supervisor');
    for (const unitId of [site.unitId, site.unit2Id]) await env.ok('units.setOccupancy', { unitId, state: 'not_handed_over', effectiveDate: '2026-01-01', note: null });
    const d = await handedOver(env, site);
    await at(env, '2026-03-16T04:00:00.000Z');
    const m = await env.ok('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-16', personId: site.personId }, 'clerk');
    env.host.close();
    const run = (args: string[]) => spawnSync(process.execPath, [built.file('cli'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FRONTDESK_DATA_DIR: undefined }, timeout: 30_000 });
    for (const [number, form, needle] of [[d.number, 'flow', '入伙流程表'], [d.number, 'keys', '钥匙签收表'], [d.number, 'inspection', '房屋验收记录表'], [m.number, 'notice', '入住知会单']] as const) {
      const out = path.join(env.dir, `${form}.pdf`);
      const r = run(['print', number, '--form', form, '--out', out, '--data-dir', env.dir]);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toMatch(new RegExp(`^${out}: ${form} of ${number} \\(\\d+ bytes\\)$`));
      expect(pdfText(out)).toContain(needle);
    }
    const refused = run(['print', m.number, '--form', 'tenant', '--out', path.join(env.dir, 'tenant.pdf'), '--data-dir', env.dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('moveinForm.why.notTenant');
    fs.rmSync(env.dir, { recursive: true, force: true });
  }, 60_000);
});
