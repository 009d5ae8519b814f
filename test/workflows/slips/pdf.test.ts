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

describe('release slip PDF: each signer as they chose', () => {
  const SIGNS = [
    { lang: 'zh-CN', cut: '沿此线剪开', labels: ['经办人签字', '携带人签字', '业主签字'], paper: '（纸上签名）', notSigning: '业主不签字', recording: '电话录音：REC-20261123-0215' },
    { lang: 'en', cut: 'cut here', labels: ['Clerk signature', 'Carrier signature', 'Owner signature'], paper: '(signs on paper)', notSigning: 'Owner does not sign', recording: 'Phone recording: REC-20261123-0215' },
  ] as const;
  const count = (text: string, s: string) => text.split(s).length - 1;
  /** The text of the line that carries the signature labels, in each part, and the line below it. */
  const signatureLines = (text: string, label: string) => {
    const lines = text.split('\n');
    return lines.flatMap((l, i) => (l.includes(label) ? [`${l}\n${lines[i + 1] ?? ''}`] : []));
  };

  for (const l of SIGNS) {
    it(`prints a labelled empty line for each paper signer, on both parts, and no recording note (${l.lang})`, async () => {
      const file = pdfFile(await renderPdf(slipDocument(sampleSlip(MAX_SLIP_ITEMS, { signers: { clerk: 'paper', carrier: 'paper', owner: 'paper' } }), SITE, l.lang, opts)));
      const text = pdfText(file);
      expect(pdfPages(file)).toBe(1);
      // Three paper signers on each of the two parts, each under its label.
      expect(count(text, l.paper)).toBe(6);
      const rows = signatureLines(text, l.labels[0]);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        for (const label of l.labels) expect(row).toContain(label);
        expect(count(row, l.paper)).toBe(3);
      }
      // The slip has a recording reference, but the owner signs on paper: it is not printed as a stand-in.
      expect(text).not.toContain(l.notSigning);
      expect(text).not.toContain('REC-20261123-0215');
    });

    it(`prints the recording note only for an owner who does not sign (${l.lang})`, async () => {
      const file = pdfFile(await renderPdf(slipDocument(sampleSlip(3, { signers: { clerk: 'paper', carrier: 'paper', owner: 'recording' } }), SITE, l.lang, opts)));
      const text = pdfText(file);
      expect(count(text, l.notSigning)).toBe(2);
      expect(count(text, l.recording)).toBe(2);
      // The clerk and the carrier still get their lines; the owner's place holds the note, not a line to sign later.
      expect(count(text, l.paper)).toBe(4);
      for (const row of signatureLines(text, l.labels[0])) {
        expect(row).toContain(l.notSigning);
        expect(row).toContain(l.recording);
      }
    });
  }

  it('an owner signing on screen gets neither the paper caption nor the recording note; an older slip with no choice kept prints plain lines', async () => {
    const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const screen = sampleSlip(3, { signers: { clerk: 'screen', carrier: 'screen', owner: 'screen' } });
    screen.signatures = { clerk: PNG, carrier: PNG, owner: PNG };
    const text = pdfText(pdfFile(await renderPdf(slipDocument(screen, SITE, 'zh-CN', opts))));
    for (const s of ['（纸上签名）', '业主不签字', '电话录音']) expect(text).not.toContain(s);
    const old = pdfText(pdfFile(await renderPdf(slipDocument(sampleSlip(3, { signers: { clerk: null, carrier: null, owner: null }, recordingRef: null }), SITE, 'zh-CN', opts))));
    expect(count(old, '业主签字')).toBe(2);
    for (const s of ['（纸上签名）', '业主不签字', '电话录音']) expect(old).not.toContain(s);
  });
});
