import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/pdf/engine';
import { slipDocument } from '../../../electron/workflows/slips/forms/release-slip';
import { MAX_SLIP_ITEMS } from '../../../shared/workflows/slips/schema';
import { sampleSlip } from '../../helpers/slip-sample';
import { pdfFile, pdfFonts, pdfPages, pdfText } from '../../helpers/pdf-tools';

const SITE = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };

const opts = { copy: false, printedAt: '2026-11-23 10:31', timeZone: 'Asia/Shanghai' };

describe('release slip PDF', () => {
  it('holds the number, unit, items, carrier and both part titles, with the CJK font embedded and subset', async () => {
    const file = pdfFile(await renderPdf(slipDocument(sampleSlip(3), SITE, 'zh-CN', opts)));
    const text = pdfText(file);
    expect(text.match(/FX-2026-000123/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('3-2-1502');
    for (const item of ['双人床', '衣柜', '冰箱']) expect(text).toContain(item);
    expect(text).toContain('李娜');
    expect(text).toContain('物品放行条（存档联）');
    expect(text).toContain('物品放行条（门岗联）');
    expect(text).toContain('沿此线剪开');
    expect(text).toContain('REC-20261123-0215');
    // Archive part keeps the full phone; the gate part shows it masked.
    expect(text).toContain('13912345678');
    expect(text).toContain('139****5678');
    expect(text).toContain('2026-11-23 10:20');
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC/);
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
    }
    expect(pdfPages(file)).toBe(1);
  });

  it('fits on one page with one item and with the maximum number of items', async () => {
    for (const n of [1, MAX_SLIP_ITEMS]) {
      const file = pdfFile(await renderPdf(slipDocument(sampleSlip(n), { ...SITE, logoDataUrl: null }, 'zh-CN', opts)));
      expect(pdfPages(file), `${n} items`).toBe(1);
      expect(pdfText(file)).toContain(n === 1 ? '双人床' : '纸箱');
    }
  });

  it('prints in English, and marks a reprint as a copy', async () => {
    const file = pdfFile(await renderPdf(slipDocument(sampleSlip(2), SITE, 'en', { ...opts, copy: true })));
    const text = pdfText(file);
    expect(text).toContain('Goods Release Slip');
    expect(text).toContain('Goods Release Slip (Archive part)');
    expect(text).toContain('Gate part');
    expect(text).toContain('COPY');
    expect(pdfPages(file)).toBe(1);
  });

  /** The page's text split at the cut line: what the archive part and the gate part each show once cut apart. */
  function partsOf(text: string, cut: string): { archive: string; gate: string } {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes(cut));
    expect(at, 'cut line').toBeGreaterThan(0);
    return { archive: lines.slice(0, at).join('\n'), gate: lines.slice(at + 1).join('\n') };
  }

  const LANGS = [
    { lang: 'zh-CN', mark: '副本', cut: '沿此线剪开', archive: '物品放行条（存档联）', gate: '物品放行条（门岗联）' },
    { lang: 'en', mark: 'COPY', cut: 'cut here', archive: 'Goods Release Slip (Archive part)', gate: 'Goods Release Slip (Gate part)' },
  ] as const;

  for (const l of LANGS) {
    it(`marks every part of a reprint as a copy, so a part cut off alone still shows it (${l.lang})`, async () => {
      for (const n of [3, MAX_SLIP_ITEMS]) {
        const file = pdfFile(await renderPdf(slipDocument(sampleSlip(n), SITE, l.lang, { ...opts, copy: true })));
        expect(pdfPages(file), `${n} items`).toBe(1);
        const { archive, gate } = partsOf(pdfText(file), l.cut);
        for (const [name, part, title] of [['archive', archive, l.archive], ['gate', gate, l.gate]] as const) {
          expect(part, `${name} part, ${n} items`).toContain(title);
          // Once in the part's header, on the title's line, and once more as the mark across the part.
          expect(part.split('\n').find((line) => line.includes(title)), `${name} header, ${n} items`).toContain(l.mark);
          expect(part.split(l.mark).length - 1, `${name} part, ${n} items`).toBeGreaterThanOrEqual(2);
        }
        // The parts keep their own content: the archive part its fees and full phone, the gate part the masked phone.
        expect(archive).toContain('13912345678');
        expect(gate).toContain('139****5678');
        expect(gate).not.toContain('13912345678');
      }
    });

    it(`never marks the original as a copy, in either part (${l.lang})`, async () => {
      const file = pdfFile(await renderPdf(slipDocument(sampleSlip(3), SITE, l.lang, opts)));
      const { archive, gate } = partsOf(pdfText(file), l.cut);
      expect(archive).toContain(l.archive);
      expect(gate).toContain(l.gate);
      for (const part of [archive, gate]) {
        expect(part).not.toContain('副本');
        expect(part).not.toContain('COPY');
      }
    });
  }
});
