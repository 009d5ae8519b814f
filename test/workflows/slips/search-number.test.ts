import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import { renderPdf } from '../../../electron/pdf/engine';
import { recordNumberWithQr } from '../../../electron/pdf/parts';
import { pdfFile, pdfToPng } from '../../helpers/pdf-tools';
import { createSite, type Site } from '../../helpers/fixtures';
import { testEnv } from '../../helpers/host';
import { temporarySlip } from '../../helpers/slip-draft';

const draft = (site: Site) => temporarySlip(site.unitId);

/**
 * What the printed QR code holds (electron/pdf/parts.ts recordNumberWithQr), as a USB scanner types it (then
 * Enter): the header printed on a page, rendered and decoded by zbar.
 */
async function qrContent(number: string): Promise<string> {
  const file = pdfFile(await renderPdf({ content: [recordNumberWithQr(number, 'No.')] }), 'qr.pdf');
  const [png] = pdfToPng(file, file.replace(/\.pdf$/, ''), 200);
  const found = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png], { encoding: 'utf8' }).trim().split('\n');
  expect(found).toHaveLength(1);
  return found[0];
}

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('open by number (global search)', () => {
  it('finds a slip by its number however it is typed or scanned; an unknown number finds nothing; names still work', async () => {
    const env = testEnv();
    await env.init();
    const site = await createSite(env);
    await env.addUser('clerk');
    const first = await env.ok('slips.create', draft(site), 'clerk');
    const s = await env.ok('slips.create', draft(site), 'clerk');
    expect(s.number).toBe('FX-2026-000002');
    const hit = { kind: 'slip', id: s.id, title: s.number, subtitle: '1-101', unitId: site.unitId, state: 'draft' };

    const forms = [
      s.number,
      s.number.toLowerCase(),
      fullWidth(s.number),
      fullWidth(s.number.toLowerCase()),
      `${await qrContent(s.number)}\r\n`,
      ` ${await qrContent(s.number)}\t`,
      'FX2026000002',
      'fx-2026-2',
      'FX 2026 000002',
      'FX–2026–000002',
      'ＦＸ－２０２６－２',
    ];
    for (const q of forms) {
      expect(await env.ok('search.global', { q }), q).toEqual([hit]);
      expect(await env.ok('search.global', { q }, 'clerk'), q).toEqual([hit]);
    }
    expect((await env.ok('search.global', { q: 'fx-2026-000001' }))[0]).toMatchObject({ kind: 'slip', id: first.id });

    // The state follows the slip.
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    expect(await env.ok('search.global', { q: s.number })).toEqual([{ ...hit, state: 'awaiting_verification' }]);

    // Numbers that name no slip.
    for (const q of ['FX-2026-000099', 'FX-2025-000002', 'RH-2026-000002', 'FX-2026-000000']) expect(await env.ok('search.global', { q }), q).toEqual([]);

    // The ordinary search is unchanged: unit code, name, pinyin initials.
    expect(await env.ok('search.global', { q: '1-101' })).toEqual([{ kind: 'unit', id: site.unitId, title: '1-101', subtitle: '张三', unitId: site.unitId }]);
    expect((await env.ok('search.global', { q: '张三' }))[0]).toMatchObject({ kind: 'person', id: site.personId });
    expect(await env.ok('search.global', { q: 'zs' })).toContainEqual(expect.objectContaining({ kind: 'person', id: site.personId }));
  });

  it('reads record numbers tolerantly and leaves other text alone', () => {
    expect(parseRecordNumber('ｆｘ－２０２６－１６')?.canonical).toBe('FX-2026-000016');
    expect(parseRecordNumber('hf2026000016\n')?.canonical).toBe('HF-2026-000016');
    expect(parseRecordNumber('ZX-2026-1234567')?.canonical).toBe('ZX-2026-1234567');
    for (const text of ['1-101', '张三', 'zs', '5678', 'FX', 'FX-2026', 'FX-26-000016', '138 1234 5678', 'FX-2026-0']) expect(parseRecordNumber(text), text).toBeNull();
  });
});
