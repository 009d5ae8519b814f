/** The callback queue on real SQLite through the real host, fed by repairs (its first source). */
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCallback, registerCallbackSource, type AnsweredCallback } from '../../../electron/workflows/callbacks/service';
import { setup, wake, now, dispatch, pickUp, complete, finished, reached, unreached } from '../../helpers/repairs';

describe('attempts', () => {
  it('three unreached attempts escalate to the supervisor; a reached, satisfied answer closes the repair', async () => {
    const { env, site } = await setup();
    const r = await finished(env, site);
    const cb = r.callbacks[0].id;
    expect((await unreached(env, cb)).state).toBe('open');
    expect((await unreached(env, cb)).state).toBe('open');
    const third = await unreached(env, cb);
    expect(third).toMatchObject({ state: 'escalated', unreached: 3 });
    expect(third.timeline.map((t) => t.action)).toEqual(['create', 'attempt', 'attempt', 'attempt', 'escalate']);
    expect((await env.fail('callbacks.attempt', { callbackId: cb, channel: 'visit', at: now(env), reached: true }, 'clerk')).fieldErrors).toMatchObject({ fixed: { message: 'v.required' }, satisfaction: { message: 'v.required' } });
    const done = await env.ok('callbacks.attempt', { callbackId: cb, channel: 'visit', at: now(env), reached: true, fixed: true, satisfaction: 'very_satisfied', note: '无其他意见' }, 'supervisor');
    expect(done).toMatchObject({ state: 'done', outcome: 'closed' });
    expect(done.attempts).toHaveLength(4);
    expect((await env.ok('repairs.get', { id: r.id }, 'clerk')).state).toBe('closed');
    expect(await env.fail('callbacks.attempt', { callbackId: cb, channel: 'phone', at: now(env), reached: false }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'callback.why.done' });
  });

  it('an unsatisfied answer reopens the repair (back to dispatch); its next completion brings a new callback', async () => {
    const { env, site } = await setup();
    const r = await finished(env, site);
    const first = await reached(env, r.callbacks[0].id, true, 'unsatisfied');
    expect(first).toMatchObject({ state: 'done', outcome: 'reopened' });
    let d = await env.ok('repairs.get', { id: r.id }, 'clerk');
    expect(d).toMatchObject({ state: 'reopened', reopenCount: 1, technician: { code: 'liu' } });
    expect(d.timeline.map((t) => t.action).slice(-1)).toEqual(['reopen']);
    await dispatch(env, r.id);
    d = await pickUp(env, r.id, 'chen');
    expect(d.technician?.name).toBe('陈师傅');
    env.clock.advanceDays(1);
    await wake(env);
    expect((await complete(env, r.id)).ok).toBe(true);
    d = await env.ok('repairs.get', { id: r.id }, 'clerk');
    expect(d.callbacks.map((c) => [c.state, c.dueDate])).toEqual([['done', '2026-03-17'], ['open', '2026-03-18']]);
    await reached(env, d.callbacks[1].id, true, 'satisfied');
    expect((await env.ok('repairs.get', { id: r.id }, 'clerk')).state).toBe('closed');
  });

  it('"not fixed" reopens too, however satisfied', async () => {
    const { env, site } = await setup();
    const r = await finished(env, site);
    await reached(env, r.callbacks[0].id, false, 'satisfied');
    expect((await env.ok('repairs.get', { id: r.id }, 'clerk')).state).toBe('reopened');
  });

  it('the rate: done on time ÷ due, as the hand count says; the queue is sorted by due date, overdue first', async () => {
    const { env, site } = await setup();
    const a = await finished(env, site); // due 03-17
    env.clock.advanceDays(1);
    await wake(env);
    const b = await finished(env, site); // due 03-18
    const c = await finished(env, site); // due 03-18
    await reached(env, a.callbacks[0].id, true, 'satisfied'); // on 03-16: on time
    env.clock.advanceDays(3); // 03-19
    await wake(env);
    const queue = (await env.ok('callbacks.list', {}, 'clerk')).rows;
    expect(queue.map((x) => [x.sourceNumber, x.overdue])).toEqual([[b.number, true], [c.number, true]]);
    await reached(env, b.callbacks[0].id, true, 'neutral'); // late
    const rate = await env.ok('callbacks.rate', { from: '2026-03-01', to: '2026-03-31' }, 'clerk');
    expect(rate).toEqual({ due: 3, onTime: 1, basisPoints: 3333 });
    expect(await env.ok('callbacks.rate', { from: '2026-03-17', to: '2026-03-17' }, 'clerk')).toEqual({ due: 1, onTime: 1, basisPoints: 10000 });
  });
  it('reveals the contact’s phone in clear to pii.reveal roles only, each reveal in the audit log; lists show it masked', async () => {
    const { env, site } = await setup();
    const r = await finished(env, site);
    const cb = r.callbacks[0].id;
    const reveals = () => env.rows<{ user_id: string; entity: string; entity_id: string; before: null; after: string }>("SELECT user_id, entity, entity_id, before, after FROM audit_log WHERE action = 'reveal' ORDER BY id");
    expect(await env.fail('callbacks.reveal', { id: cb }, 'cashier')).toMatchObject({ code: 'FORBIDDEN' });
    expect(reveals()).toEqual([]);
    expect((await env.ok('callbacks.get', { id: cb }, 'clerk')).contactPhoneMasked).toBe('138****5678');
    expect(await env.ok('callbacks.reveal', { id: cb }, 'clerk')).toEqual({ value: '13812345678' });
    const clerkId = env.rows<{ id: string }>("SELECT id FROM users WHERE username = 'clerk'")[0].id;
    expect(reveals()).toEqual([{ user_id: clerkId, entity: 'callback', entity_id: cb, before: null, after: JSON.stringify({ field: 'contactPhone', name: '张三' }) }]);
    expect(await env.fail('callbacks.reveal', { id: '01890000-0000-7000-8000-000000000000' }, 'clerk')).toMatchObject({ code: 'NOT_FOUND' });
    expect(reveals()).toHaveLength(1);
  });
});

