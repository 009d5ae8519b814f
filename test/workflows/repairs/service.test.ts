import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { setup, wake, now, intake, dispatch, pickUp, complete, finished } from '../../helpers/repairs';

describe('intake', () => {
  it('numbers the order BX-year, normalises the phone, keeps who received it, and starts its timeline', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    expect(r).toMatchObject({ number: 'BX-2026-000001', state: 'received', placeName: '1-101', urgent: true, paid: false, reporterPhoneMasked: '138****5678', receiverName: 'clerk 用户', chargeState: 'none' });
    expect(env.rows('SELECT reporter_phone FROM repairs')).toEqual([{ reporter_phone: '13812345678' }]);
    expect(r.timeline.map((t) => t.action)).toEqual(['create']);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'repair' AND action = 'create'")).toBe(1);
  });

  it('refuses a bad phone, an unknown unit or area, a missing or unknown category, an unprintable description — and saves nothing', async () => {
    const { env, site } = await setup();
    const field = async (input: unknown) => (await env.fail('repairs.create', input, 'clerk')).fieldErrors;
    expect(await field(intake(env, site, { reporterPhone: '12345' }))).toMatchObject({ reporterPhone: { message: 'v.phone' } });
    expect(await field(intake(env, site, { place: { kind: 'unit', unitId: '01890000-0000-7000-8000-000000000000' } }))).toMatchObject({ 'place.unitId': { message: 'v.notFound' } });
    expect(await field(intake(env, site, { place: { kind: 'public', areaCode: 'moon' } }))).toMatchObject({ 'place.areaCode': { message: 'v.notFound' } });
    expect(await field({ ...intake(env, site), category: undefined })).toMatchObject({ category: { message: 'v.required' } });
    expect(await field(intake(env, site, { category: 'spaceship' }))).toMatchObject({ category: { message: 'v.notFound' } });
    expect((await field(intake(env, site, { description: '漏水😀' })))?.description?.message).toMatch(/^v\.unprintable/);
    expect(env.count('SELECT count(*) FROM repairs')).toBe(0);
    expect(env.count('SELECT count(*) FROM sequences')).toBe(0);
  });

  it('takes a public area from the settings list', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site, { place: { kind: 'public', areaCode: 'garage' }, category: 'public_facilities' }), 'clerk');
    expect(r).toMatchObject({ placeName: '地下车库', unitId: null, areaCode: 'garage' });
  });

  it('a paid repair needs the price told; its charges come from the price list in fen', async () => {
    const { env, site } = await setup();
    expect((await env.fail('repairs.create', intake(env, site, { paid: true, charges: [{ code: 'tap', quantity: 1 }] }), 'clerk')).fieldErrors).toMatchObject({ priceTold: { message: 'repair.v.priceNotTold' } });
    expect((await env.fail('repairs.create', intake(env, site, { paid: true, priceTold: true, charges: [{ code: 'gold', quantity: 1 }] }), 'clerk')).fieldErrors).toMatchObject({ 'charges.0.code': { message: 'v.notFound' } });
    const r = await env.ok('repairs.create', intake(env, site, { paid: true, priceTold: true, charges: [{ code: 'labour_visit', quantity: 1 }, { code: 'tap', quantity: 2 }] }), 'clerk');
    expect(r.charges.map((c) => [c.name, c.unitPriceFen, c.quantity, c.amountFen])).toEqual([['上门维修人工', 3000, 1, 3000], ['水龙头', 4500, 2, 9000]]);
    expect(r).toMatchObject({ chargeTotalFen: 12000, chargeState: 'pending', priceTold: true });
  });
});

