/**
 * The repair list's search box at a large site's unit codes: 221-1-1901 is eight digits once its dashes go, the
 * length of a phone, and must still find the unit's orders (the bench found 47 of 60 unit searches empty).
 */
import { describe, expect, it } from 'vitest';
import { createSite } from '../../helpers/fixtures';
import { testEnv } from '../../helpers/host';

describe('repairs.list search', () => {
  it('a unit code of seven digits or more is the unit, a phone is still a phone; the callback queue counts its own', async () => {
    const env = testEnv();
    await env.init();
    const site = await createSite(env);
    const unit = await env.ok('units.create', { buildingId: site.buildingId, code: '221-1-1901', use: 'residential', floor: 19, areaM2: 90, note: null });
    const intake = (unitId: string, phone: string) =>
      env.ok('repairs.create', {
        place: { kind: 'unit', unitId },
        reporterName: '张三',
        reporterPhone: phone,
        reportedAt: env.clock.now().toISOString(),
        category: 'water',
        description: '漏水',
        urgent: false,
        paid: false,
      });
    const high = await intake(unit.id, '13912345678');
    await intake(site.unitId, '13812345678');
    const numbers = async (q: string) => (await env.ok('repairs.list', { q })).rows.map((r) => r.number);
    expect(await numbers('221-1-1901')).toEqual([high.number]);
    expect(await numbers('139 1234 5678')).toEqual([high.number]);
    expect(await numbers('1-101')).toHaveLength(1);
    // A string of digits that is no unit's code is a phone (none has it).
    expect(await numbers('22111901')).toEqual([]);
    expect(await env.ok('callbacks.list', { state: 'queue' })).toMatchObject({ total: 0, rows: [] });
  });
});
