import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { ChannelInput, SessionUser } from '../../../shared/contract';
import { MAX_SLIP_ITEMS, type SlipDraft } from '../../../shared/workflows/slips/schema';
import { pdfFile, pdfPages, pdfText } from '../../helpers/pdf-tools';
import { createSite, type Site } from '../../helpers/fixtures';
import { MINUTE, DAY, PASSWORD, testEnv, type TestEnv } from '../../helpers/host';

async function setup() {
  const env = testEnv();
  const manager = await env.init();
  const site = await createSite(env);
  // A tenant on 1-101 (owned by 张三), and a cashier and a clerk.
  const tenant = await env.ok('people.create', { kind: 'person', name: '李娜', phone: '13912345678', phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null });
  await env.ok('links.create', { unitId: site.unitId, personId: tenant.id, relation: 'tenant', startDate: '2025-01-01', endDate: null });
  await env.ok('units.setOccupancy', { unitId: site.unitId, state: 'rented', effectiveDate: '2025-01-01', note: null });
  await env.addUser('clerk');
  await env.addUser('cashier');
  await env.addUser('supervisor');
  return { env, site, manager, tenantId: tenant.id };
}

/** After the test clock jumps hours or days, every session is idle-locked: unlock them, as the clerks would. */
async function wake(env: TestEnv) {
  for (const session of ['mgr', 'clerk', 'cashier', 'supervisor']) await env.ok('auth.unlock', { password: PASSWORD }, session);
}

const items = (n = 2): SlipDraft['items'] =>
  Array.from({ length: n }, (_, i) => ({ name: `物品${i + 1}`, quantity: i + 1, unitOfCount: '件', remark: null }));

function draft(site: Site, over: Partial<ChannelInput<'slips.create'>> = {}): ChannelInput<'slips.create'> {
  return {
    unitId: site.unitId,
    nature: 'temporary',
    reason: '送修',
    carrier: { type: 'family', personId: null, name: '王小明', phone: '13511112222', idType: null, idNumber: null },
    items: items(),
    tenantMoveOut: false,
    meterReadings: null,
    ...over,
  };
}

const call = (env: TestEnv, slipId: string, answer: 'agreed' | 'refused' | 'unreachable') =>
  env.ok('slips.recordCall', { slipId, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: env.clock.now().toISOString(), answer, note: null }, 'clerk');

/** Issues with the clerk and the carrier signing on paper and the owner not signing (phone recording REC-1), unless told otherwise. */
const issue = (env: TestEnv, slipId: string, over: Partial<ChannelInput<'slips.issue'>> = {}) =>
  env.call('slips.issue', { slipId, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false, ...over }, 'clerk');

async function tenantMoveOut(env: TestEnv, site: Site, tenantId: string) {
  return env.ok(
    'slips.create',
    draft(site, {
      nature: 'moving_out',
      reason: '退租搬家',
      carrier: { type: 'tenant', personId: tenantId, name: '李娜', phone: '13912345678', idType: null, idNumber: null },
      tenantMoveOut: true,
      meterReadings: { water: 12.5, electricity: 3456, gas: null },
    }),
    'clerk',
  );
}

describe('release slips on Today, by role', () => {
  it('a moving-out slip waits in the cashier’s queue, not as ready to issue, until the fees are confirmed', async () => {
    const { env, site, tenantId } = await setup();
    const s = await tenantMoveOut(env, site, tenantId);
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect((await call(env, s.id, 'agreed')).state).toBe('ready_to_issue');
    const temp = await env.ok('slips.create', draft(site), 'clerk');
    await env.ok('slips.submit', { id: temp.id }, 'clerk');
    await call(env, temp.id, 'agreed');
    const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);

    const before = (await env.ok('today.summary', {}, 'cashier')).slips;
    expect(numbers(before.feesToConfirm)).toEqual([s.number]);
    expect(numbers(before.readyToIssue)).toEqual([temp.number]);
    await env.ok('slips.confirmFees', { slipId: s.id, receipt: 'SJ-0001' }, 'cashier');
    const after = (await env.ok('today.summary', {}, 'clerk')).slips;
    expect(after.feesToConfirm).toEqual([]);
    expect(numbers(after.readyToIssue).sort()).toEqual([s.number, temp.number].sort());
  });
});