describe('dispatch and pick-up', () => {
  it('urgent: chase after 10 minutes; normal: after 30 (the settings), on a fixed clock', async () => {
    const { env, site } = await setup();
    const urgent = await env.ok('repairs.create', intake(env, site), 'clerk');
    const normal = await env.ok('repairs.create', intake(env, site, { urgent: false, description: '卧室门把手松动' }), 'clerk');
    await dispatch(env, urgent.id);
    await dispatch(env, normal.id);
    const overdue = async () => (await env.ok('repairs.list', {}, 'clerk')).rows.filter((r) => r.overdueForPickup).map((r) => r.number);
    env.clock.advanceMinutes(10);
    expect(await overdue()).toEqual([]);
    env.clock.advanceMinutes(1);
    expect(await overdue()).toEqual([urgent.number]);
    env.clock.advanceMinutes(20);
    expect((await overdue()).sort()).toEqual([urgent.number, normal.number].sort());
    await env.ok('settings.update', { repairPickupMinutes: { urgent: 10, normal: 60 } });
    expect(await overdue()).toEqual([urgent.number]);
  });

  it('a chase is counted and gives engineering the limit again; the signed order is no longer chased', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    await dispatch(env, r.id);
    env.clock.advanceMinutes(11);
    let d = await env.ok('repairs.chase', { id: r.id, notifiedName: '工程部刘工', note: '再次电话通知' }, 'clerk');
    expect(d).toMatchObject({ chaseCount: 1, overdueForPickup: false });
    env.clock.advanceMinutes(11);
    d = await env.ok('repairs.chase', { id: r.id, notifiedName: '工程部主管' }, 'clerk');
    expect(d.chaseCount).toBe(2);
    d = await pickUp(env, r.id);
    expect(d).toMatchObject({ state: 'picked_up', technician: { name: '刘师傅', trade: '水电' }, overdueForPickup: false });
    expect(await env.fail('repairs.chase', { id: r.id, notifiedName: 'x' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.chase' });
    expect(d.timeline.map((t) => t.action)).toEqual(['create', 'dispatch', 'chase', 'chase', 'pick-up']);
  });

  it('only a technician from the settings list signs, and only a dispatched order', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    expect(await env.fail('repairs.pickUp', { id: r.id, technician: 'liu', signedAt: now(env) }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.pickUp' });
    await dispatch(env, r.id);
    expect((await env.fail('repairs.pickUp', { id: r.id, technician: 'nobody', signedAt: now(env) }, 'clerk')).fieldErrors).toMatchObject({ technician: { message: 'v.notFound' } });
  });
});

describe('completion', () => {
  it('needs a pick-up first, a finish not in the future, charges on a paid order, a screen signature when signed on screen', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site, { paid: true, priceTold: true }), 'clerk');
    await dispatch(env, r.id);
    expect((await complete(env, r.id)).ok).toBe(false);
    await pickUp(env, r.id);
    const err = async (over: Partial<ChannelInput<'repairs.complete'>>) => {
      const c = await complete(env, r.id, over);
      return c.ok ? null : c.error.fieldErrors;
    };
    expect(await err({})).toMatchObject({ charges: { message: 'repair.v.paidNeedsCharges' } });
    expect(await err({ charges: [{ code: 'tap', quantity: 1 }], finishedAt: new Date(env.clock.now().getTime() + 3_600_000).toISOString() })).toMatchObject({ finishedAt: { message: 'v.notInFuture' } });
    expect(await err({ charges: [{ code: 'tap', quantity: 1 }], requesterSign: 'screen' })).toMatchObject({ requesterSignature: { message: 'repair.v.signOnScreen' } });
    expect(env.count('SELECT count(*) FROM callbacks')).toBe(0);
    env.clock.advanceMinutes(5);
    const c = await complete(env, r.id, { charges: [{ code: 'labour_visit', quantity: 1 }, { code: 'pipe', quantity: 3 }], materials: 'PPR 水管 3 米' });
    expect(c.ok).toBe(true);
    const d = await env.ok('repairs.get', { id: r.id }, 'clerk');
    expect(d).toMatchObject({ state: 'completed', chargeTotalFen: 3000 + 3 * 1200, chargeState: 'pending', materials: 'PPR 水管 3 米' });
  });

  it('the cashier collects or waives (with a reason) a completed paid order, once', async () => {
    const { env, site } = await setup();
    const paid = await finished(env, site, { paid: true, priceTold: true, charges: [{ code: 'tap', quantity: 1 }] });
    expect(await env.fail('repairs.collect', { id: paid.id, receipt: 'R-1' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const c = await env.ok('repairs.collect', { id: paid.id, receipt: 'R-1' }, 'cashier');
    expect(c).toMatchObject({ chargeState: 'collected', chargeNote: 'R-1', chargeTotalFen: 4500 });
    expect(await env.fail('repairs.waive', { id: paid.id, reason: '老人' }, 'cashier')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.chargeSettled' });
    const other = await finished(env, site, { paid: true, priceTold: true, charges: [{ code: 'switch', quantity: 2 }] });
    expect(await env.ok('repairs.waive', { id: other.id, reason: '返修，不收费' }, 'cashier')).toMatchObject({ chargeState: 'waived', chargeNote: '返修，不收费' });
    const free = await finished(env, site);
    expect(await env.fail('repairs.collect', { id: free.id }, 'cashier')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.notPaid' });
  });
});

describe('callbacks', () => {
  it('are created by completion, due 2 calendar days after (HF numbers)', async () => {
    const { env, site } = await setup();
    const r = await finished(env, site);
    expect(r.callbacks).toEqual([{ id: expect.any(String), number: 'HF-2026-000001', state: 'open', dueDate: '2026-03-17' }]);
    const q = await env.ok('callbacks.list', {}, 'clerk');
    expect(q.rows[0]).toMatchObject({ sourceNumber: r.number, contactName: '张三', contactPhoneMasked: '138****5678', dueDate: '2026-03-17', overdue: false });
  });

  it('a leak repair is due 3 days after its leak test, which it must have', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site, { category: 'leak', description: '卫生间渗漏到楼下' }), 'clerk');
    await dispatch(env, r.id);
    await pickUp(env, r.id);
    const miss = await complete(env, r.id);
    expect(miss.ok ? null : miss.error.fieldErrors).toMatchObject({ leakTestDate: { message: 'repair.v.leakTestRequired' } });
    expect((await complete(env, r.id, { leakTestDate: '2026-03-18' })).ok).toBe(true);
    expect((await env.ok('repairs.get', { id: r.id }, 'clerk')).callbacks[0].dueDate).toBe('2026-03-21');
  });

  it('counts from the site’s date across midnight: 23:50 and 00:10 Beijing time fall on different days', async () => {
    const { env, site } = await setup();
    env.clock.set('2026-03-31T15:00:00.000Z'); // 23:00 Beijing
    await wake(env);
    const a = await env.ok('repairs.create', intake(env, site), 'clerk');
    const b = await env.ok('repairs.create', intake(env, site), 'clerk');
    for (const r of [a, b]) {
      await dispatch(env, r.id);
      await pickUp(env, r.id);
    }
    env.clock.set('2026-03-31T15:50:00.000Z');
    expect((await complete(env, a.id)).ok).toBe(true);
    env.clock.set('2026-03-31T16:10:00.000Z'); // 00:10 on 1 April in Beijing, still 31 March in UTC
    expect((await complete(env, b.id)).ok).toBe(true);
    const due = async (id: string) => (await env.ok('repairs.get', { id }, 'clerk')).callbacks[0].dueDate;
    expect(await due(a.id)).toBe('2026-04-02');
    expect(await due(b.id)).toBe('2026-04-03');
  });

  it('the category’s days are a setting', async () => {
    const { env, site } = await setup();
    const s = await env.ok('settings.get', {});
    await env.ok('settings.update', { repairCategories: s.repairCategories.map((c) => (c.code === 'electric' ? { ...c, callbackDays: 1 } : c)) });
    const r = await finished(env, site, { category: 'electric', description: '客厅插座冒烟' });
    expect(r.callbacks[0].dueDate).toBe('2026-03-16');
  });

});

describe('repair settings', () => {
  it('are checked row by row with the field named, and nothing is saved when one row is wrong', async () => {
    const { env } = await setup();
    const s = await env.ok('settings.get', {});
    const prices = s.repairPriceList.map((p) => (p.code === 'tap' ? { ...p, priceFen: 5250 } : p));
    const bad = await env.fail('settings.update', {
      repairPriceList: [...prices.slice(0, 4), { ...prices[4], priceFen: 12.5 }],
      technicians: [...s.technicians, { code: 'liu', name: '又一个刘师傅', trade: '水电', phone: null }],
      publicAreas: [{ code: 'Lobby 1', name: '大堂' }],
    });
    expect(bad.fieldErrors).toMatchObject({
      'repairPriceList.4.priceFen': { message: 'repairSettings.v.price' },
      'technicians.2.code': { message: 'v.codeTaken' },
      'publicAreas.0.code': { message: 'repairSettings.v.code' },
    });
    expect(await env.ok('settings.get', {})).toEqual(s);
    expect((await env.fail('settings.update', { repairPriceList: [{ ...prices[0], priceFen: 100_000_001 }] })).fieldErrors).toMatchObject({ 'repairPriceList.0.priceFen': { message: 'repairSettings.v.priceTooBig' } });
    expect((await env.fail('settings.update', { repairCategories: [] })).fieldErrors).toMatchObject({ repairCategories: { message: expect.stringMatching(/^v\.tooFewItems/) } });
    // A manager only: the clerk cannot change the price list.
    expect(await env.fail('settings.update', { repairPriceList: prices }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const saved = await env.ok('settings.update', { repairPriceList: prices });
    expect(saved.repairPriceList.find((p) => p.code === 'tap')?.priceFen).toBe(5250);
  });
});

describe('end of day', () => {
  it('lists the orders received before 17:00 (a setting) not returned or not finished, older ones included', async () => {
    const { env, site } = await setup();
    const old = await env.ok('repairs.create', intake(env, site, { urgent: false }), 'clerk');
    const done = await finished(env, site);
    env.clock.set('2026-03-15T08:30:00.000Z'); // 16:30 Beijing
    await wake(env);
    const picked = await env.ok('repairs.create', intake(env, site), 'clerk');
    await dispatch(env, picked.id);
    await pickUp(env, picked.id);
    env.clock.set('2026-03-15T09:30:00.000Z'); // 17:30: after the check, tomorrow's list
    await wake(env);
    const late = await env.ok('repairs.create', intake(env, site), 'clerk');
    const list = await env.ok('repairs.endOfDay', { date: '2026-03-15' }, 'supervisor');
    expect(list.cutoff).toBe('2026-03-15T09:00:00.000Z');
    expect(list.rows.map((r) => r.number)).toEqual([old.number, picked.number]);
    expect(list.rows.map((r) => r.number)).not.toContain(done.number);
    await env.ok('settings.update', { repairEndOfDay: '18:00' });
    expect((await env.ok('repairs.endOfDay', { date: '2026-03-15' }, 'supervisor')).rows.map((r) => r.number)).toContain(late.number);
  });
});

describe('void', () => {
  it('a supervisor voids an open order with a reason; a clerk may not', async () => {
    const { env, site } = await setup();
    const r = await env.ok('repairs.create', intake(env, site), 'clerk');
    expect(await env.fail('repairs.void', { id: r.id, reason: '重复报修' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const v = await env.ok('repairs.void', { id: r.id, reason: '重复报修' }, 'supervisor');
    expect(v).toMatchObject({ state: 'voided', endReason: '重复报修' });
    expect(await env.fail('repairs.dispatch', { id: r.id, notifiedName: 'x', notifiedAt: now(env) }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'repair.why.dispatch' });
  });
});
