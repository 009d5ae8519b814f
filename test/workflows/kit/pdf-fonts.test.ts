import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/pdf/engine';
import { pdfFile, pdfFonts, pdfText } from '../../helpers/pdf-tools';

/** 500 different CJK characters, for a document with a large font subset. */
const MANY = Array.from({ length: 500 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join('');

describe('the body font, parsed once a process and subset per document', () => {
  it('each document embeds its own subset of each weight: the text reads back, and a small form after a large one stays small', async () => {
    const big = pdfFile(await renderPdf({ content: [{ text: MANY }, { text: '加粗 Bold', bold: true }] }), 'big.pdf');
    const smallBytes = await renderPdf({ content: ['入伙 RH-2026-000001', { text: '签收', bold: true }] });
    const small = pdfFile(smallBytes, 'small.pdf');
    const again = pdfFile(await renderPdf({ content: [{ text: MANY }, { text: '加粗 Bold', bold: true }] }), 'again.pdf');

    expect(pdfText(big).replace(/\s/g, '')).toContain(MANY);
    expect(pdfText(small)).toContain('入伙 RH-2026-000001');
    expect(pdfText(small)).toContain('签收');
    expect(pdfText(again).replace(/\s/g, '')).toContain(MANY);
    for (const f of [big, small, again]) {
      const fonts = pdfFonts(f);
      expect(fonts.length).toBe(2);
      for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
    }
    // The small document carries a dozen glyphs, not the 500 of the one before it.
    expect(smallBytes.length).toBeLessThan(20_000);
  });
});
