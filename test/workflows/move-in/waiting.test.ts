/**
 * The owners expected (Today, the notices page, the dashboard tile) are counted from two indexes — every notice
 * less the live records started from one — not by probing each notice: the count must equal the anti-join's
 * through starts, voids, restarts and notices dated later than today.
 */
import { describe, expect, it } from 'vitest';
import { localWallClock } from '../../../shared/kernel/deadlines';
import { newOwner, setup } from '../../helpers/move-in';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('the waiting notices count', () => {
  it('equals the notices not started, dated today or before (Today) or at all (the notices page, the tile)', async () => {
    const { env, site } = await setup();
    for (const code of ['1-103', '1-104']) await env.ok('units.create', { buildingId: site.buildingId, code, use: 'residential', floor: 1, areaM2: 90, note: null });
    const ids = env.rows<{ id: string; code: string }>("SELECT id, code FROM units WHERE code IN ('1-103', '1-104')");
    for (const u of ids) await env.ok('units.setOccupancy', { unitId: u.id, state: 'not_handed_over', effectiveDate: '2026-01-01', note: null });
    const today = (await env.ok('today.summary', {}, 'clerk')).moveIn;
    expect(today.waitingTotal).toBe(0);
    // Four notices: three dated before today, one (1-104) dated next month.
    const csv = '房号,业主,入伙日期\n1-101,张三,2026-03-01\n1-102,李四,2026-03-02\n1-103,王五,2026-03-03\n1-104,赵六,2026-12-01\n';
    const p = await env.ok('moveIn.importPreview', { fileName: 'n.csv', contentBase64: b64(csv) }, 'clerk');
    await env.ok('moveIn.importCommit', { batchId: p.batchId, onlyValid: false }, 'clerk');

    const antiJoin = (upTo: string | null) =>
      env.count(`SELECT count(*) FROM move_in_notices n WHERE ${upTo ? `n.notice_date <= '${upTo}' AND` : ''} NOT EXISTS (SELECT 1 FROM move_ins m WHERE m.notice_id = n.id AND m.state != 'voided')`);
    const check = async (expectToday: number, expectAll: number) => {
      const summary = await env.ok('today.summary', {});
      const tile = summary.tiles.find((x) => x.id === 'moveIn.progress');
      const list = await env.ok('moveIn.notices', { offset: 0, limit: 50, waiting: true }, 'clerk');
      expect(summary.moveIn.waitingTotal).toBe(expectToday);
      expect(summary.moveIn.waitingTotal).toBe(antiJoin(localWallClock(env.clock.now()).slice(0, 10)));
      expect(summary.moveIn.waitingNotices).toHaveLength(expectToday);
      expect(list.total).toBe(expectAll);
      expect(list.total).toBe(antiJoin(null));
      expect(list.rows).toHaveLength(expectAll);
      expect(tile && 'parts' in tile ? tile.parts.find((x) => x.key === 'waiting')?.value : null).toBe(expectAll);
    };
    await check(3, 4);
    const a = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    await check(2, 3);
    await env.ok('moveIn.create', { unitId: ids.find((u) => u.code === '1-104')!.id, newOwner: newOwner('赵六') }, 'clerk');
    await check(2, 2);
    await env.ok('moveIn.void', { id: a.id, reason: '重复登记' }, 'supervisor');
    await check(3, 3);
    const again = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    expect(again.noticeId).toBe(a.noticeId);
    await check(2, 2);
    // Each live record from a notice of its own: what the count rests on.
    expect(env.count("SELECT count(*) FROM move_ins WHERE notice_id IS NOT NULL AND state != 'voided'")).toBe(env.count("SELECT count(DISTINCT notice_id) FROM move_ins WHERE notice_id IS NOT NULL AND state != 'voided'"));
  });
});