describe('the queue is generic', () => {
  it('a second source kind, registered beside repairs, feeds the same queue and is handed its own reached answers', async () => {
    const { env, site } = await setup();
    const answered: { sourceId: string; outcome: string; callback: AnsweredCallback }[] = [];
    onTestFinished(
      registerCallbackSource({
        kind: 'test_complaint',
        route: (id) => `/test-complaints/${id}`,
        onAnswered: (ctx, sourceId, outcome, callback) => {
          answered.push({ sourceId, outcome, callback });
          // The source writes its own record's trail, in the attempt's transaction.
          ctx.audit(outcome === 'reopened' ? 'reopen' : 'close', 'test_complaint', sourceId, null, { callback: callback.number });
        },
      }),
    );
    const repair = await finished(env, site); // HF-2026-000001, due 17 March
    const fake = createCallback(env.host.ctx(null), {
      sourceKind: 'test_complaint',
      sourceId: 'complaint-1',
      sourceNumber: 'TS-2026-000001',
      dueDate: '2026-03-16',
      placeName: '1-101',
      contactName: '李四',
      contactPhone: '13900001111',
    });
    expect(fake.number).toBe('HF-2026-000002');
    // One queue, by due date: the fake source's callback first, each with its source's page.
    const queue = (await env.ok('callbacks.list', {}, 'clerk')).rows;
    expect(queue.map((c) => [c.number, c.sourceKind, c.sourceNumber, c.sourceRoute, c.contactPhoneMasked])).toEqual([
      ['HF-2026-000002', 'test_complaint', 'TS-2026-000001', '/test-complaints/complaint-1', '139****1111'],
      ['HF-2026-000001', 'repair', repair.number, `/repairs/${repair.id}`, '138****5678'],
    ]);
    expect((await env.ok('callbacks.get', { id: fake.id }, 'clerk')).timeline.map((t) => t.action)).toEqual(['create']);

    // Unreached: nothing for the source. Reached and unsatisfied: the source is told 'reopened', and only it.
    await unreached(env, fake.id);
    expect(answered).toEqual([]);
    const done = await env.ok('callbacks.attempt', { callbackId: fake.id, channel: 'phone', at: now(env), reached: true, fixed: true, satisfaction: 'unsatisfied', note: '还是很吵' }, 'clerk');
    expect(done).toMatchObject({ state: 'done', outcome: 'reopened' });
    expect(answered).toEqual([{ sourceId: 'complaint-1', outcome: 'reopened', callback: { id: fake.id, number: 'HF-2026-000002', fixed: true, satisfaction: 'unsatisfied', note: '还是很吵' } }]);
    expect(env.rows("SELECT action, entity_id FROM audit_log WHERE entity = 'test_complaint'")).toEqual([{ action: 'reopen', entity_id: 'complaint-1' }]);
    expect((await env.ok('repairs.get', { id: repair.id }, 'clerk')).state).toBe('completed');

    // The repair's answer goes to repairs, not to the other source.
    await reached(env, repair.callbacks[0].id, true, 'satisfied');
    expect((await env.ok('repairs.get', { id: repair.id }, 'clerk')).state).toBe('closed');
    expect(answered).toHaveLength(1);
    // Both count in the rate: done on the 15th, each on or before its due date.
    expect(await env.ok('callbacks.rate', { from: '2026-03-01', to: '2026-03-31' }, 'clerk')).toEqual({ due: 2, onTime: 2, basisPoints: 10000 });
  });

  it('refuses a callback from a kind nobody registered, and saves nothing', async () => {
    const { env } = await setup();
    const input = { sourceKind: 'nobody', sourceId: 'x', sourceNumber: 'X-1', dueDate: '2026-03-16', placeName: '1-101', contactName: '李四', contactPhone: '13900001111' };
    expect(() => createCallback(env.host.ctx(null), input)).toThrow(/no callback source registered for kind 'nobody'/);
    expect(env.count('SELECT count(*) FROM callbacks')).toBe(0);
    expect(env.count('SELECT count(*) FROM sequences')).toBe(0);
  });
});
