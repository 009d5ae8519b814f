/**
 * What a clerk types, through the channels: text the printed form's font cannot show is refused with the
 * characters named, and full-width digits typed with a Chinese IME are the same numbers.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { createSite, type Site } from '../../helpers/fixtures';
import { testEnv } from '../../helpers/host';

const PERSON = { kind: 'person', phone: null, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null } as const;

function slip(site: Site, carrier: Partial<ChannelInput<'slips.create'>['carrier']>, item = '冰箱'): ChannelInput<'slips.create'> {
  return {
    unitId: site.unitId,
    nature: 'temporary',
    reason: '维修',
    carrier: { type: 'other', personId: null, name: '王师傅', phone: null, idType: null, idNumber: null, ...carrier },
    items: [{ name: item, quantity: 1, unitOfCount: '台', remark: null }],
    tenantMoveOut: false,
    meterReadings: null,
  };
}

describe('text that will be printed', () => {
  it('an emoji in a name, an item or a reason is refused, naming the character; nothing is stored', async () => {
    const env = testEnv();
    await env.init();
    const site = await createSite(env);
    const people = env.count('SELECT count(*) FROM people');
    expect((await env.fail('people.create', { ...PERSON, name: '王芳😀' })).fieldErrors).toEqual({ name: { message: 'v.unprintable', params: { chars: '😀' } } });
    expect(env.count('SELECT count(*) FROM people')).toBe(people);
    expect((await env.fail('slips.create', slip(site, { name: '李🇨🇳' }))).fieldErrors).toMatchObject({ 'carrier.name': { message: 'v.unprintable', params: { chars: '🇨🇳' } } });
    expect((await env.fail('slips.create', slip(site, {}, '电视📺'))).fieldErrors).toMatchObject({ 'items.0.name': { message: 'v.unprintable', params: { chars: '📺' } } });
    expect((await env.fail('buildings.create', { code: 'Z', name: '𠮷楼', note: null })).fieldErrors).toEqual({ name: { message: 'v.unprintable', params: { chars: '𠮷' } } });
    expect(env.count('SELECT count(*) FROM release_slips')).toBe(0);
    // What the font has goes through: rare characters of the standard list, full-width punctuation.
    expect((await env.ok('people.create', { ...PERSON, name: '䶮（刘䶮）' })).name).toBe('䶮（刘䶮）');
  });
});

describe('full-width digits from a Chinese IME', () => {
  it('phones and ID numbers typed full-width are stored half-width, on a person and on a slip', async () => {
    const env = testEnv();
    await env.init();
    const site = await createSite(env);
    const p = await env.ok('people.create', { ...PERSON, name: '陈静', phone: '１３８ １２３４ ５６７８', idType: 'resident_id', idNumber: '１１０１０５ １９４９１００１ ００４ｘ' });
    expect(env.rows<{ phone: string; id_number: string }>('SELECT phone, id_number FROM people WHERE id = ?', p.id)).toEqual([{ phone: '13812345678', id_number: '11010519491001004X' }]);
    const s = await env.ok('slips.create', slip(site, { name: '王师傅', phone: '１３９－１２３４－５６７８' }));
    expect(env.rows<{ carrier_phone: string }>('SELECT carrier_phone FROM release_slips WHERE id = ?', s.id)).toEqual([{ carrier_phone: '13912345678' }]);
  });
});
