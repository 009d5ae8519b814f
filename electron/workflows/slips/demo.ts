import { q } from '../../../db/statements';
import type { SlipDraft } from '../../../shared/workflows/slips/schema';
import { ctxAt, localDate, type ServiceCtx } from '../../host/context';
import * as slips from './service';

const ITEMS: SlipDraft['items'][] = [
  [{ name: '双人床', quantity: 1, unitOfCount: '张', remark: '已拆散' }, { name: '衣柜', quantity: 2, unitOfCount: '个', remark: null }, { name: '纸箱', quantity: 12, unitOfCount: '箱', remark: '衣物书籍' }],
  [{ name: '电视机', quantity: 1, unitOfCount: '台', remark: '55寸' }],
  [{ name: '办公桌', quantity: 4, unitOfCount: '张', remark: null }, { name: '电脑主机', quantity: 4, unitOfCount: '台', remark: null }, { name: '文件柜', quantity: 1, unitOfCount: '个', remark: null }],
  [{ name: '空调外机', quantity: 1, unitOfCount: '台', remark: '维修' }],
  [{ name: '装修余料', quantity: 6, unitOfCount: '袋', remark: '木板、石膏板' }, { name: '电钻', quantity: 1, unitOfCount: '把', remark: null }],
  [{ name: '洗衣机', quantity: 1, unitOfCount: '台', remark: null }, { name: '冰箱', quantity: 1, unitOfCount: '台', remark: null }, { name: '沙发', quantity: 1, unitOfCount: '套', remark: '三人位' }, { name: '纸箱', quantity: 20, unitOfCount: '箱', remark: null }],
];

const at = ctxAt;

interface Party { unitId: string; personId: string; name: string; phone: string | null }

