import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/pdf/engine';
import { slipDocument, type SlipPrintData } from '../../electron/pdf/slip';
import { MAX_SLIP_ITEMS, type SlipDetail } from '../../shared/schemas/slip';
import { pdfFile, pdfFonts, pdfPages, pdfText } from '../helpers/pdf-tools';

const SITE = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };

export function sampleSlip(items: number, overrides: Partial<SlipDetail> = {}): SlipPrintData {
  const slip: SlipDetail = {
    id: '01900000-0000-7000-8000-000000000001',
    number: 'FX-2026-000123',
    unitId: '01900000-0000-7000-8000-000000000002',
    unitCode: '3-2-1502',
    state: 'issued',
    nature: 'moving_out',
    carrierName: '李娜',
    carrierType: 'tenant',
    itemSummary: '',
    createdAt: '2026-11-23T02:00:00.000Z',
    issuedAt: '2026-11-23T02:30:00.000Z',
    exitedAt: null,
    reason: '租约到期搬家',
    carrierPhoneMasked: '139****5678',
    carrierIdType: 'resident_id',
    carrierIdMasked: '440***********1234',
    carrierPersonId: null,
    tenantMoveOut: true,
    meterReadings: { water: 1234.5, electricity: 5678, gas: 321 },
    items: Array.from({ length: items }, (_, i) => ({ line: i + 1, name: ['双人床', '衣柜', '冰箱', '洗衣机', '纸箱'][i % 5], quantity: i + 1, unitOfCount: i % 5 === 4 ? '箱' : '件', remark: i === 0 ? '拆散' : null })),
    calls: [
      { id: 'c1', contactRole: 'owner', contactName: '王建国', contactPhoneMasked: '138****1234', calledAt: '2026-11-23T02:10:00.000Z', answer: 'unreachable', note: null, recordedByName: '张前台' },
      { id: 'c2', contactRole: 'owner', contactName: '王建国', contactPhoneMasked: '138****1234', calledAt: '2026-11-23T02:20:00.000Z', answer: 'agreed', note: null, recordedByName: '张前台' },
    ],
    fees: { clearedByName: '陈收银', clearedAt: '2026-11-23T02:25:00.000Z', receipt: 'SK20261123-08' },
    signatures: { clerk: false, carrier: false, owner: false },
    recordingRef: 'REC-20261123-0215',
    endReason: null,
    printCount: 0,
    needsVerification: true,
    proposedContact: null,
    issueBlockers: [],
    frequent: null,
    timeline: [],
    ...overrides,
  };
  return { slip, signatures: { clerk: null, carrier: null, owner: null }, carrierPhone: '13912345678' };
}

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
});
