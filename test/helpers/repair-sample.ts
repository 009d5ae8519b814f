import type { WorkOrderData } from '../../electron/workflows/repairs/forms/work-order';
import type { RepairDetail } from '../../shared/workflows/repairs/schema';

/** A 1×1 PNG, as a signature captured on screen. */
export const PNG_SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const PRICES = [
  { code: 'labour_visit', name: '上门维修人工', kind: 'labour', unitOfCount: '次', unitPriceFen: 3000 },
  { code: 'tap', name: '水龙头', kind: 'material', unitOfCount: '个', unitPriceFen: 4550 },
  { code: 'pipe', name: 'PPR 水管', kind: 'material', unitOfCount: '米', unitPriceFen: 1200 },
  { code: 'switch', name: '开关面板', kind: 'material', unitOfCount: '个', unitPriceFen: 1800 },
] as const;

/**
 * A realistic urgent paid order of unit 3-2-1502 (a burst pipe), dispatched and not yet picked up, with `charges`
 * charge lines; `over` changes any field (for PDF tests and the timing script).
 */
export function sampleRepair(charges: number, over: Partial<RepairDetail> = {}): WorkOrderData {
  const lines = Array.from({ length: charges }, (_, i) => {
    const p = PRICES[i % PRICES.length];
    const quantity = (i % 3) + 1;
    return { line: i + 1, ...p, quantity, amountFen: p.unitPriceFen * quantity };
  });
  const repair: RepairDetail = {
    id: '01900000-0000-7000-8000-00000000000a',
    number: 'BX-2026-000123',
    state: 'dispatched',
    unitId: '01900000-0000-7000-8000-000000000002',
    placeName: '3-2-1502',
    category: 'water',
    reporterName: '李娜',
    reporterPhoneMasked: '139****5678',
    urgent: true,
    paid: true,
    receivedAt: '2026-03-15T04:00:00.000Z',
    pickupDueAt: '2026-03-15T04:11:00.000Z',
    overdueForPickup: false,
    chaseCount: 0,
    areaCode: null,
    reporterPersonId: null,
    reportedAt: '2026-03-15T03:58:00.000Z',
    receiverName: '张前台',
    description: '厨房水槽下水管爆裂，正在漏水，已关总阀',
    appointmentAt: '2026-03-15T05:00:00.000Z',
    priceTold: true,
    charges: lines,
    chargeTotalFen: lines.reduce((n, l) => n + l.amountFen, 0),
    chargeState: 'pending',
    chargeNote: null,
    dispatchedAt: '2026-03-15T04:01:00.000Z',
    notifiedName: '工程部刘工',
    lastChasedAt: null,
    technician: null,
    pickedUpAt: null,
    workDone: null,
    materials: null,
    requesterSign: null,
    finishedAt: null,
    leakTestDate: null,
    reopenCount: 0,
    endReason: null,
    callbacks: [],
    timeline: [],
    ...over,
  };
  return { repair, categoryName: '水', reporterPhone: '13912345678', signatures: { technician: null, requester: null } };
}

/** The same order finished: picked up by 刘师傅 (signed on screen), work done, the requester signed on paper. */
export function finishedRepair(charges: number, over: Partial<RepairDetail> = {}): WorkOrderData {
  const d = sampleRepair(charges, {
    state: 'completed',
    technician: { code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' },
    pickedUpAt: '2026-03-15T04:06:00.000Z',
    workDone: '更换水槽下水管及三通，试水无渗漏',
    materials: 'PVC 下水管 1.5 米，三通 1 个',
    requesterSign: 'paper',
    finishedAt: '2026-03-15T05:40:00.000Z',
    timeline: [{ at: '2026-03-15T05:45:00.000Z', userName: '张前台', action: 'complete', detail: null }],
    ...over,
  });
  d.signatures.technician = PNG_SIGNATURE;
  return d;
}