/** Slips in every state, so a newcomer sees the whole workflow at once. */
export function seedDemoSlips(ctx: ServiceCtx): number {
  const owners = q(ctx.db, `SELECT l.unit_id AS unitId, p.id AS personId, p.name, p.phone FROM unit_people l JOIN people p ON p.id = l.person_id
                             JOIN units u ON u.id = l.unit_id WHERE l.relation = 'owner' AND p.kind = 'person' AND u.use = 'residential' AND p.phone IS NOT NULL
                             ORDER BY u.code_key, u.code LIMIT 40`).all<Party>();
  const tenants = q(ctx.db, `SELECT l.unit_id AS unitId, p.id AS personId, p.name, p.phone FROM unit_people l JOIN people p ON p.id = l.person_id
                              WHERE l.relation = 'tenant' AND l.end_date IS NULL AND p.kind = 'person' AND p.phone IS NOT NULL ORDER BY l.unit_id LIMIT 10`).all<Party>();
  if (owners.length < 20 || tenants.length < 4) return 0;
  const now = ctx.clock.now().getTime();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
  let n = 0;
  const draft = (p: Party, carrierType: SlipDraft['carrier']['type'], nature: SlipDraft['nature'], items: SlipDraft['items'], reason: string, carrier?: { name: string; phone: string | null }, extra: Partial<SlipDraft> = {}): SlipDraft => ({
    unitId: p.unitId,
    nature,
    reason,
    carrier: { type: carrierType, personId: carrier ? null : p.personId, name: carrier?.name ?? p.name, phone: carrier ? carrier.phone : p.phone, idType: null, idNumber: null },
    items,
    tenantMoveOut: false,
    meterReadings: null,
    ...extra,
  });
  const ownerOf = (unitId: string) => q(ctx.db, "SELECT p.name, p.phone FROM unit_people l JOIN people p ON p.id = l.person_id WHERE l.unit_id = ? AND l.relation IN ('owner','company') ORDER BY l.start_date LIMIT 1").get<{ name: string; phone: string | null }>(unitId);
  const call = (c: ServiceCtx, id: string, unitId: string, answer: 'agreed' | 'refused' | 'unreachable', minutes = 5) => {
    const o = ownerOf(unitId);
    slips.recordCall(c, { slipId: id, contactRole: 'owner', contactName: o?.name ?? '业主', contactPhone: o?.phone ?? '13800000000', calledAt: new Date(c.clock.now().getTime() - minutes * 60_000).toISOString(), answer, note: null });
  };
  // The demo's slips were signed on the printed paper; the owner, not at the desk, gave the phone recording.
  const PAPER = { mode: 'paper', image: null } as const;
  const issue = (c: ServiceCtx, id: string, ref: string, ack = false) =>
    slips.issueSlip(c, { slipId: id, signatures: { clerk: PAPER, carrier: PAPER, owner: { mode: 'recording', image: null } }, recordingRef: ref, acknowledgeFrequent: ack });

  // Owners carrying things out themselves over the last weeks: issued and exited.
  for (let i = 0; i < 8; i++) {
    const c = at(ctx, hoursAgo(24 * (2 + i * 3) + 5));
    const s = slips.createSlip(c, draft(owners[i], 'owner', 'temporary', ITEMS[(i + 1) % ITEMS.length], i % 2 ? '送修' : '搬去老家'));
    slips.submitSlip(c, s.id);
    issue(c, s.id, `REC-${localDate(c.clock.now()).replace(/-/g, '')}-${i + 1}`);
    slips.exitSlip(at(ctx, hoursAgo(24 * (2 + i * 3) + 4)), { number: s.number });
    n++;
  }
  // The same unit twice in the last 30 days, and a third slip ready: the clerk sees the frequent carry-out warning.
  const busy = owners[10];
  for (let i = 0; i < 2; i++) {
    const c = at(ctx, hoursAgo(24 * (6 + i * 8)));
    const s = slips.createSlip(c, draft(busy, 'helper', 'temporary', ITEMS[1], '保姆代业主送修', { name: '刘阿姨', phone: '13622334455' }));
    slips.submitSlip(c, s.id);
    call(c, s.id, busy.unitId, 'agreed');
    issue(c, s.id, `REC-H-${i + 1}`);
    slips.exitSlip(c, { number: s.number });
    n++;
  }
  {
    const c = at(ctx, hoursAgo(1));
    const s = slips.createSlip(c, draft(busy, 'helper', 'temporary', ITEMS[3], '保姆代业主送修', { name: '刘阿姨', phone: '13622334455' }));
    slips.submitSlip(c, s.id);
    call(c, s.id, busy.unitId, 'agreed');
    n++;
  }
  // Awaiting verification: a family member, owner not reachable yet.
  for (let i = 0; i < 3; i++) {
    const c = at(ctx, hoursAgo(2 + i));
    const s = slips.createSlip(c, draft(owners[12 + i], 'family', 'temporary', ITEMS[(i + 2) % ITEMS.length], '家属搬运', { name: ['王小明', '陈丽', '赵刚'][i], phone: ['13511112222', '13711113333', '18911114444'][i] }));
    slips.submitSlip(c, s.id);
    if (i > 0) call(c, s.id, owners[12 + i].unitId, 'unreachable');
    n++;
  }
  // Ready to issue: a decoration worker, decoration manager agreed.
  {
    const p = owners[16];
    const c = at(ctx, hoursAgo(1.5));
    const s = slips.createSlip(c, draft(p, 'decoration_worker', 'temporary', ITEMS[4], '装修余料清运', { name: '黄师傅', phone: '15012345678' }));
    slips.submitSlip(c, s.id);
    slips.recordCall(c, { slipId: s.id, contactRole: 'decoration_manager', contactName: '周经理', contactPhone: '13988887777', calledAt: new Date(c.clock.now().getTime() - 300_000).toISOString(), answer: 'agreed', note: '装修公司负责人同意' });
    n++;
  }
  // A tenant moving out: owner agreed, cashier confirmed fees, issued, waiting at the gate.
  {
    const t = tenants[0];
    const c = at(ctx, hoursAgo(3));
    const s = slips.createSlip(c, draft(t, 'tenant', 'moving_out', ITEMS[0], '租约到期退租搬家', undefined, { tenantMoveOut: true, meterReadings: { water: 356.2, electricity: 8421, gas: 127.5 } }));
    slips.submitSlip(c, s.id);
    call(c, s.id, t.unitId, 'agreed');
    slips.confirmFees(c, { slipId: s.id, receipt: 'SK-20261123-017' });
    issue(c, s.id, 'REC-TENANT-01');
    n++;
  }
  // A tenant moving out whose fees are not confirmed yet: the app says why it cannot be issued.
  {
    const t = tenants[1];
    const c = at(ctx, hoursAgo(0.5));
    const s = slips.createSlip(c, draft(t, 'tenant', 'moving_out', ITEMS[5], '退租搬家', undefined, { tenantMoveOut: true, meterReadings: { water: 88, electricity: 2210, gas: null } }));
    slips.submitSlip(c, s.id);
    call(c, s.id, t.unitId, 'agreed');
    n++;
  }
  // Drafts, a refusal and a void.
  {
    const c = at(ctx, hoursAgo(0.2));
    slips.createSlip(c, draft(owners[18], 'other', 'temporary', ITEMS[1], '朋友代取', { name: '孙伟', phone: '13366667777' }));
    n++;
    const r = slips.createSlip(at(ctx, hoursAgo(30)), draft(owners[19], 'family', 'temporary', ITEMS[5], '搬走家具', { name: '李强', phone: '13899990000' }));
    slips.submitSlip(at(ctx, hoursAgo(30)), r.id);
    call(at(ctx, hoursAgo(29.8)), r.id, owners[19].unitId, 'refused');
    n++;
    const v = slips.createSlip(at(ctx, hoursAgo(50)), draft(owners[17], 'owner', 'temporary', ITEMS[2], '开错单元'));
    slips.voidSlip(at(ctx, hoursAgo(49.5)), { id: v.id, reason: '开错房号，已重开' });
    n++;
  }
  return n;
}
