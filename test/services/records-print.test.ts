import { describe, expect, it } from 'vitest';
import { createSite } from '../helpers/fixtures';
import { MINUTE, testEnv } from '../helpers/host';
import { pdfFile, pdfText } from '../helpers/pdf-tools';
import { temporarySlip } from '../helpers/slip-draft';

/** `records.print`: any record's form from its page, by its number, through the record kit (the repair page's print button). */
describe('records.print', () => {
  it('prints an issued slip by its number as typed; a second print is a copy; forbidden where the form or the record is not the user’s', async () => {
    const env = testEnv();
    await env.init();
    const site = await createSite(env);
    await env.addUser('clerk');
    await env.addUser('cashier');
    const s = await env.ok('slips.create', temporarySlip(site.unitId), 'clerk');
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    await env.ok('slips.recordCall', { slipId: s.id, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: env.clock.now().toISOString(), answer: 'agreed', note: null }, 'clerk');

    // Not issued yet: the form's own rule answers.
    expect(await env.fail('records.print', { number: s.number, lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'slip.why.printNeedsIssued' });
    await env.ok('slips.issue', { slipId: s.id, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false }, 'clerk');

    const first = await env.ok('records.print', { number: s.number.toLowerCase().replace(/-0+/, '-'), lang: 'zh-CN' }, 'clerk');
    expect(first).toMatchObject({ fileName: `${s.number}.pdf`, copy: false, form: 'release-slip' });
    const text = pdfText(pdfFile(Buffer.from(first.pdfBase64, 'base64')));
    for (const t of [s.number, '1-101', '存档联', '门岗联']) expect(text).toContain(t);
    expect(text).not.toContain('副本');

    env.clock.advance(MINUTE);
    const again = await env.ok('records.print', { number: s.number, form: 'release-slip', lang: 'en' }, 'clerk');
    expect(again).toMatchObject({ fileName: `${s.number}-copy.pdf`, copy: true });
    expect(pdfText(pdfFile(Buffer.from(again.pdfBase64, 'base64')))).toContain('COPY');

    // The cashier reads slips but may not print one (the slip form says slips.write): refused and audited, nothing printed.
    const before = env.count("SELECT count(*) FROM audit_log WHERE entity = 'slip'");
    expect(await env.fail('records.print', { number: s.number, lang: 'zh-CN' }, 'cashier')).toMatchObject({ code: 'FORBIDDEN' });
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'slip'")).toBe(before);
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND entity_id = 'records.print'")).toBe(1);

    // A form the record does not have, and a number that names nothing.
    expect(await env.fail('records.print', { number: s.number, form: 'no-such-form', lang: 'zh-CN' }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'error.noSuchForm' });
    expect(await env.fail('records.print', { number: 'FX-2026-999999', lang: 'zh-CN' }, 'clerk')).toEqual({ code: 'NOT_FOUND', message: 'error.noRecordNumbered', params: { number: 'FX-2026-999999' } });
    expect(env.rows('SELECT action FROM audit_log WHERE entity = ? ORDER BY at, id', 'slip').map((r) => r.action)).toEqual(['create', 'submit', 'verify', 'issue', 'print', 'reprint']);
  });
});
