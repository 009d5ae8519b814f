import type { SlipPrintData } from '../../electron/workflows/slips/forms/release-slip';
import type { SlipDetail } from '../../shared/workflows/slips/schema';

/** A realistic issued moving-out slip of a tenant, with `items` item lines (for PDF tests and the bench). */
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
    // Signed on the printed paper; the owner, not at the desk, gave the phone recording.
    signers: { clerk: 'paper', carrier: 'paper', owner: 'recording' },
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