describe('release slips', () => {
  it('numbers slips FX-<year>-000001… per year, and a tenant moving out goes through every gate of the procedure', async () => {
    const { env, site, tenantId } = await setup();
    const s = await tenantMoveOut(env, site, tenantId);
    expect(s.number).toBe('FX-2026-000001');
    expect(s.state).toBe('draft');
    const submitted = await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect(submitted.state).toBe('awaiting_verification');
    // The app proposes the owner for a tenant's slip.
    expect(submitted.proposedContact).toMatchObject({ role: 'owner', name: '张三', phoneMasked: '138****5678' });

    // Unreachable keeps it waiting; agreed makes it ready.
    expect((await call(env, s.id, 'unreachable')).state).toBe('awaiting_verification');
    env.clock.advanceMinutes(10);
    const ready = await call(env, s.id, 'agreed');
    expect(ready.state).toBe('ready_to_issue');
    expect(ready.issueBlockers).toEqual(['slip.why.feesNotCleared']);

    // Without the cashier's confirmation it cannot be issued, and the app says why.
    const refused = await issue(env, s.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_STATE', message: 'slip.why.feesNotCleared' } });
    // A clerk cannot confirm fees; the cashier can.
    expect((await env.fail('slips.confirmFees', { slipId: s.id, receipt: 'SK-1' }, 'clerk')).code).toBe('FORBIDDEN');
    const cleared = await env.ok('slips.confirmFees', { slipId: s.id, receipt: 'SK-1' }, 'cashier');
    expect(cleared.fees).toMatchObject({ receipt: 'SK-1', clearedByName: 'cashier 用户' });

    // An owner who does not sign needs the phone-recording reference.
    const noRef = await issue(env, s.id, { recordingRef: null });
    expect(noRef).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { recordingRef: { message: 'slip.why.noOwnerSignature' } } } });
    const issued = await issue(env, s.id);
    expect(issued).toMatchObject({ ok: true, value: { state: 'issued' } });

    // The gate exits it once; the tenancy ends and the unit becomes vacant in its dated history.
    env.clock.advanceMinutes(30);
    await wake(env);
    const today = '2026-03-15';
    const exited = await env.ok('gate.exit', { number: ' fx-2026-000001 ' }, 'clerk');
    expect(exited.state).toBe('exited');
    const again = await env.fail('gate.exit', { number: 'FX-2026-000001' }, 'clerk');
    expect(again).toMatchObject({ code: 'BAD_STATE', message: 'slip.gate.alreadyExited' });
    expect(env.count("SELECT count(*) FROM release_slips WHERE state = 'exited'")).toBe(1);
    // Today lists the gate's exits of the day.
    const todays = await env.ok('today.summary', {}, 'clerk');
    expect(todays.slips.exitedToday.map((r) => [r.number, r.state])).toEqual([['FX-2026-000001', 'exited']]);
    expect(todays.slips.readyToIssue).toEqual([]);
    const unit = await env.ok('units.get', { id: site.unitId });
    expect(unit.state).toBe('vacant');
    expect(unit.history[0]).toMatchObject({ state: 'vacant', effectiveDate: today, source: 'slip' });
    const tenancy = unit.links.find((l) => l.relation === 'tenant')!;
    expect(tenancy).toMatchObject({ endDate: today, active: false });
    // And a second tenant move-out for the unit is refused: nobody rents it any more.
    const again2 = await env.fail('slips.create', { ...draft(site), nature: 'moving_out', tenantMoveOut: true, carrier: { type: 'tenant', personId: tenantId, name: '李娜', phone: null, idType: null, idNumber: null } }, 'clerk');
    expect(again2.fieldErrors?.tenantMoveOut?.message).toBe('v.noActiveTenancy');
    // The state before the move-out is still answerable.
    const before = await env.ok('occupancy.onDate', { date: '2026-03-14' });
    expect(before.counts.rented).toBe(1);
    // Timeline: every step with who and when.
    expect(exited.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'call', 'call', 'fees-cleared', 'issue', 'exit']);
  });

  it('a tenant move-out brought by the owner in person needs no call: the owner’s presence is the consent', async () => {
    const { env, site } = await setup();
    const s = await env.ok(
      'slips.create',
      draft(site, { nature: 'moving_out', carrier: { type: 'owner', personId: site.personId, name: '张三', phone: null, idType: null, idNumber: null }, tenantMoveOut: true, meterReadings: { water: 1, electricity: 2, gas: 3 } }),
      'clerk',
    );
    const ready = await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect(ready).toMatchObject({ state: 'ready_to_issue', issueBlockers: ['slip.why.feesNotCleared'] });
    await env.ok('slips.confirmFees', { slipId: s.id, receipt: 'SK-9' }, 'cashier');
    expect(await issue(env, s.id)).toMatchObject({ ok: true, value: { state: 'issued' } });
  });

  it('records a refusal at the gate when a scanned slip may not leave', async () => {
    const { env, site } = await setup();
    const s = await env.ok('slips.create', draft(site), 'clerk');
    const looked = await env.ok('gate.lookup', { number: s.number.toLowerCase() }, 'clerk');
    // The gate reads a number the way the search box does: full-width (a Chinese IME), no dashes, no zeros.
    const fullWidth = s.number.replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const typed of [fullWidth, s.number.replace(/-/g, ''), s.number.replace(/-0+/, '-')]) {
      expect((await env.ok('gate.lookup', { number: typed }, 'clerk')).number, typed).toBe(s.number);
    }
    expect(looked.state).toBe('draft');
    expect(looked.timeline.at(-1)).toMatchObject({ action: 'gate-refused', detail: JSON.stringify({ refusal: 'slip.gate.notIssued', at: 'lookup' }) });
    expect(await env.fail('gate.lookup', { number: 'FX-2026-123456' }, 'clerk')).toMatchObject({ code: 'NOT_FOUND', message: 'slip.gate.unknown', params: { number: 'FX-2026-123456' } });
    expect((await env.fail('gate.lookup', { number: s.number }, 'cashier')).code).toBe('FORBIDDEN');
  });

  it('refuses every forbidden transition with its reason', async () => {
    const { env, site } = await setup();
    const s = await env.ok('slips.create', draft(site), 'clerk');
    // From draft: no call, no issue, no exit.
    expect((await env.fail('slips.recordCall', { slipId: s.id, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: env.clock.now().toISOString(), answer: 'agreed', note: null }, 'clerk')).message).toBe('slip.why.not.verify');
    expect((await issue(env, s.id)).ok).toBe(false);
    expect((await env.fail('gate.exit', { number: s.number }, 'clerk')).message).toBe('slip.gate.notIssued');
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect((await env.fail('slips.submit', { id: s.id }, 'clerk')).message).toBe('slip.why.not.submit');
    // Editing is for drafts only.
    expect((await env.fail('slips.update', { id: s.id, draft: draft(site) }, 'clerk')).message).toBe('slip.why.not.edit');
    // A refused call ends the slip: nothing more can happen to it.
    const r = await call(env, s.id, 'refused');
    expect(r.state).toBe('refused');
    expect((await env.fail('slips.void', { id: s.id, reason: 'x' }, 'supervisor')).message).toBe('slip.why.refused');
    expect((await env.fail('gate.exit', { number: s.number }, 'clerk')).message).toBe('slip.gate.refused');
    // Voiding needs a supervisor and a reason.
    const v = await env.ok('slips.create', draft(site), 'clerk');
    expect((await env.fail('slips.void', { id: v.id, reason: '开错单' }, 'clerk')).code).toBe('FORBIDDEN');
    expect((await env.fail('slips.void', { id: v.id, reason: '  ' }, 'supervisor')).fieldErrors?.reason.message).toBe('v.required');
    expect((await env.ok('slips.void', { id: v.id, reason: '开错单' }, 'supervisor')).state).toBe('voided');
    expect((await env.fail('gate.exit', { number: v.number }, 'clerk')).message).toBe('slip.gate.voided');
    expect((await env.fail('gate.exit', { number: 'FX-2026-999999' }, 'clerk'))).toMatchObject({ code: 'NOT_FOUND', message: 'slip.gate.unknown' });
    // An issued slip can still be refused before it exits, but not after.
    const x = await env.ok('slips.create', draft(site), 'clerk');
    await env.ok('slips.submit', { id: x.id }, 'clerk');
    await call(env, x.id, 'agreed');
    expect((await issue(env, x.id)).ok).toBe(true);
    await env.ok('gate.exit', { number: x.number }, 'clerk');
    expect((await env.fail('slips.refuse', { id: x.id, reason: 'x' }, 'clerk')).message).toBe('slip.why.alreadyExited');
  });

  it('needs no verification when the owner carries in person', async () => {
    const { env, site } = await setup();
    const s = await env.ok('slips.create', draft(site, { carrier: { type: 'owner', personId: site.personId, name: '张三', phone: null, idType: null, idNumber: null } }), 'clerk');
    const submitted = await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect(submitted).toMatchObject({ state: 'ready_to_issue', needsVerification: false, proposedContact: null });
    // Someone who says they are the owner but is not linked to the unit is verified like anyone else.
    const other = await env.ok('slips.create', draft(site, { unitId: site.unit2Id, carrier: { type: 'owner', personId: site.personId, name: '张三', phone: null, idType: null, idNumber: null } }), 'clerk');
    expect((await env.ok('slips.submit', { id: other.id }, 'clerk')).state).toBe('awaiting_verification');
  });

  it('proposes the company head for company staff and the decoration manager for workers', async () => {
    const { env, site } = await setup();
    await env.ok('links.create', { unitId: site.unit2Id, personId: site.companyId, relation: 'company', startDate: '2025-01-01', endDate: null });
    const s = await env.ok('slips.create', draft(site, { unitId: site.unit2Id, carrier: { type: 'company_employee', personId: null, name: '职员甲', phone: null, idType: null, idNumber: null } }), 'clerk');
    expect((await env.ok('slips.submit', { id: s.id }, 'clerk')).proposedContact).toMatchObject({ role: 'company_head', name: '王五' });
    const w = await env.ok('slips.create', draft(site, { carrier: { type: 'decoration_worker', personId: null, name: '黄师傅', phone: null, idType: null, idNumber: null } }), 'clerk');
    expect((await env.ok('slips.submit', { id: w.id }, 'clerk')).proposedContact).toMatchObject({ role: 'decoration_manager', name: null });
  });

  it('warns before issuing a unit’s third temporary carry-out in 30 days, showing the earlier slips', async () => {
    const { env, site } = await setup();
    const run = async () => {
      const s = await env.ok('slips.create', draft(site), 'clerk');
      await env.ok('slips.submit', { id: s.id }, 'clerk');
      return call(env, s.id, 'agreed');
    };
    for (let i = 0; i < 2; i++) {
      const s = await run();
      expect(s.frequent).toBeNull();
      expect((await issue(env, s.id)).ok).toBe(true);
      env.clock.advance(5 * DAY);
      await wake(env);
    }
    const third = await run();
    expect(third.frequent).toMatchObject({ threshold: 3, days: 30 });
    expect(third.frequent!.earlier.map((e) => e.number)).toEqual(['FX-2026-000002', 'FX-2026-000001']);
    expect(await issue(env, third.id)).toMatchObject({ ok: false, error: { message: 'slip.why.frequentNotAcknowledged', params: { count: 3, days: 30 } } });
    expect(await issue(env, third.id, { acknowledgeFrequent: true })).toMatchObject({ ok: true });
    // 31 days later the earlier ones are out of the window.
    env.clock.advance(31 * DAY);
    await wake(env);
    expect((await run()).frequent).toBeNull();
    // The threshold is a setting.
    await env.ok('settings.update', { frequentCarryOutThreshold: 2 });
    const s = await run();
    expect(s.frequent).toBeNull();
    expect((await issue(env, s.id)).ok).toBe(true);
    expect((await run()).frequent?.earlier.length).toBe(1);
  });

  it('keeps numbers unique and gapless across a year boundary', async () => {
    const { env, site } = await setup();
    env.clock.set('2026-12-31T15:58:00.000Z');
    await wake(env);
    const a = await env.ok('slips.create', draft(site), 'clerk');
    env.clock.set('2027-01-01T16:01:00.000Z');
    await wake(env);
    const b = await env.ok('slips.create', draft(site), 'clerk');
    const c = await env.ok('slips.create', draft(site), 'clerk');
    const year = (iso: string) => new Date(iso).getFullYear();
    expect(a.number).toBe(`FX-${year('2026-12-31T15:58:00.000Z')}-000001`);
    expect([b.number, c.number]).toEqual([`FX-${year('2027-01-01T16:01:00.000Z')}-000001`, `FX-${year('2027-01-01T16:01:00.000Z')}-000002`]);
  });

  it('gives no duplicates and no gaps when four connections create slips at the same time', async () => {
    const { env, site } = await setup();
    const me = (await env.ok('app.status', {}, 'clerk')).session!.user as SessionUser;
    // Bundled next to node_modules so the worker resolves better-sqlite3 like the app does.
    const dir = path.resolve('node_modules/.cache/frontdesk-tests');
    fs.mkdirSync(dir, { recursive: true });
    const bundle = path.join(dir, `slip-number-worker-${process.pid}.cjs`);
    await build({ entryPoints: [path.resolve('test/workflows/slips/number-worker.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', packages: 'external', loader: { '.sql': 'text' }, logLevel: 'silent', absWorkingDir: process.cwd() });
    const d: SlipDraft = { unitId: site.unitId, nature: 'temporary', reason: '并发', carrier: { type: 'other', personId: null, name: '甲', phone: null, idType: null, idNumber: null }, items: items(1), tenantMoveOut: false, meterReadings: null };
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => new Promise<string[]>((resolve, reject) => {
        const w = new Worker(bundle, { workerData: { dataDir: env.dir, user: me, draft: d, count: 25 } });
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    const all = runs.flat();
    expect(all.length).toBe(100);
    expect(new Set(all).size).toBe(100);
    const seqs = all.map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    fs.rmSync(bundle, { force: true });
  });

  it('refuses hostile slips cleanly and stores nothing', async () => {
    const { env, site } = await setup();
    const bad: [unknown, string, string][] = [
      [draft(site, { items: [] }), 'items', 'v.tooFewItems'],
      [draft(site, { items: items(MAX_SLIP_ITEMS + 1) }), 'items', 'v.tooManyItems'],
      [draft(site, { items: [{ name: '床', quantity: -1, unitOfCount: '张', remark: null }] }), 'items.0.quantity', 'v.tooSmall'],
      [draft(site, { items: [{ name: '床', quantity: 1e9, unitOfCount: '张', remark: null }] }), 'items.0.quantity', 'v.tooBig'],
      [draft(site, { items: [{ name: '床', quantity: 1.5, unitOfCount: '张', remark: null }] }), 'items.0.quantity', 'v.invalidType'],
      [draft(site, { reason: 'x'.repeat(10_000) }), 'reason', 'v.tooLong'],
      [draft(site, { carrier: { type: 'other', personId: null, name: '甲\u0000乙', phone: null, idType: null, idNumber: null } }), 'carrier.name', 'v.controlChars'],
      [{ ...draft(site), nature: 42 }, 'nature', 'v.invalidChoice'],
      [{ ...draft(site), items: 'sofa' }, 'items', 'v.invalidType'],
    ];
    for (const [input, field, message] of bad) {
      const e = await env.fail('slips.create', input, 'clerk');
      expect(e.code, field).toBe('VALIDATION');
      expect(e.fieldErrors?.[field]?.message, field).toBe(message);
    }
    expect(env.count('SELECT count(*) FROM release_slips')).toBe(0);
    expect(env.count('SELECT count(*) FROM release_slip_items')).toBe(0);
    expect(env.count('SELECT count(*) FROM sequences')).toBe(0);
  });

  it('prints an issued slip; a reprint is marked as a copy and logged', async () => {
    const { env, site } = await setup();
    const s = await env.ok('slips.create', draft(site), 'clerk');
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    await call(env, s.id, 'agreed');
    expect((await env.fail('slips.print', { id: s.id, lang: 'zh-CN' }, 'clerk')).message).toBe('slip.why.printNeedsIssued');
    await issue(env, s.id);
    const first = await env.ok('slips.print', { id: s.id, lang: 'zh-CN' }, 'clerk');
    expect(first).toMatchObject({ fileName: 'FX-2026-000001.pdf', copy: false });
    const file = pdfFile(Buffer.from(first.pdfBase64, 'base64'));
    const text = pdfText(file);
    expect(pdfPages(file)).toBe(1);
    for (const t of ['FX-2026-000001', '1-101', '物品1', '物品2', '王小明', '存档联', '门岗联', '阳光花园服务中心']) expect(text).toContain(t);
    expect(text).not.toContain('副本');
    env.clock.advance(MINUTE);
    const again = await env.ok('slips.print', { id: s.id, lang: 'en' }, 'clerk');
    expect(again.copy).toBe(true);
    expect(pdfText(pdfFile(Buffer.from(again.pdfBase64, 'base64')))).toContain('COPY');
    expect(env.rows('SELECT action FROM audit_log WHERE entity = ? ORDER BY at, id', 'slip').map((r) => r.action)).toEqual(['create', 'submit', 'verify', 'issue', 'print', 'reprint']);
  });
});

describe('signatures per signer at issue', () => {
  /** A slip of a family member, verified with the owner on the phone: ready to issue. */
  async function ready(env: TestEnv, site: Site) {
    const s = await env.ok('slips.create', draft(site), 'clerk');
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    return call(env, s.id, 'agreed');
  }
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  type Sigs = ChannelInput<'slips.issue'>['signatures'];
  const row = (env: TestEnv, id: string) => env.rows('SELECT sign_clerk, sign_carrier, sign_owner, sig_clerk, sig_owner, recording_ref FROM release_slips WHERE id = ?', id)[0];

  it('an owner in person who signs on paper is issued without a recording; the choice is kept, in the timeline and the audit log', async () => {
    const { env, site } = await setup();
    const s = await env.ok('slips.create', draft(site, { carrier: { type: 'owner', personId: site.personId, name: '张三', phone: null, idType: null, idNumber: null } }), 'clerk');
    expect((await env.ok('slips.submit', { id: s.id }, 'clerk')).state).toBe('ready_to_issue');
    const signatures: Sigs = { clerk: { mode: 'screen', image: PNG }, carrier: { mode: 'paper' }, owner: { mode: 'paper' } };
    const issued = await issue(env, s.id, { signatures, recordingRef: null });
    expect(issued).toMatchObject({ ok: true, value: { state: 'issued', signers: { clerk: 'screen', carrier: 'paper', owner: 'paper' }, recordingRef: null } });
    expect(row(env, s.id)).toEqual({ sign_clerk: 'screen', sign_carrier: 'paper', sign_owner: 'paper', sig_clerk: PNG, sig_owner: null, recording_ref: null });
    const detail = await env.ok('slips.get', { id: s.id }, 'clerk');
    expect(JSON.parse(detail.timeline.find((e) => e.action === 'issue')!.detail!)).toEqual({ signers: { clerk: 'screen', carrier: 'paper', owner: 'paper' }, recordingRef: null });
    const audit = env.rows("SELECT after FROM audit_log WHERE entity = 'slip' AND action = 'issue' AND entity_id = ?", s.id);
    expect(JSON.parse(audit[0].after as string)).toEqual({ state: 'issued', signClerk: 'screen', signCarrier: 'paper', signOwner: 'paper', recordingRef: null });
  });

  it('an owner who does not sign without a recording is refused with the message, and nothing is stored; with it, it is issued', async () => {
    const { env, site } = await setup();
    const s = await ready(env, site);
    const signatures: Sigs = { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } };
    for (const recordingRef of [null, '   ']) {
      expect(await issue(env, s.id, { signatures, recordingRef })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fieldErrors: { recordingRef: { message: 'slip.why.noOwnerSignature' } } },
      });
    }
    expect(row(env, s.id)).toMatchObject({ sign_clerk: null, sign_carrier: null, sign_owner: null, recording_ref: null });
    expect((await env.ok('slips.get', { id: s.id }, 'clerk')).state).toBe('ready_to_issue');
    const issued = await issue(env, s.id, { signatures, recordingRef: 'REC-20260315-07' });
    expect(issued).toMatchObject({ ok: true, value: { state: 'issued', signers: { clerk: 'paper', carrier: 'paper', owner: 'recording' }, recordingRef: 'REC-20260315-07' } });
  });

  it('the clerk and the carrier must sign, on screen (with the image) or on paper: each problem is told at its signer', async () => {
    const { env, site } = await setup();
    const s = await ready(env, site);
    const refused = await issue(env, s.id, { signatures: { clerk: { mode: 'recording' }, carrier: { mode: 'screen' }, owner: { mode: 'paper', image: PNG } }, recordingRef: 'REC-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!refused.ok && refused.error.fieldErrors).toEqual({
      'signatures.clerk.mode': { message: 'slip.why.mustSign.clerk' },
      'signatures.carrier.image': { message: 'slip.why.emptySignature.carrier' },
      'signatures.owner.image': { message: 'slip.why.imageNotOnScreen' },
    });
    // A mode that does not exist, or the old shape (an image or null per signer), is bad input.
    const bad = await env.fail('slips.issue', { slipId: s.id, signatures: { clerk: { mode: 'phone' }, carrier: { mode: 'paper' }, owner: { mode: 'paper' } }, recordingRef: null }, 'clerk');
    expect(bad.fieldErrors?.['signatures.clerk.mode']?.message).toBe('v.invalidChoice');
    expect((await env.fail('slips.issue', { slipId: s.id, signatures: { clerk: null, carrier: null, owner: null }, recordingRef: 'REC-1' }, 'clerk')).code).toBe('VALIDATION');
    expect((await env.ok('slips.get', { id: s.id }, 'clerk')).state).toBe('ready_to_issue');
    // The procedure's blockers come first: a moving-out slip without the fees says so, whatever the signatures.
    const { env: env2, site: site2, tenantId } = await setup();
    const m = await tenantMoveOut(env2, site2, tenantId);
    await env2.ok('slips.submit', { id: m.id }, 'clerk');
    await call(env2, m.id, 'agreed');
    expect(await issue(env2, m.id, { recordingRef: null })).toMatchObject({ ok: false, error: { code: 'BAD_STATE', message: 'slip.why.feesNotCleared', params: { reasons: 'slip.why.feesNotCleared,slip.why.noOwnerSignature' } } });
    // On the slip page, before the clerk has chosen, only the procedure's blockers are listed.
    expect((await env2.ok('slips.get', { id: m.id }, 'clerk')).issueBlockers).toEqual(['slip.why.feesNotCleared']);
  });

  it('prints the line of whoever signs on paper, and the recording note only for an owner who does not sign', async () => {
    const { env, site } = await setup();
    const text = async (signatures: Sigs, recordingRef: string | null) => {
      const s = await ready(env, site);
      expect((await issue(env, s.id, { signatures, recordingRef, acknowledgeFrequent: true })).ok).toBe(true);
      return pdfText(pdfFile(Buffer.from((await env.ok('slips.print', { id: s.id, lang: 'zh-CN' }, 'clerk')).pdfBase64, 'base64')));
    };
    const paper = await text({ clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'paper' } }, null);
    expect(paper.split('（纸上签名）').length - 1).toBe(6); // three signers, on each part
    expect(paper).not.toContain('电话录音');
    expect(paper).not.toContain('不签字');
    const none = await text({ clerk: { mode: 'paper' }, carrier: { mode: 'screen', image: PNG }, owner: { mode: 'recording' } }, 'REC-20260315-09');
    expect(none.split('业主不签字').length - 1).toBe(2);
    expect(none.split('电话录音：REC-20260315-09').length - 1).toBe(2);
    expect(none.split('（纸上签名）').length - 1).toBe(2); // the clerk only
  });
});
